/**
 * Seeded generator of realistic budget detail sheets (部门预算明细) as Grids, for tests and benchmarks.
 *
 * Pure: no Node imports, no clock, no Math.random. The same options (seed included) give the same
 * grid, cell for cell. A 1,000,000-line grid builds in about a second: rows are plain arrays, repeated
 * texts are shared strings, and per-line facts are summed on the fly instead of kept.
 *
 * Alongside the grid it returns what a correct reader must find (`expected`): totals in 分, line
 * counts, the header row, where the 合计/小计 rows are and which column holds which field. Every
 * 合计 and 小计 row it writes is correct, and in the wide layouts 合计 = the sum of its parts, so a
 * clean generated sheet must check without DATA.TOTAL_MISMATCH.
 *
 * Sheet layouts (SPEC §2.1):
 * - 'long': one amount column 本年预算数 plus a 资金来源 column.
 * - 'wide': 合计 | 一般公共预算拨款 | 政府性基金预算拨款 | 财政专户管理资金 | 单位资金, 合计 = Σ parts;
 *   no 资金来源 column.
 * - 'split': Shanghai style, like 'long' but the function code split over 类 | 款 | 项 columns
 *   ("212" "01" "01") under a merged 功能分类科目编码 caption (always a two-row header).
 * - 'kindSplit': 合计 | 人员经费 | 公用经费 | 项目支出 and no 支出类型 column.
 */
import { Cell, Grid, MergeRange, WorkbookGrids } from '../core/grid';
import { Field, LineKind } from '../core/lines';
import { AmountUnit, FEN_PER_UNIT, formatFen } from '../core/money';
import { ECONOMIC_NAMES, FUNCTION_NAMES, FUND_SOURCES, SECTORS, UnitKind } from './synth-catalog';
import { ColDef, ColKey, FIELD_OF, FUND_KEYS, KIND_KEYS, KIND_ORDER, columnGroups } from './synth-columns';
import { GENERAL_SPENDING, GenRow, Rng, generateUnitRows, roundTo, spread, synthUnits } from './synth-lines';
import { KindLabels, SynthLayout, SynthOptions, resolve } from './synth-options';

export { SECTOR_KEYS, FUND_SOURCES } from './synth-catalog';
export type { SectorKey, FundSource, UnitKind } from './synth-catalog';
export { mulberry32, synthUnits } from './synth-lines';
export type { SynthUnit } from './synth-lines';
export { SYNTH_LAYOUTS } from './synth-options';
export type { SynthOptions, SynthLayout, CodeStyle, UnitCellStyle, KindLabels } from './synth-options';

export interface SynthUnitSummary {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly totalFen: number;
  /** Prior-year total of its rows (0 without prior columns). */
  readonly priorTotalFen: number;
  readonly rowCount: number;
  /** 0-based rows of its first and last line row. */
  readonly firstRow: number;
  readonly lastRow: number;
  /** 0-based row of its 小计 row, null without subtotals. */
  readonly subtotalRow: number | null;
}

/** An amount column and what it holds. `role`: the one amount column of long/split ('amount'), the
 *  合计 of wide/kindSplit ('total'), a fund-source part ('fund') or a kind part ('kind'). */
export interface SynthAmountColumn {
  readonly col: number;
  readonly header: string;
  readonly role: 'amount' | 'total' | 'fund' | 'kind';
  readonly fundSource?: string;
  readonly kind?: LineKind;
}

/**
 * What a correct reader finds. Row and column numbers are 0-based indices into grid.cells (the grid
 * starts at A1, so the sheet row is index + 1).
 */
