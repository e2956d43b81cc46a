/**
 * fast-check arbitraries for hostile budget grids (issue 7, the hardening suite). Pure: no Node
 * imports, no clock, no Math.random; every value comes from fast-check's seeded generators.
 *
 * Three families, from least to most structured:
 * - `soupWorkbookArb`: cells of every kind (error values, dates, invalid dates, booleans, huge and
 *   non-finite numbers, 10,000-character strings, look-alike digits), ragged rows, merges that are
 *   out of range, overlapping or inverted, odd origins and sheet names. Only "never throws" holds.
 * - `headerGridArb`: a real header (random synonyms from the vocabulary of src/core/reader/fields.ts,
 *   random order, unit suffixes, spaces) below random title lines, over data rows mixing valid
 *   amounts written every way people write them with planted malformed amount cells.
 * - `mutatedSynthArb`: a synthSheet grid (whose line rows and totals are known) mutated row by row:
 *   malformed amounts, the same value as look-alike text, negated values with the Chinese minus,
 *   hostile text in free-text columns, blank rows inserted. It carries the exact expectations:
 *   which cells must be DATA.BAD_AMOUNT, the Σ of line amounts in 分, which cells are negative.
 */
import fc from 'fast-check';
import { a1 } from '../core/address';
import type { Cell, Grid, MergeRange, WorkbookGrids } from '../core/grid';
import { AmountUnit, FEN_PER_UNIT, UNIT_DIGITS } from '../core/money';
import { synthSheet, SynthLayout, SynthResult } from './synth';

// ---- vocabulary ----------------------------------------------------------------------------------

/** Header texts per field, as offices write them (matched by src/core/reader/fields.ts). */
export const HEADER_SYNONYMS = {
  unitCode: ['单位编码', '单位代码', '预算单位编码', '部门编码', '单位编号'],
  unitName: ['单位名称', '预算单位', '部门名称', '预算单位名称', '单位全称'],
  unitKind: ['单位性质', '单位类型'],
  projectCode: ['项目编码', '项目代码'],
  projectName: ['项目名称'],
  kind: ['支出类型', '支出性质', '预算类型', '项目类别', '经费类型'],
  functionCode: ['功能分类科目', '支出功能分类科目编码', '功能科目', '功能分类科目编码', '功能分类'],
  economicCode: ['部门经济分类科目', '经济分类', '经济科目', '经济分类科目编码', '部门预算支出经济分类科目'],
  fundSource: ['资金来源', '资金性质'],
  amount: ['金额', '预算数', '本年预算数', '预算金额', '本年预算金额', '预算安排数'],
  priorAmount: ['上年预算数', '上年数'],
  priorExecRate: ['上年执行率', '支出进度'],
  perfScore: ['上年绩效评价得分', '绩效评价等级'],
  perfGoal: ['绩效目标'],
  basis: ['测算依据'],
  sanbao: ['三保类型', '三保标识'],
  ppp: ['是否PPP'],
  approved: ['是否批准'],
  approvalNo: ['审批文号'],
} as const;

export type VocabField = keyof typeof HEADER_SYNONYMS;

/** Wide-layout amount headers: fund sources and kinds. */
export const FUND_HEADERS = ['一般公共预算拨款', '政府性基金预算拨款', '财政专户管理资金', '单位资金', '事业收入', '国有资本经营预算拨款'] as const;
export const KIND_HEADERS = ['基本支出', '人员经费', '公用经费', '项目支出'] as const;

/** Fields whose columns hold money (read by the reader as amounts). */
const MONEY_FIELDS: ReadonlySet<VocabField> = new Set(['amount', 'priorAmount']);

/** Labels of subtotal rows (not lines, still read). 其中 rows are breakdowns. */
export const SUBTOTAL_LABELS = ['合计', '总计', '小计', '小计（县教育局）', '合 计'] as const;
export const BREAKDOWN_LABELS = ['其中：上级补助资金', '其中：本级安排'] as const;

