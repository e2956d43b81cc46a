/**
 * Which budget project each 绩效目标 belongs to (issue 16): by project code, else by project name
 * within the unit (SPEC §7 Projects: unit key + project key). A goal without unit matches a code or
 * a name that only one project carries; so does a goal whose unit none of the lines name, while a
 * goal of a known unit matches no other unit's project by name. Built once per lines array and
 * shared by the PERF rules, the ZBB 评价等级 link and the pane.
 */
import { groupByProject, projectCodesClean, projectIndexOf } from '../rules/finding-helpers';
import type { ProjectGroup } from '../rules/finding-helpers';
import type { BudgetLine } from '../lines';
import type { PerfGoal } from './model';
import { needsClean } from '../text';

/** What linking reads of a goal (a 绩效评价 row links the same way). */
export type Linkable = Pick<PerfGoal, 'unitCode' | 'unitName' | 'projectCode' | 'projectName'>;

export interface PerformanceLinks<G extends Linkable = PerfGoal> {
  /** Goals of each project group (key: projectGroupKey). */
  readonly byProject: ReadonlyMap<string, G[]>;
  /** Goals that match no project line of the run. */
  readonly unlinked: readonly G[];
  /**
   * The same links by position, for loops over hundreds of thousands of projects without a map
   * lookup each: goalProject[n] is the groupByProject position of goal n's project (-1: unlinked);
   * the goals of project p are goalIndex[goalStart[p] … goalStart[p + 1]), in input order.
   */
  readonly goalProject: Int32Array;
  readonly goalStart: Int32Array;
  readonly goalIndex: Int32Array;
}

const clean = (s: string) => (needsClean(s) ? s.normalize('NFKC').replace(/\s+/g, '') : s);

/** A key → the project carrying it, or the projects when several do (then ambiguous across the run). */
type Carriers = Map<string, ProjectGroup | ProjectGroup[]>;

// A ProjectGroup is itself a tuple [key, lines]: one carrier is told from a list by its key string.
const isOne = (c: ProjectGroup | ProjectGroup[]): c is ProjectGroup => typeof c[0] === 'string';

function note(m: Carriers, k: string, g: ProjectGroup): void {
  const had = m.get(k);
  if (had === undefined) m.set(k, g);
  else if (isOne(had)) m.set(k, [had, g]);
  else had.push(g);
}

/** The one project of the run carrying the key, or undefined (none, or several). */
const only = (m: Carriers, k: string): ProjectGroup | undefined => {
  const c = m.get(k);
  return c !== undefined && isOne(c) ? c : undefined;
};

/**
 * The one project carrying the key within the unit a goal names (by the unit's code, else by its
 * name). The carriers of a key are few (usually one), so they are filtered by unit rather than kept
 * in maps per unit (290,000 projects on a big budget).
 */
function inUnit(m: Carriers, k: string, unitCode: string | null, unitName: string | null): ProjectGroup | undefined {
  const c = m.get(k);
  if (c === undefined) return undefined;
  const byCode = unitCode !== null ? inUnitBy(c, unitCode, true) : undefined;
  return byCode ?? (unitName !== null ? inUnitBy(c, unitName, false) : undefined);
}

function inUnitOf(g: ProjectGroup, unit: string, byCode: boolean): boolean {
  const l = g[1][0];
  const u = byCode ? l.unitCode : l.unitName;
  return u !== '' && clean(u) === unit;
}

function inUnitBy(c: ProjectGroup | ProjectGroup[], unit: string, byCode: boolean): ProjectGroup | undefined {
  if (isOne(c)) return inUnitOf(c, unit, byCode) ? c : undefined;
  let found: ProjectGroup | undefined;
  for (const g of c) {
    if (!inUnitOf(g, unit, byCode)) continue;
    if (found !== undefined) return undefined; // several projects of the unit carry it
    found = g;
  }
  return found;
}

