/**
 * The 预算执行 sheet (SPEC §2.2): 项目 | 年初预算 | 调整预算 | 本期累计 | 上年同期 | 月份, recognised by
 * its name or by its header, with title rows ("XX区2024年1-4月一般公共预算收支执行情况表") and a unit
 * line ("单位：万元") above the header. The month comes from the 月份 column, else from a header such
 * as "1-4月累计", else from the title. Blank amount cells stay null: a blank 上年同期 is missing data,
 * never zero.
 */
import { a1 } from '../address';
import type { ExecutionRow } from '../context';
import { cellText, fillMerges, isCellError } from '../grid';
import type { Cell, Grid, WorkbookGrids } from '../grid';
import { asciiNumeric, MagnitudeAccount, parseAmount } from '../money';
import { PAST_EXACT_RANGE } from '../messages/data';
import type { AmountUnit } from '../money';
import { normalizeText, stripUnitSuffix, unitFromLine } from '../text';

export type ExecutionField = 'item' | 'initial' | 'adjusted' | 'actual' | 'priorSame' | 'month';

export interface ExecutionSheet {
  readonly file: string;
  readonly sheet: string;
  /** Display unit of the amounts. */
  readonly amountUnit: AmountUnit;
  /** False when no unit line or header suffix said it and the default was assumed. */
  readonly unitStated: boolean;
  /** Month stated for the whole sheet (title or "1-4月累计" header), null if none. */
  readonly month: number | null;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  readonly rows: ExecutionRow[];
  /** Problems worth telling the user (unit assumed, unreadable cells, duplicate items), in Chinese. */
  readonly notes: string[];
}

const HEADER_SCAN_ROWS = 20;
const DASH = '[-~～至—–－]';

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

function monthNumber(s: string): number | null {
  const n = /^\d+$/.test(s) ? Number(s) : CN_NUM[s] ?? NaN;
  return n >= 1 && n <= 12 ? n : null;
}

/**
 * The month a text reports up to: "2024年1-4月" → 4, "1至4月" → 4, "截至4月底" → 4, "一季度" → 3,
 * "上半年" → 6, "前三季度" → 9, "4月份" → 4. Null when the text names no month.
 */
export function monthFromText(text: string): number | null {
  const s = asciiNumeric(text.normalize('NFKC')).replace(/\s+/g, '');
  const M = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
  let m = new RegExp(`${M}${DASH}${M}月`).exec(s);
  if (m) return monthNumber(m[2]);
  if (/上半年/.test(s)) return 6;
  if (/前三季度/.test(s)) return 9;
  m = /(?:第)?([一二三四1-4])季度/.exec(s);
  if (m) return (monthNumber(m[1]) ?? 0) * 3 || null;
  m = new RegExp(`(?:^|[^\\d])${M}月`).exec(s);
  if (m) return monthNumber(m[1]);
  return null;
}

/** A 月份 cell: 4, "4", "4月", "1-4月". */
function monthFromCell(v: Cell): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 12 ? v : null;
  const s = asciiNumeric(cellText(v)).trim();
  if (s === '') return null;
  return /^\d{1,2}$/.test(s) ? monthNumber(s) : monthFromText(s);
}

/** Header text → field (and a month the header states, "1-4月累计"). */
export function matchExecutionHeader(raw: string): { field: ExecutionField; month?: number } | null {
  const t = normalizeText(stripUnitSuffix(raw).text);
  if (t === '') return null;
  if (/^(项目|项目名称|收支项目|科目|科目名称|预算科目|指标|指标名称)$/.test(t)) return { field: 'item' };
  if (/^(上年|去年)同期/.test(t)) return { field: 'priorSame' };
  if (/^(调整预算|调整后预算|变动预算)数?$/.test(t)) return { field: 'adjusted' };
  if (/^(年初预算|年初|年度预算|全年预算)数?$/.test(t) || t === '预算数') return { field: 'initial' };
  if (/^(本期累计|本年累计|累计完成|累计执行|本期完成|累计|完成|执行)数?$/.test(t)) return { field: 'actual' };
  const m = new RegExp(`^(?:1${DASH})?(\\d{1,2})月(?:份)?(?:止)?(?:累计)?(?:完成|执行)?数?$`).exec(t);
  if (m && /累计|完成|执行/.test(t)) {
    const month = monthNumber(m[1]);
    return month ? { field: 'actual', month } : { field: 'actual' };
  }
  if (/^(月份|月|截止月份|截至月份|统计月份)$/.test(t)) return { field: 'month' };
  return null;
}

