/** Lines and 绩效目标 for the 项目支出绩效目标表 tests (core and renderer). */
import type { BudgetLine } from '../../../src/core/lines';
import type { Indicator, Level1, PerfGoal } from '../../../src/core/performance/model';
import { type StandardTable, generateTables } from '../../../src/core/tables';
import { budgetLine } from '../../fixtures/example-b-lines';

export type Ind = readonly [Level1, string, string, string];

export function perfGoal(unitCode: string, unitName: string, projectCode: string, projectName: string, indicators: readonly Ind[], extra: Partial<PerfGoal> = {}): PerfGoal {
  const location = { file: 'g.xlsx', sheet: '绩效目标', cell: 'A1', row: 1 };
  return {
    file: 'g.xlsx', sheet: '绩效目标', unitCode, unitName, department: '', projectCode, projectName,
    totalFen: null, fiscalFen: null, otherFen: null, goalText: `${projectName}年度目标`, grade: '', layout: 'block', location,
    indicators: indicators.map(([level1, level2, name, value]): Indicator => ({ level1, level2, name, value, location })),
    ...extra,
  };
}

export function projectLine(unitCode: string, unitName: string, projectCode: string, projectName: string, fundSource: string, amountFen: number): BudgetLine {
  return budgetLine({ unitCode, unitName, unitKind: '行政单位', kind: 'project', projectCode, projectName, functionCode: '2050202', economicCode: '30213', fundSource, amountFen });
}

export function gridTable(lines: readonly BudgetLine[], goals: readonly PerfGoal[], department?: string): StandardTable {
  return generateTables(lines, { tables: ['projectPerformance'], performance: goals, year: 2026, department })[0];
}

/** A 校舍维修 grid of six indicators (three 二级 under 产出, then 效益 and 满意度). */
export const SCHOOL: readonly Ind[] = [
  ['产出指标', '数量指标', '维修校舍面积', '≥1200平方米'],
  ['产出指标', '数量指标', '维修学校数', '3所'],
  ['产出指标', '质量指标', '工程验收合格率', '100%'],
  ['产出指标', '时效指标', '完工时间', '2026年8月31日前'],
  ['效益指标', '社会效益指标', '消除校舍安全隐患', '3处'],
  ['满意度指标', '服务对象满意度指标', '师生满意度', '≥90%'],
];
