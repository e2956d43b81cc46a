/**
 * The client side of the fake Excel host: proxies that queue commands and load requests like
 * office.js does, and a context whose sync() runs them against the in-memory model. It is as strict
 * as Excel wherever the adapter relies on Excel's behaviour; each rule cites its source:
 * - 5 MB per request and per response, failing as GeneralException or as *PayloadSizeLimitExceeded
 *   (model.payloadLimit, model.payloadFace); 5 million cells per range read;
 * - getRanges: 8,191 characters, and fewer areas on the web (model.getRangesMax*);
 * - getMergedAreasOrNullObject fails above 512 merged areas;
 * - hidden rows and columns only as Range.rowHidden / columnHidden: true all, false none, null some;
 * - `values` writes are parsed as typed input ("001001" → 1001, "2018-12-31" → a date serial);
 * - Worksheet.delete() of a VeryHidden sheet fails with InvalidOperation;
 * - Comment.delete() deletes the thread's replies too; a comment cannot go on a cell with a note;
 * - No Fill reads as #FFFFFF with null tintAndShade and pattern; gradients cannot be written, nor
 *   null fill properties;
 * - cell-edit mode, sheet protection, workbook structure protection;
 * - RangeFormat.rowHeight (ExcelApi 1.2) only from 0 to 409 points, and for whole rows;
 *   columnWidth (1.2) only from 0 to 255 characters in points, for whole columns; indentLevel
 *   (1.9) an integer 0–250; fonts 1–409 points; alignments, border edges, line styles and weights
 *   only from their enums; borders kept by cell side;
 * - manual page breaks (ExcelApi 1.9) at most 1,026 horizontal ones a sheet;
 * - every API needs its ExcelApi version (model.apiVersion; HOST_PROFILES for Office versions).
 * A batch that fails keeps the effects of the operations before the failing one, as Excel does
 * (no rollback), so a half-applied batch shows in the model.
 */
import {
  Area, CellBorder, FakeComment, SyncStat, FakeSheet, FakeValue, FakeWorkbookModel, FillState, NO_FILL, areaAddress, key, newId, parseArea, qualify, splitSheet,
} from './model';

export const PAYLOAD_LIMIT_BYTES = 5_000_000;
export const MAX_READ_CELLS = 5_000_000;
export const MAX_ADDRESS_CHARS = 8192;
/**
 * Typings, Range.getMergedAreasOrNullObject: "if the merged areas count in this range is more than
 * 512, then this method will fail to return the result".
 */
export const MAX_MERGED_AREAS = 512;
/**
 * Bytes office.js adds per queued action and per loaded object (ids, action type, object path):
 * the fake's JSON of an op is shorter than the real request, so each op carries this much more.
 */
export const OP_OVERHEAD_BYTES = 100;
/** Excel's specifications and limits: row height up to 409 points; 1,026 horizontal page breaks a sheet. */
export const MAX_ROW_HEIGHT_PT = 409;
/**
 * Column width up to 255 characters (Excel specifications and limits), which Office.js takes in
 * points (office-js#187): 255 digits of the default Normal font (Calibri 11, 7 px) plus its 5 px
 * padding is 1,790 px, 1,342.5 pt at 96 dpi.
 */
export const MAX_COLUMN_WIDTH_PT = ((255 * 7 + 5) * 72) / 96;
/** Typings, RangeFormat.indentLevel: "An integer from 0 to 250"; font sizes 1–409 points (Excel specifications and limits). */
export const MAX_INDENT_LEVEL = 250;
export const MAX_FONT_PT = 409;
export const MAX_HORIZONTAL_PAGE_BREAKS = 1026;
export const LOAD_OVERHEAD_BYTES = 40;

/** An error shaped like OfficeExtension.Error. */
export class FakeRichApiError extends Error {
  readonly name = 'RichApi.Error';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

const encoder = new TextEncoder();
function bytes(x: unknown): number {
  return encoder.encode(JSON.stringify(x) ?? '').length;
}

interface Op {
  est: unknown;
  /** Needs ExcelApi 1.minVersion. */
  minVersion: number;
  run(): unknown;
}

interface Pending {
  obj: ClientObject;
  result: unknown;
}

export class FakeRequestContext {
  private queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  /** Excel.run's RunOptions.delayForCellEdit (ExcelApi 1.11). */
  delayForCellEdit = false;
  constructor(readonly model: FakeWorkbookModel) {
    this.workbook = new WorkbookProxy(this);
  }

  /** @internal */
  enqueue(op: Op): void {
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync<T>(passThrough?: T): Promise<T> {
    const ops = this.queue;
    this.queue = [];
    const m = this.model;
    // Typings, Excel.RunOptions.delayForCellEdit: with it (ExcelApi 1.11) the batch waits for the
    // user to leave the cell; without it, the batch fails while the user edits a cell.
    if (m.cellEditMode && this.delayForCellEdit && m.apiVersion >= 11) await m.whenNotEditing();
    const requestBytes = bytes(ops.map((o) => o.est)) + OP_OVERHEAD_BYTES * ops.length;
    const stat: SyncStat = { requestBytes, responseBytes: 0, ops: ops.length };
    m.syncs.push(stat);
    const fail = (e: FakeRichApiError): never => {
      stat.error = e.code;
      throw e;
    };
    const payloadError = (which: 'Request' | 'Response', n: number): FakeRichApiError =>
      m.nextPayloadFace() === 'general'
        ? new FakeRichApiError('GeneralException', 'An internal error has occurred.')
        : new FakeRichApiError(`${which}PayloadSizeLimitExceeded`, `${which.toLowerCase()} of ${n} bytes exceeds 5 MB`);
    if (m.cellEditMode && ops.length > 0) fail(new FakeRichApiError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.'));
    if (m.payloadLimit !== null && requestBytes > m.payloadLimit) fail(payloadError('Request', requestBytes));
    const loads: Pending[] = [];
    for (const op of ops) {
      if (op.minVersion > this.model.apiVersion) fail(new FakeRichApiError('ApiNotFound', `needs ExcelApi 1.${op.minVersion}, host has 1.${this.model.apiVersion}`));
      let r: unknown;
      try {
        r = op.run();
      } catch (e) {
        fail(e instanceof FakeRichApiError ? e : new FakeRichApiError('GeneralException', String((e as Error).message)));
      }
      if (r instanceof PendingLoad) loads.push({ obj: r.obj, result: r.data });
    }
    stat.responseBytes = bytes(loads.map((l) => l.result)) + LOAD_OVERHEAD_BYTES * loads.length;
    if (m.payloadLimit !== null && stat.responseBytes > m.payloadLimit) fail(payloadError('Response', stat.responseBytes));
    for (const l of loads) l.obj._commit(l.result as Record<string, unknown>);
    return passThrough as T;
  }
}

class PendingLoad {
  constructor(readonly obj: ClientObject, readonly data: unknown) {}
}

function propList(props?: string | string[] | Record<string, unknown>): string[] {
  if (props === undefined) return [];
  if (typeof props === 'string') return props.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(props)) return props;
  return Object.keys(props).filter((k) => (props as Record<string, unknown>)[k]);
}

abstract class ClientObject {
  protected loaded: Record<string, unknown> | null = null;
  constructor(readonly ctx: FakeRequestContext) {}

