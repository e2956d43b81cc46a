/**
 * Headers of filled tables: where they are (possibly several rows with merged captions), which
 * columns hold codes, labels and amounts, and the caption tree over the amount columns.
 */
import { Cell, cellText } from '../../grid';
import { parseAmount } from '../../money';
import { normalizeText, unitFromLine } from '../../text';
import type { ColumnKey, ColumnNode, TableColumn } from './model';

const HEADER_WORD = /合计|小计|项目|科目|编码|代码|名称|预算数|支出|收入|经费|金额|^类$|^款$|^项$|费$/;

/** Row labels, never column captions: "一、财政拨款收入", "1. 一般公共预算", "（一）…". */
const NUMBERED_LABEL = /^\s*([一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．](?!\d)|[（(]\s*[一二三四五六七八九十\d]+\s*[)）])/;
/** Total rows' labels: a row of only these is the 收入总计 / 支出总计 line of a blank table. */
const TOTAL_LABEL = /总计$|^(本年|当年)?(收入|支出)?(合计|小计)$/;

/**
 * A header row: two or more distinct captions, at least one a header word, no figures or codes.
 * A blank template's data rows are all text too; numbered row labels and a line of totals tell them
 * apart (普陀 compilation template with its amount columns still empty).
 */
export function isHeaderRow(row: ReadonlyArray<Cell> | undefined): boolean {
  return captionsOf(row)?.header ?? false;
}

/**
 * A row of one caption alone ("支出用途" over its two columns, a lone "小计"): part of the header only
 * when a full header row follows it — 江苏 2019 财政拨款收支预算总表 and its “三公” table print the
 * header over up to six PDF lines, some with one caption each.
 */
export function isCaptionRow(row: ReadonlyArray<Cell> | undefined): boolean {
  const c = captionsOf(row);
  return c !== null && c.count >= 1;
}

function captionsOf(row: ReadonlyArray<Cell> | undefined): { header: boolean; count: number } | null {
  if (!row) return null;
  const texts = new Set<string>();
  let word = false;
  // Distinct total captions: a 决算 “三公” table prints 合计 once per stage (预算数 | 决算数).
  const totals = new Set<string>();
  for (const v of row) {
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string') return null; // numbers, dates, errors: data
    const t = v.trim();
    if (t === '') continue;
    const a = parseAmount(t, 'yuan');
    if (a.ok && !a.blank) return null;
    if (/^\d{3,7}$/.test(t)) return null;
    if (unitFromLine(t) || /^编制(部门|单位)/.test(t)) return null;
    if (NUMBERED_LABEL.test(t)) return null;
    const n = normalizeText(t);
    if (n.length > 30) return null; // a sentence, not a caption
    texts.add(n);
    if (TOTAL_LABEL.test(n)) totals.add(n);
    if (HEADER_WORD.test(n)) word = true;
  }
  return { header: word && texts.size >= 2 && totals.size < texts.size, count: texts.size };
}

/** Role of a non-amount column. */
export type LabelRole = 'class' | 'section' | 'item' | 'code' | 'label' | 'ignore';

