/**
 * 一般公共预算基本支出表 / 部门一般公共预算基本支出部门预算经济分类预算表 (domain §1.2 A table 8):
 * 基本支出 funded by 一般公共预算拨款, by 部门预算经济分类 类/款, 合计 = 人员经费 + 公用经费. The split
 * follows each line's kind, not its code: real budgets book part of 303 under 公用经费 (domain §3.4).
 */
import { codeTree, leaf, money } from './common';
import { type TableContext, classificationTree, codeCells, economicName, labelCells, makeTable, row, tableName, totalOf } from './layout';
import type { StandardTable, TableRow } from './model';

export function generalPublicBasicTable(ctx: TableContext): StandardTable {
  const leaves = new Map<string, number[]>();
  for (const [code, [personnel, pub]] of ctx.agg.basicEconomic) leaves.set(code, [personnel + pub, personnel, pub]);
  const nodes = codeTree(leaves, [3, 5], 3, ctx.nonZeroOnly);
  const rows: TableRow[] = nodes.map((n) =>
    row([...codeCells(ctx, n.code, n.level, 'economic'), economicName(ctx, n.code), ...n.values], n.code, economicName(ctx, n.code), n.level),
  );
  rows.push(row([...labelCells(ctx, '合计', 'economic'), ...totalOf(nodes, 3)], '', '合计', 0, true));
  return makeTable(ctx, {
    id: 'generalPublicBasic',
    name: tableName(ctx, 'generalPublicBasic'),
    orientation: 'portrait',
    tree: classificationTree(ctx, 'economic', '一般公共预算基本支出', [
      leaf('合计', money('total')),
      leaf('人员经费', money('personnel')),
      leaf('公用经费', money('public')),
    ]),
    rows,
  });
}