  /** @internal */
  _commit(data: Record<string, unknown>): void {
    this.loaded = { ...(this.loaded ?? {}), ...data };
  }

  protected prop<T>(name: string): T {
    if (!this.loaded || !(name in this.loaded)) throw new FakeRichApiError('PropertyNotLoaded', `The property '${name}' is not available. Call load and sync first.`);
    return this.loaded[name] as T;
  }

  protected op(method: string, args: unknown, run: () => unknown, minVersion = 1): void {
    this.ctx.enqueue({ est: { o: this.constructor.name, m: method, a: args }, minVersion, run });
  }

  protected queueLoad(props: string[], fetch: (props: string[]) => Record<string, unknown>, minVersion = 1): void {
    this.ctx.enqueue({ est: { o: this.constructor.name, m: 'load', a: props }, minVersion, run: () => new PendingLoad(this, fetch(props)) });
  }
}

// ---- workbook ------------------------------------------------------------------------------------

class WorkbookProxy extends ClientObject {
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly comments: CommentCollectionProxy;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  /** WorkbookProtection (ExcelApi 1.7): protection of the workbook structure. */
  readonly protection: { load: (p?: string) => unknown; readonly protected: boolean };
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    const self = this;
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.settings = new SettingCollectionProxy(ctx);
    this.comments = new CommentCollectionProxy(ctx);
    this.application = { suspendApiCalculationUntilNextSync: () => this.op('suspendApiCalculationUntilNextSync', [], () => undefined, 6) };
    this.protection = {
      load: () => {
        this.queueLoad(['protected'], () => ({ _wbProtected: this.ctx.model.structureProtected }), 7);
        return this.protection;
      },
      get protected(): boolean {
        return self.prop<boolean>('_wbProtected');
      },
    };
  }

  getSelectedRange(): RangeProxy {
    const m = this.ctx.model;
    return new RangeProxy(this.ctx, () => {
      const sel = m.selection ?? { sheet: m.activeSheet ?? m.sheets[0].name, address: 'A1' };
      return { sheet: req(m, sel.sheet), area: parseArea(sel.address)! };
    });
  }
}

function sheetSnapshot(model: FakeWorkbookModel, s: FakeSheet, props: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of props) {
    if (p === 'name') out.name = s.name;
    else if (p === 'visibility') out.visibility = s.visibility;
    else if (p === 'id') out.id = s.id;
    else if (p === 'position') out.position = model.sheets.indexOf(s);
    else if (p === 'protection/protected') out._protected = s.protected;
  }
  return out;
}

function req(model: FakeWorkbookModel, name: string): FakeSheet {
  const s = model.sheet(name);
  if (!s) throw new FakeRichApiError('ItemNotFound', `worksheet ${name} not found`);
  return s;
}

/** Workbook structure protection: no sheet can be added, deleted, renamed, moved or (un)hidden. */
function structureWrite(model: FakeWorkbookModel, what: string): void {
  if (model.structureProtected) throw new FakeRichApiError('AccessDenied', `The workbook structure is protected: cannot ${what}.`);
}

/** Sheet protection: cells, formats, merges, notes and comments of the sheet are read-only. */
function sheetWrite(s: FakeSheet, what: string): void {
  if (s.protected) throw new FakeRichApiError('AccessDenied', `The sheet ${s.name} is protected: cannot ${what}.`);
}

class WorksheetCollectionProxy extends ClientObject {
  private itemsCache: WorksheetProxy[] = [];
  get items(): WorksheetProxy[] {
    this.prop('items');
    return this.itemsCache;
  }

  load(props?: string | string[]): this {
    const inner = propList(props).map((p) => p.replace(/^items\//, ''));
    this.queueLoad(inner, () => {
      const sheets = this.ctx.model.sheets;
      this.itemsCache = sheets.map((s) => {
        const p = new WorksheetProxy(this.ctx, () => s, false);
        p._commit(p.snapshot(s, inner));
        return p;
      });
      return { items: sheets.map((s) => sheetSnapshot(this.ctx.model, s, inner)) };
    });
    return this;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => req(this.ctx.model, name), false);
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(name) ?? null, true);
  }

  getActiveWorksheet(): WorksheetProxy {
    const m = this.ctx.model;
    return new WorksheetProxy(this.ctx, () => req(m, m.activeSheet ?? m.sheets[0].name), false);
  }

