/** 政府性基金预算支出表 / 部门政府性基金预算支出功能分类预算表 (domain §1.2 A table 6). */
import { fundExpenditureTable } from './fund-table';
import type { TableContext } from './layout';
import type { StandardTable } from './model';

export function govFundTable(ctx: TableContext): StandardTable {
  return fundExpenditureTable(ctx, 'govFund', 'gf', '政府性基金预算');
}
