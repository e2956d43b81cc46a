/**
 * A small header-located table reader shared by the auxiliary sheets (SPEC §2.2): the header row is
 * found, not assumed (it may sit below title lines), columns come in any order, the amount unit comes
 * from a "单位：万元" line above the header or a header suffix ("需求数（万元）"), 合计/总计/小计 and
 * 其中 rows are skipped, and bad amounts become DATA.BAD_AMOUNT findings at their cell.
 */
import { a1, columnLetters } from '../address';
import { DEFAULT_SEVERITY } from '../findings';
import type { Finding, FindingLocation } from '../findings';
import { cellText, fillMerges } from '../grid';
import type { Cell, Grid } from '../grid';
import { parseAmount } from '../money';
import type { AmountUnit } from '../money';
import { normalizeText, stripUnitSuffix, unitFromLine } from '../text';

/** A header alias: an exact normalised text, or a pattern tested against the normalised text. */
export type Alias = string | RegExp;

export interface ColumnSpec {
  readonly field: string;
  readonly aliases: ReadonlyArray<Alias>;
  /** Aliases specific enough to recognise the sheet by its header alone (default: all aliases). */
  readonly signature?: ReadonlyArray<Alias>;
}

export interface TableSpec {
  /** Chinese name of the sheet for messages ("三保需求"). */
  readonly title: string;
  readonly columns: ReadonlyArray<ColumnSpec>;
  /** Fields that must all be present to recognise the sheet by its header alone. */
  readonly signature: ReadonlyArray<string>;
  /** Fields needed to read the sheet once recognised (each entry: one of these fields). */
  readonly required: ReadonlyArray<ReadonlyArray<string>>;
  /** A header row holding any of these (normalised) is some other table, not this one. */
  readonly reject?: (normalisedHeaders: ReadonlyArray<string>) => boolean;
}

export interface HeaderMatch {
  /** 0-based index into grid.cells. */
  readonly row: number;
  /** field → 0-based column index. */
  readonly cols: ReadonlyMap<string, number>;
  /** Unit stated by a header suffix, per field. */
  readonly colUnits: ReadonlyMap<string, AmountUnit>;
}

/** How many rows from the top are searched for the header. */
export const HEADER_SCAN_ROWS = 30;

function aliasMatches(alias: Alias, text: string): boolean {
  return typeof alias === 'string' ? alias === text : alias.test(text);
}

/** The normalised header text of a cell and the unit its suffix states. */
export function headerText(v: Cell): { text: string; amountUnit: AmountUnit | null } {
  const raw = cellText(v);
  if (raw === '') return { text: '', amountUnit: null };
  const { text, amountUnit: unit } = stripUnitSuffix(raw);
  return { text: normalizeText(text), amountUnit: unit };
}

/** Match one row against a spec. `signature` uses only the signature aliases. */
function matchRow(row: ReadonlyArray<Cell>, spec: TableSpec, signature: boolean): HeaderMatch | null {
  const cols = new Map<string, number>();
  const colUnits = new Map<string, AmountUnit>();
  const texts: string[] = [];
  row.forEach((v, c) => {
    const { text, amountUnit: unit } = headerText(v);
    texts.push(text);
    if (text === '') return;
    for (const col of spec.columns) {
      if (cols.has(col.field)) continue;
      const aliases = signature ? col.signature ?? col.aliases : col.aliases;
      if (aliases.some((a) => aliasMatches(a, text))) {
        cols.set(col.field, c);
        if (unit) colUnits.set(col.field, unit);
        break;
      }
    }
  });
  if (spec.reject && spec.reject(texts.filter((t) => t !== ''))) return null;
  const ok = signature
    ? spec.signature.every((f) => cols.has(f))
    : spec.required.every((alts) => alts.some((f) => cols.has(f)));
  return ok ? { row: -1, cols, colUnits } : null;
}

/**
 * The first row (within the top HEADER_SCAN_ROWS) that holds the spec's columns. With `signature`,
 * only rows holding every signature field with a signature alias count (recognition by header).
 */
export function findHeader(cells: ReadonlyArray<ReadonlyArray<Cell>>, spec: TableSpec, signature = false): HeaderMatch | null {
  const n = Math.min(cells.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < n; r++) {
    const m = matchRow(cells[r] ?? [], spec, signature);
    if (m) return { ...m, row: r };
  }
  return null;
}

/** The amount unit stated above (or in) the header row, e.g. "单位：万元" in a title line. */
export function unitAbove(cells: ReadonlyArray<ReadonlyArray<Cell>>, headerRow: number): AmountUnit | null {
  for (let r = 0; r <= headerRow; r++) {
    for (const v of cells[r] ?? []) {
      if (typeof v !== 'string') continue;
      const u = unitFromLine(v);
      if (u) return u;
    }
  }
  return null;
}

