/**
 * The reader of 绩效目标 sheets in the three layouts real offices send (issue 16):
 *
 *   block  one block per project: 项目名称 / 主管部门 / 实施单位 / 项目资金 (年度资金总额, 其中：财政拨款,
 *          其他资金) / 年度绩效目标 label rows, then the grid 一级 · 二级 · 三级 · 指标值 with 一级/二级
 *          merged down (the national 项目支出绩效目标表, P32).
 *   list   one indicator per row with the project (code, name, amount, 年度目标) on each row or merged
 *          down its rows — the long list, and the 预算管理一体化 export columns (指标性质 · 指标值 · 度量单位).
 * Merged cells are filled; blank 一级/二级 cells carry the value above within a project. Bad amounts are
 * DATA.BAD_AMOUNT findings at their cell; a sheet named 绩效目标 without a grid header is a
 * DATA.MISSING_COLUMN warning. Never throws on data.
 */
import { a1, columnLetters } from '../address';
import { DEFAULT_SEVERITY } from '../findings';
import type { Finding, FindingLocation } from '../findings';
import { cellText, fillMerges } from '../grid';
import type { Cell, Grid } from '../grid';
import { parseAmount } from '../money';
import { dateSerial, shownText } from '../number-format';
import type { AmountUnit } from '../money';
import { dataMessages } from '../messages/data';
import { hiddenParts } from '../reader/sheet-cells';
import { normalizeText, unitFromLine } from '../text';
import { blockLabel, gridField, labelText, splitCodeName } from './headers';
import type { BlockLabel, GridField } from './headers';
import type { Indicator, PerfGoal } from './model';
import { level1Of, level2Of } from './values';

export interface PerformanceRead {
  readonly goals: PerfGoal[];
  readonly findings: Finding[];
}

export interface PerformanceReadOptions {
  /** Unit when the sheet states none (the main sheet's; else 元). */
  readonly defaultUnit?: AmountUnit;
  /**
   * The sheet is also read for budget lines (a 预算管理一体化 export): its 预算数 is a line's amount, not
   * the project's 年度资金总额, and the project's funds are those lines — not compared with themselves.
   */
  readonly alsoLines?: boolean;
}

/**
 * How many rows are searched for a grid header when classifying a sheet by its content: a reader
 * past them knows whether the sheet is a 绩效目标 sheet (performanceSheetKind).
 */
export const CLASSIFY_ROWS = 200;
const NAME = /绩效目标|绩效指标/;
// 部门整体支出绩效目标表 has no projects; the review workbook's own sheets are never read back.
const NOT_NAME = /整体|审核结果|单位汇总/;

type Columns = Map<GridField, number>;

/** A grid header: its columns, the units its amount headers state ("预算数（万元）"), and the first data row. */
interface Header {
  readonly row: number;
  readonly cols: Columns;
  readonly units: ReadonlyMap<GridField, AmountUnit>;
  readonly dataFrom: number;
}

/** The grid columns of a row when it holds 一级指标 and 三级指标 headers, else null. */
function gridHeader(row: ReadonlyArray<Cell>): Columns | null {
  let l1 = false;
  for (const v of row) if (typeof v === 'string' && v.includes('一级')) l1 = true;
  if (!l1) return null;
  const cols: Columns = new Map();
  row.forEach((v, c) => {
    if (typeof v !== 'string') return;
    const { text } = labelText(v);
    const f = gridField(text);
    // 单位 right of the grid is the 度量单位; left of it, the unit's name.
    const field = f === 'unit' && text === '单位' && cols.has('level1') ? 'measure' : f;
    if (field && !cols.has(field)) cols.set(field, c);
  });
  return cols.has('level1') && cols.has('level3') ? cols : null;
}

/**
 * The header at row r: one row, or two when the next row also names grid columns (指标值 over
 * 指标性质 · 指标值 · 度量单位, 评分 over 权重 · 分值); the lower row's columns are the more specific.
 */