/** Error values an adapter puts into a grid; #NO_CACHE is a formula without a cached value. */
export const ERROR_VALUES = ['#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#NO_CACHE'] as const;

const LONG = 10_000;

/** Text that is hostile but never a header word, a subtotal label or a 其中 label. */
const NEUTRAL_TEXT: ReadonlyArray<string> = [
  '备注', '见附件', '<img src=x onerror=alert(1)>', '=HYPERLINK("http://example.invalid","x")', '@SUM(A1)', '\u0000\u0007控制字符',
  '𠀀𠀁 扩展汉字', '🙂 emoji', 'null', 'undefined', 'NaN', '"引号"', "O'Brien", '\t \n ', '　', 'a'.repeat(LONG), '测'.repeat(LONG),
];

// ---- cells ---------------------------------------------------------------------------------------

const errorCell: fc.Arbitrary<Cell> = fc.constantFrom(...ERROR_VALUES).map((error) => ({ error }));

/**
 * Dates from 1900 to 2100, and now and then an invalid Date (`new Date(NaN)`): adapters should turn
 * those into #VALUE!, but the core must survive one that slips through.
 */
const dateCell: fc.Arbitrary<Cell> = fc.date({ min: new Date(-2208988800000), max: new Date(4102444800000), noInvalidDate: false });

/**
 * Amount cells that are clearly not money under every reading of SPEC §2.1, in 元 and in 万元.
 * `parseAmount` must refuse each (the suite checks this list against it).
 */
export const malformedAmountArb: fc.Arbitrary<Cell> = fc.oneof(
  errorCell,
  fc.boolean(),
  dateCell,
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e16, -1e16, 1e300, Number.MAX_VALUE),
  fc.double({ min: 1e16, max: 1e30, noNaN: true }),
  fc.constantFrom(
    'abc', '12a', '1,23', '1,2345.00', '1.2.3', '一百', 'N/A', '#REF!', '#DIV/0!', '１２ａ', '12元', '(12', '12-', '1e5', '--5',
    '9'.repeat(LONG), 'x'.repeat(LONG), '<img src=x onerror=alert(1)>', 'TRUE', '五万元整',
  ),
);

export type LookStyle = 'number' | 'plain' | 'thousands' | 'fullwidth' | 'fullwidthThousands' | 'spaces' | 'ideographicSpace';
export type NegStyle = 'number' | 'hyphen' | 'fullMinus' | 'minusSign' | 'paren' | 'fullParen';
export const LOOK_STYLES: ReadonlyArray<LookStyle> = ['number', 'plain', 'thousands', 'fullwidth', 'fullwidthThousands', 'spaces', 'ideographicSpace'];
export const NEG_STYLES: ReadonlyArray<NegStyle> = ['number', 'hyphen', 'fullMinus', 'minusSign', 'paren', 'fullParen'];

function fullWidth(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(/\./g, '．').replace(/,/g, '，');
}