interface HeaderFound {
  row: number;
  cols: Map<ExecutionField, number>;
  amountUnit: AmountUnit | null;
  month: number | null;
}

function matchHeaderRow(row: ReadonlyArray<Cell>): HeaderFound | null {
  const cols = new Map<ExecutionField, number>();
  let unit: AmountUnit | null = null;
  let month: number | null = null;
  row.forEach((v, c) => {
    if (typeof v !== 'string') return;
    const h = matchExecutionHeader(v);
    if (!h || cols.has(h.field)) return;
    cols.set(h.field, c);
    if (h.field !== 'item' && h.field !== 'month') unit = unit ?? stripUnitSuffix(v).amountUnit;
    if (h.month) month = h.month;
  });
  return { row: -1, cols, amountUnit: unit, month };
}

/** Whether a sheet's name announces a 预算执行 sheet ("预算执行", "2024年4月预算执行情况"). */
export function isExecutionSheetName(name: string): boolean {
  return /预算执行|执行情况/.test(normalizeText(name));
}

function findHeader(cells: ReadonlyArray<ReadonlyArray<Cell>>, byName: boolean): HeaderFound | null {
  const last = Math.min(cells.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const h = matchHeaderRow(cells[r] ?? []);
    if (!h || !h.cols.has('item') || !h.cols.has('actual')) continue;
    const others = (['initial', 'adjusted', 'priorSame'] as const).filter((f) => h.cols.has(f)).length;
    // By name, 项目 + 本期累计 suffice; by header alone, one more execution column is needed.
    if (byName || others >= 1) return { ...h, row: r };
  }
  return null;
}

/** Leading numbering and 其中 removed: "一、一般公共预算收入" → "一般公共预算收入", "其中：税收收入" → "税收收入". */
export function cleanItemName(raw: string): string {
  let s = raw.normalize('NFKC').replace(/\s+/g, '');
  for (;;) {
    const next = s
      .replace(/^其中[:：]?/, '')
      .replace(/^[(（]?[一二三四五六七八九十]+[)）]?[、.．]?/, (m) => (/[、.．)）]/.test(m) ? '' : m))
      .replace(/^[(（]?\d+[)）]?[、.．](?!\d)/, '')
      .replace(/^[(（]\d+[)）]/, '');
    if (next === s) return s;
    s = next;
  }
}

function isNoteRow(item: string): boolean {
  return /^(注|说明|备注|填报|制表|审核人|负责人)/.test(item);
}

