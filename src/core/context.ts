/**
 * What the rules see: the lines of every input, the prior-year data, the auxiliary sheets and the
 * resolved parameters. Built once per run by check.ts; rules only read it.
 */
import type { Catalog } from './catalog';
import type { RuleConfig } from './config';
import type { Finding, FindingLocation } from './findings';
import type { RuleId } from './rules/catalogue';
import type { BudgetLine, SanbaoType } from './lines';
import type { PerfGoal } from './performance/model';

/** A row of an auxiliary sheet, with where it stands for findings. */
export interface AuxRow {
  readonly location: FindingLocation;
}

/** 项目库: codes and names of projects that may be budgeted. */
export interface ProjectLibrary {
  readonly codes: ReadonlySet<string>;
  readonly names: ReadonlySet<string>;
  readonly location: FindingLocation;
}

/** 三保需求: one need per unit and 三保类型. `unit` holds the sheet's code or name. */
export interface SanbaoNeed extends AuxRow {
  readonly unit: string;
  readonly type: SanbaoType;
  readonly needFen: number;
}

/** 债券付息: interest due per bond. */
export interface BondInterest extends AuxRow {
  readonly bond: string;
  readonly dueFen: number;
}

/** 预算执行 rows for the report figures (SPEC §5.3). */
export interface ExecutionRow extends AuxRow {
  readonly item: string;
  readonly initialFen: number | null;
  readonly adjustedFen: number | null;
  readonly actualFen: number | null;
  readonly priorSameFen: number | null;
  readonly month: number | null;
}

/** 审核说明: an answer to a finding, keyed by rule, unit and location (SPEC §4.3). */
export interface Explanation extends AuxRow {
  readonly rule: string;
  readonly unit: string;
  /** "sheet!cell", "sheet!row", or '' for unit/workbook findings. */
  readonly at: string;
  readonly text: string;
}

export interface AuxData {
  /** The 项目库 that applies to inputs without their own (from a workbook holding no budget lines). */
  projectLibrary: ProjectLibrary | null;
  /** A workbook's own 项目库 applies to its own lines only. */
  projectLibraryByFile?: Map<string, ProjectLibrary>;
  sanbaoNeeds: SanbaoNeed[] | null;
  bondInterest: BondInterest[] | null;
  execution: ExecutionRow[] | null;
  explanations: Explanation[];
  /** 科目对照: prior code → current code. */
  codeMap: Map<string, string>;
  /** 绩效目标 sheets: each project's goal and indicator grid (PERF.*); absent when no such sheet. */
  performance?: PerfGoal[];
  /** 绩效评价 sheets: 上年绩效评价等级 by project (ZBB.UNDERPERFORMER_NOT_CUT); absent when no such sheet. */
  perfGrades?: PerfGrade[];
}

/** One project's 上年绩效评价等级 from a 绩效评价 sheet (linked to the lines like a 绩效目标). */
export interface PerfGrade {
  readonly file: string;
  readonly sheet: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly projectCode: string;
  readonly projectName: string;
  /** 优/良/中/差 or a score, as written. */
  readonly grade: string;
  /** The 评价等级 cell. */
  readonly location: FindingLocation;
}

export function emptyAux(): AuxData {
  return { projectLibrary: null, sanbaoNeeds: null, bondInterest: null, execution: null, explanations: [], codeMap: new Map() };
}

/** How prior-year figures are known. */
export type PriorSource =
  /** from 上年预算数 columns on the lines themselves */
  | { kind: 'columns' }
  /** from a prior-year sheet or workbook; lines are already recoded through 科目对照 */
  | { kind: 'lines'; lines: ReadonlyArray<BudgetLine> }
  | { kind: 'none' };

export interface InputInfo {
  file: string;
  sheets: string[];
  lines: number;
  unit: '元' | '万元' | '混合' | '';
}

export interface RuleContext {
  readonly config: RuleConfig;
  /** Current-year lines of every input of the run. */
  readonly lines: ReadonlyArray<BudgetLine>;
  readonly prior: PriorSource;
  readonly aux: AuxData;
  readonly inputs: ReadonlyArray<InputInfo>;
  /** The classification catalogue, extended by the workbook's 科目 sheet (default catalogue when absent). */
  readonly catalog?: Catalog;
  /**
   * Units dropped by DATA.UNIT_UNRESOLVED (a code with two names, a name with two codes): their
   * lines are gone, so their goals are not checked against the budget rather than "unlinked".
   */
  readonly unitConflicts?: { readonly codes: ReadonlySet<string>; readonly names: ReadonlySet<string> };
}

/** A rule family: a small module that turns the context into findings and never throws on data. */
export interface RuleFamily {
  readonly family: string;
  /** The rule codes this family's findings may carry (each a row of rules/catalogue.ts). */
  readonly emits: ReadonlyArray<RuleId>;
  run(ctx: RuleContext): Finding[];
}
