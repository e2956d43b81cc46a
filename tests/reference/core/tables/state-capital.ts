/** 国有资本经营预算支出表 / 部门国有资本经营预算支出功能分类预算表 (domain §1.2 A table 7). */
import { fundExpenditureTable } from './fund-table';
import type { TableContext } from './layout';
import type { StandardTable } from './model';

export function stateCapitalTable(ctx: TableContext): StandardTable {
  return fundExpenditureTable(ctx, 'stateCapital', 'sc', '国有资本经营预算');
}