  add(name: string): WorksheetProxy {
    let created: FakeSheet | null = null;
    this.op('add', [name], () => {
      structureWrite(this.ctx.model, 'add a sheet');
      if (this.ctx.model.sheet(name)) throw new FakeRichApiError('ItemAlreadyExists', `A sheet named ${name} already exists`);
      if (name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new FakeRichApiError('InvalidArgument', `bad sheet name ${name}`);
      created = this.ctx.model.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, () => created ?? req(this.ctx.model, name), false);
  }
}

class WorksheetProxy extends ClientObject {
  readonly protection: { load: (p?: string) => unknown; readonly protected: boolean };
  readonly freezePanes: { freezeRows: (n: number) => void };
  readonly autoFilter: AutoFilterProxy;
  readonly notes: NoteCollectionProxy;
  /** ExcelApi 1.9: every property write and setPrintTitleRows is kept in FakeSheet.pageLayout. */
  readonly pageLayout: Record<string, unknown>;
  /** ExcelApi 1.9: manual breaks, kept in FakeSheet.pageBreaks. */
  readonly horizontalPageBreaks: PageBreakCollectionProxy;
  private bound: FakeSheet | null | undefined;

  constructor(ctx: FakeRequestContext, readonly resolveFn: () => FakeSheet | null, readonly orNull: boolean) {
    super(ctx);
    const self = this;
    this.protection = {
      load: () => {
        this.queueLoad(['protected'], () => ({ _protected: this.sheet().protected }));
        return this.protection;
      },
      get protected(): boolean {
        return self.prop<boolean>('_protected');
      },
    };
    this.freezePanes = { freezeRows: (n: number) => this.op('freezeRows', [n], () => void (this.sheet().frozenRows = n), 7) };
    this.autoFilter = new AutoFilterProxy(ctx, () => this.sheet());
    this.notes = new NoteCollectionProxy(ctx, () => this.sheet());
    this.horizontalPageBreaks = new PageBreakCollectionProxy(ctx, () => this.sheet());
    const layout: Record<string, unknown> = {};
    const put = (k: string) => (v: unknown) => this.op(`pageLayout.${k}`, [v], () => {
      const s = this.sheet();
      sheetWrite(s, 'set the page layout');
      s.pageLayout[k] = v;
    }, 9);
    for (const k of ['orientation', 'paperSize', 'zoom', 'leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin', 'centerHorizontally', 'printGridlines']) {
      Object.defineProperty(layout, k, { set: put(k), enumerable: true });
    }
    layout.setPrintTitleRows = (address: string) => put('printTitleRows')(address);
    const page: Record<string, unknown> = {};
    for (const k of ['leftFooter', 'centerFooter', 'rightFooter', 'leftHeader', 'centerHeader', 'rightHeader']) Object.defineProperty(page, k, { set: put(`footer.${k}`), enumerable: true });
    layout.headersFooters = { defaultForAllPages: page };
    this.pageLayout = layout;
  }

  /** @internal */
  sheet(): FakeSheet {
    if (this.bound === undefined) this.bound = this.resolveFn();
    if (!this.bound) throw new FakeRichApiError('ItemNotFound', 'worksheet not found');
    return this.bound;
  }

  /** @internal */
  snapshot(s: FakeSheet, props: string[]): Record<string, unknown> {
    return sheetSnapshot(this.ctx.model, s, props);
  }

  load(props?: string | string[]): this {
    this.queueLoad(propList(props), (ps) => {
      const s = this.orNull ? this.resolveFn() : this.sheet();
      this.bound = s;
      return s ? { ...this.snapshot(s, ps), isNullObject: false } : { isNullObject: true };
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.prop<boolean>('isNullObject');
  }
  get name(): string {
    return this.prop('name');
  }
  get visibility(): string {
    return this.prop('visibility');
  }
  set visibility(v: string) {
    this.op('set visibility', [v], () => {
      structureWrite(this.ctx.model, 'change a sheet\'s visibility');
      this.sheet().visibility = v as FakeSheet['visibility'];
    });
  }
  set name(v: string) {
    this.op('set name', [v], () => {
      structureWrite(this.ctx.model, 'rename a sheet');
      this.sheet().name = v;
    });
  }
  get position(): number {
    return this.prop('position');
  }

  activate(): void {
    this.op('activate', [], () => void (this.ctx.model.activeSheet = this.sheet().name));
  }

  delete(): void {
    this.op('delete', [], () => {
      const s = this.sheet();
      const m = this.ctx.model;
      structureWrite(m, 'delete a sheet');
      // Typings, Worksheet.delete(): "if the worksheet's visibility is set to VeryHidden, the delete
      // operation will fail with an InvalidOperation exception" (office-js#365, office-js-docs-pr#754).
      if (s.visibility === 'VeryHidden') throw new FakeRichApiError('InvalidOperation', 'This operation is not permitted for the current object: the worksheet is very hidden.');
      m.sheets.splice(m.sheets.indexOf(s), 1);
      for (let i = m.comments.length - 1; i >= 0; i--) if (m.comments[i].sheet === s.name) m.comments.splice(i, 1);
      if (m.activeSheet === s.name) m.activeSheet = m.sheets[0]?.name ?? null;
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.sheet();
      const area = parseArea(address ?? 'A1:XFD1048576');
      if (!area) throw new FakeRichApiError('InvalidArgument', `bad address ${address}`);
      return { sheet: s, area };
    });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.sheet(), area: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } }), false, 7);
  }

  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, () => {
      const m = this.ctx.model;
      const parts = address.split(',');
      // Typings (Worksheet.getRange/getRanges): 8,192 characters at most; on the web a long list
      // fails below that (office-js#5198, office-js-docs-pr#2255): model.getRangesMax*.
      if (address.length > Math.min(MAX_ADDRESS_CHARS - 1, m.getRangesMaxChars)) throw new FakeRichApiError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (address of ${address.length} characters).`);
      if (parts.length > m.getRangesMaxAreas) throw new FakeRichApiError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (${parts.length} areas).`);
      const s = this.sheet();
      return parts.map((a) => {
        const area = parseArea(a);
        if (!area) throw new FakeRichApiError('InvalidArgument', `bad address ${a}`);
        return { sheet: s, area };
      });
    }, 9);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.sheet();
      const area = s.usedArea(!!valuesOnly);
      return area ? { sheet: s, area } : null;
    }, true, 4);
  }
}

/**
 * Worksheet.horizontalPageBreaks (Excel.PageBreakCollection, ExcelApi 1.9, every member): add puts
 * a break above the top-left cell of the range; Excel holds at most 1,026 of them a sheet.
 */
class PageBreakCollectionProxy extends ClientObject {
  constructor(ctx: FakeRequestContext, private readonly sheetFn: () => FakeSheet) {
    super(ctx);
  }
  add(range: RangeProxy | string): void {
    this.op('horizontalPageBreaks.add', [typeof range === 'string' ? range : 'range'], () => {
      const s = this.sheetFn();
      sheetWrite(s, 'add a page break');
      const area = typeof range === 'string' ? parseArea(splitSheet(range).local) : range.resolve().area;
      if (!area) throw invalid(`page break range ${String(range)}`);
      if (s.pageBreaks.includes(area.top)) return;
      if (s.pageBreaks.length >= MAX_HORIZONTAL_PAGE_BREAKS) throw new FakeRichApiError('InvalidOperation', `A sheet holds at most ${MAX_HORIZONTAL_PAGE_BREAKS} horizontal page breaks.`);
      s.pageBreaks.push(area.top);
      s.pageBreaks.sort((a, b) => a - b);
    }, 9);
  }
  removePageBreaks(): void {
    this.op('horizontalPageBreaks.removePageBreaks', [], () => {
      const s = this.sheetFn();
      sheetWrite(s, 'remove page breaks');
      s.pageBreaks.length = 0;
    }, 9);
  }
  getCount(): { value: number } {
    return clientResult(this.ctx, 'PageBreakCollection', 'getCount', 9, () => this.sheetFn().pageBreaks.length);
  }
}

/**
 * Worksheet.autoFilter (ExcelApi 1.9, every member): apply, and `enabled` / `isDataFiltered` to read.
 * isDataFiltered is taken as "the filter hides a row below its header row", what criteria would do.
 */
class AutoFilterProxy extends ClientObject {
  constructor(ctx: FakeRequestContext, private readonly sheetFn: () => FakeSheet) {
    super(ctx);
  }
  apply(range: RangeProxy | string): void {
    this.op('autoFilter.apply', [String(typeof range === 'string' ? range : 'range')], () => {
      const s = this.sheetFn();
      s.autoFilter = typeof range === 'string' ? parseArea(range) : range.resolve().area;
    }, 9);
  }
  load(props?: string | string[]): this {
    this.queueLoad(propList(props), (ps) => {
      const s = this.sheetFn();
      const a = s.autoFilter;
      const out: Record<string, unknown> = {};
      if (ps.includes('enabled')) out.enabled = a !== null;
      if (ps.includes('isDataFiltered')) out.isDataFiltered = a !== null && [...s.hiddenRows].some((r) => r > a.top && r <= a.bottom);
      return out;
    }, 9);
    return this;
  }
  get enabled(): boolean {
    return this.prop('enabled');
  }
  get isDataFiltered(): boolean {
    return this.prop('isDataFiltered');
  }
}

/** Range.rowHidden / columnHidden (ExcelApi 1.2): true if all are hidden, false if none, null if some. */
function hiddenFace(set: ReadonlySet<number>, first: number, last: number): boolean | null {
  let hidden = 0;
  if (set.size < last - first + 1) {
    for (const i of set) if (i >= first && i <= last) hidden++;
  } else {
    for (let i = first; i <= last; i++) if (set.has(i)) hidden++;
  }
  return hidden === 0 ? false : hidden === last - first + 1 ? true : null;
}

// ---- ranges --------------------------------------------------------------------------------------

interface Resolved {
  sheet: FakeSheet;
  area: Area;
}

function cellsOf(a: Area): number {
  return (a.bottom - a.top + 1) * (a.right - a.left + 1);
}

function forEachCell(a: Area, fn: (r: number, c: number, i: number, j: number) => void): void {
  for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) fn(r, c, r - a.top, c - a.left);
}

