/**
 * Reading one filled table from its segment: unit line, header, code/label/amount columns and the
 * data rows. Unreadable amount cells are reported, never thrown.
 */
import { a1 } from '../../address';
import { Cell, cellText } from '../../grid';
import { AmountUnit, parseAmount } from '../../money';
import type { MagnitudeAccount } from '../../money';
import { RUN_MAGNITUDE } from '../../messages/data';
import { normalizeText, stripUnitSuffix, unitFromLine } from '../../text';
import { columnKey, columnTree, headerPaths, isCaptionRow, isHeaderRow, labelRole, LabelRole } from './header';
import type { AmountCell, ColumnKey, FilledTable, RowRole, TableBlock, TableColumn, TableRow } from './model';
import type { Segment } from './segments';
import { threePublicRowLayout, threePublicSplitPaths } from './three-public';
import { captionYear } from '../../reader/header';
import { totalChild } from './values';

/** "单位不需填列", "不适用", "无": a cell that says the item does not apply, read as blank (南通 2016). */
const NOT_APPLICABLE = /^(本?单位)?(不需|无需|不用|不必)(填列|填报|填写|填)$|^不适用$|^无$|^\/$/;

/** Rows of counts under a 三公 table ("4.公务用车保有量(辆)", "5.公务接待批次(批)"): not money. */
const COUNT_ROW = /[(（](个|人|辆|批|次|台|人次|批次)[)）]\s*$/;

/** Rate columns (增减幅度, 增长率, 比上年增减%) hold percentages, not amounts. */
function isRateCaption(caption: string): boolean {
  return /幅度|率|%|％|百分/.test(normalizeText(caption));
}

/** The year a caption starts with: "2025年预算数", "2016年度", and "2016-执行数" as some pages render 年. */
function yearOf(caption: string): number | null {
  const y = captionYear(caption).year;
  if (y !== null) return y;
  const m = /^\s*((?:19|20)\d{2})\s*-/.exec(caption.normalize('NFKC'));
  return m ? Number(m[1]) : null;
}

/** A cell that holds text where an amount belongs. */
export interface BadCell {
  readonly sheet: string;
  readonly row: number;
  readonly address: string;
  readonly text: string;
  readonly reason: string;
}

/** A 款 code printed short ("2" under 类 301), read in the context of its parent. */
export interface ShortCode {
  readonly row: number;
  readonly address: string;
  readonly printed: string;
  readonly code: string;
}

export interface ReadResult {
  readonly table: FilledTable;
  readonly bad: BadCell[];
  readonly shortCodes?: ShortCode[];
}

/** Rows that number the columns (栏次 1 2 3 …) or rows (行次) of 决算 tables: not data. */
const NUMBERING_ROW = /^(栏次|行次|序号|栏号|行号)$/;

/** How far below the title the header may start (unit line, 编制部门 line, blank rows). */
const HEADER_SEARCH_ROWS = 8;

const STATEMENT_NEG = /无|没有|未安排|不涉及|未发生/;
const STATEMENT_OBJ = /空表|无数据|为空|空白|政府性基金|国有资本经营|本表|此表|该表|相关收支|该项目/;

/** "本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。" and its variants. */
export function isEmptyStatement(text: string): boolean {
  const n = normalizeText(text);
  if (n.length < 6) return false;
  return STATEMENT_NEG.test(n) && STATEMENT_OBJ.test(n) && /预算|支出|收入|收支|项目|本表|此表|空表|数据/.test(n);
}

/** An empty statement put as a condition: "此表如无数字则表示单位无该项支出". */
export function isConditionalStatement(text: string): boolean {
  return /(如|若|如果)(无|没有)(数字|数据|金额)/.test(normalizeText(text));
}

/** A row of code/name column captions only ("功能分类", "科目名称", "科目编码", "类 款 项"). */
function isLabelCaptionRow(row: ReadonlyArray<Cell> | undefined): boolean {
  const texts = (row ?? []).map((v) => (typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : '#')).filter((t) => t !== '');
  return texts.length > 0 && texts.every((t) => {
    const role = labelRole(t);
    return role !== null && role !== 'ignore' && !/合计|总计/.test(t);
  });
}

/** A row with a written figure with decimals ("2,224.43"): codes and years are integers, never this. */
function hasFigure(row: ReadonlyArray<Cell> | undefined): boolean {
  return (row ?? []).some((v) => (typeof v === 'number' && !Number.isInteger(v)) || (typeof v === 'string' && /^\s*-?[\d,]*\d\.\d+\s*$/.test(v)));
}

function origin(seg: Segment): { row: number; col: number } {
  return seg.grid.origin ?? { row: 1, col: 1 };
}

function digits(v: Cell): string | null {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v);
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return v.trim();
  return null;
}