function headerAt(cells: ReadonlyArray<ReadonlyArray<Cell>>, r: number): Header | null {
  const cols = gridHeader(cells[r] ?? []);
  if (!cols) return null;
  const rows = [r];
  const lower = gridHeader(cells[r + 1] ?? []);
  if (lower) {
    for (const [f, c] of lower) cols.set(f, c);
    rows.push(r + 1);
  }
  const units = new Map<GridField, AmountUnit>();
  for (const f of ['total', 'fiscal'] as const) {
    const c = cols.get(f);
    if (c === undefined) continue;
    for (const hr of rows) {
      const v = cells[hr]?.[c];
      const u = typeof v === 'string' ? labelText(v).amountUnit : null;
      if (u) units.set(f, u);
    }
  }
  return { row: r, cols, units, dataFrom: rows[rows.length - 1] + 1 };
}

const BUDGET_HEADER = /功能|经济/;

/**
 * Whether the grid is a 绩效目标 sheet: 'only' by name or by a grid header near the top; 'also' when
 * that header row carries 功能/经济科目 columns too (a 预算管理一体化 project export: budget lines and
 * indicators in one sheet, read by both readers); null otherwise.
 */
export function performanceSheetKind(grid: Grid): 'only' | 'also' | null {
  const n = normalizeText(grid.name);
  if (NOT_NAME.test(n)) return null;
  const rows = Math.min(grid.cells.length, CLASSIFY_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = grid.cells[r] ?? [];
    if (!gridHeader(row)) continue;
    return row.some((v) => typeof v === 'string' && BUDGET_HEADER.test(v)) ? 'also' : 'only';
  }
  return NAME.test(n) ? 'only' : null;
}

export function isPerformanceSheet(grid: Grid): boolean {
  return performanceSheetKind(grid) !== null;
}

interface SheetCtx {
  readonly file: string;
  readonly grid: Grid;
  readonly cells: Cell[][];
  readonly origin: { row: number; col: number };
  readonly amountUnit: AmountUnit;
  readonly findings: Finding[];
  /** The sheet's frame rows (frameRows), shared by every goal read from it. */
  frame: readonly number[];
}

function loc(s: SheetCtx, r: number, c: number): FindingLocation {
  const row = s.origin.row + r;
  return { file: s.file, sheet: s.grid.name, cell: a1(row, s.origin.col + c), row };
}

const text = (s: SheetCtx, r: number, c: number | undefined): string => (c === undefined ? '' : cellText(s.cells[r]?.[c] ?? null));

/** An amount cell in 分, null when blank or not money (then a DATA.BAD_AMOUNT finding is recorded). */
function amount(s: SheetCtx, r: number, c: number, unit: AmountUnit, label: string, inline?: string): number | null {
  const v = inline ?? s.cells[r]?.[c] ?? null;
  const res = parseAmount(v, unit);
  if (res.ok) return res.blank ? null : res.fen;
  const at = loc(s, r, c);
  s.findings.push({
    rule: 'DATA.BAD_AMOUNT',
    severity: DEFAULT_SEVERITY['DATA.BAD_AMOUNT'],
    location: at,
    message: `「${s.grid.name}」表 ${columnLetters(s.origin.col + c)}${at.row} 单元格“${label}”的值“${cellText(v)}”无法识别为金额（${res.reason}），该项目资金未使用；请填写数字金额`,
  });
  return null;
}

/** 指标性质 + 指标值 + 度量单位 as one value ("≥" "95" "%" → "≥95%"). */
function indicatorValue(s: SheetCtx, r: number, cols: Columns): string {
  const op = text(s, r, cols.get('op'));
  const value = text(s, r, cols.get('value'));
  const measure = text(s, r, cols.get('measure'));
  if (value === '') return '';
  const withOp = op !== '' && !value.startsWith(op) && !/^(定性|定量|正向指标|反向指标)$/.test(op) ? op + value : value;
  return measure !== '' && !value.endsWith(measure) ? withOp + measure : withOp;
}