export function labelRole(leaf: string): LabelRole | null {
  const n = normalizeText(leaf);
  if (n === '类') return 'class';
  if (n === '款') return 'section';
  if (n === '项') return 'item';
  if (/行次|栏次|序号/.test(n)) return 'ignore';
  if (/编码|代码|^编号$/.test(n) && !/名称/.test(n)) return 'code';
  // 江苏 收支预算总表 lists 支出 three ways: 支出类别, 政府预算经济分类, 部门预算经济分类, 功能分类.
  if (/名称|^(收入|支出)?项目$|^项目[(（]?按|科目$|^单位$|^部门$|(功能|经济)分类$|^支出(类别|用途)$|^用途$/.test(n)) return 'label';
  return null;
}

/** What an amount caption means. `path` is the captions above it, top first. */
export function columnKey(caption: string, path: ReadonlyArray<string>): ColumnKey {
  const n = normalizeText(caption);
  const inVehicle = path.some((p) => /公务用车/.test(normalizeText(p)));
  if (/^其中/.test(n)) return 'breakdown';
  // 决算 tables head their total column 本年收入合计 / 本年支出合计.
  if (/^(合计|小计|总计)$/.test(n) || /^(本年|三公经费)?(合计|小计|总计)$/.test(n) || /^本年(收入|支出)(合计|小计|总计)$/.test(n)) return 'total';
  if (/因公出国/.test(n)) return 'abroad';
  if (/公务接待/.test(n)) return 'reception';
  if (/公务用车.*购置.*运行|公务用车费$|公务用车购置及运行/.test(n)) return 'vehicle';
  if (/购置/.test(n) && (inVehicle || /公务用车/.test(n))) return 'vehiclePurchase';
  if (/运行/.test(n) && (inVehicle || /公务用车/.test(n))) return 'vehicleOperation';
  if (/机关运行经费/.test(n)) return 'adminOperation';
  if (/基本支出/.test(n)) return 'basic';
  if (/项目支出/.test(n)) return 'project';
  if (/人员经费/.test(n)) return 'personnel';
  if (/公用经费/.test(n)) return 'public';
  if (/政府性基金/.test(n)) return 'fund';
  if (/国有资本经营/.test(n)) return 'capital';
  if (/一般公共预算/.test(n)) return 'general';
  if (/财政拨款/.test(n)) return 'fiscal';
  if (/预算数|^金额|决算数/.test(n)) return 'amount';
  return 'other';
}

/**
 * Caption paths of every column over the header rows [h0, h1]. Merged captions arrive filled; a
 * caption written once over unmerged cells is carried right while the row below splits it.
 */
export function headerPaths(cells: ReadonlyArray<ReadonlyArray<Cell>>, h0: number, h1: number, width: number): string[][] {
  const grid: string[][] = [];
  for (let r = h0; r <= h1; r++) {
    const row: string[] = [];
    for (let c = 0; c < width; c++) row.push(cellText(cells[r]?.[c] ?? null));
    grid.push(row);
  }
  for (let i = 0; i < grid.length - 1; i++) {
    for (let c = 1; c < width; c++) {
      if (grid[i][c] !== '' || grid[i][c - 1] === '') continue;
      let below = false;
      for (let j = i + 1; j < grid.length; j++) if (grid[j][c] !== '') below = true;
      const sameParent = i === 0 || grid[i - 1][c] === grid[i - 1][c - 1];
      // A caption standing higher than the group's sub-captions (山东烟台 2026: 项目支出 printed on
      // the line of 合计, level with neither 基本支出 nor its 小计 | 人员支出 | 日常公用支出) is a
      // column of its own, not one more under the group; a caption level with the group's own
      // sub-captions (“三公” 2024年预算数: 合计 | … | 公务接待费) stays under it.
      const first = (col: number) => {
        for (let j = i + 1; j < grid.length; j++) if (grid[j][col] !== '') return j;
        return grid.length;
      };
      let start = c - 1;
      while (start > 0 && grid[i][start - 1] === grid[i][c - 1]) start--;
      const level = (j: number) => { for (let k = start; k < c; k++) if (grid[j][k] !== '') return true; return false; };
      const higher = first(c) < first(c - 1) && first(c - 1) === grid.length - 1 && first(c) < grid.length - 1 && !level(first(c));
      if (below && sameParent && !higher) grid[i][c] = grid[i][c - 1];
    }
  }
  const paths: string[][] = [];
  for (let c = 0; c < width; c++) {
    const p: string[] = [];
    for (let i = 0; i < grid.length; i++) {
      const t = grid[i][c];
      if (t !== '' && p[p.length - 1] !== t) p.push(t);
    }
    paths.push(p);
  }
  return paths;
}

/** The caption tree over a block's amount columns (positions into `columns`). */
export function columnTree(columns: ReadonlyArray<TableColumn>): ColumnNode[] {
  const build = (ids: number[], depth: number, parent: string[]): ColumnNode[] => {
    const out: ColumnNode[] = [];
    let i = 0;
    while (i < ids.length) {
      const caption = columns[ids[i]].path[depth];
      let j = i + 1;
      while (j < ids.length && columns[ids[j]].path[depth] === caption) j++;
      const run = ids.slice(i, j);
      const deeper = run.filter((id) => columns[id].path.length > depth + 1);
      if (deeper.length === 0 && run.length === 1) {
        out.push({ label: caption, key: columns[run[0]].key, column: run[0], children: [] });
      } else {
        const children: ColumnNode[] = [];
        // A column whose captions end at the group's caption holds the group's own total.
        for (const id of run) {
          if (columns[id].path.length === depth + 1) children.push({ label: caption, key: 'total', column: id, children: [] });
        }
        children.push(...build(deeper, depth + 1, [...parent, caption]));
        children.sort((a, b) => firstColumn(a) - firstColumn(b));
        out.push({ label: caption, key: columnKey(caption, parent), children });
      }
      i = j;
    }
    return out;
  };
  return build(columns.map((_, i) => i), 0, []);
}

function firstColumn(n: ColumnNode): number {
  if (n.column !== undefined) return n.column;
  return Math.min(...n.children.map(firstColumn));
}
