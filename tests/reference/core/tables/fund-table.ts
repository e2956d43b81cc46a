/**
 * The shared shape of the 政府性基金 and 国有资本经营 expenditure tables: one fund's lines by function
 * row, 合计 · 基本支出 · 项目支出, and the empty-table statement of SPEC §4.4 when the unit has none.
 */
import { type FundGroup, PROJECT, leaf, money, pick } from './common';
import { type TableContext, emptyStatement, functionTable, tableName } from './layout';
import type { StandardTable, TableId } from './model';

export function fundExpenditureTable(ctx: TableContext, id: TableId, group: FundGroup, budget: string): StandardTable {
  return functionTable(ctx, {
    id,
    name: tableName(ctx, id),
    valueCaption: `${budget}支出`,
    values: [leaf('合计', money('total')), leaf('基本支出', money('basic')), leaf('项目支出', money('project'))],
    width: 3,
    groups: [group],
    compute: (vec) => {
      const basic = pick(vec, [group], ['personnel', 'public']);
      const project = pick(vec, [group], PROJECT);
      return [basic + project, basic, project];
    },
    orientation: 'portrait',
    emptyStatement: emptyStatement(ctx, budget),
  });
}