/**
 * A cell's fill as Excel reports it. No Fill reads as #FFFFFF, like solid white (office-js#6218),
 * but with a null tintAndShade (office-js#4900: "if you are setting No Fill, you will get null;
 * if you fill as white or other colour, you will get a number") and a null pattern. A theme colour
 * reads as its RGB and tint.
 */
export function fillFace(sheet: FakeSheet, r: number, c: number): Record<string, unknown> {
  if (!sheet.fills.has(key(r, c))) return { color: '#FFFFFF', pattern: null, patternColor: null, tintAndShade: null, patternTintAndShade: null };
  const f = sheet.fill(r, c);
  return { color: f.color, pattern: f.pattern, patternColor: f.patternColor, tintAndShade: f.tintAndShade, patternTintAndShade: f.patternTintAndShade };
}

/** Typings, RangeFill.pattern: "LinearGradient and RectangularGradient are not supported". */
const GRADIENTS = new Set(['LinearGradient', 'RectangularGradient']);
const PATTERNS = new Set(['None', 'Solid', 'Gray50', 'Gray75', 'Gray25', 'Horizontal', 'Vertical', 'Down', 'Up', 'Checker', 'SemiGray75', 'LightHorizontal', 'LightVertical', 'LightDown', 'LightUp', 'Grid', 'CrissCross', 'Gray16', 'Gray8']);

