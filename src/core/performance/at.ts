/**
 * The goal a finding is about, for the pane and the offline page (issue 16: the goal grid shown next
 * to a project's findings): a finding on a 绩效目标 sheet row of a goal, or on a budget line of a
 * linked project, belongs to that project's goal.
 */
import type { Finding } from '../findings';
import type { BudgetLine } from '../lines';
import { groupByProject } from '../rules/finding-helpers';
import { linkGoals } from './link';
import type { PerfGoal } from './model';

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
  return (f) => (f.location.sheet === undefined || f.location.row === undefined ? undefined : at.get(key(f.location.file, f.location.sheet, f.location.row)));
}