function grouped(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** |fen| as a decimal in the unit, trailing zeros of the fraction dropped (at least 2 decimals in 元). */
function decimal(absFen: number, unit: AmountUnit, thousands: boolean): string {
  const per = FEN_PER_UNIT[unit];
  const int = String(Math.floor(absFen / per));
  let frac = String(absFen % per).padStart(UNIT_DIGITS[unit], '0');
  if (unit === 'wan') frac = frac.replace(/0+$/, '');
  return (thousands ? grouped(int) : int) + (frac ? '.' + frac : '');
}

/** A cell holding `fen` (≥ 0) written the way `style` says; it must read back as exactly `fen`. */
export function positiveCell(fen: number, unit: AmountUnit, style: LookStyle): Cell {
  if (fen < 0) throw new RangeError('positiveCell: fen must be ≥ 0');
  switch (style) {
    case 'number': return fen / FEN_PER_UNIT[unit];
    case 'plain': return decimal(fen, unit, false);
    case 'thousands': return decimal(fen, unit, true);
    case 'fullwidth': return fullWidth(decimal(fen, unit, false));
    case 'fullwidthThousands': return fullWidth(decimal(fen, unit, true));
    case 'spaces': return `  ${decimal(fen, unit, true)} `;
    case 'ideographicSpace': return `　${decimal(fen, unit, false)}　`;
  }
}

/** A cell holding −`fen` (fen > 0): "-1.00", "－1.00" (full-width minus), "−1.00" (minus sign), "(1.00)", "（１．００）". */
export function negativeCell(fen: number, unit: AmountUnit, style: NegStyle): Cell {
  if (fen <= 0) throw new RangeError('negativeCell: fen must be > 0');
  const d = decimal(fen, unit, false);
  switch (style) {
    case 'number': return -fen / FEN_PER_UNIT[unit];
    case 'hyphen': return `-${d}`;
    case 'fullMinus': return `－${d}`;
    case 'minusSign': return `−${fullWidth(d)}`;
    case 'paren': return `(${decimal(fen, unit, true)})`;
    case 'fullParen': return `（${fullWidth(d)}）`;
  }
}

/** A valid amount cell and the 分 it stands for. */
export interface ValidAmount {
  cell: Cell;
  fen: number;
}

/** Valid amounts up to `maxFen` in magnitude, positive or negative, in every written form. */
export function validAmountArb(unit: AmountUnit, maxFen = 1e9): fc.Arbitrary<ValidAmount> {
  const blank = fc.constantFrom<Cell>(null, '', ' ', '-', '－', '—', 0).map((cell) => ({ cell, fen: 0 }));
  const pos = fc.tuple(fc.integer({ min: 1, max: maxFen }), fc.constantFrom(...LOOK_STYLES)).map(([fen, s]) => ({ cell: positiveCell(fen, unit, s), fen }));
  const neg = fc.tuple(fc.integer({ min: 1, max: maxFen }), fc.constantFrom(...NEG_STYLES)).map(([fen, s]) => ({ cell: negativeCell(fen, unit, s), fen: -fen }));
  return fc.oneof({ arbitrary: pos, weight: 5 }, { arbitrary: neg, weight: 2 }, { arbitrary: blank, weight: 1 });
}

/** Text that looks like data: codes (also full width), names, look-alike numbers. */
const dataText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('2050101', '２０５０１０１', '2010101 行政运行', '[2010101]行政运行', '30201', '３０２０１ 办公费', '101001', '县教育局', '人员经费', '一般公共预算拨款', '55%', '优'),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(...NEUTRAL_TEXT),
);

/** Any cell at all. */
export const hostileCellArb: fc.Arbitrary<Cell> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  { arbitrary: dataText, weight: 4 },
  { arbitrary: fc.constantFrom(...SUBTOTAL_LABELS, ...BREAKDOWN_LABELS, ...Object.values(HEADER_SYNONYMS).flat(), ...FUND_HEADERS, ...KIND_HEADERS, '单位：万元', '单位：元', '编制单位：县教育局', '2025年部门预算明细表'), weight: 2 },
  { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 1e-7, 9e13, -9e13, 2 ** 53, 1e308)), weight: 3 },
  { arbitrary: errorCell, weight: 1 },
  { arbitrary: dateCell, weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: malformedAmountArb, weight: 1 },
);

// ---- cell soup -----------------------------------------------------------------------------------

/** Sheet names as hosts allow them, and some they do not: quotes, spaces, 31+ characters, empty. */
export const sheetNameArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('预算明细', "O'Brien 预算", '县"教育"局 明细', ' 前后空格 ', "''", '', 'a'.repeat(40), '上年预算', '项目库', '三保需求', '规则设置', '部门收支总表', 'Sheet1'),
  fc.string({ maxLength: 31 }),
);

