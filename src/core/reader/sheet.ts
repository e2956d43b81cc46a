/**
 * Reads one budget detail sheet (预算明细) into budget lines, in the layouts real offices use (SPEC §2.1):
 * long or wide, split 类/款/项 codes, amounts split by kind, labels merged down or filled down,
 * subtotal rows verified (DATA.TOTAL_MISMATCH), 其中 rows and blank rows left out.
 * Problems in the data become findings at their cell; nothing here throws on data.
 */
import { a1 } from '../address';
import type { RuleConfig } from '../config';
import { DEFAULT_SEVERITY, Finding, RuleId, Severity } from '../findings';
import { Cell, Grid, MergeRange, cellText, isCellError } from '../grid';
import type { BudgetLine, DeclaredKind, Field, LineKind, LineSource } from '../lines';
import { AmountUnit, numberCellFen, parseAmount } from '../money';
import type { MagnitudeAccount } from '../money';
import { dataMessages } from '../messages/data';
import { canonicalFund, FUND_GENERAL, isBreakdownLabel, subtotalKind } from './fields';
import { CellGetter, findHeader, makeGetter, SheetLayout } from './header';
import { codePart, parseCodeCell, parseKind, parseRate, parseSanbao, parseScore, parseYes } from './values';
import { hiddenParts, mergedMoneyCells, rangeText } from './sheet-cells';
import { attachUnits, NO_UNIT, SheetUnits, UnitTracker } from './units';

export interface SheetRead {
  sheet: string;
  layout: SheetLayout;
  amountUnit: AmountUnit;
  lines: BudgetLine[];
  findings: Finding[];
  /** Whether the sheet has project lines (测算依据 and 绩效目标 columns are then needed). */
  hasProjects: boolean;
  /** 1-based sheet row of the (bottom) header row. */
  headerRow: number;
  /** False when a required column is missing and no line could be read. */
  complete: boolean;
  /** Which unit each row belongs to (issue 19 §1–2). */
  rows: SheetUnits;
}

export interface ReadSheetOptions {
  file: string;
  config: RuleConfig;
  /** Read as prior-year lines (上年预算 sheet or --prior workbook). */
  prior?: boolean;
  layout?: SheetLayout | null;
  /** The check's running absolute total (money.ts MAX_RUN_FEN), shared by every sheet it reads. */
  magnitude: MagnitudeAccount;
}

/** A money column: where it is and what it holds. */
interface MoneyCol {
  col: number;
  role: 'amount' | 'fund' | 'kind' | 'prior' | 'priorFund' | 'priorActual';
  fund?: string;
  kind?: 'basic' | 'personnel' | 'public' | 'project';
}

interface Block {
  /** Sum of each money column over the line rows of the block (null once a bad cell is seen). */
  sums: (number | null)[];
  rows: number;
  /** The unit of all its rows, -1 when they are of several units or unresolved, -2 while empty. */
  unit: number;
}

interface SubtotalRow {
  r: number;
  kind: 'total' | 'subtotal';
  label: string;
  values: (number | null)[];
  blockAbove: number;
  blockBelow: number;
}

interface ParentRow {
  r: number;
  prefix: string;
  unit: number;
  values: (number | null)[];
}

/**
 * The layout's columns with every field present (undefined when the sheet lacks it): one object
 * shape, so the per-row reads of `cols.kind`, `cols.basis` … are plain property loads.
 */
function everyField(c: Partial<Record<Field, number>>): Partial<Record<Field, number>> {
  return {
    unitCode: c.unitCode, unitName: c.unitName, unitKind: c.unitKind, projectCode: c.projectCode, projectName: c.projectName, kind: c.kind,
    functionCode: c.functionCode, functionName: c.functionName, functionClass: c.functionClass, functionSection: c.functionSection,
    functionItem: c.functionItem, economicClass: c.economicClass, economicSection: c.economicSection, economicCode: c.economicCode,
    economicName: c.economicName, govEconomicCode: c.govEconomicCode, fundSource: c.fundSource, amount: c.amount, priorAmount: c.priorAmount,
    priorActual: c.priorActual, priorExecRate: c.priorExecRate, perfScore: c.perfScore, perfGoal: c.perfGoal, basis: c.basis,
    sanbao: c.sanbao, ppp: c.ppp, approved: c.approved, approvalNo: c.approvalNo,
  };
}
/** Shared by rows of sheets without per-source prior columns; never written to. */
const EMPTY_PRIOR_FUND = new Map<string, number | null>();

/**
 * Real sheets repeat the same few labels, kinds, fund sources and codes on every row: parse each once.
 * The last text is checked first (consecutive rows usually repeat it, and adapters hand out the same
 * string object for a shared string, so the check is a pointer comparison).
 */