export interface SynthExpected {
  readonly layout: SynthLayout;
  readonly amountUnit: AmountUnit;
  readonly sheetName: string;
  /** First header row and number of header rows (1 or 2); data starts at firstDataRow. */
  readonly headerRow: number;
  readonly headerRowCount: 1 | 2;
  readonly firstDataRow: number;
  /** Row of the "单位：元/万元" cell, null when the unit is not stated on its own line. */
  readonly unitNoteRow: number | null;
  /** Line rows. */
  readonly rowCount: number;
  /** BudgetLines a reader should produce: one per row in long/split, one per non-zero part in wide/kindSplit. */
  readonly lineCount: number;
  /** Σ of all line amounts in 分 (= the 合计 row). */
  readonly totalFen: number;
  /** Σ of the 上年预算数 column in 分; null without prior columns. */
  readonly priorTotalFen: number | null;
  /** By unit key (unit code, or name when there is no code column). */
  readonly perUnitTotalFen: ReadonlyMap<string, number>;
  readonly perKindTotalFen: Readonly<Record<LineKind, number>>;
  /** By canonical fund source. */
  readonly perFundTotalFen: ReadonlyMap<string, number>;
  /** By function class (first three digits). */
  readonly perFunctionClassTotalFen: ReadonlyMap<string, number>;
  readonly units: ReadonlyArray<SynthUnitSummary>;
  readonly totalRow: number | null;
  readonly subtotalRows: ReadonlyArray<number>;
  readonly breakdownRows: ReadonlyArray<number>;
  readonly blankRows: ReadonlyArray<number>;
  /** Column of each recognised field (code+name cells count as the code field). For wide/kindSplit
   *  'amount' is the 合计 column. */
  readonly columns: Readonly<Partial<Record<Field, number>>>;
  readonly amountColumns: ReadonlyArray<SynthAmountColumn>;
}

export interface SynthResult {
  readonly grid: Grid;
  readonly expected: SynthExpected;
}

const KIND_WORDS: Record<KindLabels, Record<LineKind, string>> = {
  detailed: { personnel: '人员经费', public: '公用经费', project: '项目支出' },
  basic: { personnel: '基本支出', public: '基本支出', project: '项目支出' },
  yitihua: { personnel: '人员类', public: '运转类', project: '特定目标类' },
};

/** The function class whose budget may not fall (SPEC §3 PRIORITY, default 205 教育). */
const PRIORITY_CLASS = '205';

const SANBAO: Record<LineKind, string> = { personnel: '保工资', public: '保运转', project: '保基本民生' };

