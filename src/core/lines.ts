/**
 * A budget line (预算明细的一行或一行中的一个金额列): the unit of everything the rules and tables compute.
 * All money is integer 分 (fen).
 */

/** Kinds of expenditure. 基本支出 = personnel (人员经费) + public (公用经费). */
export type LineKind = 'personnel' | 'public' | 'project';
/** What the sheet said, before 基本支出 was split by economic code. */
export type DeclaredKind = LineKind | 'basic';

export type SanbaoType = '保工资' | '保运转' | '保基本民生';

/** Fields the reader recognises in a header row (SPEC §2.1). */
export type Field =
  | 'unitCode' | 'unitName' | 'unitKind'
  | 'projectCode' | 'projectName' | 'kind'
  | 'functionCode' | 'functionName' | 'functionClass' | 'functionSection' | 'functionItem'
  | 'economicClass' | 'economicSection'
  | 'economicCode' | 'economicName' | 'govEconomicCode'
  | 'fundSource' | 'amount' | 'priorAmount' | 'priorActual' | 'priorExecRate' | 'perfScore'
  | 'perfGoal' | 'basis' | 'sanbao' | 'ppp' | 'approved' | 'approvalNo';

/** Where a line came from; shared by all lines of one sheet so lines stay small. */
export interface LineSource {
  readonly file: string;
  readonly sheet: string;
  /** 1-based sheet column of each recognised field. */
  readonly columns: Readonly<Partial<Record<Field, number>>>;
  /** 'yuan' or 'wan' (万元): the display unit of the sheet's amounts. */
  readonly amountUnit: 'yuan' | 'wan';
  /** Whether this sheet holds prior-year lines (上年预算). */
  readonly prior: boolean;
}

export interface BudgetLine {
  readonly src: LineSource;
  /** 1-based sheet row. */
  readonly row: number;
  /** 1-based sheet column of the amount cell this line was read from. */
  amountCol: number;
  unitCode: string;
  unitName: string;
  unitKind: string;
  projectCode: string;
  projectName: string;
  kind: LineKind;
  declaredKind: DeclaredKind;
  functionCode: string;
  /** Name written beside the code in the sheet ("2010101 行政运行"), '' if none. */
  functionName: string;
  economicCode: string;
  economicName: string;
  govEconomicCode: string;
  /** Canonical fund source (一般公共预算拨款, 政府性基金预算拨款, …). */
  fundSource: string;
  amountFen: number;
  /** Prior-year amount from a prior column (null when the sheet has none or the cell is blank). */
  priorFen: number | null;
  priorActualFen: number | null;
  /** Prior execution rate as a decimal (0.55), null when absent. */
  execRate: number | null;
  /** Prior performance score 0–100 (grades mapped to their band), null when absent. */
  perfScore: number | null;
  perfGoal: string;
  basis: string;
  sanbao: SanbaoType | null;
  ppp: boolean;
  approved: boolean;
}

/** The unit key used by every per-unit rule and table: the code when present, else the name. */
export function unitKey(l: { unitCode: string; unitName: string }): string {
  return l.unitCode || l.unitName;
}

/** The project key within a unit (SPEC §7: code, or name when codes are missing). */
export function projectKey(l: BudgetLine): string {
  return l.projectCode || l.projectName;
}

/**
 * The item of each project (SPEC §7: unit key + project key). Lookups go through a map per unit, so no
 * joined key string is built per project, and a line continuing the previous line's project (projects
 * are written line after line; a big sheet has hundreds of thousands) skips them.
 */
export class ProjectIndex<T> {
  private readonly byUnit = new Map<string, Map<string, T>>();
  private prev: BudgetLine | null = null;
  private prevItem: T | undefined;
  private missed: BudgetLine | null = null;
  private missedUnit: Map<string, T> | undefined;

  /** The item of the line's project, or undefined when the project is new (then call add). */
  find(l: BudgetLine): T | undefined {
    const p = this.prev;
    // The same keys as the previous line (unitKey, projectKey): the same project. Both codes, when
    // written, are the keys, and the names need not be compared.
    if (p !== null && (l.unitCode !== '' && l.projectCode !== ''
      ? l.projectCode === p.projectCode && l.unitCode === p.unitCode
      : l.unitCode === p.unitCode && l.unitName === p.unitName && l.projectCode === p.projectCode && l.projectName === p.projectName)) {
      this.prev = l;
      return this.prevItem;
    }
    const inUnit = this.byUnit.get(unitKey(l));
    const item = inUnit?.get(projectKey(l));
    if (item !== undefined) {
      this.prev = l;
      this.prevItem = item;
    } else {
      // A new project usually follows: add() takes the unit's map from here instead of looking again.
      this.missed = l;
      this.missedUnit = inUnit;
    }
    return item;
  }

  /** The item of the project with these keys (unitKey, projectKey), if any. */
  get(unit: string, project: string): T | undefined {
    return this.byUnit.get(unit)?.get(project);
  }

  /** Store the item of a new project (find returned undefined for `l`). */
  add(l: BudgetLine, item: T): void {
    let inUnit = this.missed === l ? this.missedUnit : this.byUnit.get(unitKey(l));
    if (inUnit === undefined) this.byUnit.set(unitKey(l), (inUnit = new Map()));
    inUnit.set(projectKey(l), item);
    this.missed = null;
    this.missedUnit = undefined;
    this.prev = l;
    this.prevItem = item;
  }
}

/** The prior-year matching key of SPEC §2.1. */
export function matchKey(l: BudgetLine): string {
  return [unitKey(l), l.kind, l.functionCode, l.economicCode, l.projectCode, l.fundSource].join('\u0001');
}