function memo<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  let lastKey: string | null = null;
  let lastValue: T | undefined;
  return (s: string) => {
    if (s === lastKey) return lastValue as T;
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = fn(s);
      if (cache.size < 50_000) cache.set(s, v);
    }
    lastKey = s;
    lastValue = v;
    return v as T;
  };
}

/** A cell parser over whole cells: texts memoised (they repeat down a column), other cells parsed directly. */
function memoCell<T>(fn: (v: Cell) => T): (v: Cell) => T {
  const text = memo((s: string) => fn(s));
  return (v: Cell) => (typeof v === 'string' ? text(v) : fn(v));
}

interface CodeRead {
  code: string;
  name: string;
  text: string;
  col: number;
}

/** The previous row's code and name cells and their reading (see SheetReader.codeColumn). */
interface CodeMemo {
  cell: Cell;
  name: Cell;
  read: CodeRead | null;
}

const NO_CODE: CodeRead = { code: '', name: '', text: '', col: -1 };

type LabelClass = 'total' | 'subtotal' | 'breakdown' | null;
const classifyLabel = (s: string): LabelClass => subtotalKind(s) ?? (isBreakdownLabel(s) ? 'breakdown' : null);

/**
 * A label can only read 合计/总计/小计/其中 after normalisation if it holds one of these characters
 * (the four, or the only two characters whose NFKC form contains one of them: ⼩ U+2F29 and 🈴
 * U+1F234; tests/core/perf-fastpaths.test.ts checks this against every code point). Project names
 * and codes, unique on most rows of a big sheet, are thus dismissed without normalising them.
 */
export const MAY_BE_LABEL = /[合总小其\u2F29]|\u{1F234}/u;
const fundOf = (t: string): string => canonicalFund(t) ?? (t ? t.normalize('NFKC').trim() : FUND_GENERAL);

export function readDetailSheet(grid: Grid, opts: ReadSheetOptions): SheetRead | null {
  const get = makeGetter(grid);
  const layout = opts.layout === undefined ? findHeader(grid, get) : opts.layout;
  if (!layout) return null;
  return new SheetReader(grid, get, layout, opts).read();
}

class SheetReader {
  private readonly findings: Finding[] = [];
  private readonly lines: BudgetLine[] = [];
  private readonly amountUnit: AmountUnit;
  private readonly src: LineSource;
  private readonly money: MoneyCol[] = [];
  private readonly rowOff: number;
  private readonly colOff: number;
  private readonly cols: Partial<Record<Field, number>>;
  private readonly tolerance: number;
  private firstMoneyCol = Infinity;
  private hasProjects = false;
  private readonly label = memo(classifyLabel);
  private readonly kindOf = memo(parseKind);
  private readonly fundOf = memo(fundOf);
  private readonly codeOf = memoCell(parseCodeCell);
  private readonly sanbaoOf = memo(parseSanbao);
  private readonly rateOf = memoCell(parseRate);
  private readonly scoreOf = memoCell(parseScore);
  private readonly yesOf = memoCell(parseYes);
  /** Per label column: the last label text and its class (labels repeat down a column). */
  private readonly lastLabel: (string | null)[] = [];
  private readonly lastLabelClass: LabelClass[] = [];
  /** Indices into `money` of the fund/kind part columns (wide layouts). */
  private readonly partIdx: number[] = [];
  /** Scratch values of the current row; copied where a row's values are kept. */
  private readonly scratch: (number | null)[] = [];
  private readonly lastFunc: CodeMemo = { cell: null, name: null, read: null };
  private readonly lastEcon: CodeMemo = { cell: null, name: null, read: null };
  private readonly units: UnitTracker;
  /** Money cells inside merged areas, not their first cell (see mergedMoneyCells). */
  private readonly mergedMoney: Map<number, MergeRange>;
  private readonly magnitude: MagnitudeAccount;

  constructor(
    private readonly grid: Grid,
    private readonly get: CellGetter,
    private readonly layout: SheetLayout,
    private readonly opts: ReadSheetOptions,
  ) {
    this.rowOff = grid.origin?.row ?? 1;
    this.colOff = grid.origin?.col ?? 1;
    this.magnitude = opts.magnitude;
    this.cols = everyField(layout.columns);
    this.amountUnit = layout.amountUnit ?? (opts.config.defaultUnit === '万元' ? 'wan' : 'yuan');
    // Half the display step of the sheet: 0.005 万元 on 万元 sheets, exact on 元 sheets.
    this.tolerance = this.amountUnit === 'wan' ? 5000 : 0;
    const sheetCols: Partial<Record<Field, number>> = {};
    for (const [f, c] of Object.entries(layout.columns)) sheetCols[f as Field] = (c as number) + this.colOff;
    this.src = { file: opts.file, sheet: grid.name, columns: sheetCols, amountUnit: this.amountUnit, prior: !!opts.prior };
    this.collectMoneyColumns();
    this.units = new UnitTracker(grid.cells.length, this.cols.unitCode, this.cols.unitName, layout.sheetUnitName);
    this.mergedMoney = grid.merges && grid.merges.length ? mergedMoneyCells(grid, this.money.map((m) => m.col), layout.headerBottom + 1) : new Map();
  }