/** Reads the indicator rows of one project; 一级/二级 carry down within the project. */
class GridRows {
  private l1 = '';
  private l2 = '';
  readonly indicators: Indicator[] = [];
  add(s: SheetCtx, r: number, cols: Columns): boolean {
    const name = text(s, r, cols.get('level3'));
    const value = indicatorValue(s, r, cols);
    const l1 = text(s, r, cols.get('level1'));
    const l2 = text(s, r, cols.get('level2'));
    if (l1 !== '') {
      // A new 一级 starts its own 二级: 效益 rows never inherit the 成本指标 above them.
      if (l1 !== this.l1) this.l2 = '';
      this.l1 = l1;
    }
    if (l2 !== '') this.l2 = l2;
    if (name === '' && value === '') return false;
    const valueCol = cols.get('value') ?? (cols.get('level3') as number);
    this.indicators.push({ level1: level1Of(this.l1), level2: level2Of(this.l2), name, value, location: loc(s, r, valueCol) });
    return true;
  }
}

interface GoalInit {
  unitCode: string;
  unitName: string;
  department: string;
  projectCode: string;
  projectName: string;
  totalFen: number | null;
  fiscalFen: number | null;
  otherFen: number | null;
  goalText: string;
  grade: string;
  location: FindingLocation;
  totalLocation?: FindingLocation;
  fiscalLocation?: FindingLocation;
  totalRoundingFen?: number;
  fiscalRoundingFen?: number;
}

/** Half the display step of an amount written in 万元 ("12.35": 0.005 万元 = 5,000 分); 0 in 元 or to the 分. */
function roundingFen(raw: Cell | string | undefined, unit: AmountUnit): number {
  if (unit !== 'wan' || raw === null || raw === undefined) return 0;
  const t = (typeof raw === 'number' ? String(raw) : String(raw).normalize('NFKC')).replace(/,/g, '');
  if (/e/i.test(t)) return 0;
  const d = /\.(\d+)/.exec(t)?.[1].length ?? 0;
  return d >= 6 ? 0 : 10 ** (6 - d) / 2;
}

function goal(s: SheetCtx, init: GoalInit, indicators: Indicator[], layout: PerfGoal['layout']): PerfGoal {
  return { file: s.file, sheet: s.grid.name, ...init, indicators, layout, frameRows: s.frame };
}

const isRepeatHeader = (t: string) => /^一级(绩效)?指标/.test(normalizeText(t));
const SUBTOTAL = /^(合计|总计|小计)/;