/** Build one sheet. */
export function synthSheet(options: SynthOptions): SynthResult {
  const o = resolve(options);
  const rng = new Rng(o.seed);
  const fenPer = FEN_PER_UNIT[o.amountUnit];
  const unitList = synthUnits(o.units, o.department, o.firstUnit).map((u, i) => (o.unitNames[i] ? { ...u, name: o.unitNames[i] } : u));
  const counts = spread(rng, o.lines, unitList.length);

  // Columns, in order.
  const { left, right } = columnGroups(o);
  if (o.shuffleColumns) {
    rng.shuffle(left);
    rng.shuffle(right);
  }
  const defs: ColDef[] = [...left.flat(), ...right.flat()];
  const width = defs.length;
  const col: Partial<Record<ColKey, number>> = {};
  defs.forEach((d, i) => (col[d.key] = i));
  const c = (k: ColKey): number => col[k] ?? -1;
  const cSerial = c('serial'), cUnitCode = c('unitCode'), cUnitName = c('unitName'), cUnitKind = c('unitKind');
  const cKind = c('kind'), cProjCode = c('projectCode'), cProjName = c('projectName');
  const cFnCode = c('functionCode'), cFnName = c('functionName'), cFn = c('function');
  const cFnClass = c('functionClass'), cFnSection = c('functionSection'), cFnItem = c('functionItem');
  const cEcCode = c('economicCode'), cEcName = c('economicName'), cEc = c('economic');
  const cFund = c('fundSource'), cAmount = c('amount'), cTotal = c('total');
  const cParts: number[] = o.layout === 'wide' ? FUND_KEYS.map(c) : o.layout === 'kindSplit' ? KIND_KEYS.map(c) : [cAmount];
  const cPrior = c('priorAmount'), cExec = c('priorExecRate'), cPerf = c('perfScore');
  const cBasis = c('basis'), cGoal = c('perfGoal'), cSanbao = c('sanbao');
  /** 合计/小计 labels go in the first column, which is always left of the amounts. */
  const labelCol = 0;
  /** "其中：" labels go in a column never merged down a unit block. */
  const breakdownCol = [cProjName, cEcName, cEc, cFnName, cFn, cEcCode].find((i) => i >= 0) ?? labelCol;

  const cells: Cell[][] = [];
  const merges: MergeRange[] = [];
  const suffix = o.amountUnit === 'wan' ? '（万元）' : '（元）';
  const unitWord = o.amountUnit === 'wan' ? '万元' : '元';

  // Title rows and the unit line.
  const sectorOfAll = o.department ?? (unitList.every((u) => u.sector === unitList[0].sector) ? unitList[0].sector : undefined);
  const deptName = o.departmentName ?? (sectorOfAll ? SECTORS[sectorOfAll].department : '县本级');
  let unitNoteRow: number | null = null;
  if (o.title !== false) {
    const title = typeof o.title === 'string' ? o.title : `${o.year}年${deptName}部门预算明细表`;
    const row = blankRow(width);
    row[0] = title;
    cells.push(row);
    if (width > 1) merges.push({ top: 0, left: 0, bottom: 0, right: width - 1 });
  }
  if (o.unitNote === 'line' || o.title !== false) {
    const row = blankRow(width);
    if (o.title !== false) row[0] = `编制部门：${o.departmentName ?? (sectorOfAll ? deptName : '县本级各部门')}`;
    if (o.unitNote === 'line') {
      row[width - 1] = `单位：${unitWord}`;
      unitNoteRow = cells.length;
    }
    cells.push(row);
  }

  // Header.
  const headerRow = cells.length;
  const headerOf = (d: ColDef, h: string) => (o.unitNote === 'header' && d.money ? h + suffix : h);
  if (!o.twoRowHeader) {
    cells.push(defs.map((d) => headerOf(d, d.header)));
  } else {
    const r1 = blankRow(width);
    const r2 = blankRow(width);
    for (let i = 0; i < width; i++) {
      const d = defs[i];
      if (d.group) {
        r2[i] = headerOf(d, d.sub ?? d.header);
        if (i === 0 || defs[i - 1].group !== d.group) {
          r1[i] = d.group;
          let j = i;
          while (j + 1 < width && defs[j + 1].group === d.group) j++;
          if (j > i) merges.push({ top: headerRow, left: i, bottom: headerRow, right: j });
        }
      } else {
        r1[i] = headerOf(d, d.header);
        merges.push({ top: headerRow, left: i, bottom: headerRow + 1, right: i });
      }
    }
    cells.push(r1, r2);
  }
  const headerRowCount: 1 | 2 = o.twoRowHeader ? 2 : 1;
  const firstDataRow = cells.length;

  // Cell writers.
  const zeroCell: Cell = o.zeros === 'zero' ? 0 : o.zeros === 'dash' ? '-' : null;
  const moneyCell = (fen: number): Cell => {
    if (fen === 0) return zeroCell;
    if (o.amountText > 0 && rng.chance(o.amountText)) return moneyText(fen, o.amountUnit);
    return fen / fenPer;
  };
  const comboCache = new Map<string, string>();
  const combo = (code: string, name: string): string => {
    const key = code + name;
    let s = comboCache.get(key);
    if (s === undefined) {
      s = o.codeStyle === 'bracket' ? `[${code}]${name}` : o.codeStyle === 'dash' ? `${code}-${name}` : `${code} ${name}`;
      comboCache.set(key, s);
    }
    return s;
  };
  const sectionCache = new Map<string, [string, string, string]>();
  const splitCode = (code: string) => {
    let s = sectionCache.get(code);
    if (!s) sectionCache.set(code, (s = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)]));
    return s;
  };

  // Running totals.
  const nParts = cParts.length;
  const sheetParts = new Array<number>(nParts).fill(0);
  let sheetPrior = 0;
  let lineCount = 0;
  let rowCount = 0;
  let serial = 0;
  const perUnit = new Map<string, number>();
  const perKind: Record<LineKind, number> = { personnel: 0, public: 0, project: 0 };
  const perFund = new Map<string, number>();
  const perClass = new Map<string, number>();
  const units: SynthUnitSummary[] = [];
  const subtotalRows: number[] = [];
  const breakdownRows: number[] = [];
  const blankRows: number[] = [];

  let totalRow: number | null = null;
  if (o.total === 'top') {
    totalRow = cells.length;
    cells.push(blankRow(width));
  }

  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

  for (let ui = 0; ui < unitList.length; ui++) {
    const u = unitList[ui];
    const unitKey = o.unitCodeColumn ? u.code : u.name;
    const firstRow = cells.length;
    const unitParts = new Array<number>(nParts).fill(0);
    let unitPrior = 0;
    let unitRows = 0;
    // 只增不减 (PRIORITY, 205 教育): the unit's 205 lines must not fall below their prior, in total and
    // over 一般公共预算拨款 lines alone. Rows whose prior may be lowered to ensure it are noted here.
    const edu = { cur: 0, prior: 0, curGp: 0, priorGp: 0 };
    const eduRows: { row: number; prior: number; amount: number; gp: boolean }[] = [];

    const writeRow = (g: GenRow) => {
      const row = blankRow(width);
      const r = cells.length;
      const first = r === firstRow;
      if (cSerial >= 0) row[cSerial] = ++serial;
      if (first || o.unitCells === 'every') {
        if (cUnitCode >= 0) row[cUnitCode] = u.code;
        row[cUnitName] = u.name;
        if (cUnitKind >= 0) row[cUnitKind] = u.kind;
      }
      if (cKind >= 0) row[cKind] = KIND_WORDS[o.kindLabels][g.kind];
      if (g.project) {
        if (cProjCode >= 0) row[cProjCode] = g.project.code;
        if (cProjName >= 0) row[cProjName] = g.project.name;
        if (cBasis >= 0) row[cBasis] = g.project.template.basis;
        if (cGoal >= 0) row[cGoal] = g.project.template.goal;
      }
      const fnName = FUNCTION_NAMES[g.functionCode];
      if (cFnCode >= 0) row[cFnCode] = g.functionCode;
      if (cFnName >= 0) row[cFnName] = fnName;
      if (cFn >= 0) row[cFn] = combo(g.functionCode, fnName);
      if (cFnClass >= 0) {
        const [a, b, d] = splitCode(g.functionCode);
        row[cFnClass] = a;
        row[cFnSection] = b;
        row[cFnItem] = d;
      }
      const ecName = ECONOMIC_NAMES[g.economicCode];
      if (cEcCode >= 0) row[cEcCode] = g.economicCode;
      if (cEcName >= 0) row[cEcName] = ecName;
      if (cEc >= 0) row[cEc] = combo(g.economicCode, ecName);
      if (cFund >= 0) row[cFund] = g.fund;
      for (let p = 0; p < nParts; p++) {
        const v = g.parts[p];
        row[cParts[p]] = moneyCell(v);
        unitParts[p] += v;
        if (v !== 0) lineCount++;
      }
      if (cTotal >= 0) row[cTotal] = moneyCell(g.totalFen);
      if (cPrior >= 0) {
        const newProject = g.project !== null && g.project.isNew;
        if (!newProject) {
          // Priors that pass the year-on-year rules: 一般性支出 and underperforming projects cut by
          // 6–12 %, everything else grown by 3–15 % (and 205 教育 kept from falling, below).
          const cut = GENERAL_SPENDING.has(g.economicCode) || (g.project !== null && g.project.underperformer);
          const factor = cut ? 1.06 + rng.next() * 0.08 : 0.85 + rng.next() * 0.12;
          const prior = roundTo(Math.round(g.totalFen * factor), 100);
          row[cPrior] = moneyCell(prior);
          unitPrior += prior;
          if (g.functionCode.startsWith(PRIORITY_CLASS)) {
            // A wide row's single prior goes with its 一般公共预算拨款 part (SPEC §7 Prior data).
            const gpFen = o.layout === 'wide' ? g.parts[0] : g.fund === FUND_SOURCES[0] ? g.totalFen : 0;
            const gp = gpFen > 0;
            edu.cur += g.totalFen;
            edu.prior += prior;
            if (gp) {
              edu.curGp += gpFen;
              edu.priorGp += prior;
            }
            if (!cut) eduRows.push({ row: r, prior, amount: gp ? gpFen : g.totalFen, gp });
          }
        }
        if (g.project && !newProject) {
          row[cExec] = g.project.execCell;
          row[cPerf] = g.project.perfCell;
        }
      }
      if (cSanbao >= 0 && (g.kind !== 'project' || g.project?.template.livelihood)) row[cSanbao] = SANBAO[g.kind];
      // Facts.
      if (o.layout === 'kindSplit') {
        for (let p = 0; p < 3; p++) perKind[KIND_ORDER[p]] += g.parts[p];
      } else {
        perKind[g.kind] += g.totalFen;
      }
      if (o.layout === 'wide') {
        for (let p = 0; p < nParts; p++) if (g.parts[p] !== 0) add(perFund, FUND_SOURCES[p], g.parts[p]);
      } else {
        add(perFund, g.fund, g.totalFen);
      }
      add(perClass, g.functionCode.slice(0, 3), g.totalFen);
      cells.push(row);
      unitRows++;
      rowCount++;
      // A "其中：" breakdown of this row (not a line).
      if (g.project && rng.chance(o.breakdownRows)) {
        const b = blankRow(width);
        b[breakdownCol] = rng.pick(['其中：上级补助资金', '其中：中央转移支付', '其中：本级安排']);
        const share = 0.3 + rng.next() * 0.5;
        let sum = 0;
        for (let p = 0; p < nParts; p++) {
          const v = g.parts[p] === 0 ? 0 : roundTo(Math.floor(g.parts[p] * share), 100);
          const part = Math.min(v, g.parts[p]);
          b[cParts[p]] = moneyCell(part);
          sum += part;
        }
        if (cTotal >= 0) b[cTotal] = moneyCell(sum);
        breakdownRows.push(cells.length);
        cells.push(b);
      }
    };

    generateUnitRows(rng, o, u, counts[ui], writeRow);
    // Where the unit's 205 would fall, lower the priors of its growing rows, each in proportion to
    // how far it can go (never below half its amount), 一般公共预算拨款 rows first.
    let gapAll = edu.prior - edu.cur;
    let gapGp = edu.priorGp - edu.curGp;
    for (const gpPass of [true, false]) {
      const need = gpPass ? Math.max(gapGp, gapAll) : gapAll;
      if (need <= 0) continue;
      const rows = eduRows.filter((e) => e.gp === gpPass);
      const room = rows.map((e) => Math.max(0, e.prior - roundTo(Math.ceil(e.amount / 2), 100)));
      const totalRoom = room.reduce((x, y) => x + y, 0);
      if (totalRoom === 0) continue;
      let left = Math.min(need, totalRoom);
      rows.forEach((e, i) => {
        if (left <= 0 || room[i] === 0) return;
        const share = i === rows.length - 1 ? left : Math.min(left, room[i], Math.ceil((need * room[i]) / totalRoom / 100) * 100);
        const cut = Math.min(share, room[i]);
        e.prior -= cut;
        unitPrior -= cut;
        left -= cut;
        gapAll -= cut;
        if (e.gp) gapGp -= cut;
        cells[e.row][cPrior] = moneyCell(e.prior);
      });
    }
    const lastRow = cells.length - 1;
    if (o.unitCells === 'merged' && lastRow > firstRow) {
      for (const k of [cUnitCode, cUnitName, cUnitKind]) if (k >= 0) merges.push({ top: firstRow, left: k, bottom: lastRow, right: k });
    }
    let unitTotal = 0;
    for (let p = 0; p < nParts; p++) {
      unitTotal += unitParts[p];
      sheetParts[p] += unitParts[p];
    }
    sheetPrior += unitPrior;
    add(perUnit, unitKey, unitTotal);
    let subtotalRow: number | null = null;
    if (o.subtotals) {
      subtotalRow = cells.length;
      subtotalRows.push(subtotalRow);
      cells.push(sumRow(width, labelCol, `小计（${u.name}）`, cParts, unitParts, cTotal, unitTotal, cPrior, unitPrior, fenPer));
    }
    units.push({ code: u.code, name: u.name, kind: u.kind, totalFen: unitTotal, priorTotalFen: unitPrior, rowCount: unitRows, firstRow, lastRow, subtotalRow });
    if (o.blankRows && ui < unitList.length - 1) {
      blankRows.push(cells.length);
      cells.push([]);
    }
  }

  const totalFen = sheetParts.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(totalFen)) throw new RangeError('synth: total exceeds the exact integer range');
  if (o.total !== 'none') {
    const row = sumRow(width, labelCol, '合计', cParts, sheetParts, cTotal, totalFen, cPrior, sheetPrior, fenPer);
    if (totalRow !== null) cells[totalRow] = row;
    else {
      totalRow = cells.length;
      cells.push(row);
    }
  }

  const columns: Partial<Record<Field, number>> = {};
  defs.forEach((d, i) => {
    const f = FIELD_OF[d.key];
    if (f) columns[f] = i;
  });
  if (o.codeStyle !== 'separate' && o.codeStyle !== 'codeOnly') {
    if (cFn >= 0) columns.functionName = cFn;
    if (cEc >= 0) columns.economicName = cEc;
  }
  const amountColumns: SynthAmountColumn[] = [];
  defs.forEach((d, i) => {
    const header = String(cells[headerRow + headerRowCount - 1][i] ?? cells[headerRow][i]);
    if (d.key === 'amount') amountColumns.push({ col: i, header, role: 'amount' });
    else if (d.key === 'total') amountColumns.push({ col: i, header, role: 'total' });
    else if ((FUND_KEYS as ReadonlyArray<ColKey>).includes(d.key)) amountColumns.push({ col: i, header, role: 'fund', fundSource: FUND_SOURCES[FUND_KEYS.indexOf(d.key as (typeof FUND_KEYS)[number])] });
    else if ((KIND_KEYS as ReadonlyArray<ColKey>).includes(d.key)) amountColumns.push({ col: i, header, role: 'kind', kind: KIND_ORDER[KIND_KEYS.indexOf(d.key as (typeof KIND_KEYS)[number])] });
  });

  const grid: Grid = { name: o.sheetName, cells, merges };
  const expected: SynthExpected = {
    layout: o.layout,
    amountUnit: o.amountUnit,
    sheetName: o.sheetName,
    headerRow,
    headerRowCount,
    firstDataRow,
    unitNoteRow,
    rowCount,
    lineCount,
    totalFen,
    priorTotalFen: o.priorColumns ? sheetPrior : null,
    perUnitTotalFen: perUnit,
    perKindTotalFen: perKind,
    perFundTotalFen: perFund,
    perFunctionClassTotalFen: perClass,
    units,
    totalRow,
    subtotalRows,
    breakdownRows,
    blankRows,
    columns,
    amountColumns,
  };
  return { grid, expected };
}

