/**
 * 财政拨款收支总表 / 部门财政拨款收支预算总表 (domain §1.2 A table 4): 财政拨款 income by budget on
 * the left; 财政拨款 expenditure by function 类 on the right with 合计 · 一般公共预算 · 政府性基金预算 ·
 * 国有资本经营预算. Per 类: 合计 = Σ the three; 支出总计 = the 一般公共预算 + 政府性基金 + 国有资本经营
 * expenditure tables' totals (domain §1.3).
 */
import { FISCAL_GROUPS, leaf, money, pick } from './common';
import { type TableContext, functionNodes, makeTable, tableName } from './layout';
import type { StandardTable } from './model';
import { type SideItem, classItems, sumAll, twoSidedRows } from './two-sided';

export function fiscalSummaryTable(ctx: TableContext): StandardTable {
  const national = ctx.style === 'national';
  const split = (v: readonly number[]) => {
    const gp = pick(v, ['gp']);
    const gf = pick(v, ['gf']);
    const sc = pick(v, ['sc']);
    return [gp + gf + sc, gp, gf, sc];
  };
  const classes = functionNodes(ctx, FISCAL_GROUPS, 4, split).filter((n) => n.level === 1);
  const totals = [0, 1, 2, 3].map((i) => sumAll(ctx, (v) => split(v)[i]));
  const suffix = national ? '拨款' : '';
  const left: SideItem[] = [
    { label: `一、一般公共预算${suffix}`, values: [totals[1]] },
    { label: `二、政府性基金预算${suffix}`, values: [totals[2]] },
    { label: `三、国有资本经营预算${suffix}`, values: [totals[3]] },
  ];
  const text = (key: string) => ({ key, kind: 'text' as const, width: 30 });
  return makeTable(ctx, {
    id: 'fiscalSummary',
    name: tableName(ctx, 'fiscalSummary'),
    orientation: 'landscape',
    tree: [
      { text: '财政拨款收入', children: [leaf('项目', text('incomeItem')), leaf('预算数', money('income'))] },
      {
        text: '财政拨款支出',
        children: [
          leaf('项目', text('expenseItem')),
          leaf('合计', money('total')),
          leaf('一般公共预算', money('gp')),
          leaf('政府性基金预算', money('gf')),
          leaf('国有资本经营预算', money('sc')),
        ],
      },
    ],
    rows: twoSidedRows(left, classItems(ctx, classes), 1, 4, [
      { left: { label: '收入总计', values: [totals[0]] }, right: { label: '支出总计', values: totals }, isTotal: true },
    ]),
  });
}