/** A code written at the start of a cell: "2070101", "[2070101]行政运行", "2070101-行政运行", "207 01 01". */
function leadingCode(text: string): { code: string; rest: string } | null {
  const t = text.normalize('NFKC').trim();
  const m = /^[[【]?(\d{3}(?:\s?\d{2}){0,2})[\]】]?(?:[\s\-—_、.:：]+|(?=[^\d])|$)(.*)$/.exec(t);
  if (!m) return null;
  return { code: m[1].replace(/\s/g, ''), rest: m[2].trim() };
}

interface Layout {
  codeCols: Partial<Record<'class' | 'section' | 'item' | 'code', number>>;
  labelCols: number[];
  amountCols: TableColumn[];
}

function classify(paths: string[][], originCol: number, width: number): Layout {
  const layout: Layout = { codeCols: {}, labelCols: [], amountCols: [] };
  for (let c = 0; c < width; c++) {
    const path = paths[c];
    if (path.length === 0) continue;
    const leaf = path[path.length - 1];
    const role: LabelRole | null = labelRole(leaf);
    if (role === 'ignore') continue;
    if (role === 'label') {
      layout.labelCols.push(c);
      continue;
    }
    if (role) {
      if (layout.codeCols[role] === undefined) layout.codeCols[role] = c;
      continue;
    }
    const above = path.slice(0, -1);
    if (isRateCaption(leaf)) continue;
    let key = columnKey(leaf, above);
    // A caption split over PDF lines ("一般公共" / "预算财政" / "拨款"): keyed by its joined text when
    // no piece alone means anything.
    if ((key === 'other' || key === 'fiscal') && path.length > 1 && path.slice(0, -1).every((p) => columnKey(p, []) === 'other')) {
      const joined = columnKey(path.join(''), []);
      if (joined !== 'other') key = joined;
    }
    layout.amountCols.push({
      index: c,
      col: originCol + c,
      path,
      label: leaf,
      key,
      // 上年结转 is this year's income carried over, part of 合计; only 上年预算/上年数 blocks are prior-year.
      prior: path.some((p) => /上年/.test(normalizeText(p)) && !/上年结转/.test(normalizeText(p))),
    });
  }
  markEarlierYears(layout.amountCols);
  markYearTotals(layout.amountCols);
  // A caption merged over the label columns (江苏 收入预算总表 "项目名称" over 资金类别 | 项目): a column
  // with no caption of its own right of a label column and left of the figures holds labels too.
  const firstAmount = layout.amountCols.length > 0 ? layout.amountCols[0].index : width;
  for (const lc of [...layout.labelCols]) {
    for (let c = lc + 1; c < firstAmount && paths[c].length === 0 && !layout.labelCols.includes(c); c++) layout.labelCols.push(c);
  }
  layout.labelCols.sort((a, b) => a - b);
  return layout;
}

/**
 * Blocks headed by year instead of 上年/本年 ("2024年预算数 | 2025年预算数"): with two or more years
 * written, the columns under an earlier one are the prior year's. One year alone is this year's
 * ("2016年预算数: 小计 | 其中…").
 */
function markEarlierYears(cols: TableColumn[]): void {
  const years = new Set<number>();
  for (const col of cols) for (const p of col.path) {
    const y = yearOf(p);
    if (y !== null) years.add(y);
  }
  if (years.size < 2) return;
  const current = Math.max(...years);
  cols.forEach((col, i) => {
    const earlier = col.path.some((p) => {
      const y = yearOf(p);
      return y !== null && y < current;
    });
    if (earlier) cols[i] = { ...col, prior: true };
  });
}

/**
 * 吉林 (长春 2026) 收支总表 and 财政拨款收支总表 print each side as 本年预算 | 编制预算 | 上年结转: the year's
 * budget is what was compiled this year plus what was carried over, so 本年预算 is the total of the two
 * beside it (a TABLES.ROW_SUM across each row). With 上年结转 alone beside it (本年预算 | 上年结转) nothing
 * says how the two relate, and 本年预算 stays a figure of its own.
 */
function markYearTotals(cols: TableColumn[]): void {
  const leaf = (i: number) => normalizeText(cols[i].label);
  const sameGroup = (i: number, j: number) => cols[i].path.length === cols[j].path.length && cols[i].path.slice(0, -1).every((p, k) => p === cols[j].path[k]);
  for (let i = 0; i + 2 < cols.length; i++) {
    if (cols[i].key !== 'other' || !/^本年预算(数)?$/.test(leaf(i))) continue;
    if (!/^编制预算(数)?$/.test(leaf(i + 1)) || !/^上年结转(资金)?$/.test(leaf(i + 2))) continue;
    if (cols[i + 1].index !== cols[i].index + 1 || cols[i + 2].index !== cols[i].index + 2) continue;
    if (!sameGroup(i, i + 1) || !sameGroup(i, i + 2)) continue;
    cols[i] = { ...cols[i], key: 'total' };
  }
}

