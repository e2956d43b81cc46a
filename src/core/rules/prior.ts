/**
 * Prior-year figures for the year-on-year rules (SPEC §2.1 last paragraph, §7 Prior data, Fund scope,
 * Missing prior). Three sources:
 *  - 'columns': 上年预算数 on the current lines (a blank cell counts as 0, the column exists). A group
 *    is known when every one of its lines comes from a sheet with a priorAmount column.
 *  - 'lines': a prior-year sheet or workbook; totals are sums over prior lines filtered the same way.
 *    A group with no prior line in fund scope is unknown ("a new unit cannot be cut"); a known prior
 *    of 0 makes the limit 0.
 *  - 'none': nothing to compare; each family reports NOT_CHECKED once per input.
 */
import type { RuleConfig } from '../config';
import type { RuleContext } from '../context';
import type { Finding, RuleId } from '../findings';
import { matchKey, unitKey } from '../lines';
import type { BudgetLine } from '../lines';
import { notCheckedNewUnit, notCheckedNoPrior, notCheckedOutOfScope } from '../messages/year-on-year';
import { finding, groupByUnit, groupFinding, groupLines, perInput, unitLabel } from './finding-helpers';

/** SPEC §7 Fund scope: only lines whose fund source is in config.fundScope are compared. */
export function inScope(cfg: RuleConfig, line: BudgetLine): boolean {
  return cfg.fundScope.includes(line.fundSource);
}

/** Whether the line's sheet has a 上年预算数 column. */
export function hasPriorColumn(line: BudgetLine): boolean {
  return line.src.columns.priorAmount !== undefined;
}

export type LineFilter = (l: BudgetLine) => boolean;
export type GroupKey = (l: BudgetLine) => string | null;

export interface TotalsOptions {
  /** Count every fund source instead of config.fundScope (DEBT). */
  allFunds?: boolean;
}

export interface PriorTotals {
  kind: 'columns' | 'lines';
  /** Prior total in 分 of every known group (0 when known but no line passes the filter). */
  known: Map<string, number>;
}

function scopeOf(ctx: RuleContext, opts: TotalsOptions): LineFilter {
  return opts.allFunds ? () => true : (l) => inScope(ctx.config, l);
}

/** Current-year totals per group over lines in fund scope passing `filter`. */
export function currentTotals(ctx: RuleContext, filter: LineFilter, key: GroupKey, opts: TotalsOptions = {}): Map<string, number> {
  const scope = scopeOf(ctx, opts);
  const out = new Map<string, number>();
  for (const l of ctx.lines) {
    const k = key(l);
    if (k === null || !scope(l) || !filter(l)) continue;
    out.set(k, (out.get(k) ?? 0) + l.amountFen);
  }
  return out;
}

/**
 * Prior-year totals per known group over lines in fund scope passing `filter`; null when there is no
 * prior data at all (prior kind 'none').
 */
export function priorTotals(ctx: RuleContext, filter: LineFilter, key: GroupKey, opts: TotalsOptions = {}): PriorTotals | null {
  const scope = scopeOf(ctx, opts);
  const prior = ctx.prior;
  if (prior.kind === 'none') return null;
  const known = new Map<string, number>();
  if (prior.kind === 'columns') {
    const withColumn = new Map<string, boolean>();
    for (const l of ctx.lines) {
      const k = key(l);
      if (k === null) continue;
      withColumn.set(k, (withColumn.get(k) ?? true) && hasPriorColumn(l));
    }
    for (const [k, ok] of withColumn) if (ok) known.set(k, 0);
    for (const l of ctx.lines) {
      const k = key(l);
      if (k === null || !known.has(k) || !scope(l) || !filter(l)) continue;
      known.set(k, known.get(k)! + (l.priorFen ?? 0));
    }
    return { kind: 'columns', known };
  }
  for (const l of prior.lines) {
    const k = key(l);
    if (k === null || !scope(l)) continue;
    known.set(k, (known.get(k) ?? 0) + (filter(l) ? l.amountFen : 0));
  }
  return { kind: 'lines', known };
}

