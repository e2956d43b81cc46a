/**
 * Sums inside one filled table (SPEC §3 TABLES.ROW_SUM, TABLES.HIERARCHY_SUM; domain §4.2 BUD-C002,
 * C003, C008, C009): "合计 = 基本支出 + 项目支出", "合计 = 人员经费 + 公用经费", "三公合计 = 出国 + 接待 +
 * 车小计; 小计 = 购置 + 运行", "收入总计 = 各项收入之和", and "类 = Σ 款, 款 = Σ 项, 合计 = Σ 类".
 */
import { DEFAULT_SEVERITY, Finding, RuleId } from '../../findings';
import { hierarchyMessage, rowSumMessage } from '../../messages/tables';
import { normalizeText } from '../../text';
import type { AmountCell, ColumnNode, FilledTable, TableBlock, TableRow } from './model';
import { tableName } from './titles';
import { threePublicRowLayout } from './three-public';
import {
  Value, allowance, captionOf, isChangeCaption, nodeValue, partsOf, rowCaption, sumValues, totalChild,
} from './values';

export interface SumContext {
  readonly file: string;
  readonly table: FilledTable;
  readonly findings: Finding[];
  /** Totals that differ from their parts within the allowance (reported once per table as TABLES.ROUNDING). */
  readonly rounding?: Array<{ cell: AmountCell; row: TableRow; diffFen: number }>;
}

export function tableFinding(rule: RuleId, file: string, table: FilledTable, cell: Pick<AmountCell, 'row' | 'address'> | undefined, message: string, figures?: Record<string, number>): Finding {
  const location = cell
    ? { file, sheet: table.sheet, cell: cell.address, row: cell.row }
    : table.titleCell && table.titleRow !== undefined
      ? { file, sheet: table.sheet, cell: table.titleCell, row: table.titleRow }
      : { file, sheet: table.sheet };
  const f: Finding = { rule, severity: DEFAULT_SEVERITY[rule], location, message };
  if (table.department) f.unit = { name: table.department };
  if (figures) f.figures = figures;
  return f;
}

/** Compare a written total with the sum of its parts; push a finding when beyond the allowance. */
function compare(
  ctx: SumContext, rule: RuleId, total: Value | null, parts: Value | null, row: TableRow,
  totalLabel: string, partsLabel: string, column?: string,
): void {
  if (!total || !parts || !total.cell) return;
  const tol = allowance(ctx.table.amountUnit, total.figures + parts.figures);
  const diff = total.fen - parts.fen;
  if (Math.abs(diff) <= tol) {
    if (diff !== 0) ctx.rounding?.push({ cell: total.cell, row, diffFen: diff });
    return;
  }
  const name = tableName(ctx.table.kind, ctx.table.family, ctx.table.stage);
  const m = {
    table: name, row: row.row, label: rowCaption(row), totalLabel, partsLabel,
    actualFen: total.fen, expectedFen: parts.fen, amountUnit: ctx.table.amountUnit, toleranceFen: tol,
  };
  const message = rule === 'TABLES.HIERARCHY_SUM' ? hierarchyMessage({ ...m, column: column ?? totalLabel }) : rowSumMessage(m);
  const figures: Record<string, number> = { actualFen: total.fen, expectedFen: parts.fen, differenceFen: diff };
  if (tol > 0) figures.toleranceFen = tol;
  ctx.findings.push(tableFinding(rule, ctx.file, ctx.table, total.cell, message, figures));
}

/** Across one row: each group's total equals its parts, at every level of the header. */
function checkRowAcross(ctx: SumContext, block: TableBlock, row: TableRow, nodes: ReadonlyArray<ColumnNode>): void {
  for (const n of nodes) if (n.children.length > 0) checkRowAcross(ctx, block, row, n.children);
  const total = totalChild(nodes);
  if (!total) return;
  const parts = partsOf(block, nodes, total, ctx.table.kind);
  if (parts.length === 0) return;
  const tv = nodeValue(block, row, total, ctx.table.kind);
  const pv = sumValues(parts.map((p) => nodeValue(block, row, p, ctx.table.kind)));
  compare(ctx, 'TABLES.ROW_SUM', tv, pv, row, captionOf(block, total), parts.map((p) => captionOf(block, p)).join('＋'));
}

export function checkRowSums(ctx: SumContext): void {
  for (const block of ctx.table.blocks) {
    for (const row of block.rows) {
      if (row.role === 'breakdown') continue;
      checkRowAcross(ctx, block, row, block.tree);
    }
  }
}

const CODE_LEVELS = [3, 5];

/** Nearest ancestor code present in the table ("2070101" → "20701", else "207"). */
function parentCode(code: string, present: ReadonlySet<string>): string | null {
  for (let i = CODE_LEVELS.length - 1; i >= 0; i--) {
    const len = CODE_LEVELS[i];
    if (len < code.length && present.has(code.slice(0, len))) return code.slice(0, len);
  }
  return null;
}