/**
 * A code table printed as two halves side by side: a second code column right of the first half's
 * figures, and as many figure columns in each half. Null otherwise.
 */
function sideBySide(paths: string[][], width: number, layout: Layout): [Layout, Layout] | null {
  if (layout.amountCols.length < 2) return null;
  const firstAmount = layout.amountCols[0].index;
  let second = -1;
  for (let c = firstAmount + 1; c < width; c++) {
    const path = paths[c];
    const role = path.length > 0 ? labelRole(path[path.length - 1]) : null;
    if (role === 'code' || role === 'class') {
      second = c;
      break;
    }
  }
  if (second < 0) return null;
  const only = (keep: (c: number) => boolean) => paths.map((p, c) => (keep(c) ? p : []));
  const left = classify(only((c) => c < second), layout.amountCols[0].col - firstAmount, width);
  const right = classify(only((c) => c >= second), layout.amountCols[0].col - firstAmount, width);
  if (left.amountCols.length === 0 || left.amountCols.length !== right.amountCols.length) return null;
  return [left, right];
}

/** Role of a row of a 收支总表 side from its label: 一、… items, 1.… children, totals. */
const TOTAL_ROLES: ReadonlySet<RowRole> = new Set<RowRole>(['total', 'yearTotal', 'grandTotal']);

function summaryRole(label: string): RowRole {
  const n = normalizeText(label);
  if (/^其中/.test(n)) return 'breakdown';
  let role: RowRole = 'item';
  let rest = n;
  let m: RegExpExecArray | null;
  if ((m = /^[一二三四五六七八九十]+[、.．]/.exec(n))) rest = n.slice(m[0].length);
  else if ((m = /^(\d+[、.．]|[一二三四五六七八九十\d]+\)|\d+(?=[^\d.]))/.exec(n))) {
    role = 'child';
    rest = n.slice(m[0].length);
  }
  // normalizeText drops brackets, so "（一）" arrives as "一" followed by the name.
  if (/总计$/.test(rest)) return 'grandTotal';
  if (/^(本年|当年)?(收入|支出)?(合计|小计)$/.test(rest)) return 'yearTotal';
  return role;
}

function codeRole(label: string): RowRole | null {
  const n = normalizeText(label);
  if (/^其中/.test(n)) return 'breakdown';
  if (/^(合计|总计)/.test(n) || /(合计|总计)$/.test(n)) return 'total';
  return null;
}