/** Read one grid as a 预算执行 sheet, or null when it is not one. */
export function readExecutionSheet(grid: Grid, file: string, defaultUnit: AmountUnit = 'yuan'): ExecutionSheet | null {
  const cells = fillMerges(grid);
  const byName = isExecutionSheetName(grid.name);
  const header = findHeader(cells, byName);
  if (!header) return null;
  const row0 = grid.origin?.row ?? 1;
  const col0 = grid.origin?.col ?? 1;
  const notes: string[] = [];

  // Unit and month from the lines above the header (title, "单位：万元").
  let unit: AmountUnit | null = header.amountUnit;
  let month = header.month;
  for (let r = 0; r < header.row; r++) {
    for (const v of cells[r] ?? []) {
      if (typeof v !== 'string') continue;
      unit = unit ?? unitFromLine(v);
      month = month ?? monthFromText(v);
    }
  }
  const unitStated = unit !== null;
  if (!unitStated) notes.push(`${grid.name}：未找到金额单位，按${defaultUnit === 'wan' ? '万元' : '元'}计算`);
  const u: AmountUnit = unit ?? defaultUnit;

  const rows: ExecutionRow[] = [];
  const seen = new Map<string, number>();
  const itemCol = header.cols.get('item') as number;
  // The figures add and compare the sheet's amounts (保工资 + 保运转 + 保基本民生, 完成率): they stay exact
  // integers of 分 while the sheet's amounts together stay within 2⁵³ − 1 分 in absolute value.
  const magnitude = new MagnitudeAccount();
  for (let r = header.row + 1; r < cells.length; r++) {
    const row = cells[r] ?? [];
    const item = cleanItemName(cellText(row[itemCol] ?? null));
    if (item === '' || isNoteRow(item)) continue;
    const sheetRow = row0 + r;
    const amount = (f: ExecutionField): number | null => {
      const c = header.cols.get(f);
      if (c === undefined) return null;
      const v = row[c] ?? null;
      const p = parseAmount(v, u);
      if (!p.ok) {
        const shown = isCellError(v) || p.reason.includes(cellText(v)) ? '' : `（${cellText(v)}）`;
        notes.push(`${grid.name}!${a1(sheetRow, col0 + c)}：${p.reason}${shown}，该数按空白处理`);
        return null;
      }
      if (p.blank) return null;
      if (!magnitude.take(p.fen)) {
        notes.push(`${grid.name}!${a1(sheetRow, col0 + c)}：金额“${cellText(v)}”使本表读入的金额（按绝对值）累计${PAST_EXACT_RANGE}，该数按空白处理`);
        return null;
      }
      return p.fen;
    };
    const mc = header.cols.get('month');
    const rowMonth = mc === undefined ? null : monthFromCell(row[mc] ?? null);
    const key = normalizeText(item);
    const first = seen.get(key);
    if (first !== undefined) notes.push(`${grid.name}：“${item}”出现多次（第${first}行、第${sheetRow}行），占位符取第${first}行`);
    else seen.set(key, sheetRow);
    rows.push({
      item,
      initialFen: amount('initial'),
      adjustedFen: amount('adjusted'),
      actualFen: amount('actual'),
      priorSameFen: amount('priorSame'),
      month: rowMonth ?? month,
      location: { file, sheet: grid.name, cell: a1(sheetRow, col0 + itemCol), row: sheetRow },
    });
  }
  return { file, sheet: grid.name, amountUnit: u, unitStated, month, headerRow: row0 + header.row, rows, notes };
}

/**
 * The first 预算执行 sheet of the inputs: sheets named like one are tried first, then every sheet
 * by its header. Later execution sheets are named in `notes` and not used.
 */
export function findExecutionSheet(workbooks: ReadonlyArray<WorkbookGrids>, defaultUnit: AmountUnit = 'yuan'): ExecutionSheet | null {
  const candidates: Array<{ grid: Grid; file: string }> = [];
  for (const wb of workbooks) for (const grid of wb.sheets) if (isExecutionSheetName(grid.name)) candidates.push({ grid, file: wb.file });
  for (const wb of workbooks) for (const grid of wb.sheets) if (!isExecutionSheetName(grid.name)) candidates.push({ grid, file: wb.file });
  let found: ExecutionSheet | null = null;
  const ignored: string[] = [];
  for (const { grid, file } of candidates) {
    const s = readExecutionSheet(grid, file, defaultUnit);
    if (!s) continue;
    if (found) ignored.push(`${file}：${grid.name}`);
    else found = s;
  }
  if (found && ignored.length > 0) found.notes.push(`另有预算执行表未使用：${ignored.join('、')}`);
  return found;
}