const mergeArb = (rows: number, cols: number): fc.Arbitrary<MergeRange> =>
  fc.record({
    top: fc.integer({ min: -2, max: rows + 2 }),
    left: fc.integer({ min: -2, max: cols + 2 }),
    bottom: fc.integer({ min: -2, max: rows + 5 }),
    right: fc.integer({ min: -2, max: cols + 5 }),
  });

export const soupGridArb: fc.Arbitrary<Grid> = fc
  .record({
    name: sheetNameArb,
    cells: fc.array(fc.array(hostileCellArb, { maxLength: 12 }), { maxLength: 30 }),
    origin: fc.option(fc.record({ row: fc.integer({ min: 1, max: 1_048_576 }), col: fc.integer({ min: 1, max: 16_384 }) }), { nil: undefined }),
    hidden: fc.option(fc.boolean(), { nil: undefined }),
    protected: fc.option(fc.boolean(), { nil: undefined }),
  })
  .chain((g) => fc.array(mergeArb(g.cells.length, 12), { maxLength: 6 }).map((merges): Grid => ({ ...g, merges })));

export const soupWorkbookArb: fc.Arbitrary<WorkbookGrids> = fc.record({
  file: fc.constantFrom('a.xlsx', '预算 (1).xlsx', "o'neil.csv", ''),
  sheets: fc.array(soupGridArb, { maxLength: 4 }),
});

// ---- sheets with a real header ---------------------------------------------------------------------

/** A header cell variant: spaces inside, a unit suffix on money headers, brackets, a line break. */
function headerVariant(text: string, money: boolean): fc.Arbitrary<string> {
  const variants: string[] = [text, `${text} `, `【${text}】`, text.split('').join(' '), text.length > 2 ? `${text.slice(0, 2)}\n${text.slice(2)}` : text];
  if (money) variants.push(`${text}（万元）`, `${text}(元)`, `${text}（单位：万元）`);
  return fc.constantFrom(...variants);
}

/** Where a planted malformed amount cell sits (0-based indices into grid.cells). */
export interface PlantedCell {
  row: number;
  col: number;
}

export interface HeaderGridCase {
  workbook: WorkbookGrids;
  /** 0-based row of the header. */
  headerRow: number;
  planted: PlantedCell[];
}

type ColumnRole = { field: VocabField } | { fund: string } | { kind: string };

const optionalFields: VocabField[] = ['unitCode', 'unitKind', 'projectCode', 'projectName', 'kind', 'fundSource', 'priorAmount', 'priorExecRate', 'perfScore', 'perfGoal', 'basis', 'sanbao', 'ppp', 'approved', 'approvalNo'];

const TITLE_LINES = ['XX县2025年部门预算明细表', '单位：万元', '单位：元', '金额单位：万元', '编制单位：县教育局', '', '说明：本表由系统导出'];

function roleIsMoney(r: ColumnRole): boolean {
  return 'fund' in r || 'kind' in r || MONEY_FIELDS.has(r.field);
}