  /** A money cell as written: merged areas do not fill amounts (see mergedMoneyCells). */
  private moneyAt(r: number, c: number): Cell {
    const v = this.grid.cells[r]?.[c];
    return v === undefined ? null : v;
  }

  private collectMoneyColumns(): void {
    const L = this.layout;
    if (this.cols.amount !== undefined) this.money.push({ col: this.cols.amount, role: 'amount' });
    if (L.fundColumns.length) for (const f of L.fundColumns) this.money.push({ col: f.col, role: 'fund', fund: f.fund });
    else for (const k of L.kindColumns) this.money.push({ col: k.col, role: 'kind', kind: k.kind });
    if (this.cols.priorAmount !== undefined) this.money.push({ col: this.cols.priorAmount, role: 'prior' });
    for (const f of L.priorFundColumns) this.money.push({ col: f.col, role: 'priorFund', fund: f.fund });
    if (this.cols.priorActual !== undefined) this.money.push({ col: this.cols.priorActual, role: 'priorActual' });
    for (const m of this.money) if (m.role === 'amount' || m.role === 'fund' || m.role === 'kind') this.firstMoneyCol = Math.min(this.firstMoneyCol, m.col);
    this.money.forEach((m, i) => {
      if (m.role === 'fund' || m.role === 'kind') this.partIdx.push(i);
    });
    for (let i = 0; i < this.money.length; i++) this.scratch.push(0);
  }

  private addr(r: number, c: number): string {
    return a1(r + this.rowOff, c + this.colOff);
  }

  private push(rule: RuleId, r: number | null, c: number | null, message: string, extra: Partial<Finding> = {}, severity?: Severity): void {
    const location: Finding['location'] = { file: this.opts.file, sheet: this.grid.name };
    if (r !== null) {
      location.row = r + this.rowOff;
      if (c !== null) location.cell = this.addr(r, c);
    }
    this.findings.push({ rule, severity: severity ?? DEFAULT_SEVERITY[rule], location, message, ...extra });
  }

  read(): SheetRead {
    const L = this.layout;
    if (!L.amountUnit) {
      const assumed = this.opts.config.defaultUnit;
      this.push('DATA.UNIT_UNKNOWN', L.headerBottom, null, dataMessages.unitUnknown({ sheet: this.grid.name, assumed }));
    }
    if (!this.checkRequiredColumns()) {
      return { sheet: this.grid.name, layout: L, amountUnit: this.amountUnit, lines: [], findings: this.findings, hasProjects: false, headerRow: L.headerBottom + this.rowOff, complete: false, rows: this.sheetUnits() };
    }
    this.readRows();
    const hidden = hiddenParts(this.grid, L.headerBottom, this.colOff);
    if (hidden) this.push('DATA.HIDDEN_CELLS', null, null, dataMessages.hiddenCells({ sheet: this.grid.name, parts: hidden }));
    for (const f of this.units.findings((r, c) => ({ file: this.opts.file, sheet: this.grid.name, cell: this.addr(r, c), row: r + this.rowOff }))) this.findings.push(f);
    const rows = this.sheetUnits();
    attachUnits(this.findings, rows);
    return { sheet: this.grid.name, layout: L, amountUnit: this.amountUnit, lines: this.lines, findings: this.findings, hasProjects: this.hasProjects, headerRow: L.headerBottom + this.rowOff, complete: true, rows };
  }

  private sheetUnits(): SheetUnits {
    return {
      file: this.opts.file, sheet: this.grid.name, prior: !!this.opts.prior, headerRow: this.layout.headerBottom + this.rowOff,
      rowOffset: this.rowOff, rowUnit: this.units.rowUnit, units: this.units.units,
    };
  }

