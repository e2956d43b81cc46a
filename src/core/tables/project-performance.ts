/**
 * 项目支出绩效目标表 (domain §1.2 C, P32/P33): one row per project (a unit's lines with one project
 * code, or name when codes are missing; SPEC §7), with 项目资金 (合计 · 其中：财政拨款 · 其他资金) and
 * the 年度绩效目标 text of its lines. Projects are listed by unit code, then project code.
 */
import { formatWan } from '../money';
import type { ProjectInfo } from './common';
import { type TableContext, makeTable, row, tableName } from './layout';
import type { StandardTable, TableRow } from './model';
import { projectHeadTree, projectPerformanceGridTable } from './project-performance-grid';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function order(a: ProjectInfo, b: ProjectInfo): number {
  return (
    compare(a.unitCode || a.unitName, b.unitCode || b.unitName) ||
    compare(a.projectCode, b.projectCode) ||
    compare(a.projectName, b.projectName)
  );
}

export function projectPerformanceTable(ctx: TableContext): StandardTable {
  const all = ctx.agg.projects;
  const projects = (ctx.nonZeroOnly ? all.filter((p) => p.totalFen !== 0 || p.goals.length > 0) : all.slice()).sort(order);
  // With a 绩效目标 sheet the table carries the indicator grid (issue 16).
  if (ctx.goals) return projectPerformanceGridTable(ctx, projects, ctx.goals);
  // One indexed pass (this table has a row per project, hundreds of thousands on a big budget).
  const rows: TableRow[] = new Array<TableRow>(projects.length);
  let total = 0;
  let fiscal = 0;
  let withGoal = 0;
  let withGoalFen = 0;
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i];
    const pname = p.projectName || p.projectCode || '（未命名项目）';
    const goals = p.goals.length === 0 ? '' : p.goals.length === 1 ? p.goals[0] : p.goals.join('；');
    rows[i] = row([p.unitName || p.unitCode, p.projectCode, pname, p.totalFen, p.fiscalFen, p.totalFen - p.fiscalFen, goals], p.projectCode, pname, 0);
    total += p.totalFen;
    fiscal += p.fiscalFen;
    if (p.goals.length > 0) {
      withGoal++;
      withGoalFen += p.totalFen;
    }
  }
  rows.push(row(['合计', '', '', total, fiscal, total - fiscal, ''], '', '合计', 0, true));
  return makeTable(ctx, {
    id: 'projectPerformance',
    name: tableName(ctx, 'projectPerformance'),
    orientation: 'landscape',
    tree: projectHeadTree([24, 16, 30, 14, 50]),
    rows,
    notes: [`共${projects.length}个项目，其中编报绩效目标的项目${withGoal}个，涉及项目资金${formatWan(withGoalFen)}万元。`],
    empty: projects.length === 0,
  });
}