/** The list layouts: one indicator per row, the project on each row (or merged down). */
function readList(s: SheetCtx, header: Header): PerfGoal[] {
  const { cols } = header;
  const out: PerfGoal[] = [];
  let cur: { init: GoalInit; rows: GridRows } | null = null;
  let unitCode = '';
  let unitName = '';
  const flush = () => {
    if (cur) out.push(goal(s, cur.init, cur.rows.indicators, 'list'));
    cur = null;
  };
  for (let r = header.dataFrom; r < s.cells.length; r++) {
    const row = s.cells[r] ?? [];
    if (rowBlank(row) || isNoteRow(row)) continue;
    const first = row.map((v) => cellText(v ?? null)).find((t) => t !== '') ?? '';
    if (SUBTOTAL.test(normalizeText(first)) || isRepeatHeader(text(s, r, cols.get('level1')))) continue;
    const unitText = text(s, r, cols.get('unit'));
    const codeText = text(s, r, cols.get('unitCode'));
    if (unitText !== '' || codeText !== '') {
      const split = codeText === '' ? splitCodeName(unitText) : { code: codeText, name: unitText };
      unitCode = split.code;
      unitName = split.name;
    }
    let pcode = text(s, r, cols.get('projectCode'));
    let pname = text(s, r, cols.get('projectName'));
    // A department line merged across 单位名称 and 项目名称 names no project.
    if (pname !== '' && pname === unitText && pcode === '') pname = '';
    if (pcode === '' && cols.get('projectCode') === undefined && pname !== '') ({ code: pcode, name: pname } = splitCodeName(pname));
    const hasIndicator = text(s, r, cols.get('level3')) !== '' || text(s, r, cols.get('value')) !== '';
    if (pcode !== '' || pname !== '') {
      const c: { init: GoalInit } | null = cur;
      // A row continues the project when what it writes matches and what it leaves blank is
      // blank (the code only on the project's first row, or the name only there).
      const same = c !== null && c.init.unitCode === unitCode && c.init.unitName === unitName
        && (pcode === '' || c.init.projectCode === '' || pcode === c.init.projectCode)
        && (pname === '' || c.init.projectName === '' || pname === c.init.projectName)
        && ((pcode !== '' && pcode === c.init.projectCode) || (pname !== '' && pname === c.init.projectName));
      if (same && c !== null) {
        if (c.init.projectCode === '') c.init.projectCode = pcode;
        if (c.init.projectName === '') c.init.projectName = pname;
      } else {
        flush();
        const totalCol = cols.get('total');
        const fiscalCol = cols.get('fiscal');
        const init: GoalInit = {
          unitCode, unitName, department: '', projectCode: pcode, projectName: pname,
          totalFen: totalCol === undefined ? null : amount(s, r, totalCol, header.units.get('total') ?? s.amountUnit, '预算数'),
          fiscalFen: fiscalCol === undefined ? null : amount(s, r, fiscalCol, header.units.get('fiscal') ?? header.units.get('total') ?? s.amountUnit, '财政拨款'),
          otherFen: null,
          goalText: text(s, r, cols.get('goal')),
          grade: text(s, r, cols.get('grade')),
          location: loc(s, r, (cols.get('projectName') ?? cols.get('projectCode')) as number),
        };
        if (totalCol !== undefined) init.totalLocation = loc(s, r, totalCol);
        if (fiscalCol !== undefined) init.fiscalLocation = loc(s, r, fiscalCol);
        const tr = totalCol === undefined ? 0 : roundingFen(row[totalCol], header.units.get('total') ?? s.amountUnit);
        const fr = fiscalCol === undefined ? 0 : roundingFen(row[fiscalCol], header.units.get('fiscal') ?? header.units.get('total') ?? s.amountUnit);
        if (tr > 0) init.totalRoundingFen = tr;
        if (fr > 0) init.fiscalRoundingFen = fr;
        cur = { init, rows: new GridRows() };
      }
    } else if (!hasIndicator) {
      continue; // a department line ("820-马踏镇部门 | 8,827,620.53") above its units' projects
    }
    const open = cur as { init: GoalInit; rows: GridRows } | null;
    if (open === null) {
      s.findings.push({
        rule: 'DATA.NOT_CHECKED', severity: DEFAULT_SEVERITY['DATA.NOT_CHECKED'], location: loc(s, r, cols.get('level3') as number),
        message: `「${s.grid.name}」表第 ${s.origin.row + r} 行的绩效指标前没有项目名称或编码，该行未使用`,
      });
      continue;
    }
    open.rows.add(s, r, cols);
  }
  flush();
  return out;
}

interface LabelValue {
  readonly r: number;
  readonly c: number;
  readonly text: string;
  /** Set when label and value share one cell ("项目名称：校舍维修"): the value part. */
  readonly inline?: string;
}

/** "项目名称：校舍维修" → the label and its value in one cell; null for a bare label or other text. */
function inlineLabel(raw: string): { label: BlockLabel; text: string; amountUnit: AmountUnit | null; value: string } | null {
  const m = /^([^:：]{2,12})[:：]\s*(\S.*)$/s.exec(raw.trim());
  if (!m) return null;
  const lt = labelText(m[1]);
  const label = blockLabel(lt.text);
  return label === null ? null : { label, text: lt.text, amountUnit: lt.amountUnit, value: m[2].trim() };
}

/** The value of a block label: the first non-label cell to its right, else the cell below. */
function labelValue(s: SheetCtx, r: number, c: number, label: string): LabelValue | null {
  const row = s.cells[r] ?? [];
  for (let k = c + 1; k < row.length; k++) {
    const t = cellText(row[k] ?? null);
    if (t === '') continue;
    const lt = labelText(t).text;
    if (lt === label) continue; // the label's own merged area
    if (blockLabel(lt) !== null || gridField(lt) !== null) break;
    return { r, c: k, text: t };
  }
  const below = cellText(s.cells[r + 1]?.[c] ?? null);
  if (below !== '' && blockLabel(labelText(below).text) === null) return { r: r + 1, c, text: below };
  return null;
}

/**
 * The project header rows [from, to) above one grid of the block layout; a "单位：万元" line in
 * [unitFrom, to) (written above each block) states the unit of that block's 项目资金.
 */