/** Data cell for a column role; money columns get valid amounts or planted malformed ones. */
function dataCellArb(role: ColumnRole, unit: AmountUnit): fc.Arbitrary<{ cell: Cell; planted: boolean }> {
  if (roleIsMoney(role)) {
    return fc.oneof(
      { arbitrary: validAmountArb(unit).map((v) => ({ cell: v.cell, planted: false })), weight: 6 },
      { arbitrary: malformedAmountArb.map((cell) => ({ cell, planted: true })), weight: 2 },
    );
  }
  const f = (role as { field: VocabField }).field;
  const pool: Record<string, ReadonlyArray<Cell>> = {
    unitCode: ['101001', '101002', '１０１００１', 101003],
    unitName: ['县教育局', '县卫健委', '第一中学', ''],
    unitKind: ['行政单位', '事业单位', '参照公务员法管理事业单位'],
    projectCode: ['P2025001', '', 'P2025002'],
    projectName: ['校舍维修', '', '<b>项目</b>'],
    kind: ['人员经费', '公用经费', '项目支出', '基本支出', '人员类', '运转类', '特定目标类', 'PPP', ''],
    functionCode: ['2050101', '2010101', '2080501', '２０５０１０１', '2050101 普通小学', '[2010101]行政运行', '205', '20501'],
    economicCode: ['30101', '30201', '30217', '31013', '３０２０１', '30201 办公费', '302', '99999'],
    fundSource: ['一般公共预算拨款', '政府性基金', '财政专户', '事业收入', '', '其他'],
    priorExecRate: ['55%', '55％', 0.55, 55, ''],
    perfScore: ['优', '良', '中', '差', 85, ''],
    sanbao: ['保工资', '保运转', '保基本民生', '003001', ''],
    ppp: ['是', '否', true, ''],
    approved: ['是', '否', '√', 1, ''],
    approvalNo: ['县政发〔2025〕1号', ''],
  };
  const own = pool[f] ?? ['', '文字'];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...own), weight: 6 },
    { arbitrary: fc.oneof(errorCell, dateCell, fc.boolean(), fc.constantFrom<Cell>(...NEUTRAL_TEXT)), weight: 1 },
  ).map((cell) => ({ cell, planted: false }));
}

/**
 * A sheet with a real header below random title lines, over random data rows. The first data row is
 * always a proper line (a 7-digit function code), so the header cannot grow a second row by accident.
 * Data rows never carry header words; they may carry 合计/小计 and 其中 labels.
 */
export const headerGridArb: fc.Arbitrary<HeaderGridCase> = fc
  .record({
    wide: fc.constantFrom<'long' | 'fund' | 'kind'>('long', 'fund', 'kind'),
    extra: fc.subarray(optionalFields),
    funds: fc.subarray([...FUND_HEADERS], { minLength: 1 }),
    kinds: fc.subarray([...KIND_HEADERS], { minLength: 1 }),
    totalColumn: fc.boolean(),
    unitByCode: fc.boolean(),
    titles: fc.array(fc.constantFrom(...TITLE_LINES), { maxLength: 4 }),
    unit: fc.constantFrom<AmountUnit>('yuan', 'wan'),
    sheetName: fc.constantFrom('预算明细', "O'Brien 预算", '县"教育"局 明细', 'Sheet 1', '明细（2025）'),
    remark: fc.boolean(),
  })
  .chain((o) => {
    const roles: ColumnRole[] = [{ field: o.unitByCode ? 'unitCode' : 'unitName' }, { field: 'functionCode' }, { field: 'economicCode' }];
    for (const f of o.extra) if (f !== 'unitCode' || !o.unitByCode) roles.push({ field: f });
    if (o.wide === 'long' || o.totalColumn) roles.push({ field: 'amount' });
    if (o.wide === 'fund') for (const f of o.funds) roles.push({ fund: f });
    if (o.wide === 'kind') for (const k of o.kinds) roles.push({ kind: k });
    const headerArbs = roles.map((r) =>
      'field' in r ? fc.constantFrom(...HEADER_SYNONYMS[r.field]).chain((t) => headerVariant(t, roleIsMoney(r))) : headerVariant('fund' in r ? r.fund : r.kind, true),
    );
    return fc.record({
      order: fc.shuffledSubarray(roles.map((_, i) => i), { minLength: roles.length, maxLength: roles.length }),
      headers: fc.tuple(...headerArbs),
      rows: fc.array(
        fc.record({
          cells: fc.tuple(...roles.map((r) => dataCellArb(r, o.unit))),
          label: fc.option(fc.constantFrom(...SUBTOTAL_LABELS, ...BREAKDOWN_LABELS), { freq: 6, nil: undefined }),
          blank: fc.constantFrom(false, false, false, false, false, false, false, true),
          remark: fc.oneof(fc.constant<Cell>(null), fc.constantFrom<Cell>(...NEUTRAL_TEXT), errorCell),
        }),
        { minLength: 1, maxLength: 25 },
      ),
      unitMerge: fc.boolean(),
    }).map(({ order, headers, rows, unitMerge }): HeaderGridCase => {
      const cells: Cell[][] = [];
      const merges: MergeRange[] = [];
      for (const t of o.titles) cells.push([t]);
      const headerRow = cells.length;
      const width = roles.length + (o.remark ? 1 : 0);
      const header: Cell[] = order.map((i) => headers[i]);
      if (o.remark) header.push('备注');
      cells.push(header);
      const planted: PlantedCell[] = [];
      const funcCol = order.indexOf(1);
      rows.forEach((row, k) => {
        const r = cells.length;
        if (row.blank && k > 0) {
          cells.push(k % 2 ? [] : new Array<Cell>(width).fill(null));
          return;
        }
        const line: Cell[] = order.map((i) => row.cells[i].cell);
        order.forEach((i, c) => {
          if (row.cells[i].planted) planted.push({ row: r, col: c });
        });
        if (k === 0) line[funcCol] = '2050101';
        else if (row.label) line[0] = row.label;
        if (o.remark) line.push(row.remark);
        cells.push(line);
      });
      // A unit name merged down the first rows, as offices do.
      const unitCol = order.indexOf(0);
      if (unitMerge && cells.length - headerRow > 2) merges.push({ top: headerRow + 1, left: unitCol, bottom: cells.length - 1, right: unitCol });
      return { workbook: { file: '随机表头.xlsx', sheets: [{ name: o.sheetName, cells, merges }] }, headerRow, planted };
    });
  });

