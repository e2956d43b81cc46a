// The PERF rules as they were before the speed-up (at 022335d), kept verbatim as the reference of
// tests/core/rules/performance-equivalence.test.ts: the fast rules must give exactly these findings.
// Since kept in step with the fixes of behaviour: no link by name across known units (knownUnit).
/**
 * Which budget project each 绩效目标 belongs to (issue 16): by project code, else by project name
 * within the unit (SPEC §7 Projects: unit key + project key). A goal without unit matches a code or
 * a name that only one project carries. Built once per lines array and shared by the PERF rules, the
 * ZBB 评价等级 link and the pane.
 */
import { groupByProject } from '../../../../src/core/rules/finding-helpers';
import type { ProjectGroup } from '../../../../src/core/rules/finding-helpers';
import type { BudgetLine } from '../../../../src/core/lines';
import type { PerfGoal } from '../../../../src/core/performance/model';

export interface PerformanceLinks {
  /** Goals of each project group (key: projectGroupKey). */
  readonly byProject: ReadonlyMap<string, PerfGoal[]>;
  /** Goals that match no project line of the run. */
  readonly unlinked: readonly PerfGoal[];
}

// Full-width forms and spaces only: most names need no NFKC pass (290,000 projects on a big budget).
const NEEDS_CLEAN = /[\s\u3000\uff00-\uffef]/;
const clean = (s: string) => (NEEDS_CLEAN.test(s) ? s.normalize('NFKC').replace(/\s+/g, '') : s);

/** A key → the one project carrying it, or null when several do (ambiguous: not linked by it). */
type Unique = Map<string, ProjectGroup | null>;

function note(m: Unique, k: string, g: ProjectGroup): void {
  const had = m.get(k);
  if (had === undefined) m.set(k, g);
  else if (had !== g) m.set(k, null);
}

interface UnitIndex {
  readonly byCode: Unique;
  readonly byName: Unique;
}

function unitIndex(m: Map<string, UnitIndex>, k: string): UnitIndex {
  let u = m.get(k);
  if (u === undefined) m.set(k, (u = { byCode: new Map(), byName: new Map() }));
  return u;
}

const cache = new WeakMap<ReadonlyArray<BudgetLine>, WeakMap<ReadonlyArray<PerfGoal>, PerformanceLinks>>();

export function linkGoals(lines: ReadonlyArray<BudgetLine>, goals: ReadonlyArray<PerfGoal>): PerformanceLinks {
  let byGoals = cache.get(lines);
  const hit = byGoals?.get(goals);
  if (hit) return hit;
  const projects = groupByProject(lines);
  // Per unit (by its code and by its name, whichever a goal gives), then per project code and name;
  // maps per unit rather than joined key strings (290,000 projects on a big budget).
  const byUnitCode = new Map<string, UnitIndex>();
  const byUnitName = new Map<string, UnitIndex>();
  const byCode: Unique = new Map();
  const byName: Unique = new Map();
  for (const g of projects) {
    const l = g[1][0];
    const code = clean(l.projectCode);
    const name = clean(l.projectName);
    const units: UnitIndex[] = [];
    if (l.unitCode) units.push(unitIndex(byUnitCode, clean(l.unitCode)));
    if (l.unitName) units.push(unitIndex(byUnitName, clean(l.unitName)));
    if (code) {
      note(byCode, code, g);
      for (const u of units) note(u.byCode, code, g);
    }
    if (name) {
      note(byName, name, g);
      for (const u of units) note(u.byName, name, g);
    }
  }
  // Every unit of the lines (any kind), by code and by name: a goal of one of them is never linked by
  // name to another unit's project (the run-wide name fallback is for goals of no known unit).
  const unitCodes = new Set<string>();
  const unitNames = new Set<string>();
  for (const l of lines) {
    if (l.unitCode && clean(l.unitCode)) unitCodes.add(clean(l.unitCode));
    if (l.unitName && clean(l.unitName)) unitNames.add(clean(l.unitName));
  }
  const byProject = new Map<string, PerfGoal[]>();
  const unlinked: PerfGoal[] = [];
  for (const goal of goals) {
    const code = clean(goal.projectCode);
    const name = clean(goal.projectName);
    const uc = goal.unitCode ? byUnitCode.get(clean(goal.unitCode)) : undefined;
    const un = goal.unitName ? byUnitName.get(clean(goal.unitName)) : undefined;
    const hasUnit = goal.unitCode !== '' || goal.unitName !== '';
    const inUnit = (kind: 'byCode' | 'byName', k: string) => uc?.[kind].get(k) ?? un?.[kind].get(k) ?? undefined;
    let g: ProjectGroup | undefined;
    if (code) g = inUnit('byCode', code) ?? (hasUnit ? undefined : byCode.get(code) ?? undefined);
    // A code known to the lines decides; the name is the fallback when the code is absent or unknown.
    if (!g && name && !(code && byCode.has(code) && hasUnit)) g = inUnit('byName', name) ?? (hasUnit ? undefined : byName.get(name) ?? undefined);
    // A unit written differently from the lines ("井研县马踏镇人民政府" vs its code only): a code or name
    // that only one project of the run carries still links.
    if (!g && code) g = byCode.get(code) ?? undefined;
    const knownUnit = (goal.unitCode !== '' && unitCodes.has(clean(goal.unitCode))) || (goal.unitName !== '' && unitNames.has(clean(goal.unitName)));
    if (!g && name && !code && !knownUnit) g = byName.get(name) ?? undefined;
    if (g) {
      const a = byProject.get(g[0]);
      if (a) a.push(goal);
      else byProject.set(g[0], [goal]);
    } else unlinked.push(goal);
  }
  const links = { byProject, unlinked };
  if (!byGoals) cache.set(lines, (byGoals = new WeakMap()));
  byGoals.set(goals, links);
  return links;
}