/** Read the table of one segment. `inheritedUnit` is the unit of the table above on the same sheet. */
export function readTable(seg: Segment, file: string, inheritedUnit: AmountUnit | null, magnitude: MagnitudeAccount): ReadResult {
  const org = origin(seg);
  const sheet = seg.grid.name;
  let width = 0;
  for (let r = seg.start; r < seg.end; r++) width = Math.max(width, seg.cells[r]?.length ?? 0);
  let unit: AmountUnit | null = seg.titleR !== undefined ? unitFromLine(seg.title) : null;
  if (!unit) {
    const m = /[(（]?(万元|元)[)）]?$/.exec(seg.title.replace(/\s/g, ''));
    if (m && /单位/.test(seg.title)) unit = m[1] === '万元' ? 'wan' : 'yuan';
  }
  let department: string | undefined;
  let statement: string | null = null;

  // Unit line, 编制部门 and header.
  let h0 = -1;
  for (let r = seg.start; r < seg.end && r < seg.start + HEADER_SEARCH_ROWS; r++) {
    const row = seg.cells[r] ?? [];
    if (isHeaderRow(row)) {
      h0 = r;
      break;
    }
    for (const v of row) {
      const t = cellText(v);
      if (!t) continue;
      unit = unit ?? unitFromLine(t);
      const d = /编制(?:部门|单位)[:：]\s*(.+?)(?:\s{2,}|\s*(?:金额)?单位[:：]|$)/.exec(t);
      if (d && d[1].trim()) department = department ?? d[1].trim();
    }
  }
  let h1 = h0;
  if (h0 >= 0) {
    for (;;) {
      if (h1 + 1 < seg.end && isHeaderRow(seg.cells[h1 + 1])) { h1++; continue; }
      // Single-caption rows bridge to a full header row below them (at most two such rows).
      let k = h1 + 1;
      while (k < seg.end && k <= h1 + 2 && isCaptionRow(seg.cells[k]) && !isHeaderRow(seg.cells[k])) k++;
      if (k > h1 + 1 && k < seg.end && isHeaderRow(seg.cells[k])) { h1 = k; continue; }
      // ...or end the header when the first row of figures follows them (“三公” 表: "购置费" / "费").
      if (k > h1 + 1 && k < seg.end && hasFigure(seg.cells[k])) h1 = k - 1;
      break;
    }
    // Captions of the code and name columns printed on lines of their own below the amount captions
    // (上海 2024 决算 一般公共预算财政拨款支出决算表: "功能分类" / "科目名称" / "科目编码").
    while (h1 + 1 < seg.end && isLabelCaptionRow(seg.cells[h1 + 1])) h1++;
  }

  // Statement and whether any figure is written anywhere below the header.
  const bodyFrom = h0 >= 0 ? h1 + 1 : seg.start;
  let anyNumber = false;
  for (let r = seg.start; r < seg.end; r++) {
    for (const v of seg.cells[r] ?? []) {
      if (typeof v === 'string' && isEmptyStatement(v)) statement = statement ?? v.trim();
      if (r >= bodyFrom && typeof v === 'number' && v !== 0) anyNumber = true;
    }
  }

  const base = {
    kind: seg.match.kind,
    family: seg.match.family,
    stage: seg.match.stage,
    title: seg.title,
    sheet,
    titleRow: seg.titleR !== undefined ? org.row + seg.titleR : undefined,
    titleCell: seg.titleR !== undefined ? a1(org.row + seg.titleR, org.col + (seg.titleC ?? 0)) : undefined,
    firstRow: org.row + (seg.titleR ?? seg.start),
    lastRow: org.row + Math.max(seg.start, seg.end - 1),
    department,
    statement,
  };

  if (seg.match.kind === 'performance') {
    const table: FilledTable = { ...base, amountUnit: unit ?? inheritedUnit ?? 'yuan', amountUnitFound: true, blocks: [], empty: false, problem: null };
    return { table, bad: [] };
  }

  if (h0 < 0) {
    const fundKind = seg.match.kind === 'govFund' || seg.match.kind === 'stateCapital';
    const table: FilledTable = {
      ...base,
      amountUnit: unit ?? inheritedUnit ?? 'yuan',
      amountUnitFound: unit !== null || inheritedUnit !== null,
      blocks: [],
      empty: !anyNumber,
      problem: fundKind && !anyNumber ? null : '未找到表头（如“项目”“合计”“基本支出”等栏目）',
    };
    return { table, bad: [] };
  }

  let paths = headerPaths(joinCutCaptions(seg, h0, h1, width), h0, h1, width);
  let layout = classify(paths, org.col, width);
  if (seg.match.kind === 'threePublic' && threePublicItems(layout) < 4) {
    // Captions split over PDF lines, group captions standing in one column of their span.
    let top = h0;
    const titleR = seg.titleR ?? seg.start - 1;
    while (top - 1 > titleR && isCaptionRow(seg.cells[top - 1])) top--;
    const split = threePublicSplitPaths(seg.cells, top, h1, width);
    const alt = split ? classify(split, org.col, width) : null;
    if (split && alt && threePublicItems(alt) > threePublicItems(layout)) {
      paths = split;
      layout = alt;
      // 预算数 | 决算数 under each item: the 决算数 columns first, so each stage is one caption tree
      // and the table's own figures (决算) are the ones found first.
      const stageOf = (col: TableColumn) => normalizeText(col.path[0] ?? '');
      if (layout.amountCols.every((col) => /^(预算数|决算数)$/.test(stageOf(col)))) {
        layout.amountCols.sort((a, b) => Number(stageOf(a) !== '决算数') - Number(stageOf(b) !== '决算数') || a.index - b.index);
      }
    }
  }
  if (!unit) {
    for (const col of layout.amountCols) {
      for (const p of col.path) {
        const u = stripUnitSuffix(p).amountUnit;
        if (u) unit = unit ?? u;
      }
    }
  }
  const amountUnitFound = unit !== null || inheritedUnit !== null;
  const theUnit: AmountUnit = unit ?? inheritedUnit ?? 'yuan';

  if (layout.amountCols.length === 0) {
    const table: FilledTable = { ...base, amountUnit: theUnit, amountUnitFound, blocks: [], empty: !anyNumber, problem: '表头中没有金额栏目' };
    return { table, bad: [] };
  }

  const bad: BadCell[] = [];
  const shortCodes: ShortCode[] = [];
  const readCells = (r: number, cols: ReadonlyArray<TableColumn>): (AmountCell | null)[] =>
    cols.map((col) => {
      const raw = seg.cells[r]?.[col.index] ?? null;
      const v = typeof raw === 'string' && NOT_APPLICABLE.test(normalizeText(raw)) ? null : raw;
      const res = parseAmount(v, theUnit);
      const row = org.row + r;
      const address = a1(row, col.col);
      if (!res.ok) {
        bad.push({ sheet, row, address, text: cellText(v), reason: res.reason });
        return null;
      }
      // The check's exact range (money.ts MAX_RUN_FEN): every sum and difference of cells stays exact.
      if (!magnitude.take(res.fen)) {
        bad.push({ sheet, row, address, text: cellText(v), reason: RUN_MAGNITUDE });
        return null;
      }
      return { fen: res.fen, blank: res.blank, row, col: col.col, address };
    });

  const summaryLike = seg.match.kind === 'summary' || seg.match.kind === 'fiscalSummary';
  const blocks: TableBlock[] = [];
  if (summaryLike && layout.labelCols.length >= 1) {
    const starts = layout.labelCols;
    starts.forEach((lc, i) => {
      const next = i + 1 < starts.length ? starts[i + 1] : Infinity;
      const cols = layout.amountCols.filter((c) => c.index > lc && c.index < next);
      const captions = paths[lc].map(normalizeText).join('/');
      const side: TableBlock['side'] = /支出/.test(captions) ? 'expense' : /收入/.test(captions) ? 'income' : i === 0 ? 'income' : 'expense';
      const rows: TableRow[] = [];
      for (let r = h1 + 1; r < seg.end; r++) {
        const label = cellText(seg.cells[r]?.[lc] ?? null);
        if (label === '' || isEmptyStatement(label) || NUMBERING_ROW.test(normalizeText(label))) continue;
        if (normalizeText(label).length > 40) continue; // a note written across the table
        if (isPageNumber((seg.cells[r] ?? []).map((v) => cellText(v)))) continue;
        const role = summaryRole(label);
        let cells = readCells(r, cols);
        // 江苏 收支预算总表: "当年支出小计 / 支出合计" stand under 功能分类 but their figure under 支出用途,
        // the next column pair, whose label cell on that row is empty. The total is that figure.
        if (TOTAL_ROLES.has(role) && cells.every((c) => c === null || c.blank)) {
          for (let j = i + 1; j < starts.length; j++) {
            if (cellText(seg.cells[r]?.[starts[j]] ?? null) !== '') break;
            const later = layout.amountCols.filter((c) => c.index > starts[j] && c.index < (j + 1 < starts.length ? starts[j + 1] : Infinity));
            const got = readCells(r, later);
            if (got.some((c) => c !== null && !c.blank) && got.length === cols.length) {
              cells = got;
              break;
            }
          }
        }
        rows.push({ row: org.row + r, label, code: null, role, cells });
      }
      subtotalThenTotal(rows);
      numberedChildren(rows);
      blocks.push({ side, columns: cols, tree: columnTree(cols), rows });
    });
  } else {
    const halves = sideBySide(paths, width, layout);
    if (halves) {
      // One table printed in two halves (决算 基本支出表: 301, 303 | 302, 310): one block whose rows
      // are the left half's, then the right half's, each read from its own figure column.
      const [left, right] = halves.map((l) => readCodeBlock(seg, l, h1 + 1, org.row, readCells, shortCodes));
      blocks.push({ ...left, rows: [...left.rows, ...right.rows] });
    } else {
      blocks.push(readCodeBlock(seg, layout, h1 + 1, org.row, readCells, shortCodes));
    }
  }

  const empty = blocks.every((b) => b.rows.every((row) => row.cells.every((c) => c === null || c.fen === 0)));
  const table: FilledTable = { ...base, amountUnit: theUnit, amountUnitFound, blocks, empty, problem: null };
  const problem = empty ? null : structureProblem(table);
  return { table: problem ? { ...table, problem } : table, bad, shortCodes };
}

