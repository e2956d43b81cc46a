/**
 * The in-memory workbook behind the fake Excel host: sheets of values, formulas, fills, notes,
 * comments and settings. Tests arrange it directly and inspect it after the adapter ran.
 *
 * The host's strictness lives here as settings (see client.ts for where each one bites), each as
 * strict as Excel by default, so that a test cannot pass on a kinder host without saying so:
 * the 5 MB payload limit and its GeneralException face, the getRanges limits, cell-edit mode,
 * protection of sheets and of the workbook structure, and the requirement sets of each Office
 * version (HOST_PROFILES).
 */
import { a1, columnNumber } from '../../core/address';

export type FakeValue = string | number | boolean;

/**
 * The fill properties Excel exposes per cell (CellPropertiesFill, ExcelApi 1.9). A cell without an
 * entry in FakeSheet.fills has No Fill; the host reads it with nulls (see client.ts fillFace).
 * `pattern` may be LinearGradient or RectangularGradient when a test arranges a gradient the user
 * made in Excel's dialog: the API reads it but cannot write it (typings, RangeFill.pattern).
 * `theme` names a theme colour the user picked (Excel reads it as its RGB `color` plus
 * `tintAndShade`); any write of the fill through the API replaces it by plain RGB.
 */
export interface FillState {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
  theme?: string;
}

export const NO_FILL: Readonly<FillState> = { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };

export function sameFill(a: FillState, b: FillState): boolean {
  return a.color === b.color && a.pattern === b.pattern && a.patternColor === b.patternColor && a.tintAndShade === b.tintAndShade && a.patternTintAndShade === b.patternTintAndShade;
}

