/**
 * The goal a finding is about, for the pane and the offline page (issue 16: the goal grid shown next
 * to a project's findings): a finding on a 绩效目标 sheet row of a goal, or on a budget line of a
 * linked project, belongs to that project's goal. Only findings about a project line or a goal get one:
 * a finding about a whole unit (PERF.COVERAGE, GENERAL_CUT.*, THREE_PUBLIC.* …) sits on some line of
 * the unit, and the goal of that line is not what it is about.
 */
import type { Finding } from '../findings';
import type { BudgetLine } from '../lines';
import type { RuleId } from '../rules/catalogue';
import { groupByProject } from '../rules/finding-helpers';
import { linkGoals } from './link';
import type { PerfGoal } from './model';

/**
 * The rules whose findings are about one budget line, one project or one goal. Anything else — unit
 * totals and shares (GENERAL_CUT, THREE_PUBLIC, ADMIN_CUT, LIVELIHOOD, PRIORITY, SANBAO, PPP, DEBT),
 * 公开表 checks, 审核公式, PERF.COVERAGE, every *.NOT_CHECKED and file- or sheet-wide DATA findings —
 * gets no goal; so does a rule this list does not know (CUSTOM.<编号>, a new family).
 */
export const PROJECT_RULES: ReadonlySet<string> = new Set<RuleId>([
  'PERF.NOT_COVERED', 'PERF.FUNDS_MISMATCH', 'PERF.LEVEL_MISSING', 'PERF.VAGUE_VALUE', 'PERF.COST_EXCEEDS', 'PERF.COPIED', 'PERF.UNLINKED', 'PERF.DUPLICATE_GOAL',
  'ZBB.BASIS_MISSING', 'ZBB.GOAL_MISSING', 'ZBB.NOT_IN_LIBRARY', 'ZBB.BASE_CARRYOVER', 'ZBB.NEW_LINE', 'ZBB.DROPPED_LINE', 'ZBB.UNDERPERFORMER_NOT_CUT',
  'DATA.BAD_AMOUNT', 'DATA.NEGATIVE_AMOUNT', 'DATA.UNKNOWN_CODE', 'DATA.CODE_NAME_MISMATCH', 'DATA.CODE_LEVEL', 'DATA.KIND_CODE_MISMATCH', 'DATA.DUPLICATE_LINE', 'DATA.MERGED_AMOUNT',
]);

const key = (file: string, sheet: string, row: number) => file + '\u0001' + sheet + '\u0001' + row;

export function goalLookup(lines: ReadonlyArray<BudgetLine>, goals: ReadonlyArray<PerfGoal>): (f: Finding) => PerfGoal | undefined {
  const at = new Map<string, PerfGoal>();
  const put = (file: string, sheet: string, row: number | undefined, g: PerfGoal) => {
    if (row !== undefined && !at.has(key(file, sheet, row))) at.set(key(file, sheet, row), g);
  };
  for (const g of goals) {
    put(g.file, g.sheet, g.location.row, g);
    put(g.file, g.sheet, g.totalLocation?.row, g);
    put(g.file, g.sheet, g.fiscalLocation?.row, g);
    for (const i of g.indicators) put(g.file, g.sheet, i.location.row, g);
  }
  const { byProject } = linkGoals(lines, goals);
  for (const [k, ls] of groupByProject(lines)) {
    const g = byProject.get(k)?.find((x) => x.indicators.length > 0);
    if (g) for (const l of ls) put(l.src.file, l.src.sheet, l.row, g);
  }
  return (f) => (!PROJECT_RULES.has(f.rule) || f.location.sheet === undefined || f.location.row === undefined ? undefined : at.get(key(f.location.file, f.location.sheet, f.location.row)));
}