/**
 * "当年收入小计 … 上年结转 … 收入合计" (江苏 收支预算总表): 小计 is this year's subtotal and the 合计
 * below it the side's grand total, which adds the 小计 and the rows between — not the items again.
 */
function subtotalThenTotal(rows: TableRow[]): void {
  let sub = false;
  rows.forEach((r, i) => {
    if (r.role !== 'yearTotal') return;
    const n = normalizeText(r.label);
    // "本年收入合计 … 上年结转结余 … 收入合计" (福建 2026 收支预算总表) reads the same way.
    if (/小计$/.test(n) || (!sub && /^(本年|当年)/.test(n))) sub = true;
    else if (sub && /合计$/.test(n)) {
      rows[i] = { ...r, role: 'grandTotal' };
      sub = false;
    }
  });
}

const CHINESE_NUMBERING = /^[一二三四五六七八九十]+[、.．]/;

/**
 * A side whose items are numbered “一、” “二、” … and lists unnumbered rows under some of them (长春
 * 2026 收支总表: “一、财政拨款收入” over 一般公共预算拨款收入 | 政府性基金预算拨款收入 | …, “三、单位资金
 * 收入” over 事业收入 …; 山东烟台 2026: “一、财政拨款收入” over 一般公共预算收入 … then “二、财政专户管理资金收入”):
 * the unnumbered rows are the breakdown of the numbered item above them, which
 * must equal their sum, and are not added to the side's total again. “一、本年收入” / “一、本年支出” (the
 * 财政拨款收支总表 layout) opens the year's rows, numbered or not, up to the 结转 row that follows them.
 */
