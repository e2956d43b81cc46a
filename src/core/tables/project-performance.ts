/**
 * 项目支出绩效目标表 (domain §1.2 C, P32/P33), in the national layout of project-performance-grid.ts:
 * one block per project (a unit's lines with one project code, or name when codes are missing;
 * SPEC §7), with 项目资金 (年度资金总额 · 其中：财政拨款 · 其他资金) and the 年度绩效目标, then its
 * indicator grid from the 绩效目标 sheet. Without such a sheet the grid columns stay blank and the
 * note says why: the table keeps the printed form reviewers know, never a second layout.
 * Projects are listed by unit code, then project code.
 */
import type { PerfGoal } from '../performance/model';
import type { ProjectInfo } from './common';
import type { TableContext } from './layout';
import type { StandardTable } from './model';
import { projectPerformanceGridTable } from './project-performance-grid';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function order(a: ProjectInfo, b: ProjectInfo): number {
  return (
    compare(a.unitCode || a.unitName, b.unitCode || b.unitName) ||
    compare(a.projectCode, b.projectCode) ||
    compare(a.projectName, b.projectName)
  );
}

const NO_GOALS: ReadonlyMap<string, readonly PerfGoal[]> = new Map();

export function projectPerformanceTable(ctx: TableContext): StandardTable {
  const all = ctx.agg.projects;
  const projects = (ctx.nonZeroOnly ? all.filter((p) => p.totalFen !== 0 || p.goals.length > 0) : all.slice()).sort(order);
  return projectPerformanceGridTable(ctx, projects, ctx.goals ?? NO_GOALS, ctx.goals !== undefined);
}
