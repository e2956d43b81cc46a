/**
 * 项目支出绩效目标表 with the indicator grid (issue 16; 财预〔2021〕101号, P32/P33), in the list form
 * county disclosures publish (e.g. 井研县 2023): per project 单位名称 · 项目名称 · 项目资金 (合计 · 其中：
 * 财政拨款 · 其他资金) · 年度绩效目标 on its first row, then one row per indicator 一级指标 · 二级指标 ·
 * 三级指标 · 指标值 (一级/二级 written where they change, as merged cells read). Money from the
 * budget lines, the grid from the 绩效目标 sheet. A project without indicators keeps one row.
 */
import { formatWan } from '../money';
import type { PerfGoal } from '../performance/model';
import { type HeaderNode, type ProjectInfo, leaf, money } from './common';
import { type TableContext, makeTable, row, tableName } from './layout';
import type { StandardTable, TableRow } from './model';

/** The project columns of both forms: 单位名称 · 项目编码 · 项目名称 · 项目资金 (合计 · 其中：财政拨款 · 其他资金) · 年度绩效目标. */
export function projectHeadTree([unit, code, name, fund, goal]: readonly number[]): HeaderNode[] {
  return [
    leaf('单位名称', { key: 'unit', kind: 'text', width: unit }),
    leaf('项目编码', { key: 'projectCode', kind: 'code', width: code }),
    leaf('项目名称', { key: 'project', kind: 'text', width: name }),
    { text: '项目资金', children: [leaf('合计', money('total', fund)), leaf('其中：财政拨款', money('fiscal', fund)), leaf('其他资金', money('other', fund))] },
    leaf('年度绩效目标', { key: 'goal', kind: 'text', width: goal, wrap: true }),
  ];
}

const key = (p: ProjectInfo) => (p.unitCode || p.unitName) + '\u0001' + (p.projectCode || p.projectName);

export function projectPerformanceGridTable(ctx: TableContext, projects: readonly ProjectInfo[], goals: ReadonlyMap<string, readonly PerfGoal[]>): StandardTable {
  const rows: TableRow[] = [];
  let total = 0;
  let fiscal = 0;
  let covered = 0;
  let coveredFen = 0;
  for (const p of projects) {
    const pname = p.projectName || p.projectCode || '（未命名项目）';
    const mine = goals.get(key(p)) ?? [];
    const indicators = mine.flatMap((g) => g.indicators);
    // The sheet's 年度绩效目标 where it gives one, else the text on the budget lines.
    const sheetGoals = mine.map((g) => g.goalText).filter((t) => t !== '');
    const goalText = [...new Set(sheetGoals.length ? sheetGoals : p.goals)].join('；');
    const head = [p.unitName || p.unitCode, p.projectCode, pname, p.totalFen, p.fiscalFen, p.totalFen - p.fiscalFen, goalText];
    if (indicators.length === 0) rows.push(row([...head, '', '', '', ''], p.projectCode, pname, 0));
    let prev1 = '';
    let prev2 = '';
    indicators.forEach((i, n) => {
      const l1 = i.level1 !== prev1 ? i.level1 : '';
      const l2 = i.level2 !== prev2 || l1 !== '' ? i.level2 : '';
      prev1 = i.level1;
      prev2 = i.level2;
      const lead = n === 0 ? head : ['', '', '', null, null, null, ''];
      rows.push(row([...lead, l1, l2, i.name, i.value], n === 0 ? p.projectCode : '', n === 0 ? pname : i.name, 0));
    });
    total += p.totalFen;
    fiscal += p.fiscalFen;
    if (indicators.length > 0) {
      covered++;
      coveredFen += p.totalFen;
    }
  }
  rows.push(row(['合计', '', '', total, fiscal, total - fiscal, '', '', '', '', ''], '', '合计', 0, true));
  return makeTable(ctx, {
    id: 'projectPerformance',
    name: tableName(ctx, 'projectPerformance'),
    orientation: 'landscape',
    tree: [
      ...projectHeadTree([20, 14, 22, 12, 30]),
      leaf('一级指标', { key: 'level1', kind: 'text', width: 12 }),
      leaf('二级指标', { key: 'level2', kind: 'text', width: 16 }),
      leaf('三级指标', { key: 'level3', kind: 'text', width: 24, wrap: true }),
      leaf('指标值', { key: 'value', kind: 'text', width: 14, wrap: true }),
    ],
    rows,
    notes: [`共${projects.length}个项目，其中编报绩效指标的项目${covered}个，涉及项目资金${formatWan(coveredFen)}万元。`],
    empty: projects.length === 0,
  });
}