function numberedChildren(rows: TableRow[]): void {
  const numbered = (r: TableRow) => CHINESE_NUMBERING.test(normalizeText(r.label));
  const opensYear = (r: TableRow) => /^(本年|当年)(收入|支出)$/.test(normalizeText(r.label).replace(CHINESE_NUMBERING, ''));
  const heads = rows.filter((r) => r.role === 'item' && numbered(r));
  if (heads.length < 2 && !heads.some(opensYear)) return;
  let open = false;
  let year = false;
  rows.forEach((r, i) => {
    if (r.role === 'breakdown') return;
    if (r.role !== 'item') {
      open = false;
      year = false;
      return;
    }
    const rest = normalizeText(r.label).replace(CHINESE_NUMBERING, '');
    if (year && !/结转|结余/.test(rest)) {
      rows[i] = { ...r, role: 'child' };
      return;
    }
    year = false;
    if (numbered(r)) {
      open = true;
      year = opensYear(r);
    } else if (open) rows[i] = { ...r, role: 'child' };
  });
}

const THREE_PUBLIC_COLUMNS: ReadonlyArray<ColumnKey> = ['abroad', 'reception', 'vehicle', 'vehiclePurchase', 'vehicleOperation'];

function threePublicItems(layout: Layout): number {
  const keys = new Set<ColumnKey>(layout.amountCols.map((c) => c.key));
  return THREE_PUBLIC_COLUMNS.filter((k) => keys.has(k)).length;
}
const CODE_KINDS: ReadonlySet<FilledTable['kind']> = new Set(['income', 'expense', 'generalExpense', 'generalBasic', 'govFund', 'stateCapital']);

/**
 * A table is recognised by what it is, not by its title alone: a 收支总表 has its two sides and a
 * total line, a code table its 科目 rows or 合计, a 三公 table its items. A sheet that only carries
 * the name (a year × item CSV saved as 收支预算总表.csv) is not understood, and says so.
 */
function structureProblem(table: FilledTable): string | null {
  const rows = table.blocks.flatMap((b) => b.rows);
  if (table.kind === 'summary' || table.kind === 'fiscalSummary') {
    const sides = table.blocks.filter((b) => b.side !== 'single');
    const totals = rows.some((r) => r.role === 'grandTotal' || r.role === 'yearTotal');
    return sides.length > 0 && totals ? null : '未识别出收入、支出两栏及“收入总计”“支出总计”等合计行，表格结构与收支总表不符';
  }
  if (CODE_KINDS.has(table.kind)) {
    if (rows.length > 0 && rows.every((r) => r.code === null && r.label === '')) {
      // Figures without labels or codes: read only as the one line of totals under a 合计 caption.
      return rows.length === 1 && totalChild(table.blocks[0].tree) ? null : '未识别出科目编码、科目名称或“合计”行，表格结构与该表不符';
    }
    const coded = rows.some((r) => r.code !== null || r.role === 'total');
    return coded ? null : '未识别出科目编码、科目名称或“合计”行，表格结构与该表不符';
  }
  if (table.kind === 'threePublic') {
    if (threePublicRowLayout(table)) return null;
    const block = table.blocks[0];
    const keys = new Set<ColumnKey>(block?.columns.map((c) => c.key) ?? []);
    const items = THREE_PUBLIC_COLUMNS.filter((k) => keys.has(k));
    return items.length >= 2 ? null : '未识别出因公出国（境）费、公务接待费、公务用车购置及运行费等项目';
  }
  return null;
}

/**
 * Captions cut over PDF lines around the header row where that row leaves their column empty (福建
 * 2026 支出预算总表: "事业单位经营" above, "支出" below; "对附属单位补" / "助支出"): the caption lines
 * directly above the header row whose every caption stands over such a gap are pieces of those
 * columns' captions, and each such column's pieces, top down through the header, are one caption.
 * Without this the lower piece is taken for a caption under its left neighbour (项目支出 / 支出).
 */