function levelName(code: string): string {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : '项';
}

function compareColumns(ctx: SumContext, block: TableBlock, parent: TableRow, children: ReadonlyArray<TableRow>, partsLabel: string): void {
  block.columns.forEach((col, j) => {
    const tc = parent.cells[j];
    const total: Value | null = tc ? { fen: tc.fen, figures: 1, cell: tc } : null;
    const parts = sumValues(children.map((c) => {
      const cell = c.cells[j];
      return cell ? { fen: cell.fen, figures: 1 } : null;
    }));
    compare(ctx, 'TABLES.HIERARCHY_SUM', total, parts, parent, captionOf(block, { label: col.label, key: col.key, column: j, children: [] }), partsLabel, captionOf(block, { label: col.label, key: col.key, column: j, children: [] }));
  });
}

/**
 * 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类 in tables with classification codes. Returns a reason when the
 * table's rows carry no codes, so that the hierarchy could not be checked.
 */
export function checkHierarchy(ctx: SumContext): string | null {
  const block = ctx.table.blocks[0];
  if (!block || block.side !== 'single') return null;
  const coded = block.rows.filter((r) => r.role === 'item' && r.code !== null);
  const uncoded = block.rows.filter((r) => r.role === 'item' && r.code === null);
  // One line of totals (江苏 支出预算总表): its row sum is all there is to check.
  if (block.rows.length > 0 && block.rows.every((r) => r.role === 'total' && r.label === '' && r.code === null)) return null;
  if (coded.length === 0 && uncoded.length > 0) {
    return checkSubtotalGroups(ctx, block) ? null : '各行没有科目编码，无法核对类、款、项之间的合计';
  }
  const byCode = new Map<string, TableRow>();
  for (const r of coded) if (!byCode.has(r.code as string)) byCode.set(r.code as string, r);
  const present = new Set(byCode.keys());
  const children = new Map<TableRow, TableRow[]>();
  const top: TableRow[] = [];
  // A code printed again (山东烟台 2026 基本支出表: 部门经济分类 301 once under 政府经济分类 501, once
  // under 505, each with its own 款 rows) heads the rows below it: a row's parent is the nearest row
  // above with the parent code, else (a parent printed below) its first row.
  const above = new Map<string, TableRow>();
  for (const r of coded) {
    const p = parentCode(r.code as string, present);
    above.set(r.code as string, r);
    if (p === null) {
      top.push(r);
      continue;
    }
    const parent = above.get(p) ?? (byCode.get(p) as TableRow);
    const list = children.get(parent) ?? [];
    list.push(r);
    children.set(parent, list);
  }
  for (const [parent, kids] of children) {
    compareColumns(ctx, block, parent, kids, `所属各${levelName(kids[0].code as string)}之和`);
  }
  const totals = block.rows.filter((r) => r.role === 'total');
  const halves = halfTotals(block);
  for (const total of totals) {
    // Two halves side by side (决算 基本支出表): each half's 合计 (人员经费合计 | 公用经费合计) adds
    // the classes printed above it in its own half.
    const parts = halves ? top.filter((r) => halves.get(r) === halves.get(total)) : top;
    if (parts.length === 0 && uncoded.length > 0) continue;
    compareColumns(ctx, block, total, parts, parts.length > 0 ? `${halves ? '本栏' : ''}各${levelName(parts[0].code as string)}之和` : '各科目之和');
  }
  return null;
}

/**
 * The half each row stands in, when a block holds two halves printed side by side, each closing
 * with its own total row; null for an ordinary table. A half is told by the sheet column its
 * figures stand in.
 */
export function halfTotals(block: TableBlock): Map<TableRow, number> | null {
  const totals = block.rows.filter((r) => r.role === 'total');
  const colOf = (r: TableRow) => r.cells.find((c) => c !== null)?.col ?? -1;
  if (totals.length !== 2 || colOf(totals[0]) === colOf(totals[1])) return null;
  const map = new Map<TableRow, number>();
  for (const r of block.rows) map.set(r, colOf(r));
  return map;
}

/**
 * 收支总表 and 财政拨款收支总表, down each side: an 一、… row with 1.… rows under it equals their
 * sum; 本年收入合计 equals the 一、… rows above; 收入总计 equals 本年收入合计 plus the rows between
 * (上年结转…), or all 一、… rows when there is no 本年合计.
 */
