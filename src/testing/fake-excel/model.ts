/**
 * The in-memory workbook behind the fake Excel host: sheets of values, formulas, fills, notes,
 * comments and settings. Tests arrange it directly and inspect it after the adapter ran.
 */
import { a1, columnNumber } from '../../core/address';

export type FakeValue = string | number | boolean;

/** The fill properties Excel exposes per cell (CellPropertiesFill, ExcelApi 1.9). */
export interface FillState {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export const NO_FILL: Readonly<FillState> = { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };

export function sameFill(a: FillState, b: FillState): boolean {
  return a.color === b.color && a.pattern === b.pattern && a.patternColor === b.patternColor && a.tintAndShade === b.tintAndShade && a.patternTintAndShade === b.patternTintAndShade;
}

export interface Area {
  top: number; // 0-based
  left: number;
  bottom: number;
  right: number;
}

export function key(r: number, c: number): string {
  return `${r},${c}`;
}

/** "Sheet1", "'My sheet'" → quoted when Excel would quote it. */
export function qualify(sheet: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function areaAddress(a: Area): string {
  const tl = a1(a.top + 1, a.left + 1);
  return a.top === a.bottom && a.left === a.right ? tl : `${tl}:${a1(a.bottom + 1, a.right + 1)}`;
}

/** Parse "A1", "$A$1:C3", "A:A" is not supported (the adapter never uses it). */
export function parseArea(address: string): Area | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
  if (!m) return null;
  const c1 = columnNumber(m[1]) - 1, r1 = Number(m[2]) - 1;
  const c2 = m[3] ? columnNumber(m[3]) - 1 : c1, r2 = m[4] ? Number(m[4]) - 1 : r1;
  if (r1 < 0 || r2 < 0) return null;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** Split "'Sheet'!A1" into sheet and local address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const i = address.lastIndexOf('!');
  if (i < 0) return { sheet: null, local: address };
  let s = address.slice(0, i);
  if (/^'.*'$/.test(s)) s = s.slice(1, -1).replace(/''/g, "'");
  return { sheet: s, local: address.slice(i + 1) };
}

export interface FakeNote {
  id: string;
  row: number;
  col: number;
  content: string;
}

export interface FakeComment {
  id: string;
  sheet: string;
  row: number;
  col: number;
  content: string;
  authorName: string;
}

let nextId = 1;
export function newId(prefix: string): string {
  return `${prefix}${nextId++}`;
}

export class FakeSheet {
  readonly id = newId('ws');
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  /** Dense rows of values; undefined or '' is empty. */
  readonly rows: FakeValue[][] = [];
  readonly formulas = new Map<string, string>();
  readonly fills = new Map<string, FillState>();
  /** Other formats by cell: numberFormat, bold, wrap… (tests read them, the adapter writes them). */
  readonly formats = new Map<string, Record<string, unknown>>();
  readonly notes: FakeNote[] = [];
  merges: Area[] = [];
  frozenRows = 0;
  autoFilter: Area | null = null;
  readonly columnWidths = new Map<number, number>();

  constructor(public name: string) {}

  get(r: number, c: number): FakeValue | '' {
    const row = this.rows[r];
    const v = row ? row[c] : undefined;
    return v === undefined ? '' : v;
  }

  set(r: number, c: number, v: FakeValue | null | undefined): void {
    const row = this.rows[r] ?? (this.rows[r] = []);
    row[c] = v === null || v === undefined ? '' : v;
  }

  fill(r: number, c: number): FillState {
    return this.fills.get(key(r, c)) ?? NO_FILL;
  }

  setFill(r: number, c: number, f: Partial<FillState> | null): void {
    if (f === null) this.fills.delete(key(r, c));
    else this.fills.set(key(r, c), { ...this.fill(r, c), ...f });
  }

  format(r: number, c: number): Record<string, unknown> {
    const k = key(r, c);
    let f = this.formats.get(k);
    if (!f) this.formats.set(k, (f = {}));
    return f;
  }

  /** Bounding box of cells with values (and, unless valuesOnly, with fills). */
  usedArea(valuesOnly: boolean): Area | null {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    this.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        if (v === '' || v === undefined) return;
        if (r < top) top = r;
        if (r > bottom) bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      });
    });
    if (!valuesOnly) {
      for (const k of this.fills.keys()) {
        const [r, c] = k.split(',').map(Number);
        top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

/** Statistics of one context.sync() (one request/response round trip). */
export interface SyncStat {
  requestBytes: number;
  responseBytes: number;
  ops: number;
  /** The error code when the host rejected the batch (payload limits, missing API…). */
  error?: string;
}

export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  readonly comments: FakeComment[] = [];
  readonly settings = new Map<string, unknown>();
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  readonly syncs: SyncStat[] = [];
  /** Set true to make sure nothing calls Excel while a test expects no host calls. */
  constructor(public apiVersion = 18, public commentAuthor = '张三') {}

  sheet(name: string): FakeSheet | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`sheet ${name} exists`);
    const s = new FakeSheet(name);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = name;
    return s;
  }

  /** Arrange helper: write a 2-D block of values at A1 (or at a 0-based origin). */
  put(sheet: string, values: ReadonlyArray<ReadonlyArray<FakeValue | null>>, row0 = 0, col0 = 0): FakeSheet {
    const s = this.sheet(sheet) ?? this.addSheet(sheet);
    values.forEach((row, r) => row.forEach((v, c) => s.set(row0 + r, col0 + c, v)));
    return s;
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  resetStats(): void {
    this.syncs.length = 0;
  }

  /** Largest request among the batches the host accepted. */
  maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.filter((s) => !s.error).map((s) => s.requestBytes));
  }

  /** Largest response among the batches the host accepted. */
  maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.filter((s) => !s.error).map((s) => s.responseBytes));
  }

  failedSyncs(): string[] {
    return this.syncs.filter((s) => s.error).map((s) => s.error!);
  }
}