/** One side of a cell's border as written through RangeBorder (ExcelApi 1.1); unset properties are absent. */
export interface CellBorder {
  style?: string;
  weight?: string;
  color?: string;
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

export interface FakeCommentReply {
  id: string;
  content: string;
  authorName: string;
}

export interface FakeComment {
  id: string;
  sheet: string;
  row: number;
  col: number;
  content: string;
  authorName: string;
  /** Replies of the thread (Comment.replies, ExcelApi 1.10): Comment.delete() deletes them too. */
  replies?: FakeCommentReply[];
}

/**
 * Office versions and the newest ExcelApi 1.x each supports (learn.microsoft.com, "Excel JavaScript
 * API requirement sets": Excel 2016 has only 1.1; Office 2019 stops at 1.8, Office 2021 at 1.14,
 * Office 2024 at 1.17; Microsoft 365 and Excel on the web have 1.20). `webview` is the control the
 * add-in runs in on Windows ("Browsers and webview controls used by Office Add-ins"): Trident for
 * 2016, EdgeHTML or Trident for volume-licensed 2019, WebView2 from 2021 on.
 */
export const HOST_PROFILES = {
  '2016': { apiVersion: 1, platform: 'PC', webview: 'Trident' },
  '2019': { apiVersion: 8, platform: 'PC', webview: 'EdgeHTML' },
  '2021': { apiVersion: 14, platform: 'PC', webview: 'WebView2' },
  '2024': { apiVersion: 17, platform: 'PC', webview: 'WebView2' },
  '365': { apiVersion: 20, platform: 'PC', webview: 'WebView2' },
  web: { apiVersion: 20, platform: 'OfficeOnline', webview: 'browser' },
} as const;

export type HostProfile = keyof typeof HOST_PROFILES;

let nextId = 1;
export function newId(prefix: string): string {
  return `${prefix}${nextId++}`;
}

export class FakeSheet {
  readonly id = newId('ws');
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  /** Sheet protection: every write to its cells, formats, notes and comments is refused. */
  protected = false;
  /** Dense rows of values; undefined or '' is empty. */
  readonly rows: FakeValue[][] = [];
  readonly formulas = new Map<string, string>();
  readonly fills = new Map<string, FillState>();
  /**
   * Other formats by cell, under their RangeFormat path: numberFormat, 'font.bold', 'font.name',
   * horizontalAlignment, wrapText, indentLevel… (tests read them, the adapter writes them). Borders
   * are kept by cell side, as Excel keeps them: 'border.top', 'border.bottom', 'border.left',
   * 'border.right' (and the diagonals), each a CellBorder; a range's edges and inside lines are
   * mapped to the sides of its cells (see client.ts writeFormat).
   */
  readonly formats = new Map<string, Record<string, unknown>>();
  readonly notes: FakeNote[] = [];
  merges: Area[] = [];
  frozenRows = 0;
  autoFilter: Area | null = null;
  /**
   * Hidden rows and columns, 0-based (a row the AutoFilter filtered out is a hidden row, as in Excel).
   * The host reports them only as Range.rowHidden / columnHidden: true when every row (column) of the
   * range is hidden, false when none is, null when some are (typings, ExcelApi 1.2), so an adapter
   * cannot ask for a list and must narrow mixed ranges down itself.
   */
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  /** Column widths in points by column, 0-based (RangeFormat.columnWidth sets whole columns, as in Excel). */
  readonly columnWidths = new Map<number, number>();
  /**
   * Row heights in points by row, 0-based: RangeFormat.rowHeight sets whole rows, as in Excel (the
   * value is also kept in each written cell's formats, where older tests read it).
   */
  readonly rowHeights = new Map<number, number>();
  /** Manual horizontal page breaks (Worksheet.horizontalPageBreaks, ExcelApi 1.9): the 0-based rows that start a page. */
  readonly pageBreaks: number[] = [];
  /** Worksheet.pageLayout (ExcelApi 1.9) as written: orientation, paperSize, zoom, margins, printTitleRows, footers. */
  readonly pageLayout: Record<string, unknown> = {};

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
  /** Protection of the workbook structure: sheets cannot be added, deleted, renamed or hidden. */
  structureProtected = false;
  /**
   * Bytes per request and per response that the host accepts. Excel on the web refuses more than
   * 5 MB each way (learn.microsoft.com "Resource limits and performance optimization", the
   * performance article; office-js-docs-pr#2846). The fake enforces it on every platform (null
   * switches it off), counting 5 MB as 5,000,000 bytes, the stricter reading.
   */
  payloadLimit: number | null = 5_000_000;
  /**
   * How an oversized payload fails. 'general': as Excel on the web often reports it, a
   * GeneralException "An internal error has occurred." (office-js#1012, #1314, office-js-docs#1247);
   * 'code': RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded. The default
   * alternates, starting with 'general', so an adapter must understand both faces.
   */
  payloadFace: 'general' | 'code' | 'alternate' = 'alternate';
  private payloadFailures = 0;
  /**
   * Worksheet.getRanges: the documented 8,192-character limit, and a lower, undocumented one on the
   * web (office-js#5198: an address of 513 areas fails, office-js-docs-pr#2255: "some longer
   * strings fail while others of the same length pass"). The fake refuses a list of more than
   * `getRangesMaxAreas` areas; the adapter must fall back to smaller pieces.
   */
  getRangesMaxChars = 8191;
  getRangesMaxAreas = 300;
  /**
   * The user is typing in a cell (desktop): every batch fails with InvalidOperationInCellEditMode,
   * unless Excel.run got { delayForCellEdit: true } (ExcelApi 1.11), which waits until the edit
   * ends (typings, Excel.RunOptions.delayForCellEdit).
   */
  cellEditMode = false;
  private editWaiters: Array<() => void> = [];
  constructor(public apiVersion = 18, public commentAuthor = '张三', public platform: string = 'OfficeOnline') {}

  /** A workbook in the given Office version (requirement sets and platform of HOST_PROFILES). */
  static forHost(profile: HostProfile): FakeWorkbookModel {
    const p = HOST_PROFILES[profile];
    return new FakeWorkbookModel(p.apiVersion, '张三', p.platform);
  }

  /** Switch the same workbook to another Office version ("flag in 365, clear in 2021"). */
  openIn(profile: HostProfile): this {
    this.apiVersion = HOST_PROFILES[profile].apiVersion;
    this.platform = HOST_PROFILES[profile].platform;
    return this;
  }

  /** The face of the next payload failure. */
  nextPayloadFace(): 'general' | 'code' {
    if (this.payloadFace !== 'alternate') return this.payloadFace;
    return this.payloadFailures++ % 2 === 0 ? 'general' : 'code';
  }

  enterCellEdit(): void {
    this.cellEditMode = true;
  }

  exitCellEdit(): void {
    this.cellEditMode = false;
    const w = this.editWaiters;
    this.editWaiters = [];
    for (const f of w) f();
  }

  /** Resolves when the user leaves cell-edit mode (at once when not editing). */
  whenNotEditing(): Promise<void> {
    if (!this.cellEditMode) return Promise.resolve();
    return new Promise((r) => this.editWaiters.push(r));
  }

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
