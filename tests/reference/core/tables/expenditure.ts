/**
 * 部门支出总表 / 部门支出预算总表: every fund source, by function row, 合计 = 基本支出 + 项目支出
 * (domain §1.2 A table 3, §1.2 C). Equals the 收支总表 支出总计 (domain §1.3).
 */
import { BASIC, FUND_GROUPS, PROJECT, leaf, money, pick } from './common';
import { type TableContext, functionTable, tableName } from './layout';
import type { StandardTable } from './model';

export function expenditureTable(ctx: TableContext): StandardTable {
  return functionTable(ctx, {
    id: 'expenditure',
    name: tableName(ctx, 'expenditure'),
    valueCaption: '支出预算',
    values: [leaf('合计', money('total')), leaf('基本支出', money('basic')), leaf('项目支出', money('project'))],
    width: 3,
    groups: FUND_GROUPS,
    compute: (vec) => {
      const basic = pick(vec, undefined, BASIC);
      const project = pick(vec, undefined, PROJECT);
      return [basic + project, basic, project];
    },
    orientation: 'portrait',
  });
}