function readBlockHeader(s: SheetCtx, unitFrom: number, from: number, to: number): GoalInit | null {
  const found = new Map<BlockLabel, LabelValue>();
  let unit: AmountUnit = s.amountUnit;
  for (let r = unitFrom; r < to; r++) {
    for (const v of s.cells[r] ?? []) {
      const u = typeof v === 'string' ? unitFromLine(v) : null;
      if (u) unit = u;
    }
  }
  let nameAt: FindingLocation | null = null;
  for (let r = from; r < to; r++) {
    const row = s.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string') continue;
      const inl = inlineLabel(v);
      if (inl !== null) {
        if (found.has(inl.label)) continue;
        if (inl.amountUnit && (inl.label === 'total' || inl.label === 'fiscal' || inl.label === 'other')) unit = inl.amountUnit;
        if (inl.label === 'projectName') nameAt = loc(s, r, c);
        found.set(inl.label, { r, c, text: inl.value, inline: inl.value });
        continue;
      }
      const lt = labelText(v);
      if (lt.amountUnit && /^项目资金|^资金/.test(lt.text)) unit = lt.amountUnit;
      const lab = blockLabel(lt.text);
      if (lab === null || found.has(lab)) continue;
      if (lt.amountUnit && (lab === 'total' || lab === 'fiscal' || lab === 'other')) unit = lt.amountUnit;
      const val = labelValue(s, r, c, lt.text);
      if (lab === 'projectName') nameAt = loc(s, r, val ? val.c : c);
      if (val) found.set(lab, val);
    }
  }
  const name = found.get('projectName');
  const code = found.get('projectCode');
  if (!name && !code) return null;
  const money = (lab: BlockLabel, label: string) => {
    const v = found.get(lab);
    return v ? amount(s, v.r, v.c, unit, label, v.inline) : null;
  };
  const split = splitCodeName(found.get('unit')?.text ?? '');
  const init: GoalInit = {
    unitCode: split.code, unitName: split.name, department: found.get('department')?.text ?? '',
    projectCode: code?.text ?? '', projectName: name?.text ?? '',
    totalFen: money('total', '年度资金总额'), fiscalFen: money('fiscal', '其中：财政拨款'), otherFen: money('other', '其他资金'),
    goalText: found.get('goal')?.text ?? '', grade: found.get('grade')?.text ?? '',
    location: nameAt ?? loc(s, (code as LabelValue).r, (code as LabelValue).c),
  };
  const total = found.get('total');
  const fiscal = found.get('fiscal');
  if (total) init.totalLocation = loc(s, total.r, total.c);
  if (fiscal) init.fiscalLocation = loc(s, fiscal.r, fiscal.c);
  const tr = total ? roundingFen(total.inline ?? s.cells[total.r]?.[total.c], unit) : 0;
  const fr = fiscal ? roundingFen(fiscal.inline ?? s.cells[fiscal.r]?.[fiscal.c], unit) : 0;
  if (tr > 0) init.totalRoundingFen = tr;
  if (fr > 0) init.fiscalRoundingFen = fr;
  return init;
}

/** A title merged across the sheet ("2025年项目支出绩效目标表"): every non-blank cell says the same. */
function isTitleRow(row: ReadonlyArray<Cell>): boolean {
  let seen: string | null = null;
  let n = 0;
  for (const v of row) {
    const t = cellText(v ?? null);
    if (t === '') continue;
    if (seen !== null && t !== seen) return false;
    seen = t;
    n++;
  }
  return n > 1;
}

const startsBlock = (row: ReadonlyArray<Cell>) =>
  row.some((v) => typeof v === 'string' && (blockLabel(labelText(v).text) === 'projectName' || inlineLabel(v)?.label === 'projectName'));

const rowBlank = (row: ReadonlyArray<Cell>) => row.every((v) => cellText(v ?? null) === '');

/** A row of nothing but "单位：万元" notes: it ends a grid and is never an indicator. */
function isNoteRow(row: ReadonlyArray<Cell>): boolean {
  let notes = 0;
  for (const v of row) {
    const t = cellText(v ?? null);
    if (t === '') continue;
    if (unitFromLine(t) === null) return false;
    notes++;
  }
  return notes > 0;
}