  /** DATA.MISSING_COLUMN for required fields; false when the sheet cannot be read at all. */
  private checkRequiredColumns(): boolean {
    const c = this.cols;
    const L = this.layout;
    let ok = true;
    const missing = (field: string, purpose: string) => {
      this.push('DATA.MISSING_COLUMN', L.headerBottom, null, dataMessages.missingColumn({ sheet: this.grid.name, field, purpose }));
    };
    const hasFunction = c.functionCode !== undefined || c.functionClass !== undefined;
    if (!hasFunction) (missing('functionCode', '无法按功能分类汇总和检查'), (ok = false));
    if (c.economicCode === undefined && c.economicClass === undefined) (missing('economicCode', '无法检查经济分类相关规则'), (ok = false));
    if (c.amount === undefined && L.fundColumns.length === 0 && L.kindColumns.length === 0) (missing('amount', '无法读取预算金额'), (ok = false));
    if (c.unitCode === undefined && c.unitName === undefined && !L.sheetUnitName) {
      this.push('DATA.MISSING_COLUMN', L.headerBottom, null, dataMessages.noUnit({ sheet: this.grid.name }));
      ok = false;
    }
    return ok;
  }

  /** Text of the cell in column c (a field's column, '' when the field has none). */
  private textAt(r: number, c: number | undefined): string {
    if (c === undefined) return '';
    return cellText(this.get(r, c));
  }

  private readRows(): void {
    const L = this.layout;
    const cells = this.grid.cells;
    const nMoney = this.money.length;
    const blocks: Block[] = [];
    const subtotals: SubtotalRow[] = [];
    const parents: ParentRow[] = [];
    let block: Block | null = null;
    const newBlock = (): Block => ({ sums: new Array(nMoney).fill(0), rows: 0, unit: -2 });
    const sheetSums: (number | null)[] = new Array(nMoney).fill(0);
    // Line rows kept for verifying hierarchical parent rows (类/款 rows of split-code sheets); the
    // money values of line j are rowVals[j * nMoney + i], NaN for an unreadable cell.
    const rowFunc: string[] = [];
    const rowUnit: number[] = [];
    const rowVals: number[] = [];
    let unitKind = '';
    let kindOf = NO_UNIT;
    const labelLimit = Number.isFinite(this.firstMoneyCol) ? this.firstMoneyCol : 0;
    let prevDataKind = '';
    let prevFund = '';

    for (let r = L.headerBottom + 1; r < cells.length; r++) {
      const row = cells[r];
      if (!row || this.isBlankRow(r, row)) {
        block = null;
        prevDataKind = prevFund = '';
        continue;
      }
      // Labels left of the first amount column decide subtotal and breakdown rows.
      let subKind: 'total' | 'subtotal' | null = null;
      let label = '';
      let breakdown = false;
      for (let c = 0; c < labelLimit; c++) {
        const v = this.get(r, c);
        if (typeof v !== 'string') continue;
        let k: LabelClass;
        if (v === this.lastLabel[c]) k = this.lastLabelClass[c];
        else {
          if (!v.trim()) continue;
          k = MAY_BE_LABEL.test(v) ? this.label(v) : null;
          this.lastLabel[c] = v;
          this.lastLabelClass[c] = k;
        }
        if (k === null) continue;
        if (k === 'total' || k === 'subtotal') {
          subKind = k;
          label = v.trim();
          break;
        }
        if (k === 'breakdown') breakdown = true;
      }
      if (subKind) {
        const values = this.readMoneyRow(r).slice();
        subtotals.push({ r, kind: subKind, label, values, blockAbove: block ? blocks.length - 1 : -1, blockBelow: blocks.length });
        block = null;
        this.units.boundary();
        prevDataKind = prevFund = '';
        continue;
      }
      if (breakdown) {
        // Not a line and not summed, but an unreadable amount in it is still reported at its cell.
        // It breaks down the row above, so it belongs to that row's unit.
        this.units.set(r, this.units.current());
        this.readMoneyRow(r);
        continue;
      }

      // Codes.
      const func = this.functionCode(r);
      const econ = this.economicCode(r);
      const values = this.readMoneyRow(r);
      let anyMoney = false;
      let anyBad = false;
      for (let i = 0; i < nMoney; i++) {
        const v = values[i];
        if (v === null) anyBad = true;
        else if (v !== 0) {
          const role = this.money[i].role;
          if (role === 'amount' || role === 'fund' || role === 'kind') anyMoney = true;
        }
      }

      // The row's unit: filled down only within a unit (see units.ts).
      const codeCell = this.cols.unitCode !== undefined ? this.get(r, this.cols.unitCode) : null;
      const nameCell = this.cols.unitName !== undefined ? this.get(r, this.cols.unitName) : null;
      if (!func.code && !func.text && !econ.code && !econ.text && !anyMoney && !anyBad) {
        // A heading row ("县教育局", "一、基本支出"): starts a new block, is not a line. Only unit
        // cells of its own make it a unit's row (a note under the table belongs to no unit).
        if (cellText(codeCell) || cellText(nameCell)) this.units.read(r, codeCell, nameCell);
        block = null;
        continue;
      }
      const uid = this.units.read(r, codeCell, nameCell);
      const unitKindText = this.textAt(r, this.cols.unitKind);
      if (unitKindText) unitKind = unitKindText;
      else if (uid !== kindOf) unitKind = '';
      kindOf = uid;
      const rowU = uid >= 0 ? this.units.units[uid] : null;
      const unitCode = rowU ? rowU.code : '';
      const unitName = rowU ? rowU.name : '';

      // Hierarchical parent rows: a 类 or 款 code with no economic code is a sum of the rows below.
      const econPresent = this.cols.economicCode !== undefined || this.cols.economicClass !== undefined;
      if (func.code && func.code.length < 7 && econPresent && !econ.code && !econ.text) {
        parents.push({ r, prefix: func.code, unit: uid, values: values.slice() });
        continue;
      }

      if (!block) {
        block = newBlock();
        blocks.push(block);
      }
      block.rows++;
      block.unit = block.unit === -2 || block.unit === uid ? uid : NO_UNIT;
      for (let i = 0; i < nMoney; i++) {
        const v = values[i];
        block.sums[i] = v === null || block.sums[i] === null ? null : (block.sums[i] as number) + v;
        sheetSums[i] = v === null || sheetSums[i] === null ? null : (sheetSums[i] as number) + v;
      }
      rowFunc.push(func.code);
      rowUnit.push(uid);
      for (let i = 0; i < nMoney; i++) {
        const v = values[i];
        rowVals.push(v === null ? NaN : v);
      }

      // Kind and fund source, filled down inside the block when written once.
      let kindText = this.textAt(r, this.cols.kind);
      if (!kindText && this.cols.kind !== undefined) kindText = prevDataKind;
      else prevDataKind = kindText;
      let fundText = this.textAt(r, this.cols.fundSource);
      if (!fundText && this.cols.fundSource !== undefined) fundText = prevFund;
      else prevFund = fundText;

      // A row whose unit is unresolved is summed (its 小计 still checks) but gives no line.
      if (uid !== NO_UNIT) this.emitLines(r, values, { unitCode, unitName, unitKind, func, econ, kindText, fundText });
    }
    this.verifySubtotals(subtotals, blocks, sheetSums);
    this.verifyParents(parents, rowFunc, rowUnit, rowVals);
  }