const cache = new WeakMap<ReadonlyArray<BudgetLine>, WeakMap<ReadonlyArray<Linkable>, PerformanceLinks<Linkable>>>();
export function linkGoals<G extends Linkable = PerfGoal>(lines: ReadonlyArray<BudgetLine>, goals: ReadonlyArray<G>): PerformanceLinks<G> {
  let byGoals = cache.get(lines);
  const hit = byGoals?.get(goals);
  if (hit) return hit as PerformanceLinks<G>;
  const projects = groupByProject(lines);
  const index = projectIndexOf(lines);
  // Whether the lines' unit and project codes are written without spaces or full-width forms (the
  // usual case): then a goal stating the unit code and project code of a project is linked to it
  // through the grouping's own index (what the lookup by cleaned code gives: no other project of the
  // unit cleans to that code), and the maps of every code and name are built only for the others.
  const linesClean = projectCodesClean(lines);
  let maps: { byCode: Carriers; byName: Carriers } | null = null;
  const carriers = () => {
    if (maps) return maps;
    const byCode: Carriers = new Map();
    const byName: Carriers = new Map();
    for (const g of projects) {
      const l = g[1][0];
      const code = clean(l.projectCode);
      const name = clean(l.projectName);
      if (code) note(byCode, code, g);
      if (name) note(byName, name, g);
    }
    return (maps = { byCode, byName });
  };
  // The units of the run's lines (any kind, cleaned), made only when a goal's project is found by name
  // in no unit it names: whether that unit is one of the budget's decides the run-wide fallback.
  let units: { codes: Set<string>; names: Set<string> } | null = null;
  const knownUnit = (uc: string | null, un: string | null): boolean => {
    if (units === null) {
      const codes = new Set<string>();
      const names = new Set<string>();
      // Lines of a unit follow each other: a unit's texts are cleaned once per run of its lines.
      let lastCode: string | null = null;
      let lastName: string | null = null;
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i];
        if (l.unitCode !== lastCode && (lastCode = l.unitCode) !== '') codes.add(clean(l.unitCode));
        if (l.unitName !== lastName && (lastName = l.unitName) !== '') names.add(clean(l.unitName));
      }
      codes.delete('');
      names.delete('');
      units = { codes, names };
    }
    return (uc !== null && units.codes.has(uc)) || (un !== null && units.names.has(un));
  };
  const unlinked: G[] = [];
  const goalProject = new Int32Array(goals.length);
  // The project after the previous goal's is tried first: a 绩效目标 sheet usually lists the projects
  // in the budget's order (both come from the same system), and a few may have no goal.
  let next = 0;
  for (let n = 0; n < goals.length; n++) {
    const goal = goals[n];
    let g: ProjectGroup | undefined;
    if (linesClean && goal.unitCode !== '' && goal.projectCode !== '' && !needsClean(goal.unitCode) && !needsClean(goal.projectCode)) {
      // The one project of that unit code with that code (a project is keyed by unit code, then code):
      // what the in-unit lookup by code below gives. A project whose first line has both codes is
      // the one the index keys by them.
      for (let p = next; p < next + 4 && p < projects.length; p++) {
        const l = projects[p][1][0];
        if (l.projectCode === goal.projectCode && l.unitCode === goal.unitCode) {
          g = projects[p];
          break;
        }
      }
      if (g === undefined) {
        const hit = index.get(goal.unitCode, goal.projectCode);
        if (hit !== undefined && hit[1][0].unitCode === goal.unitCode && hit[1][0].projectCode === goal.projectCode) g = hit;
      }
    }
    if (g === undefined) {
      const { byCode, byName } = carriers();
      const code = clean(goal.projectCode);
      const name = clean(goal.projectName);
      const uc = goal.unitCode ? clean(goal.unitCode) : null;
      const un = goal.unitName ? clean(goal.unitName) : null;
      const hasUnit = goal.unitCode !== '' || goal.unitName !== '';
      if (code) g = inUnit(byCode, code, uc, un) ?? (hasUnit ? undefined : only(byCode, code));
      // A code known to the lines decides; the name is the fallback when the code is absent or unknown.
      if (!g && name && !(code && byCode.has(code) && hasUnit)) g = inUnit(byName, name, uc, un) ?? (hasUnit ? undefined : only(byName, name));
      // A unit written differently from the lines ("井研县马踏镇人民政府" vs its code only): a code or name
      // that only one project of the run carries still links. A name is too weak to cross units: when
      // the goal's unit is one of the budget's, a name that unit lacks is another unit's project
      // (卫健委's “办公楼维修” is not 教育局's), so the goal stays unlinked.
      if (!g && code) g = only(byCode, code);
      if (!g && name && !code && !(hasUnit && knownUnit(uc, un))) g = only(byName, name);
    }
    if (g) {
      goalProject[n] = g[2] as number;
      next = goalProject[n] + 1;
    } else {
      unlinked.push(goal);
      goalProject[n] = -1;
    }
  }
  const goalStart = new Int32Array(projects.length + 1);
  for (let n = 0; n < goals.length; n++) if (goalProject[n] >= 0) goalStart[goalProject[n] + 1]++;
  for (let p = 0; p < projects.length; p++) goalStart[p + 1] += goalStart[p];
  const fill = goalStart.slice(0, projects.length);
  const goalIndex = new Int32Array(goalStart[projects.length]);
  for (let n = 0; n < goals.length; n++) if (goalProject[n] >= 0) goalIndex[fill[goalProject[n]]++] = n;
  // The map by project key only when asked (the PERF rules read the positions).
  let byProject: Map<string, G[]> | null = null;
  const links: PerformanceLinks<G> = {
    get byProject(): ReadonlyMap<string, G[]> {
      if (byProject === null) {
        byProject = new Map();
        for (let n = 0; n < goals.length; n++) {
          const p = goalProject[n];
          if (p < 0) continue;
          const key = projects[p][0];
          const a = byProject.get(key);
          if (a) a.push(goals[n]);
          else byProject.set(key, [goals[n]]);
        }
      }
      return byProject;
    },
    unlinked, goalProject, goalStart, goalIndex,
  };
  if (!byGoals) cache.set(lines, (byGoals = new WeakMap()));
  byGoals.set(goals, links);
  return links;
}