/**
 * The first row in [from, to) whose 一级 column names an 一级指标 (产出/效益/满意度): where the grid of
 * a block that repeats no header of its own begins, read with the columns of the header above.
 */
function firstIndicatorRow(s: SheetCtx, from: number, to: number, cols: Columns): number {
  const c = cols.get('level1') as number;
  for (let r = from; r < to; r++) if (level1Of(text(s, r, c)) !== '') return r;
  return -1;
}

/** The block layout: each grid header closes the project header rows above it. */
function readBlocks(s: SheetCtx, found: ReadonlyArray<Header>): PerfGoal[] {
  const out: PerfGoal[] = [];
  const headers = [...found];
  let from = 0;
  for (let i = 0; i < headers.length; i++) {
    const { row: h, cols, dataFrom } = headers[i];
    const next = i + 1 < headers.length ? headers[i + 1].row : s.cells.length;
    // The block header starts at the last 项目名称 row above the grid (titles above it are not labels).
    let start = from;
    for (let r = h - 1; r >= from; r--) if (startsBlock(s.cells[r] ?? [])) { start = r; break; }
    const init = readBlockHeader(s, from, start, h);
    const rows = new GridRows();
    let r = dataFrom;
    for (; r < next; r++) {
      const row = s.cells[r] ?? [];
      if (startsBlock(row) || isTitleRow(row) || isNoteRow(row)) break;
      rows.add(s, r, cols);
    }
    from = r;
    // A block that starts here but whose grid repeats no header: its grid takes this one's columns.
    let b = r;
    while (b < next && !startsBlock(s.cells[b] ?? []) && (isTitleRow(s.cells[b] ?? []) || isNoteRow(s.cells[b] ?? []) || rowBlank(s.cells[b] ?? []))) b++;
    if (b < next && startsBlock(s.cells[b] ?? [])) {
      const k = firstIndicatorRow(s, b + 1, next, cols);
      if (k > 0) headers.splice(i + 1, 0, { row: k, cols, units: headers[i].units, dataFrom: k });
    }
    if (init) out.push(goal(s, init, rows.indicators, 'block'));
    else {
      s.findings.push({
        rule: 'DATA.NOT_CHECKED', severity: DEFAULT_SEVERITY['DATA.NOT_CHECKED'], location: loc(s, h, cols.get('level1') as number),
        message: `「${s.grid.name}」表第 ${s.origin.row + h} 行的绩效指标表上方没有“项目名称”，这些指标未使用`,
      });
    }
  }
  return out;
}

/**
 * A row of a sheet's title region: blank, a title (one text, merged across or in one cell), or
 * nothing but "单位：万元" notes and "编制单位：…" captions. A row naming a project, unit, amount or
 * indicator (a label of the block or grid, a code, a number, several texts) is data, not frame.
 */
function isFrameRow(row: ReadonlyArray<Cell>): boolean {
  const texts = new Set<string>();
  for (const v of row) {
    if (typeof v === 'number') return false;
    const t = cellText(v ?? null);
    if (t !== '') texts.add(t);
  }
  const labelled = (t: string) => {
    const lt = labelText(t).text;
    return blockLabel(lt) !== null || gridField(lt) !== null;
  };
  let title = false;
  for (const t of texts) {
    if (unitFromLine(t) !== null) continue;
    const caption = /^([^:：]{1,12})[:：]/.exec(t.trim());
    if (caption) {
      if (labelled(caption[1])) return false;
      continue;
    }
    if (title || labelled(t) || splitCodeName(t).code !== '') return false;
    title = true;
  }
  return true;
}

/**
 * The frame rows (1-based) of a sheet: the title region above the first project (a list's header
 * row, or the first block's 项目名称 row, or the first grid when no 项目名称 precedes it) as far as
 * isFrameRow, and a list's header rows.
 */