function blankRow(width: number): Cell[] {
  return new Array<Cell>(width).fill(null);
}

/** A 合计/小计 row: the label, every amount part, the 合计 column and the prior column. */
function sumRow(width: number, labelCol: number, label: string, cParts: number[], parts: number[], cTotal: number, total: number, cPrior: number, prior: number, fenPer: number): Cell[] {
  const row = blankRow(width);
  row[labelCol] = label;
  for (let p = 0; p < cParts.length; p++) row[cParts[p]] = parts[p] / fenPer;
  if (cTotal >= 0) row[cTotal] = total / fenPer;
  if (cPrior >= 0) row[cPrior] = prior / fenPer;
  return row;
}

/** Amount text as people type it: "1,234,567.89" in 元, "1,234.5678" (2–6 decimals) in 万元. */
function moneyText(fen: number, unit: AmountUnit): string {
  if (unit === 'yuan') return formatFen(fen, 'yuan', 2, true);
  return formatFen(fen, 'wan', 6, true).replace(/(\.\d\d\d*?)0+$/, '$1');
}

// ---------------------------------------------------------------------------------------------
// Workbooks

export interface SynthWorkbookOptions {
  /** File name for WorkbookGrids.file; default '示例预算.xlsx'. */
  readonly file?: string;
  /** One entry per sheet. Unless given, sheet i gets seed (sheets[0].seed ?? 1) + i, the name
   *  `预算明细${i + 1}`, and units following those of the sheets before it. */
  readonly sheets: ReadonlyArray<SynthOptions>;
}

/** Several generated sheets as one workbook, with the expectations of each sheet. */
export function synthWorkbook(opts: SynthWorkbookOptions): { workbook: WorkbookGrids; expected: SynthExpected[] } {
  const sheets: Grid[] = [];
  const expected: SynthExpected[] = [];
  const baseSeed = opts.sheets[0]?.seed ?? 1;
  let nextUnit = 0;
  opts.sheets.forEach((s, i) => {
    const r = synthSheet({
      ...s,
      seed: s.seed ?? baseSeed + i,
      sheetName: s.sheetName ?? (opts.sheets.length === 1 ? '预算明细' : `预算明细${i + 1}`),
      firstUnit: s.firstUnit ?? nextUnit,
    });
    nextUnit = (s.firstUnit ?? nextUnit) + r.expected.units.length;
    sheets.push(r.grid);
    expected.push(r.expected);
  });
  return { workbook: { file: opts.file ?? '示例预算.xlsx', sheets }, expected };
}