// ---- mutations of generated sheets ------------------------------------------------------------------

/** One row's mutation. Indices into the row's money columns are taken modulo their count. */
export type RowMutation =
  | { kind: 'bad'; target: 'part' | 'total' | 'prior'; index: number; cell: Cell }
  | { kind: 'lookAlike'; index: number; style: LookStyle }
  | { kind: 'negate'; index: number; style: NegStyle }
  | { kind: 'hostileText'; cell: Cell }
  | { kind: 'blankBefore'; form: 0 | 1 | 2 };

export interface MutatedSynth {
  grid: Grid;
  amountUnit: AmountUnit;
  layout: SynthLayout;
  /** Cells that must each carry a DATA.BAD_AMOUNT, as sheet addresses ("G12"). */
  badCells: string[];
  /** Cells whose line is negative (DATA.NEGATIVE_AMOUNT at the cell). */
  negativeCells: string[];
  /** Σ of the amounts of every line row, in 分, after the mutations (rows with a bad part drop out). */
  lineTotalFen: number;
  /** The synth expectation before mutation (totals of the clean sheet). */
  cleanTotalFen: number;
  /** Whether every mutation kept every amount's value (then 合计/小计 rows must still tie). */
  valuePreserving: boolean;
}

/** The value of a cell synth wrote (a number in the unit, text "1,234.56", blank, "-" or 0) in 分. */
export function synthCellFen(v: Cell, unit: AmountUnit): number {
  if (v === null || v === '' || v === '-' || v === 0) return 0;
  if (typeof v === 'number') return Math.round(v * FEN_PER_UNIT[unit]);
  if (typeof v !== 'string') throw new TypeError(`synthCellFen: unexpected ${String(v)}`);
  const [int, frac = ''] = v.replace(/,/g, '').split('.');
  const digits = UNIT_DIGITS[unit];
  return Number(int) * FEN_PER_UNIT[unit] + Number((frac + '0'.repeat(digits)).slice(0, digits));
}