  private isBlankRow(r: number, row: ReadonlyArray<Cell>): boolean {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v !== null && v !== undefined && v !== '' && !(typeof v === 'string' && v.trim() === '')) return false;
    }
    // Cells inside a merge anchored above (a unit name merged down) do not make a row non-blank.
    return true;
  }

  private functionCode(r: number): CodeRead {
    const c = this.cols;
    if (c.functionCode !== undefined) return this.codeColumn(r, c.functionCode, c.functionName, this.lastFunc);
    if (c.functionClass !== undefined) {
      const cls = codePart(this.get(r, c.functionClass), 3);
      const sec = c.functionSection !== undefined ? codePart(this.get(r, c.functionSection), 2) : '';
      const item = c.functionItem !== undefined ? codePart(this.get(r, c.functionItem), 2) : '';
      const code = cls ? cls + (sec ? sec + (item ? item : '') : '') : '';
      const raw = cellText(this.get(r, c.functionClass));
      return { code, name: this.textAt(r, this.cols.functionName), text: code ? '' : raw, col: c.functionClass };
    }
    return NO_CODE;
  }

  private economicCode(r: number): CodeRead {
    const c = this.cols;
    if (c.economicCode !== undefined) return this.codeColumn(r, c.economicCode, c.economicName, this.lastEcon);
    if (c.economicClass !== undefined) {
      const cls = codePart(this.get(r, c.economicClass), 3);
      const sec = c.economicSection !== undefined ? codePart(this.get(r, c.economicSection), 2) : '';
      return { code: cls ? cls + sec : '', name: this.textAt(r, this.cols.economicName), text: '', col: c.economicClass };
    }
    return NO_CODE;
  }

  /**
   * A code column ("2050101", "[2050101]行政运行") with its optional name column. Consecutive rows
   * usually repeat both cells, so the previous row's reading is reused when they are the same.
   */
  private codeColumn(r: number, col: number, nameCol: number | undefined, last: CodeMemo): CodeRead {
    const v = this.get(r, col);
    const nameCell = nameCol !== undefined ? this.get(r, nameCol) : null;
    if (last.read !== null && typeof v === 'string' && v === last.cell && nameCell === last.name) return last.read;
    const p = this.codeOf(v);
    const read = { code: p.code, name: p.name || cellText(nameCell), text: p.code ? '' : cellText(v), col };
    if (typeof v === 'string') {
      last.cell = v;
      last.name = nameCell;
      last.read = read;
    }
    return read;
  }

  /** Parse every money cell of a row; null marks an unreadable cell (reported as DATA.BAD_AMOUNT). */
  private readMoneyRow(r: number): (number | null)[] {
    // One scratch array for every row: callers copy it where a row's values are kept.
    const out = this.scratch;
    for (let i = 0; i < this.money.length; i++) {
      const col = this.money[i].col;
      const v = this.moneyAt(r, col);
      if (v === null) {
        out[i] = 0;
        const m = this.mergedMoney.size ? this.mergedMoney.get(r * 16384 + col) : undefined;
        if (m) this.push('DATA.MERGED_AMOUNT', r, col, dataMessages.mergedAmount({ cell: this.addr(r, col), range: rangeText(m, this.rowOff, this.colOff), anchor: this.addr(m.top, m.left) }));
        continue;
      }
      let fen: number | null = typeof v === 'number' ? numberCellFen(v, this.amountUnit) : null;
      let reason = '';
      if (fen === null) {
        const res = parseAmount(v, this.amountUnit);
        if (res.ok) fen = res.fen;
        else reason = res.reason;
      }
      // Every amount read counts towards the check's exact range: sums of any of them stay exact.
      if (fen !== null && this.magnitude.take(fen)) {
        out[i] = fen;
        continue;
      }
      out[i] = null;
      const cell = this.addr(r, col);
      const text = isCellError(v) ? v.error : cellText(v).slice(0, 40);
      this.push('DATA.BAD_AMOUNT', r, col, fen !== null ? dataMessages.runMagnitude({ cell, text }) : dataMessages.badAmount({ cell, text, reason }));
    }
    return out;
  }

  private emitLines(
    r: number,
    values: (number | null)[],
    p: { unitCode: string; unitName: string; unitKind: string; func: CodeRead; econ: CodeRead; kindText: string; fundText: string },
  ): void {
    const projectCode = this.textAt(r, this.cols.projectCode);
    const projectName = this.textAt(r, this.cols.projectName);
    const parsedKind = p.kindText ? this.kindOf(p.kindText) : null;
    const declared: DeclaredKind = parsedKind ? parsedKind.kind : projectCode || projectName ? 'project' : 'basic';
    const econ = p.econ.code;
    const kind: LineKind = resolveKind(declared, econ);
    const ppp = (parsedKind?.ppp ?? false) || (this.cols.ppp !== undefined && this.yesOf(this.get(r, this.cols.ppp)));
    const approved = (this.cols.approved !== undefined && this.yesOf(this.get(r, this.cols.approved))) || !!this.textAt(r, this.cols.approvalNo);
    const fund = p.fundText ? this.fundOf(p.fundText) : FUND_GENERAL;
    const base: BudgetLine = {
      src: this.src,
      amountCol: 0,
      kind,
      fundSource: fund,
      // Set below. Null first so that V8 stores this field tagged: started as a small integer, the
      // first amount of 2³¹ 分 or more would turn it into a double field and deprecate the object
      // layout of every line read so far (each then copied when first touched).
      amountFen: null as unknown as number,
      priorFen: null,
      row: r + this.rowOff,
      unitCode: p.unitCode,
      unitName: p.unitName,
      unitKind: p.unitKind,
      projectCode,
      projectName,
      declaredKind: declared,
      functionCode: p.func.code,
      functionName: p.func.name,
      economicCode: econ,
      economicName: p.econ.name,
      govEconomicCode: this.cols.govEconomicCode !== undefined ? this.codeOf(this.get(r, this.cols.govEconomicCode)).code : '',
      priorActualFen: null,
      execRate: this.cols.priorExecRate !== undefined ? this.rateOf(this.get(r, this.cols.priorExecRate)) : null,
      perfScore: this.cols.perfScore !== undefined ? this.scoreOf(this.get(r, this.cols.perfScore)) : null,
      perfGoal: this.textAt(r, this.cols.perfGoal),
      basis: this.textAt(r, this.cols.basis),
      sanbao: this.cols.sanbao !== undefined ? this.sanbaoOf(this.textAt(r, this.cols.sanbao)) : null,
      ppp,
      approved,
    };
    if (declared === 'project') this.hasProjects = true;
    let priorRow: number | null = null;
    let priorActual: number | null = null;
    const priorFund = this.layout.priorFundColumns.length ? new Map<string, number | null>() : EMPTY_PRIOR_FUND;
    let amountTotal: number | null = null;
    let totalIdx = -1;
    for (let i = 0; i < this.money.length; i++) {
      const m = this.money[i];
      if (m.role === 'prior') priorRow = this.isBlank(r, m.col) ? null : values[i];
      else if (m.role === 'priorActual') priorActual = this.isBlank(r, m.col) ? null : values[i];
      else if (m.role === 'priorFund') priorFund.set(m.fund as string, this.isBlank(r, m.col) ? null : values[i]);
      else if (m.role === 'amount') (amountTotal = values[i]), (totalIdx = i);
    }
    base.priorActualFen = priorActual;
    if (this.partIdx.length === 0) {
      if (amountTotal === null) return; // unreadable amount: reported, no line
      // The common long layout: the row is exactly one line, no copy needed.
      base.amountFen = amountTotal;
      base.priorFen = priorRow;
      base.amountCol = this.cols.amount! + this.colOff;
      this.lines.push(base);
      return;
    }
    // Wide layouts: each non-zero part is a line; 合计 must equal the sum of the parts.
    const parts = this.partIdx.map((i) => ({ m: this.money[i], i }));
    if (parts.some((x) => values[x.i] === null)) return; // a row with an unreadable amount gets no total check
    let sum = 0;
    for (const x of parts) sum += values[x.i] as number;
    if (amountTotal !== null && totalIdx >= 0 && Math.abs(amountTotal - sum) > this.tolerance) {
      const col = this.money[totalIdx].col;
      this.push('DATA.TOTAL_MISMATCH', r, col, dataMessages.totalMismatch({ label: '合计列', cell: this.addr(r, col), actualFen: amountTotal, expectedFen: sum, amountUnit: this.amountUnit, what: '各分列之和' }), {
        unit: unitOf(p),
        figures: { actualFen: amountTotal, expectedFen: sum },
      });
    }
    const emitted: BudgetLine[] = [];
    for (const x of parts) {
      const fen = values[x.i] as number;
      const isFund = x.m.role === 'fund';
      const lineFund = isFund ? (x.m.fund as string) : fund;
      const pf = isFund && priorFund.size ? priorFund.get(lineFund) ?? null : null;
      if (fen === 0 && !(pf !== null && pf !== 0)) continue;
      let lineKind = kind;
      let lineDeclared = declared;
      if (!isFund) {
        lineDeclared = x.m.kind as DeclaredKind;
        lineKind = resolveKind(lineDeclared, econ);
        if (lineKind === 'project') this.hasProjects = true;
      }
      emitted.push({ ...base, declaredKind: lineDeclared, kind: lineKind, fundSource: lineFund, amountFen: fen, priorFen: pf, amountCol: x.m.col + this.colOff });
    }
    // A single 上年预算数 column is the prior of the row total: it goes with the in-scope line.
    if (priorRow !== null && !priorFund.size) {
      const target = emitted.find((l) => l.fundSource === FUND_GENERAL) ?? emitted[0];
      if (target) target.priorFen = priorRow;
      else if (priorRow !== 0) {
        emitted.push({ ...base, kind, fundSource: FUND_GENERAL, amountFen: 0, priorFen: priorRow, amountCol: (this.cols.amount ?? parts[0].m.col) + this.colOff });
      }
    }
    for (const l of emitted) this.lines.push(l);
  }

  /** Whether a money cell is empty as written (merged areas do not fill amounts). */
  private isBlank(r: number, c: number): boolean {
    const v = this.moneyAt(r, c);
    return v === null || (typeof v === 'string' && v.trim() === '');
  }

  /**
   * Each 合计/小计 row against the lines it sums, and the unit it belongs to: a 小计 naming a unit
   * ("小计（县卫健委）", or that unit's cells on the row) is that unit's and is checked against that
   * unit's adjacent block only, wherever it stands; an unnamed one is the unit of the single-unit
   * block it matches (or of its only neighbour); a 合计 is the sheet's, so it belongs to a unit only
   * when the whole sheet is that unit's. Otherwise the row belongs to no unit.
   */
  private verifySubtotals(subtotals: SubtotalRow[], blocks: Block[], sheetSums: (number | null)[]): void {
    const sole = this.units.soleUnit();
    const cols = this.cols;
    for (const s of subtotals) {
      const compare = (sums: (number | null)[] | null): number[] | null => {
        if (!sums) return null;
        const bad: number[] = [];
        for (let i = 0; i < this.money.length; i++) {
          const got = s.values[i];
          const want = sums[i];
          if (got === null || want === null) continue; // unreadable cells: reported as BAD_AMOUNT already
          if (this.isBlank(s.r, this.money[i].col) && want !== 0 && this.money[i].role !== 'amount') continue;
          if (Math.abs(got - want) > this.tolerance) bad.push(i);
        }
        return bad;
      };
      if (s.kind === 'total') {
        this.units.set(s.r, sole);
        const bad = compare(sheetSums) ?? [];
        for (const i of bad) this.reportTotal(s, i, sheetSums[i] as number, '全表明细合计');
        continue;
      }
      let named = this.units.named(s.label);
      if (named < 0) named = this.units.lookup(cols.unitCode !== undefined ? this.get(s.r, cols.unitCode) : null, cols.unitName !== undefined ? this.get(s.r, cols.unitName) : null);
      let above = s.blockAbove >= 0 ? blocks[s.blockAbove] : null;
      let below = s.blockBelow < blocks.length ? blocks[s.blockBelow] : null;
      if (named >= 0) {
        // Never compare a unit's 小计 with another unit's lines: their sum would reach its file.
        if (above && above.unit !== named) above = null;
        if (below && below.unit !== named) below = null;
      }
      const badAbove = above ? compare(above.sums) : null;
      const badBelow = below ? compare(below.sums) : null;
      const matched = badAbove && badAbove.length === 0 ? above : badBelow && badBelow.length === 0 ? below : null;
      const only = above && !below ? above : below && !above ? below : null;
      const unknownName = named < 0 && this.units.namesUnknown(s.label);
      this.units.set(s.r, named >= 0 ? named : unknownName ? NO_UNIT : matched ? Math.max(matched.unit, NO_UNIT) : only ? Math.max(only.unit, NO_UNIT) : NO_UNIT);
      if (matched) continue;
      const ref = badAbove ? above! : below;
      const bad = badAbove ?? badBelow;
      if (!ref || !bad) {
        this.push('DATA.TOTAL_MISMATCH', s.r, this.money[0]?.col ?? null, `小计行“${s.label}”上下都没有${named >= 0 ? '本单位的' : ''}明细行，无法核对，请删除或补充明细`);
        continue;
      }
      for (const i of bad) this.reportTotal(s, i, ref.sums[i] as number, ref === above ? '上方明细合计' : '下方明细合计');
    }
  }

  private reportTotal(s: { r: number; label: string; values: (number | null)[] }, i: number, expected: number, what: string): void {
    const col = this.money[i].col;
    const actual = s.values[i] as number;
    this.push('DATA.TOTAL_MISMATCH', s.r, col, dataMessages.totalMismatch({ label: `“${s.label}”行`, cell: this.addr(s.r, col), actualFen: actual, expectedFen: expected, amountUnit: this.amountUnit, what }), {
      figures: { actualFen: actual, expectedFen: expected },
    });
  }

  private verifyParents(parents: ParentRow[], rowFunc: string[], rowUnit: number[], rowVals: number[]): void {
    for (const p of parents) {
      const sums: (number | null)[] = new Array(this.money.length).fill(0);
      let n = 0;
      const nMoney = sums.length;
      for (let j = 0; j < rowFunc.length; j++) {
        if (!rowFunc[j].startsWith(p.prefix) || (p.unit >= 0 && rowUnit[j] !== p.unit)) continue;
        n++;
        for (let i = 0; i < nMoney; i++) {
          const v = rowVals[j * nMoney + i];
          sums[i] = Number.isNaN(v) || sums[i] === null ? null : (sums[i] as number) + v;
        }
      }
      if (n === 0) {
        this.push('DATA.CODE_LEVEL', p.r, this.cols.functionCode ?? this.cols.functionClass ?? null, `科目 ${p.prefix} 行没有经济分类，也没有下级明细行：未细化到项级科目的金额无法检查，请补全科目`);
        continue;
      }
      for (let i = 0; i < sums.length; i++) {
        const got = p.values[i];
        const want = sums[i];
        if (got === null || want === null) continue;
        if (Math.abs(got - want) > this.tolerance) this.reportTotal({ r: p.r, label: `科目 ${p.prefix}`, values: p.values }, i, want, '下级科目明细合计');
      }
    }
  }
}

function unitOf(p: { unitCode: string; unitName: string }): { code?: string; name?: string } {
  const u: { code?: string; name?: string } = {};
  if (p.unitCode) u.code = p.unitCode;
  if (p.unitName) u.name = p.unitName;
  return u;
}

/** 基本支出 splits by code (301 + 303 人员经费, 302 + 310 公用经费); a stated kind is authoritative. */
export function resolveKind(declared: DeclaredKind, economicCode: string): LineKind {
  if (declared !== 'basic') return declared;
  const cls = economicCode.slice(0, 3);
  return cls === '301' || cls === '303' ? 'personnel' : 'public';
}