function invalid(what: string): FakeRichApiError {
  return new FakeRichApiError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (${what}).`);
}

function checkColor(v: unknown): string {
  if (typeof v !== 'string' || !/^#[0-9A-Fa-f]{6}$|^[A-Za-z]+$/.test(v)) throw invalid(`color ${String(v)}`);
  return v.toUpperCase();
}

function checkTint(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < -1 || v > 1) throw invalid(`tintAndShade ${String(v)}`);
  return v;
}

/**
 * The ExcelApi version of each format property the fake knows (typings, Excel.RangeFormat,
 * RangeFont, RangeBorder): columnWidth, rowHeight and autofitColumns 1.2, indentLevel 1.9; font
 * name/size/bold/italic/color, alignment, wrapText and RangeBorder style/weight/color 1.1.
 */
const FORMAT_VERSIONS: Readonly<Record<string, number>> = { columnWidth: 2, rowHeight: 2, autofitColumns: 2, indentLevel: 9 };

function formatVersion(name: string, minVersion: number): number {
  return Math.max(FORMAT_VERSIONS[name] ?? 1, minVersion);
}

/** Typings, Excel.HorizontalAlignment / VerticalAlignment / BorderIndex / BorderLineStyle / BorderWeight. */
const H_ALIGN = new Set(['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed']);
const V_ALIGN = new Set(['Top', 'Center', 'Bottom', 'Justify', 'Distributed']);
const BORDER_SIDE: Readonly<Record<string, string>> = {
  EdgeTop: 'top', EdgeBottom: 'bottom', EdgeLeft: 'left', EdgeRight: 'right', InsideHorizontal: '', InsideVertical: '', DiagonalDown: 'diagonalDown', DiagonalUp: 'diagonalUp',
};
const BORDER_STYLES = new Set(['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot']);
const BORDER_WEIGHTS = new Set(['Hairline', 'Thin', 'Medium', 'Thick']);

const isNumberIn = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;

/**
 * Excel refuses, as InvalidArgument, a format value it cannot hold ("Excel specifications and
 * limits"; typings): a row 0–409 points high; a column 0–255 characters wide, which Office.js takes
 * in points (MAX_COLUMN_WIDTH_PT); an indent level that is not an integer 0–250; a font 1–409
 * points; an alignment, border edge, line style or weight outside its enum; a non-boolean flag.
 */
function checkFormat(name: string, v: unknown): void {
  const bad = (): never => {
    throw invalid(`${name} ${String(v)}`);
  };
  if (name === 'rowHeight' && !isNumberIn(v, 0, MAX_ROW_HEIGHT_PT)) bad();
  else if (name === 'columnWidth' && !isNumberIn(v, 0, MAX_COLUMN_WIDTH_PT)) bad();
  else if (name === 'indentLevel' && !(isNumberIn(v, 0, MAX_INDENT_LEVEL) && Number.isInteger(v))) bad();
  else if (name === 'font.size' && !isNumberIn(v, 1, MAX_FONT_PT)) bad();
  else if (name === 'font.name' && !(typeof v === 'string' && v.trim() !== '')) bad();
  else if (name === 'font.color') checkColor(v);
  else if ((name === 'font.bold' || name === 'font.italic' || name === 'wrapText') && typeof v !== 'boolean') bad();
  else if (name === 'horizontalAlignment' && !H_ALIGN.has(v as string)) bad();
  else if (name === 'verticalAlignment' && !V_ALIGN.has(v as string)) bad();
  else if (name.startsWith('border.')) {
    const [, edge, prop] = name.split('.');
    if (!(edge in BORDER_SIDE)) throw invalid(`border index ${edge}`);
    if (prop === 'style' && !BORDER_STYLES.has(v as string)) bad();
    if (prop === 'weight' && !BORDER_WEIGHTS.has(v as string)) bad();
    if (prop === 'color') checkColor(v);
  }
}

/** The cell sides an edge of range `a` draws at cell (r, c): its outer edges, the lines inside it, the diagonals. */
function bordersAt(edge: string, a: Area, r: number, c: number): string[] {
  if (edge === 'InsideHorizontal') return [...(r > a.top ? ['top'] : []), ...(r < a.bottom ? ['bottom'] : [])];
  if (edge === 'InsideVertical') return [...(c > a.left ? ['left'] : []), ...(c < a.right ? ['right'] : [])];
  const side = BORDER_SIDE[edge];
  const on = side === 'top' ? r === a.top : side === 'bottom' ? r === a.bottom : side === 'left' ? c === a.left : side === 'right' ? c === a.right : true;
  return on ? [side] : [];
}

/** A format write: widths by column and heights by row, as Excel keeps them; borders by cell side; the rest by cell. */
function writeFormat(t: Resolved, name: string, v: unknown): void {
  if (name === 'columnWidth') {
    for (let c = t.area.left; c <= t.area.right; c++) t.sheet.columnWidths.set(c, v as number);
    return;
  }
  if (name.startsWith('border.')) {
    const [, edge, prop] = name.split('.');
    forEachCell(t.area, (r, c) => {
      const f = t.sheet.format(r, c);
      for (const side of bordersAt(edge, t.area, r, c)) {
        // Line style None removes the line; Excel keeps no weight or colour for it.
        if (prop === 'style' && v === 'None') delete f[`border.${side}`];
        else f[`border.${side}`] = { ...(f[`border.${side}`] as CellBorder | undefined), [prop]: prop === 'color' ? checkColor(v) : v };
      }
    });
    return;
  }
  if (name === 'rowHeight') for (let r = t.area.top; r <= t.area.bottom; r++) t.sheet.rowHeights.set(r, v as number);
  forEachCell(t.area, (r, c) => void (t.sheet.format(r, c)[name] = name === 'font.color' ? checkColor(v) : v));
}

class FillProxy extends ClientObject {
  constructor(ctx: FakeRequestContext, readonly targets: () => Resolved[], readonly minVersion: number) {
    super(ctx);
  }
  private apply(name: string, v: unknown, patch: (r: Resolved, row: number, col: number) => void, minVersion = this.minVersion): void {
    this.op(`fill.${name}`, [v], () => {
      for (const t of this.targets()) {
        sheetWrite(t.sheet, 'change a fill');
        forEachCell(t.area, (r, c) => patch(t, r, c));
      }
    }, Math.max(minVersion, this.minVersion));
  }
  set color(v: string) {
    this.apply('color', v, (t, r, c) => {
      const color = checkColor(v);
      const had = t.sheet.fills.has(key(r, c));
      const cur = t.sheet.fill(r, c);
      t.sheet.fills.set(key(r, c), { ...cur, theme: undefined, color, pattern: !had || cur.pattern === 'None' || GRADIENTS.has(cur.pattern) ? 'Solid' : cur.pattern });
    });
  }
  get color(): string {
    return this.prop('color');
  }
  get pattern(): string {
    return this.prop('pattern');
  }
  get tintAndShade(): number {
    return this.prop('tintAndShade');
  }
  set pattern(v: string) {
    this.apply('pattern', v, (t, r, c) => {
      if (typeof v !== 'string' || GRADIENTS.has(v) || !PATTERNS.has(v)) throw invalid(`pattern ${String(v)}`);
      if (v === 'None') t.sheet.setFill(r, c, null);
      else t.sheet.setFill(r, c, { pattern: v, theme: undefined });
    }, 9);
  }
  set patternColor(v: string) {
    this.apply('patternColor', v, (t, r, c) => t.sheet.setFill(r, c, { patternColor: checkColor(v) }), 9);
  }
  set tintAndShade(v: number) {
    this.apply('tintAndShade', v, (t, r, c) => t.sheet.setFill(r, c, { tintAndShade: checkTint(v), theme: undefined }), 9);
  }
  set patternTintAndShade(v: number) {
    this.apply('patternTintAndShade', v, (t, r, c) => t.sheet.setFill(r, c, { patternTintAndShade: checkTint(v) }), 9);
  }
  clear(): void {
    this.apply('clear', null, (t, r, c) => t.sheet.setFill(r, c, null));
  }
  load(props?: string | string[]): this {
    const ps0 = propList(props);
    // RangeFill.color is ExcelApi 1.1; pattern, patternColor and the tints are 1.9.
    const need = ps0.some((p) => p !== 'color') ? 9 : this.minVersion;
    this.queueLoad(ps0, (ps) => {
      const out: Record<string, unknown> = {};
      for (const p of ps) {
        let v: unknown = undefined;
        for (const t of this.targets()) {
          forEachCell(t.area, (r, c) => {
            const x = fillFace(t.sheet, r, c)[p];
            v = v === undefined ? x : v === x ? v : null;
          });
        }
        out[p] = v ?? null;
      }
      return out;
    }, need);
    return this;
  }
}

type FormatOwner = { setFormat(name: string, v: unknown, minVersion?: number): void; ctx: FakeRequestContext };

/** RangeFormat.borders (RangeBorderCollection, ExcelApi 1.1): getItem(edge) and its line's style, weight, colour. */
class BorderCollectionProxy {
  constructor(private readonly owner: FormatOwner) {}
  /** An unknown edge fails when the batch runs, as Excel checks it there (InvalidArgument). */
  getItem(index: string): { style: string; weight: string; color: string } {
    const border = {};
    for (const p of ['style', 'weight', 'color']) Object.defineProperty(border, p, { set: (v: unknown) => this.owner.setFormat(`border.${index}.${p}`, v), enumerable: true });
    return border as { style: string; weight: string; color: string };
  }
}

class FormatProxy {
  readonly fill: FillProxy;
  readonly font: { bold: boolean; color: string; size: number; name: string; italic: boolean };
  readonly borders: BorderCollectionProxy;
  constructor(private readonly owner: FormatOwner, targets: () => Resolved[], minVersion: number) {
    this.fill = new FillProxy(owner.ctx, targets, minVersion);
    this.borders = new BorderCollectionProxy(owner);
    const set = (n: string) => (v: unknown) => owner.setFormat(n, v);
    const font = {};
    for (const n of ['bold', 'color', 'size', 'name', 'italic']) Object.defineProperty(font, n, { set: set(`font.${n}`), enumerable: true });
    this.font = font as FormatProxy['font'];
  }
  set columnWidth(v: number) {
    this.owner.setFormat('columnWidth', v);
  }
  set wrapText(v: boolean) {
    this.owner.setFormat('wrapText', v);
  }
  set rowHeight(v: number) {
    this.owner.setFormat('rowHeight', v);
  }
  set horizontalAlignment(v: string) {
    this.owner.setFormat('horizontalAlignment', v);
  }
  set verticalAlignment(v: string) {
    this.owner.setFormat('verticalAlignment', v);
  }
  set indentLevel(v: number) {
    this.owner.setFormat('indentLevel', v);
  }
  autofitColumns(): void {
    this.owner.setFormat('autofitColumns', true);
  }
}

type CellPropsOptions = { format?: { fill?: Record<string, boolean> } };

class RangeProxy extends ClientObject {
  readonly format: FormatProxy;
  private cache: Resolved | null | undefined;

  constructor(ctx: FakeRequestContext, private readonly resolveFn: () => Resolved | null, readonly orNull = false, readonly minVersion = 1) {
    super(ctx);
    this.format = new FormatProxy(this, () => [this.resolve()], minVersion);
  }

  /** @internal */
  resolve(): Resolved {
    if (this.cache === undefined) this.cache = this.resolveFn();
    if (!this.cache) throw new FakeRichApiError('ItemNotFound', 'range is a null object');
    return this.cache;
  }

  /** @internal */
  setFormat(name: string, v: unknown, minVersion = this.minVersion): void {
    this.op(`format.${name}`, [v], () => {
      checkFormat(name, v);
      const t = this.resolve();
      sheetWrite(t.sheet, `set ${name}`);
      writeFormat(t, name, v);
    }, formatVersion(name, minVersion));
  }

  load(props?: string | string[]): this {
    const ps0 = propList(props);
    // Range.rowHidden and columnHidden are ExcelApi 1.2.
    const need = ps0.some((p) => p === 'rowHidden' || p === 'columnHidden') ? 2 : 1;
    this.queueLoad(ps0, (ps) => {
      const t = this.orNull ? (this.cache === undefined ? (this.cache = this.resolveFn()) : this.cache) : this.resolve();
      if (!t) return { isNullObject: true };
      const n = cellsOf(t.area);
      const out: Record<string, unknown> = { isNullObject: false };
      for (const p of ps) {
        if ((p === 'values' || p === 'formulas' || p === 'numberFormat' || p === 'text') && n > MAX_READ_CELLS) {
          throw new FakeRichApiError('ResponsePayloadSizeLimitExceeded', `reading ${n} cells exceeds ${MAX_READ_CELLS}`);
        }
        if (p === 'address') out.address = `${qualify(t.sheet.name)}!${areaAddress(t.area)}`;
        else if (p === 'rowCount') out.rowCount = t.area.bottom - t.area.top + 1;
        else if (p === 'columnCount') out.columnCount = t.area.right - t.area.left + 1;
        else if (p === 'rowIndex') out.rowIndex = t.area.top;
        else if (p === 'columnIndex') out.columnIndex = t.area.left;
        else if (p === 'rowHidden') out.rowHidden = hiddenFace(t.sheet.hiddenRows, t.area.top, t.area.bottom);
        else if (p === 'columnHidden') out.columnHidden = hiddenFace(t.sheet.hiddenCols, t.area.left, t.area.right);
        else if (p === 'values' || p === 'formulas' || p === 'numberFormat') {
          const rows: unknown[][] = [];
          for (let r = t.area.top; r <= t.area.bottom; r++) {
            const row: unknown[] = [];
            for (let c = t.area.left; c <= t.area.right; c++) {
              if (p === 'values') row.push(t.sheet.get(r, c));
              else if (p === 'formulas') row.push(t.sheet.formulas.get(key(r, c)) ?? t.sheet.get(r, c));
              else row.push((t.sheet.formats.get(key(r, c))?.numberFormat as string) ?? 'General');
            }
            rows.push(row);
          }
          out[p] = rows;
        }
      }
      return out;
    }, need);
    return this;
  }

  get isNullObject(): boolean {
    return this.prop('isNullObject');
  }
  get address(): string {
    return this.prop('address');
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }
  /** Number format codes as Excel gives them ("General" for a cell without one). */
  get numberFormat(): unknown[][] {
    return this.prop('numberFormat');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowHidden(): boolean | null {
    return this.prop('rowHidden');
  }
  get columnHidden(): boolean | null {
    return this.prop('columnHidden');
  }

  private write(name: string, v: unknown, fn: (t: Resolved, r: number, c: number, x: unknown) => void): void {
    this.op(`set ${name}`, [v], () => {
      const t = this.resolve();
      const scalar = !Array.isArray(v);
      const grid = v as unknown[][];
      if (!scalar && (grid.length !== t.area.bottom - t.area.top + 1 || grid.some((row) => row.length !== t.area.right - t.area.left + 1))) {
        throw new FakeRichApiError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}).`);
      }
      sheetWrite(t.sheet, `set ${name}`);
      forEachCell(t.area, (r, c, i, j) => fn(t, r, c, scalar ? v : grid[i][j]));
    }, this.minVersion);
  }

  set values(v: unknown[][]) {
    // Strings written through `values` are parsed as if typed (office-js#229): see typedInput.
    this.write('values', v, (t, r, c, x) => {
      const nf = t.sheet.formats.get(key(r, c))?.numberFormat;
      const typed = typedInput(x, typeof nf === 'string' ? nf : 'General');
      if (typed.formula) {
        t.sheet.formulas.set(key(r, c), typed.formula);
        t.sheet.set(r, c, evaluate(typed.formula));
      } else {
        t.sheet.formulas.delete(key(r, c));
        t.sheet.set(r, c, typed.value);
      }
    });
  }

  set formulas(v: unknown[][]) {
    this.write('formulas', v, (t, r, c, x) => {
      const nf = t.sheet.formats.get(key(r, c))?.numberFormat;
      const typed = typedInput(x, typeof nf === 'string' ? nf : 'General');
      if (typed.formula) {
        t.sheet.formulas.set(key(r, c), typed.formula);
        t.sheet.set(r, c, evaluate(typed.formula));
      } else {
        t.sheet.formulas.delete(key(r, c));
        t.sheet.set(r, c, typed.value);
      }
    });
  }

  set numberFormat(v: unknown[][]) {
    this.write('numberFormat', v, (t, r, c, x) => void (t.sheet.format(r, c).numberFormat = x));
  }

  clear(applyTo: string = 'All'): void {
    this.op('clear', [applyTo], () => {
      const t = this.resolve();
      sheetWrite(t.sheet, 'clear');
      forEachCell(t.area, (r, c) => {
        if (applyTo === 'All' || applyTo === 'Contents') {
          t.sheet.set(r, c, '');
          t.sheet.formulas.delete(key(r, c));
        }
        if (applyTo === 'All' || applyTo === 'Formats') {
          t.sheet.fills.delete(key(r, c));
          t.sheet.formats.delete(key(r, c));
        }
      });
    });
  }

  merge(across = false): void {
    this.op('merge', [across], () => {
      const t = this.resolve();
      sheetWrite(t.sheet, 'merge');
      t.sheet.merges.push({ ...t.area });
    }, 2);
  }

  select(): void {
    this.op('select', [], () => {
      const t = this.resolve();
      this.ctx.model.activeSheet = t.sheet.name;
      this.ctx.model.selection = { sheet: t.sheet.name, address: areaAddress(t.area) };
    });
  }

  getCellProperties(opts: CellPropsOptions): { value: unknown[][] } {
    const result: { value: unknown[][]; loaded?: unknown[][] } = {
      get value(): unknown[][] {
        if (!this.loaded) throw new FakeRichApiError('PropertyNotLoaded', 'ClientResult value is not available before sync');
        return this.loaded;
      },
    };
    const holder = new ResultHolder(this.ctx, (data) => (result.loaded = data));
    this.ctx.enqueue({
      est: { o: 'Range', m: 'getCellProperties', a: opts },
      minVersion: 9,
      run: () => {
        const t = this.resolve();
        const wanted = Object.keys(opts.format?.fill ?? {}).filter((k) => opts.format!.fill![k]);
        const rows: unknown[][] = [];
        for (let r = t.area.top; r <= t.area.bottom; r++) {
          const row: unknown[] = [];
          for (let c = t.area.left; c <= t.area.right; c++) {
            const f = fillFace(t.sheet, r, c);
            const fill: Record<string, unknown> = {};
            for (const k of wanted) fill[k] = f[k];
            row.push({ format: { fill } });
          }
          rows.push(row);
        }
        return new PendingLoad(holder, rows);
      },
    });
    return result;
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, () => {
      const t = this.resolve();
      const hits = t.sheet.merges.filter((m) => m.bottom >= t.area.top && m.top <= t.area.bottom && m.right >= t.area.left && m.left <= t.area.right);
      if (hits.length > MAX_MERGED_AREAS) throw new FakeRichApiError('GeneralException', `The merged areas count in this range (${hits.length}) is more than ${MAX_MERGED_AREAS}.`);
      return hits.length ? hits.map((area) => ({ sheet: t.sheet, area })) : null;
    }, 13, true);
  }
}