function frameRows(s: SheetCtx, list: Header | null, headers: ReadonlyArray<Header>): number[] {
  let end: number;
  if (list) end = list.row;
  else {
    end = headers[0]?.row ?? 0;
    for (let r = end - 1; r >= 0; r--) if (startsBlock(s.cells[r] ?? [])) { end = r; break; }
  }
  const out: number[] = [];
  for (let r = 0; r < end; r++) if (isFrameRow(s.cells[r] ?? [])) out.push(s.origin.row + r);
  if (list) for (let r = list.row; r < list.dataFrom; r++) out.push(s.origin.row + r);
  return out;
}

/** The unit stated by a "单位：万元" line near the top. */
function sheetUnit(cells: ReadonlyArray<ReadonlyArray<Cell>>): AmountUnit | null {
  for (let r = 0; r < Math.min(cells.length, 6); r++) {
    for (const v of cells[r] ?? []) {
      if (typeof v !== 'string') continue;
      const u = unitFromLine(v);
      if (u) return u;
    }
  }
  return null;
}

/** The grid headers of a sheet: the block layout's, or the list layout's one header. */
function findHeaders(cells: ReadonlyArray<ReadonlyArray<Cell>>): { headers: Header[]; list: Header | null } {
  const headers: Header[] = [];
  for (let r = 0; r < cells.length; r++) {
    const h = headerAt(cells, r);
    if (!h) continue;
    if (h.cols.has('projectName') || h.cols.has('projectCode')) return { headers, list: h };
    headers.push(h);
    r = h.dataFrom - 1; // the lower row of a two-row header is not a second grid
  }
  return { headers, list: null };
}

function valueColumns(found: { headers: Header[]; list: Header | null }): Set<number> {
  const out = new Set<number>();
  for (const h of found.list ? [found.list] : found.headers) {
    const c = h.cols.get('value');
    if (c !== undefined) out.add(c);
  }
  return out;
}

/**
 * The 指标值 columns of a 绩效目标 sheet (0-based into cells, merges filled): where the reader shows
 * numbers through their number formats, so the Office.js adapter asks Excel for those alone.
 */
export function performanceValueColumns(grid: Grid): number[] {
  return [...valueColumns(findHeaders(fillMerges(grid)))].sort((a, b) => a - b);
}

/** A number, or a date as its serial; null for any other cell. */
function serialOf(v: Cell | undefined): number | null {
  if (typeof v === 'number') return v;
  return v instanceof Date ? dateSerial(v) : null;
}

/**
 * Numbers and dates of the 指标值 columns as Excel shows them under their formats (0.95 → "95%",
 * 1200 → "1200人次", a date → "2026年12月31日"), from grid.numFmts; a merged area shows its top-left
 * cell's. Other columns keep their numbers (an amount is read as the number it is, whatever its
 * format).
 */
function showFormats(grid: Grid, cells: Cell[][], cols: ReadonlySet<number>): void {
  const runs = grid.numFmts;
  if (!runs || runs.length === 0 || cols.size === 0) return;
  let shown = false;
  for (const run of runs) {
    if (!cols.has(run.col)) continue;
    for (let r = run.top; r <= run.bottom; r++) {
      const v = serialOf(grid.cells[r]?.[run.col]);
      if (v === null) continue;
      const t = shownText(v, run.code);
      if (t === null) continue;
      (cells[r] ?? (cells[r] = []))[run.col] = t;
      shown = true;
    }
  }
  if (!shown) return;
  for (const m of grid.merges ?? []) {
    const t = cells[m.top]?.[m.left];
    if (typeof t !== 'string' || serialOf(grid.cells[m.top]?.[m.left]) === null) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (cols.has(c)) (cells[r] ?? (cells[r] = []))[c] = t;
  }
}

