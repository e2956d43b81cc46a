/**
 * PERF.COPIED — the same indicator grid on projects with different names: the copy-paste reviewers
 * send back (财预〔2021〕101号: indicators “应与项目内容相符”, set per project). Grids are compared as
 * written (一级 · 二级 · 三级 · 指标值, in order); grids under perf.minCopiedIndicators rows are too
 * small to call copied. Each later project is reported once, naming the first that carries the grid.
 */
import type { Finding } from '../findings';
import type { BudgetLine } from '../lines';
import { perfCopied } from '../messages/performance';
import type { Indicator, PerfGoal } from '../performance';
import { finding, lineUnit, projectLabel, unitLabel } from './finding-helpers';
import type { ProjectGroup } from './finding-helpers';

const clean = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

// FNV-1a over the text's UTF-16 units: a number per grid instead of a joined key string (two million
// indicators on a big budget); equal hashes are confirmed field by field.
function textHash(h: number, s: string): number {
  h = Math.imul(h ^ s.length, 0x01000193);
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}

const shortHash = (s: string) => (s.length === 0 ? 0 : s.charCodeAt(0) ^ (s.length << 16));

/** Add one indicator to a grid hash (a grid's hash starts at gridHashStart(its indicator count)). */
export function gridHashStep(h: number, i: Indicator): number {
  // 一级/二级 come from a short list: their length and first character tell them apart well enough
  // (a collision only costs a field-by-field comparison); 三级 and 指标值 are hashed whole.
  h = Math.imul(h ^ shortHash(i.level1), 0x01000193);
  h = Math.imul(h ^ shortHash(i.level2), 0x01000193);
  return textHash(textHash(h, i.name), i.value);
}

export const gridHashStart = (indicators: number): number => 0x811c9dc5 ^ indicators;

function gridHash(g: PerfGoal): number {
  let h = gridHashStart(g.indicators.length);
  const list = g.indicators;
  for (let k = 0; k < list.length; k++) h = gridHashStep(h, list[k]);
  return h;
}

function sameGrid(a: ReadonlyArray<Indicator>, b: ReadonlyArray<Indicator>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x.value !== y.value || x.name !== y.name || x.level2 !== y.level2 || x.level1 !== y.level1) return false;
  }
  return true;
}

const label = (g: PerfGoal) => g.projectName || g.projectCode || '未命名项目';

/** Which project each goal is linked to: linkGoals' goalProject over groupByProject's projects. */
export interface CopiedLinks {
  readonly goalProject: Int32Array;
  readonly projects: ReadonlyArray<ProjectGroup>;
  /** The unit an unlinked goal's findings carry (null: none, its unit unresolved); as written when absent. */
  readonly unlinkedUnit?: (g: PerfGoal) => Finding['unit'] | null;
}

/**
 * `pre`, when given, holds the gridHash of goal n in hashes[n] for every goal with at least
 * minIndicators rows (hashed[n] = 1; 0 for the others): PERF computes them in its own walk over the
 * indicators, and a goal is then read only when its hash meets another. `linked`, when given, names
 * a linked goal by its project's first line (unit code and name, “名称（编码）”), as the other PERF
 * findings do; only unlinked goals are named as the goal sheet writes them.
 */
export function copiedGrids(goals: ReadonlyArray<PerfGoal>, minIndicators: number, pre?: { hashes: Int32Array; hashed: Uint8Array }, linked?: CopiedLinks): Finding[] {
  const firstLine = (n: number): BudgetLine | null => {
    const p = linked !== undefined ? linked.goalProject[n] : -1;
    return p >= 0 ? (linked as CopiedLinks).projects[p][1][0] : null;
  };
  // An open-addressing table of the first goal of each distinct grid (hash, goal index + 1) in typed
  // arrays: no Map entry per goal for the collector to trace (290,000 goals on a big budget).
  let cap = 16;
  while (cap < goals.length * 2) cap *= 2;
  const mask = cap - 1;
  // Hash and goal side by side: one cache line per probe.
  const table = new Int32Array(cap * 2);
  const out: Finding[] = [];
  for (let n = 0; n < goals.length; n++) {
    let h: number;
    if (pre !== undefined) {
      if (pre.hashed[n] === 0) continue;
      h = pre.hashes[n];
    } else {
      if (goals[n].indicators.length < minIndicators) continue;
      h = gridHash(goals[n]);
    }
    let slot = h & mask;
    let f: PerfGoal | undefined;
    let fn = -1;
    for (; table[2 * slot + 1] !== 0; slot = (slot + 1) & mask) {
      if (table[2 * slot] !== h) continue;
      const x = goals[table[2 * slot + 1] - 1];
      if (sameGrid(x.indicators, goals[n].indicators)) {
        f = x;
        fn = table[2 * slot + 1] - 1;
        break;
      }
    }
    if (f === undefined) {
      table[2 * slot] = h;
      table[2 * slot + 1] = n + 1;
      continue;
    }
    const g = goals[n];
    if (clean(f.projectName) === clean(g.projectName)) continue; // the same project listed twice
    // The linked project's unit and label (a goal sheet often names the unit without its code, or
    // differently from the budget): the finding is filed under the unit the other PERF findings use.
    const mine = firstLine(n);
    const other = firstLine(fn);
    let unit: string;
    let u: Finding['unit'];
    if (mine !== null) {
      unit = unitLabel(mine);
      u = lineUnit(mine);
    } else {
      unit = g.unitName || g.unitCode;
      if (linked?.unlinkedUnit !== undefined) u = linked.unlinkedUnit(g) ?? {};
      else {
        u = {};
        if (g.unitCode) u.code = g.unitCode;
        if (g.unitName) u.name = g.unitName;
      }
    }
    const otherUnit = other !== null ? unitLabel(other) : f.unitName || f.unitCode;
    const message = perfCopied(unit, mine !== null ? projectLabel(mine) : label(g), g.indicators.length, otherUnit, other !== null ? projectLabel(other) : label(f));
    out.push(finding('PERF.COPIED', g.location, message, u, { indicators: g.indicators.length }));
  }
  return out;
}