export function checkSummarySides(ctx: SumContext): void {
  for (const block of ctx.table.blocks) {
    if (block.side === 'single') continue;
    const sideName = block.side === 'income' ? '收入' : '支出';
    block.columns.forEach((col, j) => {
      if (col.prior) return;
      const val = (r: TableRow): Value | null => {
        const c = r.cells[j];
        return c ? { fen: c.fen, figures: 1, cell: c } : null;
      };
      const caption = captionOf(block, { label: col.label, key: col.key, column: j, children: [] });
      let items: TableRow[] = [];
      let yearTotal: TableRow | null = null;
      const rows = block.rows;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        if (row.role === 'item') {
          items.push(row);
          const kids: TableRow[] = [];
          for (let k = i + 1; k < rows.length && (rows[k].role === 'child' || rows[k].role === 'breakdown'); k++) {
            if (rows[k].role === 'child') kids.push(rows[k]);
          }
          if (kids.length > 0) compare(ctx, 'TABLES.ROW_SUM', val(row), sumValues(kids.map(val)), row, caption, '其下各项之和');
        } else if (row.role === 'yearTotal') {
          compare(ctx, 'TABLES.ROW_SUM', val(row), sumValues(items.map(val)), row, caption, `各项${sideName}之和`);
          yearTotal = row;
          items = [];
        } else if (row.role === 'grandTotal') {
          const parts = yearTotal ? [yearTotal, ...items] : items;
          compare(ctx, 'TABLES.ROW_SUM', val(row), sumValues(parts.map(val)), row, caption, yearTotal ? `本年${sideName}合计与其后各项之和` : `各项${sideName}之和`);
          items = [];
          yearTotal = null;
        }
      }
    });
  }
}

/**
 * 三公 tables laid out down the rows (合计 / 因公出国 / 公务接待 / 公务用车 …): every figure column is
 * checked — 本年 and 上年, and "其中：…" columns, which must add up the same way (桂林 2015 prints
 * the same slip in both of its columns).
 */
export function checkThreePublicRows(ctx: SumContext): void {
  const layout = threePublicRowLayout(ctx.table);
  if (!layout) return;
  const { block, rows } = layout;
  block.columns.forEach((col, column) => {
    if (isChangeCaption(col.label)) return;
    const val = (r: TableRow | undefined): Value | null => {
      if (!r) return { fen: 0, figures: 0 };
      const c = r.cells[column];
      return c ? { fen: c.fen, figures: 1, cell: c } : null;
    };
    const caption = captionOf(block, { label: col.label, key: col.key, column, children: [] });
    const vehicleParts = [rows.vehiclePurchase, rows.vehicleOperation].filter((r): r is TableRow => r !== undefined);
    if (rows.vehicle && vehicleParts.length > 0) {
      compare(ctx, 'TABLES.ROW_SUM', val(rows.vehicle), sumValues(vehicleParts.map(val)), rows.vehicle, caption, '公务用车购置费＋公务用车运行费');
    }
    if (rows.total) {
      const vehicle = rows.vehicle ? [rows.vehicle] : vehicleParts;
      const parts = [rows.abroad, rows.reception, ...vehicle].filter((r): r is TableRow => r !== undefined);
      if (parts.length > 0) compare(ctx, 'TABLES.ROW_SUM', val(rows.total), sumValues(parts.map(val)), rows.total, caption, '因公出国（境）费＋公务接待费＋公务用车购置及运行费');
    }
  });
}

const SUBTOTAL = /小计$/;

/**
 * A table of named rows without codes whose groups each open with their 小计 (江苏 收入预算总表:
 * 收入总计 / 小计 · 公共财政拨款(补助)资金 · 专项收入 / 小计 … / 小计 · 事业收入 · 经营收入 · 其他收入 /
 * 小计 · 其中：动用上年结转和结余资金): each 小计 = Σ the items below it up to the next 小计, and the
 * 总计 above them = Σ 小计. "其中" rows are parts of an item, not items. False (nothing checked) unless
 * the table is laid out so: its total first, a 小计 right under it.
 */
function checkSubtotalGroups(ctx: SumContext, block: TableBlock): boolean {
  const rows = block.rows.filter((r) => r.role !== 'breakdown');
  const isSub = (r: TableRow) => r.role === 'item' && SUBTOTAL.test(normalizeText(r.label));
  if (rows.length < 2 || rows[0].role !== 'total' || !isSub(rows[1])) return false;
  if (rows.slice(1).some((r) => r.role === 'total')) return false;
  const groups: Array<{ sub: TableRow; items: TableRow[] }> = [];
  for (const r of rows.slice(1)) {
    if (isSub(r)) groups.push({ sub: r, items: [] });
    else groups[groups.length - 1].items.push(r);
  }
  const total = rows[0];
  block.columns.forEach((col, j) => {
    if (col.prior) return;
    const val = (r: TableRow): Value | null => {
      const c = r.cells[j];
      return c ? { fen: c.fen, figures: 1, cell: c } : null;
    };
    const caption = captionOf(block, { label: col.label, key: col.key, column: j, children: [] });
    for (const g of groups) compare(ctx, 'TABLES.HIERARCHY_SUM', val(g.sub), sumValues(g.items.map(val)), g.sub, caption, '其下各项之和', caption);
    compare(ctx, 'TABLES.HIERARCHY_SUM', val(total), sumValues(groups.map((g) => val(g.sub))), total, caption, '各小计之和', caption);
  });
  return true;
}