class ResultHolder extends ClientObject {
  constructor(ctx: FakeRequestContext, private readonly onData: (d: unknown[][]) => void) {
    super(ctx);
  }
  _commit(data: Record<string, unknown>): void {
    this.onData(data as unknown as unknown[][]);
  }
}

/** An OfficeExtension.ClientResult<T>: `value` after the sync that computed it. */
function clientResult<T>(ctx: FakeRequestContext, o: string, m: string, minVersion: number, compute: () => T): { value: T } {
  const box: { done: boolean; v?: T } = { done: false };
  const holder = new ResultHolder(ctx, (d) => {
    box.done = true;
    box.v = d as unknown as T;
  });
  ctx.enqueue({ est: { o, m, a: [] }, minVersion, run: () => new PendingLoad(holder, compute()) });
  return {
    get value(): T {
      if (!box.done) throw new FakeRichApiError('PropertyNotLoaded', 'ClientResult value is not available before sync');
      return box.v as T;
    },
  };
}

/**
 * What Excel makes of a value written to a cell: strings are parsed like typed input (office-js#229:
 * "001001" becomes the number 1001, "2018-12-31" and "1-1" dates, "TRUE" a boolean, "=…" a formula,
 * "50%" 0.5), unless the cell's number format is Text ('@'). A leading apostrophe keeps the rest as
 * text and is not part of the value. Dates become serial numbers (1900 date system, local year for
 * "m-d"), as Range.values reads them.
 */