function joinCutCaptions(seg: Segment, h0: number, h1: number, width: number): ReadonlyArray<ReadonlyArray<Cell>> {
  const joined = joinCutCaptionsAt(seg, h0, h1, width);
  if (joined !== seg.cells) return joined;
  // A header may open with a line of pieces (佛山 2019 收入决算表: "本年收入合" and "附属单位上缴" above
  // the captions' line, "计" and "收入" below it): then the line with the most captions is the one cut.
  let main = h0;
  let most = -1;
  for (let r = h0; r <= h1; r++) {
    const n = (seg.cells[r] ?? []).filter((v) => cellText(v) !== '').length;
    if (n > most) [main, most] = [r, n];
  }
  if (main === h0) return joined;
  // Only when the lines below it hold nothing but such pieces and label captions: a header whose lower
  // lines split its groups further (“三公” 决算表: 公务用车 over 购置费 | 运行费) is a tree, not cut words.
  const head = seg.cells[main] ?? [];
  for (let r = main + 1; r <= h1; r++) {
    const row = seg.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c] ?? null);
      // The 栏次 line (栏次 1 2 3 …) numbers the columns; it splits nothing.
      if (t !== '' && cellText(head[c] ?? null) !== '' && labelRole(t) === null && !/^\d{1,2}$/.test(t.trim())) return joined;
    }
  }
  return joinCutCaptionsAt(seg, main, h1, width);
}

function joinCutCaptionsAt(seg: Segment, main: number, h1: number, width: number): ReadonlyArray<ReadonlyArray<Cell>> {
  const head = seg.cells[main] ?? [];
  const gap = (c: number) => cellText(head[c] ?? null) === '';
  const lowest = seg.titleR !== undefined ? seg.titleR + 1 : seg.start;
  let top = main;
  // A group caption over the columns below ("其中：" over 基本支出 | 项目支出) is no piece of one.
  const piece = (v: Cell, c: number) => cellText(v) === '' || (gap(c) && !/^其中/.test(normalizeText(cellText(v))));
  while (top - 1 >= lowest && isCaptionRow(seg.cells[top - 1]) && (seg.cells[top - 1] ?? []).every(piece)) top--;
  if (top === main) return seg.cells;
  const cells = seg.cells.map((row) => row.slice());
  let changed = false;
  for (let c = 0; c < width; c++) {
    if (!gap(c)) continue;
    const pieces: string[] = [];
    for (let r = top; r <= h1; r++) {
      const t = cellText(cells[r]?.[c] ?? null);
      if (t !== '') pieces.push(t);
    }
    let above = false;
    for (let r = top; r < main; r++) if (cellText(cells[r]?.[c] ?? null) !== '') above = true;
    // A piece that is a caption of its own (科目编码 over 类 | 款 | 项) is no cut piece.
    if (!above || pieces.length < 2 || pieces.some((t) => labelRole(t) !== null)) continue;
    for (let r = top; r <= h1; r++) if (cells[r]) cells[r][c] = '';
    while ((cells[main] ?? []).length <= c) (cells[main] as Cell[]).push(null);
    (cells[main] as Cell[])[c] = pieces.join('');
    changed = true;
  }
  // Unchanged cells are the segment's own: the caller tells a join by identity.
  return changed ? cells : seg.cells;
}

/**
 * The printed page number of a PDF page (福建 2026 单位预算: "7" under the table; 山东烟台 2026:
 * "—8—", "— 14 —" between dashes), a row holding one integer of up to three digits, bare or between
 * dashes, and nothing else. A figure of a table has a label or a code.
 */
function isPageNumber(texts: ReadonlyArray<string>): boolean {
  const filled = texts.filter((t) => t.trim() !== '');
  const joined = filled.map((t) => t.replace(/\s+/g, '')).join('');
  return filled.length >= 1 && filled.length <= 3 && /^(\d{1,3}|[—–-]+\d{1,3}[—–-]+)$/.test(joined) && (filled.length === 1 || /^[—–-]/.test(joined));
}

/**
 * The 栏次 line without its caption: 1, 2, 3, … n across the row, one number a column (n ≥ 3), the
 * code and name columns marked "**" (长沙 2026: "** ** ** ** 1 2 3").
 */
function isColumnNumbering(texts: ReadonlyArray<string>): boolean {
  const filled = texts.filter((t) => t !== '' && !/^\*+$/.test(t.trim()));
  return filled.length >= 3 && filled.every((t, i) => t.trim() === String(i + 1));
}

/** The heading of notes below a table, alone on its line: "说明：", "注：", "备注:". */
const NOTE_HEADING = /^(说明|注|备注|附注)[:：]$/;

