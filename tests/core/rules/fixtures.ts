/**
 * Small builders of BudgetLine objects and rule contexts for table-style rule tests.
 *
 *   const src = source();                       // sheet 明细 of a.xlsx with the usual columns
 *   const lines = rows(src, 4, [                // rows 4, 5, … of that sheet
 *     { unitName: '县教育局', economicCode: '30201', amountFen: wan(10), priorFen: wan(12) },
 *     …
 *   ]);
 *   const ctx = context({ lines });             // prior: 'columns', default config
 */
import { resolveConfig } from '../../../src/core/config';
import type { RuleConfigInput } from '../../../src/core/config';
import { emptyAux } from '../../../src/core/context';
import type { AuxData, InputInfo, PriorSource, RuleContext } from '../../../src/core/context';
import type { BudgetLine, Field, LineSource } from '../../../src/core/lines';
import { decimalToScaled } from '../../../src/core/money';
import type { Finding } from '../../../src/core/findings';

/** Columns of the default detail sheet (A…R), as a reader would record them. */
export const DEFAULT_COLUMNS: Readonly<Partial<Record<Field, number>>> = {
  unitCode: 1, // A 单位编码
  unitName: 2, // B 单位名称
  unitKind: 3, // C 单位性质
  projectCode: 4, // D 项目编码
  projectName: 5, // E 项目名称
  kind: 6, // F 支出类型
  functionCode: 7, // G 功能分类科目
  economicCode: 8, // H 经济分类科目
  fundSource: 9, // I 资金来源
  amount: 10, // J 本年预算数
  priorAmount: 11, // K 上年预算数
  priorExecRate: 12, // L 上年执行率
  perfScore: 13, // M 上年绩效评价得分
  basis: 14, // N 测算依据
  perfGoal: 15, // O 绩效目标
  approved: 16, // P 是否批准
  approvalNo: 17, // Q 审批文号
};
export const AMOUNT_COL = 10;

export interface SourceInit {
  file?: string;
  sheet?: string;
  /** Replaces the default columns entirely. */
  columns?: Partial<Record<Field, number>>;
  /** Fields whose columns the sheet lacks (removed from the defaults). */
  without?: Field[];
  unit?: 'yuan' | 'wan';
  prior?: boolean;
}

/** A sheet source: file a.xlsx, sheet 明细, the default columns (minus `without`). */
export function source(init: SourceInit = {}): LineSource {
  const columns: Partial<Record<Field, number>> = { ...(init.columns ?? DEFAULT_COLUMNS) };
  for (const f of init.without ?? []) delete columns[f];
  return {
    file: init.file ?? 'a.xlsx',
    sheet: init.sheet ?? (init.prior ? '上年明细' : '明细'),
    columns,
    amountUnit: init.unit ?? 'wan',
    prior: init.prior ?? false,
  };
}

/** 万元 (as written in a sheet, e.g. 132.5) to exact 分. */
export function wan(x: number | string): number {
  const v = decimalToScaled(String(x), 6);
  if (v === null) throw new Error(`not a decimal: ${x}`);
  return v;
}

export type LineInit = Partial<Omit<BudgetLine, 'src'>>;

/** One line with defaults: 县教育局 公用经费 30201 一般公共预算拨款, amount 0, no prior. */
export function line(init: LineInit = {}, src: LineSource = source()): BudgetLine {
  const kind = init.kind ?? (init.projectCode || init.projectName ? 'project' : 'public');
  return {
    src,
    row: 4,
    amountCol: src.columns.amount ?? AMOUNT_COL,
    unitCode: '',
    unitName: '县教育局',
    unitKind: '',
    projectCode: '',
    projectName: '',
    declaredKind: kind,
    functionCode: '2050101',
    functionName: '',
    economicCode: '30201',
    economicName: '',
    govEconomicCode: '',
    fundSource: '一般公共预算拨款',
    amountFen: 0,
    priorFen: null,
    priorActualFen: null,
    execRate: null,
    perfScore: null,
    perfGoal: '',
    basis: '',
    sanbao: null,
    ppp: false,
    approved: false,
    ...init,
    kind,
  };
}

/** Lines on consecutive sheet rows starting at `firstRow`. */
export function rows(src: LineSource, firstRow: number, inits: ReadonlyArray<LineInit>): BudgetLine[] {
  return inits.map((init, i) => line({ row: firstRow + i, ...init }, src));
}

export interface ContextInit {
  lines: ReadonlyArray<BudgetLine>;
  /** Default: 'columns'. Pass an array for prior-year lines, or 'none'. */
  prior?: 'columns' | 'none' | ReadonlyArray<BudgetLine>;
  config?: RuleConfigInput;
  aux?: Partial<AuxData>;
}

/** A rule context over the given lines; inputs are derived from the lines' files. */
export function context(init: ContextInit): RuleContext {
  const prior: PriorSource =
    init.prior === undefined || init.prior === 'columns'
      ? { kind: 'columns' }
      : init.prior === 'none'
        ? { kind: 'none' }
        : { kind: 'lines', lines: init.prior };
  const byFile = new Map<string, InputInfo>();
  for (const l of init.lines) {
    let info = byFile.get(l.src.file);
    if (!info) byFile.set(l.src.file, (info = { file: l.src.file, sheets: [], lines: 0, unit: l.src.amountUnit === 'wan' ? '万元' : '元' }));
    if (!info.sheets.includes(l.src.sheet)) info.sheets.push(l.src.sheet);
    info.lines++;
  }
  return {
    config: resolveConfig(init.config ?? {}),
    lines: init.lines,
    prior,
    aux: { ...emptyAux(), ...init.aux },
    inputs: [...byFile.values()],
  };
}

/** Flatten findings for table-style comparison: [rule, sheet, cell] (sheet/cell '' when absent). */
export function flat(findings: ReadonlyArray<Finding>): Array<[string, string, string]> {
  return findings.map((f) => [f.rule, f.location.sheet ?? '', f.location.cell ?? '']);
}

/** Like flat, with the unit's name (or code) appended. */
export function flatWithUnit(findings: ReadonlyArray<Finding>): Array<[string, string, string, string]> {
  return findings.map((f) => [f.rule, f.location.sheet ?? '', f.location.cell ?? '', f.unit?.name ?? f.unit?.code ?? '']);
}