export function typedInput(x: unknown, numberFormat: string): { value: FakeValue; formula?: string } {
  if (x === null || x === undefined) return { value: '' };
  if (typeof x !== 'string') return { value: x as FakeValue };
  if (x.startsWith("'")) return { value: x.slice(1) };
  if (numberFormat === '@') return { value: x };
  if (x.startsWith('=') && x.length > 1) return { value: '', formula: x };
  const t = x.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const num = /^([+-]?)(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?(%?)$/.exec(t);
  if (num && (num[2] || num[4])) {
    const n = Number(t.replace(/[,%]/g, ''));
    if (Number.isFinite(n)) return { value: num[6] ? n / 100 : n };
  }
  const ymd = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  const md = /^(\d{1,2})[-/](\d{1,2})$/.exec(t);
  const date = ymd ? serial(+ymd[1], +ymd[2], +ymd[3]) : md ? serial(new Date().getFullYear(), +md[1], +md[2]) : null;
  if (date !== null) return { value: date };
  return { value: x };
}

function serial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Enough of a formula evaluator for what the adapter writes: HYPERLINK's friendly text. */
function evaluate(formula: string): FakeValue {
  const m = /^=HYPERLINK\("(?:[^"]|"")*",\s*"((?:[^"]|"")*)"\)$/i.exec(formula);
  if (m) return m[1].replace(/""/g, '"');
  return '';
}

class RangeAreasProxy extends ClientObject {
  readonly format: FormatProxy;
  private cache: Resolved[] | null | undefined;
  constructor(ctx: FakeRequestContext, private readonly resolveFn: () => Resolved[] | null, readonly minVersion: number, readonly orNull = false) {
    super(ctx);
    this.format = new FormatProxy(this, () => this.resolve(), minVersion);
  }
  resolve(): Resolved[] {
    if (this.cache === undefined) this.cache = this.resolveFn();
    if (!this.cache) throw new FakeRichApiError('ItemNotFound', 'range areas is a null object');
    return this.cache;
  }
  setFormat(name: string, v: unknown): void {
    this.op(`format.${name}`, [v], () => {
      checkFormat(name, v);
      for (const t of this.resolve()) sheetWrite(t.sheet, `set ${name}`);
      for (const t of this.resolve()) writeFormat(t, name, v);
    }, formatVersion(name, this.minVersion));
  }
  load(props?: string | string[]): this {
    this.queueLoad(propList(props), (ps) => {
      if (this.cache === undefined) this.cache = this.resolveFn();
      const ts = this.cache;
      if (!ts) {
        if (!this.orNull) throw new FakeRichApiError('ItemNotFound', 'range areas not found');
        return { isNullObject: true };
      }
      const out: Record<string, unknown> = { isNullObject: false };
      if (ps.includes('address')) out.address = ts.map((t) => `${qualify(t.sheet.name)}!${areaAddress(t.area)}`).join(',');
      if (ps.includes('areaCount')) out.areaCount = ts.length;
      return out;
    }, this.minVersion);
    return this;
  }
  get isNullObject(): boolean {
    return this.prop('isNullObject');
  }
  get address(): string {
    return this.prop('address');
  }
  get areaCount(): number {
    return this.prop('areaCount');
  }
}

// ---- notes, comments, settings -------------------------------------------------------------------

function locate(model: FakeWorkbookModel, sheetHint: FakeSheet | null, cellAddress: string): { sheet: FakeSheet; r: number; c: number } {
  const { sheet, local } = splitSheet(cellAddress);
  const s = sheet ? req(model, sheet) : sheetHint;
  const a = parseArea(local);
  if (!s || !a || a.top !== a.bottom || a.left !== a.right) throw new FakeRichApiError('InvalidArgument', `bad cell address ${cellAddress}`);
  return { sheet: s, r: a.top, c: a.left };
}

class NoteProxy extends ClientObject {
  private cache: { sheet: FakeSheet; id: string } | null | undefined;
  constructor(ctx: FakeRequestContext, readonly resolveFn: () => { sheet: FakeSheet; id: string } | null, readonly orNull = false) {
    super(ctx);
  }
  private target(): { sheet: FakeSheet; id: string } {
    if (this.cache === undefined) this.cache = this.resolveFn();
    if (!this.cache) throw new FakeRichApiError('ItemNotFound', 'note not found');
    return this.cache;
  }
  load(props?: string | string[]): this {
    this.queueLoad(propList(props), () => {
      if (this.cache === undefined) this.cache = this.resolveFn();
      const t = this.cache;
      const n = t && t.sheet.notes.find((x) => x.id === t.id);
      if (!n) {
        if (!this.orNull) throw new FakeRichApiError('ItemNotFound', 'note not found');
        return { isNullObject: true };
      }
      return { isNullObject: false, content: n.content };
    }, 18);
    return this;
  }
  get isNullObject(): boolean {
    return this.prop('isNullObject');
  }
  get content(): string {
    return this.prop('content');
  }
  getLocation(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, id } = this.target();
      const n = sheet.notes.find((x) => x.id === id);
      if (!n) throw new FakeRichApiError('ItemNotFound', 'note not found');
      return { sheet, area: { top: n.row, left: n.col, bottom: n.row, right: n.col } };
    }, false, 18);
  }
  delete(): void {
    this.op('note.delete', [], () => {
      const { sheet, id } = this.target();
      sheetWrite(sheet, 'delete a note');
      const i = sheet.notes.findIndex((x) => x.id === id);
      if (i >= 0) sheet.notes.splice(i, 1);
    }, 18);
  }
}

