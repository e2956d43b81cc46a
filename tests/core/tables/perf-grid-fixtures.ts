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