/** Read one 绩效目标 sheet. */
export function readPerformanceSheet(file: string, grid: Grid, opts: PerformanceReadOptions = {}): PerformanceRead {
  const cells = fillMerges(grid);
  const s: SheetCtx = {
    file, grid, cells, origin: grid.origin ?? { row: 1, col: 1 },
    amountUnit: sheetUnit(cells) ?? opts.defaultUnit ?? 'yuan', findings: [], frame: [],
  };
  const found = findHeaders(cells);
  const { headers, list } = found;
  showFormats(grid, cells, valueColumns(found));
  const first = list ?? headers[0];
  if (first) {
    // Rows the reviewer cannot see are read like the others, but said so (as on detail sheets).
    const hidden = hiddenParts(grid, first.dataFrom - 1, s.origin.col);
    if (hidden) s.findings.push({ rule: 'DATA.HIDDEN_CELLS', severity: DEFAULT_SEVERITY['DATA.HIDDEN_CELLS'], location: { file, sheet: grid.name }, message: dataMessages.hiddenCells({ sheet: grid.name, parts: hidden }) });
    if (!first.cols.has('value')) {
      s.findings.push({
        rule: 'DATA.MISSING_COLUMN', severity: 'warning', location: loc(s, first.row, first.cols.get('level3') as number),
        message: `「${grid.name}」表的绩效指标表头中没有可识别的“指标值”列，指标值未检查（不视为通过）；请将该列表头写为“指标值”`,
      });
    }
  }
  if (list) {
    s.frame = frameRows(s, list, headers);
    const goals = markValues(readList(s, list), list);
    return { goals: opts.alsoLines ? goals.map(withoutFunds) : goals, findings: s.findings };
  }
  if (headers.length === 0) {
    s.findings.push({
      rule: 'DATA.MISSING_COLUMN', severity: 'warning', location: { file, sheet: grid.name },
      message: `「${grid.name}」表按表名识别为绩效目标表，但没有找到包含“一级指标”“三级指标”的表头行，该表未使用；请补充指标表头`,
    });
    return { goals: [], findings: s.findings };
  }
  s.frame = frameRows(s, null, headers);
  return { goals: markValues(readBlocks(s, headers), headers[0]), findings: s.findings };
}

function withoutFunds(g: PerfGoal): PerfGoal {
  const { totalLocation: _t, fiscalLocation: _f, totalRoundingFen: _tr, fiscalRoundingFen: _fr, ...rest } = g;
  return { ...rest, totalFen: null, fiscalFen: null };
}

/** Goals read from a grid without a 指标值 column: their values are unread, not blank (PERF skips them). */
function markValues(goals: PerfGoal[], header: Header): PerfGoal[] {
  return header.cols.has('value') ? goals : goals.map((g) => ({ ...g, valuesUnread: true }));
}

/**
 * A 预算管理一体化 project export holds budget lines and indicators in one sheet ('also'): the view
 * of it the detail reader reads, where a row that only adds indicators to the line above is blank —
 * it repeats that line's budget cells (merged down or written again), or leaves the amount blank.
 * Without it each indicator row became a budget line of its own (the project's funds doubled or
 * tripled, DATA.DUPLICATE_LINE on every indicator). Merges are filled in the view.
 */
export function budgetRowsView(grid: Grid, amountCol: number | undefined): Grid {
  const cells = fillMerges(grid);
  let header: Header | null = null;
  for (let r = 0; r < Math.min(cells.length, CLASSIFY_ROWS) && !header; r++) header = headerAt(cells, r);
  if (!header) return grid;
  const perfCols = new Set<number>();
  for (const f of ['level1', 'level2', 'level3', 'value', 'op', 'measure'] as const) {
    const c = header.cols.get(f);
    if (c !== undefined) perfCols.add(c);
  }
  const indicatorCols = [...perfCols];
  const budgetKey = (row: ReadonlyArray<Cell>) => {
    const parts: string[] = [];
    for (let c = 0; c < row.length; c++) if (!perfCols.has(c)) parts.push(cellText(row[c] ?? null));
    while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
    return parts.join('\u0001');
  };
  const out = cells.map((r) => r as ReadonlyArray<Cell>);
  let last: string | null = null;
  for (let r = header.dataFrom; r < cells.length; r++) {
    const row = cells[r] ?? [];
    if (rowBlank(row)) continue;
    const key = budgetKey(row);
    const hasIndicator = indicatorCols.some((c) => cellText(row[c] ?? null) !== '');
    const noAmount = amountCol !== undefined && cellText(row[amountCol] ?? null) === '';
    if (hasIndicator && (key === last || noAmount)) out[r] = [];
    else last = key;
  }
  return { ...grid, cells: out, merges: [] };
}