class NoteCollectionProxy extends ClientObject {
  private itemsCache: NoteProxy[] = [];
  constructor(ctx: FakeRequestContext, readonly sheetFn: () => FakeSheet) {
    super(ctx);
  }
  get items(): NoteProxy[] {
    this.prop('items');
    return this.itemsCache;
  }
  add(cellAddress: string, content: string): NoteProxy {
    let id = '';
    this.op('notes.add', [cellAddress, content], () => {
      const s = this.sheetFn();
      const { sheet, r, c } = locate(this.ctx.model, s, cellAddress);
      sheetWrite(sheet, 'add a note');
      if (sheet.notes.some((n) => n.row === r && n.col === c)) throw new FakeRichApiError('InvalidArgument', 'the cell already has a note');
      // A cell holds a threaded comment or a note, not both (support.microsoft.com, "The difference
      // between threaded comments and notes").
      if (this.ctx.model.comments.some((x) => x.sheet === sheet.name && x.row === r && x.col === c)) throw new FakeRichApiError('InvalidOperation', 'the cell already has a threaded comment');
      id = newId('note');
      sheet.notes.push({ id, row: r, col: c, content });
    }, 18);
    return new NoteProxy(this.ctx, () => ({ sheet: this.sheetFn(), id }));
  }
  getCount(): { value: number } {
    return clientResult(this.ctx, 'NoteCollection', 'getCount', 18, () => this.sheetFn().notes.length);
  }
  getItemAt(index: number): NoteProxy {
    return new NoteProxy(this.ctx, () => {
      const s = this.sheetFn();
      const n = s.notes[index];
      if (!n) throw new FakeRichApiError('ItemNotFound', `no note at ${index}`);
      return { sheet: s, id: n.id };
    });
  }
  getItemOrNullObject(cellAddress: string): NoteProxy {
    return new NoteProxy(this.ctx, () => {
      const { sheet, r, c } = locate(this.ctx.model, this.sheetFn(), cellAddress);
      const n = sheet.notes.find((x) => x.row === r && x.col === c);
      return n ? { sheet, id: n.id } : null;
    }, true);
  }
  load(props?: string | string[]): this {
    const inner = propList(props).map((p) => p.replace(/^items\//, ''));
    this.queueLoad(inner, () => {
      const s = this.sheetFn();
      this.itemsCache = s.notes.map((n) => {
        const p = new NoteProxy(this.ctx, () => ({ sheet: s, id: n.id }));
        p._commit({ content: n.content });
        return p;
      });
      return { items: s.notes.map((n) => ({ content: inner.includes('content') ? n.content : undefined })) };
    }, 18);
    return this;
  }
}

/** Comment.replies (CommentReplyCollection, ExcelApi 1.10): enough for getCount and items. */
class CommentReplyCollectionProxy extends ClientObject {
  constructor(ctx: FakeRequestContext, readonly find: () => FakeComment) {
    super(ctx);
  }
  getCount(): { value: number } {
    return clientResult(this.ctx, 'CommentReplyCollection', 'getCount', 10, () => (this.find().replies ?? []).length);
  }
  load(props?: string | string[]): this {
    const inner = propList(props).map((p) => p.replace(/^items\//, ''));
    this.queueLoad(inner, () => ({ items: (this.find().replies ?? []).map((r) => ({ id: r.id, content: r.content, authorName: r.authorName })) }), 10);
    return this;
  }
  get items(): Array<{ content: string }> {
    return this.prop('items');
  }
}

class CommentProxy extends ClientObject {
  readonly replies: CommentReplyCollectionProxy;
  constructor(ctx: FakeRequestContext, readonly idFn: () => string, readonly orNull = false) {
    super(ctx);
    this.replies = new CommentReplyCollectionProxy(ctx, () => this.find());
  }
  load(props?: string | string[]): this {
    this.queueLoad(propList(props), () => {
      const c = this.ctx.model.comments.find((x) => x.id === this.idFn());
      if (!c) {
        if (!this.orNull) throw new FakeRichApiError('ItemNotFound', 'comment not found');
        return { isNullObject: true };
      }
      return { isNullObject: false, id: c.id, content: c.content, authorName: c.authorName };
    }, 10);
    return this;
  }
  get isNullObject(): boolean {
    return this.prop('isNullObject');
  }
  get content(): string {
    return this.prop('content');
  }
  get id(): string {
    return this.prop('id');
  }
  get authorName(): string {
    return this.prop('authorName');
  }
  private find(): FakeComment {
    const c = this.ctx.model.comments.find((x) => x.id === this.idFn());
    if (!c) throw new FakeRichApiError('ItemNotFound', 'comment not found');
    return c;
  }
  getLocation(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const c = this.find();
      return { sheet: req(this.ctx.model, c.sheet), area: { top: c.row, left: c.col, bottom: c.row, right: c.col } };
    }, false, 10);
  }
  /** Typings, Comment.delete(): "Deletes the comment and all the connected replies." */
  delete(): void {
    this.op('comment.delete', [], () => {
      const m = this.ctx.model;
      const c = this.find();
      sheetWrite(req(m, c.sheet), 'delete a comment');
      m.comments.splice(m.comments.indexOf(c), 1);
    }, 10);
  }
}

class CommentCollectionProxy extends ClientObject {
  private itemsCache: CommentProxy[] = [];
  get items(): CommentProxy[] {
    this.prop('items');
    return this.itemsCache;
  }
  add(cellAddress: string, content: string): CommentProxy {
    let id = '';
    this.op('comments.add', [cellAddress, content], () => {
      const { sheet, r, c } = locate(this.ctx.model, null, cellAddress);
      sheetWrite(sheet, 'add a comment');
      if (this.ctx.model.comments.some((x) => x.sheet === sheet.name && x.row === r && x.col === c)) throw new FakeRichApiError('InvalidArgument', 'the cell already has a comment');
      // A legacy note (批注 of WPS or older Excel) blocks a threaded comment; below ExcelApi 1.18 the
      // add-in cannot even see the note (office-js#1847). Safe reading: adding fails.
      if (sheet.notes.some((n) => n.row === r && n.col === c)) throw new FakeRichApiError('InvalidOperation', 'the cell already has a note');
      id = newId('comment');
      this.ctx.model.comments.push({ id, sheet: sheet.name, row: r, col: c, content, authorName: this.ctx.model.commentAuthor });
    }, 10);
    return new CommentProxy(this.ctx, () => id);
  }
  getItem(id: string): CommentProxy {
    return new CommentProxy(this.ctx, () => id);
  }
  getCount(): { value: number } {
    return clientResult(this.ctx, 'CommentCollection', 'getCount', 10, () => this.ctx.model.comments.length);
  }
  getItemAt(index: number): CommentProxy {
    let id: string | undefined;
    return new CommentProxy(this.ctx, () => {
      if (id === undefined) {
        const c = this.ctx.model.comments[index];
        if (!c) throw new FakeRichApiError('ItemNotFound', `no comment at ${index}`);
        id = c.id;
      }
      return id;
    });
  }
  getItemOrNullObject(id: string): CommentProxy {
    return new CommentProxy(this.ctx, () => id, true);
  }
  load(props?: string | string[]): this {
    const inner = propList(props).map((p) => p.replace(/^items\//, ''));
    this.queueLoad(inner, () => {
      const list = this.ctx.model.comments;
      this.itemsCache = list.map((c) => {
        const p = new CommentProxy(this.ctx, () => c.id);
        p._commit({ id: c.id, content: c.content, authorName: c.authorName });
        return p;
      });
      return { items: list.map((c) => ({ id: c.id, content: c.content })) };
    }, 10);
    return this;
  }
}

class SettingProxy extends ClientObject {
  constructor(ctx: FakeRequestContext, readonly settingKey: string, readonly orNull: boolean) {
    super(ctx);
  }
  load(props?: string | string[]): this {
    this.queueLoad(propList(props), () => {
      const m = this.ctx.model.settings;
      if (!m.has(this.settingKey)) {
        if (!this.orNull) throw new FakeRichApiError('ItemNotFound', `setting ${this.settingKey}`);
        return { isNullObject: true };
      }
      return { isNullObject: false, key: this.settingKey, value: m.get(this.settingKey) };
    }, 4);
    return this;
  }
  get isNullObject(): boolean {
    return this.prop('isNullObject');
  }
  get value(): unknown {
    return this.prop('value');
  }
  delete(): void {
    this.op('setting.delete', [this.settingKey], () => void this.ctx.model.settings.delete(this.settingKey), 4);
  }
}

class SettingCollectionProxy extends ClientObject {
  add(k: string, value: unknown): SettingProxy {
    this.op('settings.add', [k, value], () => void this.ctx.model.settings.set(k, JSON.parse(JSON.stringify(value))), 4);
    return new SettingProxy(this.ctx, k, false);
  }
  getItemOrNullObject(k: string): SettingProxy {
    return new SettingProxy(this.ctx, k, true);
  }
}

export { NO_FILL };
export type { FillState };
