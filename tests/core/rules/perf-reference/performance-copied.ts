// The PERF rules as they were before the speed-up (at 022335d), kept verbatim as the reference of
// tests/core/rules/performance-equivalence.test.ts: the fast rules must give exactly these findings.
// Since kept in step with the fixes of behaviour: a linked goal is named by its project (projectOf);
// an unlinked goal is filed under unitOf's unit (none when the run could not determine it).
/**
 * PERF.COPIED — the same indicator grid on projects with different names: the copy-paste reviewers
 * send back (财预〔2021〕101号: indicators “应与项目内容相符”, set per project). Grids are compared as
 * written (一级 · 二级 · 三级 · 指标值, in order); grids under perf.minCopiedIndicators rows are too
 * small to call copied. Each later project is reported once, naming the first that carries the grid.
 */
import type { Finding } from '../../../../src/core/findings';
import type { BudgetLine } from '../../../../src/core/lines';
import { perfCopied } from '../../../../src/core/messages/performance';
import type { PerfGoal } from '../../../../src/core/performance';
import { finding, lineUnit, projectLabel, unitLabel } from '../../../../src/core/rules/finding-helpers';

const clean = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

function gridKey(g: PerfGoal): string {
  let k = '';
  for (const i of g.indicators) k += i.level1 + '\u0001' + i.level2 + '\u0001' + i.name + '\u0001' + i.value + '\u0002';
  return k;
}

const label = (g: PerfGoal) => g.projectName || g.projectCode || '未命名项目';

/**
 * `projectOf`: the first line of the project a goal is linked to, or null when it is unlinked;
 * `unitOf`: the unit an unlinked goal's finding carries (null: none).
 */
export function copiedGrids(goals: ReadonlyArray<PerfGoal>, minIndicators: number, projectOf: (g: PerfGoal) => BudgetLine | null = () => null,
  unitOf?: (g: PerfGoal) => Finding['unit'] | null): Finding[] {
  const first = new Map<string, PerfGoal>();
  const out: Finding[] = [];
  for (const g of goals) {
    if (g.indicators.length < minIndicators) continue;
    const k = gridKey(g);
    const f = first.get(k);
    if (f === undefined) {
      first.set(k, g);
      continue;
    }
    if (clean(f.projectName) === clean(g.projectName)) continue; // the same project listed twice
    const mine = projectOf(g);
    const other = projectOf(f);
    const unit = mine ? unitLabel(mine) : g.unitName || g.unitCode;
    const u: Finding['unit'] = {};
    if (mine) Object.assign(u, lineUnit(mine));
    else if (unitOf) Object.assign(u, unitOf(g) ?? {});
    else {
      if (g.unitCode) u.code = g.unitCode;
      if (g.unitName) u.name = g.unitName;
    }
    const otherUnit = other ? unitLabel(other) : f.unitName || f.unitCode;
    out.push(finding('PERF.COPIED', g.location, perfCopied(unit, mine ? projectLabel(mine) : label(g), g.indicators.length, otherUnit, other ? projectLabel(other) : label(f)), u, { indicators: g.indicators.length }));
  }
  return out;
}