const SUBTOTAL = /^(合计|总计|小计|其中)/;

/** Whether a data row is a 合计/总计/小计 or 其中 row: its first non-empty text says so. */
export function isSubtotalRow(row: ReadonlyArray<Cell>): boolean {
  for (const v of row) {
    const t = cellText(v);
    if (t === '') continue;
    return SUBTOTAL.test(normalizeText(t));
  }
  return false;
}

export interface ReadOptions {
  /** Unit when the sheet states none (SPEC §7: the main sheet's; else 元). */
  readonly defaultUnit?: AmountUnit;
}

/** One data row of a located table, with helpers that know the sheet's geometry. */
export interface TableRow {
  /** 0-based index into cells. */
  readonly index: number;
  /** 1-based sheet row. */
  readonly sheetRow: number;
  /** The cell of a field ('' fields absent). */
  value(field: string): Cell;
  /** Trimmed text of a field's cell ('' when absent or blank). */
  text(field: string): string;
  /** Location of the row, at the field's cell when given and present. */
  location(field?: string): FindingLocation;
  /**
   * The field's amount in 分: null when the column is absent or the cell blank; undefined when the
   * cell is not money (a DATA.BAD_AMOUNT finding was recorded).
   */
  amount(field: string): number | null | undefined;
}

export interface LocatedTable {
  readonly header: HeaderMatch;
  readonly unit: AmountUnit;
  /** Whether the unit was stated (a unit line or a header suffix). */
  readonly unitStated: boolean;
  readonly rows: TableRow[];
  readonly findings: Finding[];
}

/**
 * Read a table whose header was found: every non-blank, non-subtotal row after the header.
 * Never throws on data.
 */
export function readTable(file: string, grid: Grid, spec: TableSpec, header: HeaderMatch, opts: ReadOptions = {}): LocatedTable {
  const cells = fillMerges(grid);
  const origin = grid.origin ?? { row: 1, col: 1 };
  const sheetUnit = unitAbove(cells, header.row);
  const unit = sheetUnit ?? opts.defaultUnit ?? 'yuan';
  const findings: Finding[] = [];
  const rows: TableRow[] = [];
  const fieldCols = [...header.cols.values()];

  for (let r = header.row + 1; r < cells.length; r++) {
    const row = cells[r] ?? [];
    if (fieldCols.every((c) => cellText(row[c] ?? null) === '')) continue;
    if (isSubtotalRow(row)) continue;
    const sheetRow = origin.row + r;
    const colOf = (field: string) => header.cols.get(field);
    const value = (field: string): Cell => {
      const c = colOf(field);
      return c === undefined ? null : row[c] ?? null;
    };
    const location = (field?: string): FindingLocation => {
      const c = field === undefined ? undefined : colOf(field);
      const loc: FindingLocation = { file, sheet: grid.name, row: sheetRow };
      if (c !== undefined) loc.cell = a1(sheetRow, origin.col + c);
      return loc;
    };
    rows.push({
      index: r,
      sheetRow,
      value,
      text: (field) => cellText(value(field)),
      location,
      amount: (field) => {
        if (colOf(field) === undefined) return null;
        const v = value(field);
        const res = parseAmount(v, header.colUnits.get(field) ?? unit);
        if (res.ok) return res.blank ? null : res.fen;
        const col = columnLetters(origin.col + colOf(field)!);
        const headerName = cellText(cells[header.row]?.[colOf(field)!] ?? null) || field;
        findings.push({
          rule: 'DATA.BAD_AMOUNT',
          severity: DEFAULT_SEVERITY['DATA.BAD_AMOUNT'],
          location: location(field),
          message: `「${grid.name}」表 ${col}${sheetRow} 单元格“${headerName}”的值“${cellText(v)}”无法识别为金额（${res.reason}），该行未使用；请填写数字金额`,
        });
        return undefined;
      },
    });
  }
  return { header, unit, unitStated: sheetUnit !== null || header.colUnits.size > 0, rows, findings };
}

/** DATA.MISSING_COLUMN (warning) for an auxiliary sheet recognised by name whose header was not found. */
export function missingHeaderFinding(file: string, grid: Grid, spec: TableSpec): Finding {
  const need = spec.required
    .map((alts) => alts.map((f) => spec.columns.find((c) => c.field === f)?.aliases.find((a) => typeof a === 'string') ?? f).join('或'))
    .join('、');
  return {
    rule: 'DATA.MISSING_COLUMN',
    severity: 'warning',
    location: { file, sheet: grid.name },
    message: `「${grid.name}」表按表名识别为${spec.title}表，但前 ${HEADER_SCAN_ROWS} 行中没有找到包含“${need}”的表头行，该表未使用；请补充表头`,
  };
}