const synthOptionsArb = fc.record({
  lines: fc.integer({ min: 1, max: 24 }),
  units: fc.integer({ min: 1, max: 4 }),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  layout: fc.constantFrom<SynthLayout>('long', 'wide', 'split', 'kindSplit'),
  unit: fc.constantFrom<AmountUnit>('yuan', 'wan'),
  amountText: fc.constantFrom(0, 0.3, 1),
  zeros: fc.constantFrom<'blank' | 'zero' | 'dash'>('blank', 'zero', 'dash'),
  twoRowHeader: fc.boolean(),
  codeStyle: fc.constantFrom<'separate' | 'codeOnly' | 'space' | 'bracket' | 'dash'>('separate', 'codeOnly', 'space', 'bracket', 'dash'),
  kindLabels: fc.constantFrom<'detailed' | 'basic' | 'yitihua'>('detailed', 'basic', 'yitihua'),
  unitNote: fc.constantFrom<'line' | 'header'>('line', 'header'),
  subtotals: fc.boolean(),
  total: fc.constantFrom<'top' | 'bottom' | 'none'>('top', 'bottom', 'none'),
  unitCells: fc.constantFrom<'every' | 'merged' | 'once'>('every', 'merged', 'once'),
  blankRows: fc.boolean(),
  breakdownRows: fc.constantFrom(0, 0.5),
  shuffleColumns: fc.boolean(),
  remarkColumn: fc.boolean(),
  priorColumns: fc.boolean(),
});

const rowMutationArb: fc.Arbitrary<RowMutation> = fc.oneof(
  fc.record({ kind: fc.constant('bad' as const), target: fc.constantFrom<'part' | 'total' | 'prior'>('part', 'part', 'total', 'prior'), index: fc.nat(8), cell: malformedAmountArb }),
  fc.record({ kind: fc.constant('lookAlike' as const), index: fc.nat(8), style: fc.constantFrom(...LOOK_STYLES) }),
  fc.record({ kind: fc.constant('negate' as const), index: fc.nat(8), style: fc.constantFrom(...NEG_STYLES) }),
  fc.record({ kind: fc.constant('hostileText' as const), cell: fc.oneof(fc.constantFrom<Cell>(...NEUTRAL_TEXT), errorCell, dateCell, fc.boolean()) }),
  fc.record({ kind: fc.constant('blankBefore' as const), form: fc.constantFrom<0 | 1 | 2>(0, 1, 2) }),
);

/** A synthSheet grid with its mutations applied and the exact expectations. */
export const mutatedSynthArb: fc.Arbitrary<MutatedSynth> = synthOptionsArb.chain((opts) => {
  const synth = synthSheet({ ...opts, units: Math.min(opts.units, opts.lines) });
  const n = synth.grid.cells.length;
  return fc
    .record({
      lineMutations: fc.dictionary(fc.integer({ min: 0, max: n - 1 }).map(String), rowMutationArb, { maxKeys: 8 }),
      otherRowBad: fc.array(fc.tuple(fc.nat(), fc.nat(8), malformedAmountArb), { maxLength: 3 }),
    })
    .map((m) => applyMutations(synth, m.lineMutations, m.otherRowBad));
});

