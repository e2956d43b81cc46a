/**
 * Which budget project each 绩效目标 belongs to (issue 16): by project code, else by project name
 * within the unit (SPEC §7 Projects: unit key + project key). A goal without unit matches a code or
 * a name that only one project carries. Built once per lines array and shared by the PERF rules, the
 * ZBB 评价等级 link and the pane.
 */
import { groupByProject } from '../rules/finding-helpers';
import type { ProjectGroup } from '../rules/finding-helpers';
import type { BudgetLine } from '../lines';
import type { PerfGoal } from './model';

export interface PerformanceLinks {
  /** Goals of each project group (key: projectGroupKey). */
  readonly byProject: ReadonlyMap<string, PerfGoal[]>;
  /** Goals that match no project line of the run. */
  readonly unlinked: readonly PerfGoal[];
}

const clean = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

const cache = new WeakMap<ReadonlyArray<BudgetLine>, WeakMap<ReadonlyArray<PerfGoal>, PerformanceLinks>>();

export function linkGoals(lines: ReadonlyArray<BudgetLine>, goals: ReadonlyArray<PerfGoal>): PerformanceLinks {
  let byGoals = cache.get(lines);
  const hit = byGoals?.get(goals);
  if (hit) return hit;
  const projects = groupByProject(lines);
  // Unit aliases: a goal names its unit by code or by name, whichever the lines carry.
  const byUnitCode = new Map<string, ProjectGroup[]>();
  const byUnitName = new Map<string, ProjectGroup[]>();
  const byCode = new Map<string, ProjectGroup[]>();
  const byName = new Map<string, ProjectGroup[]>();
  for (const g of projects) {
    const l = g[1][0];
    const code = clean(l.projectCode);
    const name = clean(l.projectName);
    if (code) {
      pushTo(byCode, code, g);
      if (l.unitCode) pushTo(byUnitCode, clean(l.unitCode) + '\u0001c' + code, g);
      if (l.unitName) pushTo(byUnitName, clean(l.unitName) + '\u0001c' + code, g);
    }
    if (name) {
      pushTo(byName, name, g);
      if (l.unitCode) pushTo(byUnitCode, clean(l.unitCode) + '\u0001n' + name, g);
      if (l.unitName) pushTo(byUnitName, clean(l.unitName) + '\u0001n' + name, g);
    }
  }
  const one = (a: ProjectGroup[] | undefined) => (a && a.length === 1 ? a[0] : undefined);
  const byProject = new Map<string, PerfGoal[]>();
  const unlinked: PerfGoal[] = [];
  for (const goal of goals) {
    const code = clean(goal.projectCode);
    const name = clean(goal.projectName);
    const uc = clean(goal.unitCode);
    const un = clean(goal.unitName);
    const inUnit = (kind: 'c' | 'n', k: string) =>
      (uc ? one(byUnitCode.get(uc + '\u0001' + kind + k)) : undefined) ?? (un ? one(byUnitName.get(un + '\u0001' + kind + k)) : undefined);
    let g: ProjectGroup | undefined;
    if (code) g = inUnit('c', code) ?? (uc || un ? undefined : one(byCode.get(code)));
    // A code known to the lines decides; the name is the fallback when the code is absent or unknown.
    if (!g && name && !(code && byCode.has(code) && (uc || un))) g = inUnit('n', name) ?? (uc || un ? undefined : one(byName.get(name)));
    // A unit written differently from the lines ("井研县马踏镇人民政府" vs its code only): a code or name
    // that only one project of the run carries still links.
    if (!g && code) g = one(byCode.get(code));
    if (!g && name && !code) g = one(byName.get(name));
    if (g) pushTo(byProject, g[0], goal);
    else unlinked.push(goal);
  }
  const links = { byProject, unlinked };
  if (!byGoals) cache.set(lines, (byGoals = new WeakMap()));
  byGoals.set(goals, links);
  return links;
}