/** One group (unit, project…) of current lines, compared with its prior year, or why it was not. */
export type GroupComparison =
  | { status: 'compared'; key: string; lines: BudgetLine[]; actualFen: number; priorFen: number }
  /** No line of the group is in fund scope: NOT_CHECKED, never passed. */
  | { status: 'outOfScope'; key: string; lines: BudgetLine[] }
  /** The group is absent from the prior data (new unit/project, or its sheet has no 上年预算数 column). */
  | { status: 'noPrior'; key: string; lines: BudgetLine[] };

/**
 * A 'compared' group. Its figures are stored after a null so that V8 keeps them as tagged fields: a
 * literal would start them as small integers and the first total of 2³¹ 分 or more would deprecate the
 * layout of every comparison made so far (each then migrated when next read; a big sheet has
 * hundreds of thousands of projects).
 */
function compared(key: string, lines: BudgetLine[], actualFen: number, priorFen: number): GroupComparison {
  const c = { status: 'compared' as const, key, lines, actualFen: null as unknown as number, priorFen: null as unknown as number };
  c.actualFen = actualFen;
  c.priorFen = priorFen;
  return c;
}

/**
 * Every group of current lines (in input order) with its current and prior totals over lines in fund
 * scope passing `filter`. Null when there is no prior data at all. `groups` may pass the current lines
 * already grouped by `key` (saves a pass on large inputs). Same readings as priorTotals/currentTotals.
 */
export function compareGroups(
  ctx: RuleContext,
  filter: LineFilter,
  key: GroupKey,
  opts: TotalsOptions = {},
  groups?: Iterable<readonly [string, BudgetLine[], ...unknown[]]>,
): GroupComparison[] | null {
  const prior = ctx.prior;
  if (prior.kind === 'none') return null;
  const scope = scopeOf(ctx, opts);
  let priorKnown: Map<string, number> | null = null;
  if (prior.kind === 'lines') {
    priorKnown = new Map();
    for (const l of prior.lines) {
      if (!scope(l)) continue;
      const k = key(l);
      if (k === null) continue;
      priorKnown.set(k, (priorKnown.get(k) ?? 0) + (filter(l) ? l.amountFen : 0));
    }
  }
  const out: GroupComparison[] = [];
  for (const [k, lines] of groups ?? groupLines(ctx.lines, key)) {
    let anyInScope = false;
    let allWithColumn = true;
    let actualFen = 0;
    let priorFen = 0;
    for (const l of lines) {
      if (l.src.columns.priorAmount === undefined) allWithColumn = false;
      if (!scope(l)) continue;
      anyInScope = true;
      if (!filter(l)) continue;
      actualFen += l.amountFen;
      priorFen += l.priorFen ?? 0;
    }
    if (!anyInScope) out.push({ status: 'outOfScope', key: k, lines });
    else if (priorKnown) {
      const p = priorKnown.get(k);
      out.push(p === undefined ? { status: 'noPrior', key: k, lines } : compared(k, lines, actualFen, p));
    } else out.push(allWithColumn ? compared(k, lines, actualFen, priorFen) : { status: 'noPrior', key: k, lines });
  }
  return out;
}

/**
 * Why prior figures are missing for lines of `file`, as a Chinese phrase ("未提供上年预算数据…").
 * For 'columns', names the sheets of the file without a 上年预算数 column.
 */
export function missingPriorReason(ctx: RuleContext, file: string): string {
  if (ctx.prior.kind === 'columns') {
    const sheets = [...new Set(ctx.lines.filter((l) => l.src.file === file && !hasPriorColumn(l)).map((l) => l.src.sheet))];
    if (sheets.length > 0) return `${sheets.map((s) => `「${s}」`).join('、')}表没有“上年预算数”列，也未提供上年预算表`;
  }
  return '未提供上年预算数据（明细表没有“上年预算数”列，也未提供上年预算表）';
}

/** Files whose lines include groups unknown for lack of a 上年预算数 column (prior kind 'columns'). */
export function filesWithoutPriorColumn(lines: ReadonlyArray<BudgetLine>): string[] {
  return [...new Set(lines.filter((l) => !hasPriorColumn(l)).map((l) => l.src.file))];
}