function applyMutations(synth: SynthResult, lineMutations: Record<string, RowMutation>, otherRowBad: ReadonlyArray<[number, number, Cell]>): MutatedSynth {
  const { grid, expected: e } = synth;
  const unit = e.amountUnit;
  const cells: Cell[][] = grid.cells.map((r) => r.slice());
  const parts = e.amountColumns.filter((c) => c.role === 'amount' || c.role === 'fund' || c.role === 'kind').map((c) => c.col);
  const totalCol = e.amountColumns.find((c) => c.role === 'total')?.col;
  const priorCol = e.columns.priorAmount;
  const moneyCols = [...parts, ...(totalCol !== undefined ? [totalCol] : []), ...(priorCol !== undefined ? [priorCol] : [])];
  const freeText = [e.columns.basis, e.columns.perfGoal, e.columns.approvalNo].filter((c): c is number => c !== undefined);
  const nonLine = new Set<number>([...(e.totalRow !== null ? [e.totalRow] : []), ...e.subtotalRows, ...e.breakdownRows, ...e.blankRows]);
  const isLineRow = (r: number) => r >= e.firstDataRow && !nonLine.has(r);

  const bad = new Set<string>(); // "r,c" in original indices
  const negative = new Set<string>();
  const fenOf = new Map<string, number>(); // cells rewritten by a mutation, by their value
  const blankBefore = new Map<number, 0 | 1 | 2>();
  let valuePreserving = true;
  let lineTotal = 0;

  for (let r = e.firstDataRow; r < cells.length; r++) {
    if (!isLineRow(r)) continue;
    const mut = lineMutations[String(r)];
    const row = cells[r];
    let rowBadPart = false;
    if (mut) {
      switch (mut.kind) {
        case 'bad': {
          const col = mut.target === 'total' && totalCol !== undefined ? totalCol : mut.target === 'prior' && priorCol !== undefined ? priorCol : parts[mut.index % parts.length];
          row[col] = mut.cell;
          bad.add(`${r},${col}`);
          if (parts.includes(col)) rowBadPart = true;
          valuePreserving = false;
          break;
        }
        case 'lookAlike': {
          const col = parts[mut.index % parts.length];
          const fen = synthCellFen(row[col], unit);
          if (fen > 0) {
            row[col] = positiveCell(fen, unit, mut.style);
            fenOf.set(`${r},${col}`, fen);
          }
          break;
        }
        case 'negate': {
          const col = parts[mut.index % parts.length];
          const fen = synthCellFen(row[col], unit);
          if (fen > 0) {
            row[col] = negativeCell(fen, unit, mut.style);
            negative.add(`${r},${col}`);
            fenOf.set(`${r},${col}`, -fen);
            valuePreserving = false;
          }
          break;
        }
        case 'hostileText':
          for (const c of freeText) row[c] = mut.cell;
          break;
        case 'blankBefore':
          blankBefore.set(r, mut.form);
          valuePreserving = false; // a blank row splits a 小计 block
          break;
      }
    }
    if (!rowBadPart) {
      for (const c of parts) {
        lineTotal += fenOf.get(`${r},${c}`) ?? synthCellFen(row[c], unit);
      }
    } else {
      // A row with an unreadable part yields no lines at all (SPEC §7 Wide layouts), and in the long
      // layout the one amount is the unreadable cell.
      for (const c of parts) negative.delete(`${r},${c}`);
    }
  }

  // Malformed amounts on 合计/小计 and 其中 rows too: those rows are read (and reported), never lines.
  const sumRows = [...(e.totalRow !== null ? [e.totalRow] : []), ...e.subtotalRows, ...e.breakdownRows];
  for (const [ri, ci, cell] of otherRowBad) {
    if (sumRows.length === 0) break;
    const r = sumRows[ri % sumRows.length];
    const c = moneyCols[ci % moneyCols.length];
    cells[r][c] = cell;
    bad.add(`${r},${c}`);
    valuePreserving = false;
  }

  // Insert the blank rows, remapping rows and merges.
  const newIndex: number[] = [];
  const out: Cell[][] = [];
  const width = cells.reduce((w, r) => Math.max(w, r.length), 0);
  cells.forEach((row, r) => {
    const form = blankBefore.get(r);
    if (form !== undefined) out.push(form === 0 ? [] : form === 1 ? new Array<Cell>(width).fill(null) : ['', '  ', '　']);
    newIndex[r] = out.length;
    out.push(row);
  });
  const merges = (grid.merges ?? []).map((m) => ({ top: newIndex[m.top], left: m.left, bottom: newIndex[m.bottom], right: m.right }));
  const addr = (key: string) => {
    const [r, c] = key.split(',').map(Number);
    return a1(newIndex[r] + 1, c + 1);
  };
  return {
    grid: { name: grid.name, cells: out, merges },
    amountUnit: unit,
    layout: e.layout,
    badCells: [...bad].map(addr).sort(),
    negativeCells: [...negative].map(addr).sort(),
    lineTotalFen: lineTotal,
    cleanTotalFen: e.totalFen,
    valuePreserving,
  };
}