function readCodeBlock(
  seg: Segment,
  layout: Layout,
  from: number,
  originRow: number,
  readCells: (r: number, cols: ReadonlyArray<TableColumn>) => (AmountCell | null)[],
  shortCodes: ShortCode[],
): TableBlock {
  const { codeCols, labelCols, amountCols } = layout;
  const rows: TableRow[] = [];
  let lastClass = '';
  let lastSection = '';
  const noCodes = codeCols.class === undefined && codeCols.section === undefined && codeCols.item === undefined && codeCols.code === undefined;
  // No label and no code column (江苏 支出预算总表: 合计 | 基本支出 | 项目支出 | … over one line of
  // figures): the line is the table's totals.
  const lineOnly = noCodes && labelCols.length === 0 && CODE_KINDS.has(seg.match.kind);
  for (let r = from; r < seg.end; r++) {
    const row = seg.cells[r] ?? [];
    const texts = row.map((v) => cellText(v));
    if (texts.every((t) => t === '')) continue;
    if (isColumnNumbering(texts)) continue;
    const labelText = labelCols.map((c) => texts[c] ?? '').filter((t) => t !== '').filter((t, i, a) => a.indexOf(t) === i).join(' ');

    // Code: 类/款/项 columns, or one code column, or a code at the start of the label.
    let code: string | null = null;
    let codeText = '';
    if (codeCols.class !== undefined || codeCols.section !== undefined) {
      const k = codeCols.class !== undefined ? digits(row[codeCols.class]) : null;
      const s = codeCols.section !== undefined ? digits(row[codeCols.section]) : null;
      const i = codeCols.item !== undefined ? digits(row[codeCols.item]) : null;
      codeText = [codeCols.class, codeCols.section, codeCols.item].map((c) => (c === undefined ? '' : texts[c] ?? '')).filter((t) => t !== '')[0] ?? '';
      const cls = k && k.length === 3 ? k : null;
      if (cls) lastClass = cls;
      const sec = s ? s.padStart(2, '0') : null;
      // "2" under 类 301: a 款 printed without its leading zero, read in its parent's context.
      if (s && s.length === 1 && (cls ?? lastClass) && codeCols.section !== undefined) {
        shortCodes.push({ row: originRow + r, address: a1(originRow + r, (seg.grid.origin?.col ?? 1) + codeCols.section), printed: s, code: (cls ?? lastClass) + sec });
      }
      if (cls && !sec && !i) code = cls;
      else if (sec && (cls || lastClass)) {
        code = (cls ?? lastClass) + sec;
        lastSection = code;
        if (i) code += i.padStart(2, '0');
      } else if (i && !sec && lastSection) code = lastSection + i.padStart(2, '0');
      if (code && code.length === 5) lastSection = code;
    } else if (codeCols.code !== undefined) {
      codeText = texts[codeCols.code] ?? '';
      const lc = leadingCode(codeText);
      if (lc) {
        code = lc.code;
        if (code.length === 3) lastClass = code;
      } else if (/^\d{1,2}$/.test(codeText.trim()) && lastClass) {
        // One code column printing only the 款 digits under their 类 row.
        code = lastClass + codeText.trim().padStart(2, '0');
        shortCodes.push({ row: originRow + r, address: a1(originRow + r, (seg.grid.origin?.col ?? 1) + codeCols.code), printed: codeText.trim(), code });
      }
    }
    let label = labelText;
    if (!code && labelText) {
      const lc = leadingCode(labelText);
      if (lc && lc.rest) {
        code = lc.code;
        label = lc.rest;
      }
    }
    if (!label) label = codeText && !/^\d+$/.test(codeText) ? (leadingCode(codeText)?.rest || codeText) : '';

    const hasAmount = amountCols.some((c) => {
      const v = row[c.index];
      return v !== null && v !== undefined && cellText(v) !== '';
    });
    if (!code && label && isEmptyStatement(label)) continue;
    if (!code && (COUNT_ROW.test(label) || NUMBERING_ROW.test(normalizeText(label)))) continue;
    if (!code && !label && !lineOnly && isPageNumber(texts)) continue;
    if (!code && !hasAmount && normalizeText(label).length > 12) continue; // a note
    const fixed = codeRole(label);
    let role: RowRole;
    if (code) role = 'item';
    else if (fixed) role = fixed;
    else if (hasAmount || label) role = 'item';
    else continue;
    if (lineOnly && hasAmount) role = 'total';
    if (!code && !hasAmount && fixed !== 'total') {
      // A caption or note row with no figures: nothing to check. A blank 小计 of a table without
      // codes stays: it opens its group (江苏 收入预算总表), whose items must then add up to nothing.
      if (role === 'item' && !(noCodes && /小计$/.test(normalizeText(label)))) continue;
    }
    // Notes merged across the whole row ("注：…") would otherwise read as text in amount cells.
    // Tables without a label column (the 三公 table) carry the note in their amount cells only.
    const distinct = new Set(texts.filter((t) => t !== ''));
    const only = distinct.size === 1 ? [...distinct][0] : '';
    if (!code && only && normalizeText(only).length > 12 && !/^[\d\s,.()（）+\-−－]+$/.test(only)) continue;
    // A note's heading alone on its line ("说明：" under the 三公 table's one line of figures, 长春 2026).
    if (!code && only && NOTE_HEADING.test(normalizeText(only))) continue;
    rows.push({ row: originRow + r, label, code, role, cells: readCells(r, amountCols) });
  }
  return { side: 'single', columns: amountCols, tree: columnTree(amountCols), rows };
}