export interface LineMatch {
  /** Current lines with no prior-year line of the same key (ZBB.NEW_LINE). */
  unmatchedCurrent: BudgetLine[];
  /** Prior-year lines with no current line of the same key (ZBB.DROPPED_LINE). */
  unmatchedPrior: BudgetLine[];
}

/**
 * Match current and prior lines on matchKey (unit, kind, function, economic code, project, fund
 * source). Keys are matched as multisets: two current lines against one prior line leave one new.
 */
export function matchPriorLines(current: ReadonlyArray<BudgetLine>, prior: ReadonlyArray<BudgetLine>): LineMatch {
  // Per key: how many prior lines carry it, and how many current lines have used them up. The n-th
  // prior line of a key (in input order) is matched when more than n current lines carry that key.
  const pool = new Map<string, { count: number; used: number }>();
  const ordinal = new Array<number>(prior.length);
  const priorKeys = new Array<string>(prior.length);
  for (let i = 0; i < prior.length; i++) {
    const k = matchKey(prior[i]);
    priorKeys[i] = k;
    const e = pool.get(k);
    if (e) ordinal[i] = e.count++;
    else {
      pool.set(k, { count: 1, used: 0 });
      ordinal[i] = 0;
    }
  }
  const unmatchedCurrent: BudgetLine[] = [];
  for (const c of current) {
    const e = pool.get(matchKey(c));
    if (e && e.used < e.count) e.used++;
    else unmatchedCurrent.push(c);
  }
  const unmatchedPrior: BudgetLine[] = [];
  for (let i = 0; i < prior.length; i++) if (ordinal[i] >= pool.get(priorKeys[i])!.used) unmatchedPrior.push(prior[i]);
  return { unmatchedCurrent, unmatchedPrior };
}

/** A unit compared with its prior year (see unitYearOnYear). */
export interface UnitComparison {
  key: string;
  lines: BudgetLine[];
  /** The unit's first line: where unit findings are reported. */
  first: BudgetLine;
  actualFen: number;
  priorFen: number;
}

/**
 * Per-unit year-on-year comparison of the lines passing `filter` (in fund scope), with the family's
 * NOT_CHECKED findings for what could not be compared: no prior data (once per input), a unit with
 * no line in fund scope, a unit absent from the prior lines, or (prior columns) a file whose sheet has
 * no 上年预算数 column (once per file). `unitFilter` leaves units out silently (e.g. unit kinds).
 */
export function unitYearOnYear(
  ctx: RuleContext,
  rule: RuleId,
  check: string,
  filter: LineFilter,
  unitFilter: (lines: BudgetLine[]) => boolean = () => true,
): { compared: UnitComparison[]; notChecked: Finding[] } {
  const groups = compareGroups(ctx, filter, (l) => unitKey(l), {}, groupByUnit(ctx.lines));
  if (!groups) return { compared: [], notChecked: perInput(ctx, rule, (file) => notCheckedNoPrior(file, missingPriorReason(ctx, file), check)) };
  const compared: UnitComparison[] = [];
  const notChecked: Finding[] = [];
  const filesWithoutColumn: string[] = [];
  for (const g of groups) {
    if (!unitFilter(g.lines)) continue;
    const first = g.lines[0];
    if (g.status === 'compared') compared.push({ key: g.key, lines: g.lines, first, actualFen: g.actualFen, priorFen: g.priorFen });
    else if (g.status === 'outOfScope') notChecked.push(groupFinding(rule, first, notCheckedOutOfScope(unitLabel(first), ctx.config.fundScope, check)));
    else if (ctx.prior.kind === 'columns') {
      for (const f of filesWithoutPriorColumn(g.lines)) if (!filesWithoutColumn.includes(f)) filesWithoutColumn.push(f);
    } else notChecked.push(groupFinding(rule, first, notCheckedNewUnit(unitLabel(first), check)));
  }
  for (const file of filesWithoutColumn) {
    notChecked.push(finding(rule, { file }, notCheckedNoPrior(file, missingPriorReason(ctx, file), check)));
  }
  return { compared, notChecked };
}
