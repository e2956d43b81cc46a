/**
 * A goal is linked by project name across units only when it names no unit of the budget: 卫健委's
 * “办公楼维修” is not 教育局's project of that name (it was, giving a false FUNDS_MISMATCH and counting
 * 教育局 covered). Checked on the rule's findings, on linkGoals, and against the reference linker.
 */
import fc from 'fast-check';
import type { Finding } from '../../../src/core/findings';
import type { BudgetLine } from '../../../src/core/lines';
import { linkGoals } from '../../../src/core/performance/link';
import type { Indicator, PerfGoal } from '../../../src/core/performance/model';
import { projectPerformance } from '../../../src/core/rules/performance';
import { groupByProject } from '../../../src/core/rules/finding-helpers';
import { context, line, rows, source, wan } from '../rules/fixtures';
import { linkGoals as referenceLinks } from '../rules/perf-reference/link';

const GOALS = '绩效目标';

/** A full grid (产出 with 数量, 效益, 满意度), one per row: no LEVEL_MISSING, VAGUE_VALUE or COPIED. */
function grid(row: number): Indicator[] {
  const at = (r: number) => ({ file: 'a.xlsx', sheet: GOALS, cell: `E${r}`, row: r });
  return [
    { level1: '产出指标', level2: '数量指标', name: '维修面积', value: `≥${row}平方米`, location: at(row) },
    { level1: '效益指标', level2: '社会效益指标', name: '消除隐患', value: '3处', location: at(row + 1) },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', value: '≥90%', location: at(row + 2) },
  ];
}

function goal(row: number, unitCode: string, unitName: string, projectCode: string, projectName: string, totalFen: number | null): PerfGoal {
  return {
    file: 'a.xlsx', sheet: GOALS, unitCode, unitName, department: '', projectCode, projectName, totalFen, fiscalFen: null, otherFen: null,
    goalText: '', grade: '', indicators: grid(row), location: { file: 'a.xlsx', sheet: GOALS, cell: `B${row}`, row }, layout: 'list',
  };
}

// 预算明细: 县教育局 办公楼维修 (E01, 60 万元) and 县卫健委 疾病防控 (H01, 40 万元), rows 4 and 5.
const budget = (): BudgetLine[] => rows(source(), 4, [
  { unitCode: '101001', unitName: '县教育局', projectCode: 'E01', projectName: '办公楼维修', amountFen: wan(60) },
  { unitCode: '102001', unitName: '县卫健委', projectCode: 'H01', projectName: '疾病防控', amountFen: wan(40) },
]);

type Row = [rule: string, project: string, cell: string, unit: string];
const projectOf = (f: Finding) => /项目“([^”]+)”/.exec(f.message)?.[1] ?? '';
const flat = (fs: ReadonlyArray<Finding>): Row[] => fs.map((f) => [f.rule, projectOf(f), f.location.cell ?? '', `${f.unit?.code ?? ''} ${f.unit?.name ?? ''}`]);

describe('a goal of a known unit is not linked by name to another unit’s project', () => {
  test('卫健委’s 办公楼维修 (no code) is UNLINKED; 教育局’s E01 is NOT_COVERED', () => {
    const goals = [goal(10, '102001', '县卫健委', '', '办公楼维修', wan(20)), goal(20, '102001', '县卫健委', '', '疾病防控', wan(40))];
    const findings = projectPerformance.run(context({ lines: budget(), aux: { performance: goals } }));
    expect(flat(findings)).toEqual<Row[]>([
      ['PERF.NOT_COVERED', '办公楼维修（E01）', 'E4', '101001 县教育局'],
      ['PERF.COVERAGE', '', 'J4', '101001 县教育局'],
      ['PERF.UNLINKED', '办公楼维修', 'B10', '102001 县卫健委'],
    ]);
    expect(findings.find((f) => f.rule === 'PERF.NOT_COVERED')?.figures).toEqual({ actualFen: wan(60) });
  });

  // (goal's unit code, unit name, project name) → the project code it links to ('' = unlinked).
  const CASES: Array<[why: string, unitCode: string, unitName: string, name: string, linked: string]> = [
    ['known unit by code and name, name only in another unit', '102001', '县卫健委', '办公楼维修', ''],
    ['known unit by code only', '102001', '', '办公楼维修', ''],
    ['known unit by name only', '', '县卫健委', '办公楼维修', ''],
    ['known unit code, its name written differently', '102001', '卫健委', '办公楼维修', ''],
    ['known unit name in full-width spaces', '', '　县卫健委 ', '办公楼维修', ''],
    ['its own unit', '101001', '县教育局', '办公楼维修', 'E01'],
    ['no unit: the one project of the run by that name', '', '', '办公楼维修', 'E01'],
    ['a unit none of the lines name: the run-wide name still links', '', '县教育局机关', '办公楼维修', 'E01'],
    ['an unknown unit code: the run-wide name still links', '999999', '', '办公楼维修', 'E01'],
  ];
  test.each(CASES)('%s', (_why, unitCode, unitName, name, linked) => {
    const lines = budget();
    const links = linkGoals(lines, [goal(10, unitCode, unitName, '', name, null)]);
    const p = links.goalProject[0];
    expect(p >= 0 ? groupByProject(lines)[p][1][0].projectCode : '').toBe(linked);
    expect(links.unlinked.length).toBe(linked === '' ? 1 : 0);
  });

  test('a unit with basic lines only is a unit of the budget too', () => {
    const lines = [...budget(), line({ row: 6, unitCode: '103001', unitName: '县民政局', amountFen: wan(5) })];
    const links = linkGoals(lines, [goal(10, '103001', '县民政局', '', '办公楼维修', null)]);
    expect(links.unlinked.length).toBe(1);
  });
});

// Few texts, so that units and names meet often across units.
const unitArb = fc.constantFrom(['101001', '县教育局'], ['102001', '县卫健委'], ['', '县卫健委'], ['101001', ''], ['', ''], ['999999', '县民政局'], ['', ' 县教育局']);
const nameArb = fc.constantFrom('', '办公楼维修', '疾病防控', '校舍维修');
const codeArb = fc.constantFrom('', 'E01', 'H01', 'X9');

test('linkGoals gives the reference linker’s links on random small inputs', () => {
  fc.assert(fc.property(
    fc.array(fc.tuple(unitArb, codeArb, nameArb, fc.boolean()), { maxLength: 8 }),
    fc.array(fc.tuple(unitArb, codeArb, nameArb), { maxLength: 8 }),
    (ls, gs) => {
      const lines = ls.map(([[uc, un], code, name, basic], i) => line({
        row: i + 4, unitCode: uc, unitName: un || '县教育局', projectCode: basic ? '' : code, projectName: basic ? '' : name || '项目', kind: basic ? 'public' : 'project',
      }));
      const goals = gs.map(([[uc, un], code, name], i) => goal(10 + 5 * i, uc, un, code, name, null));
      const fast = linkGoals(lines, goals);
      const ref = referenceLinks([...lines], goals);
      const byIndex = (m: ReadonlyMap<string, PerfGoal[]>) => [...m].map(([k, a]) => [k, a.map((g) => goals.indexOf(g))]).sort();
      expect(byIndex(fast.byProject)).toEqual(byIndex(ref.byProject));
      expect(fast.unlinked.map((g) => goals.indexOf(g))).toEqual(ref.unlinked.map((g) => goals.indexOf(g)));
    },
  ), { numRuns: 500 });
});
