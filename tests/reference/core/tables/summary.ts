/**
 * 部门收支总表 / 部门财务收支预算总表 (domain §1.2 A table 1, §1.2 C): income by source on the left,
 * expenditure by function 类 on the right; 收入总计 = 支出总计 = Σ lines.
 *
 * National income rows follow the 一体化 layout (domain §1.2 C): 一、一般公共预算拨款收入 二、政府性
 * 基金预算拨款收入 三、国有资本经营预算拨款收入 四、财政专户管理资金收入 五、单位资金 (1–5), then
 * 本年收入合计 / 上年结转 / 收入总计 beside 本年支出合计 / 结转下年 / 支出总计.
 * Shanghai rows (G2): 一、财政拨款收入 (1. 一般公共预算 2. 政府性基金预算 3. 国有资本经营预算) 二、事业收入
 * 三、事业单位经营收入 四、其他收入 (with 财政专户, 上级补助, 附属单位上缴), 五、上年结转 when used.
 */
import { FISCAL_GROUPS, FUND_GROUPS, type FundGroup, leaf, money, pick } from './common';
import { type TableContext, functionNodes, makeTable, tableName } from './layout';
import type { StandardTable } from './model';
import { type SideItem, classItems, sumAll, twoSidedRows } from './two-sided';

const TEXT = (key: string) => ({ key, kind: 'text' as const, width: 34 });

export function summaryTable(ctx: TableContext): StandardTable {
  const national = ctx.style === 'national';
  const by = (groups: readonly FundGroup[]) => sumAll(ctx, (v) => pick(v, groups));
  const item = (label: string, groups: readonly FundGroup[]): SideItem => ({ label, values: [by(groups)] });
  const classes = functionNodes(ctx, FUND_GROUPS, 1, (v) => [pick(v)]).filter((n) => n.level === 1);
  const right = classItems(ctx, classes);
  const total = ctx.agg.totalFen;
  const carry = by(['carry']);

  let left: SideItem[];
  let tail: Array<{ left: SideItem; right: SideItem; isTotal: boolean }>;
  if (national) {
    const unitFunds: FundGroup[] = ['business', 'operating', 'superior', 'affiliated', 'other'];
    left = [
      item('一、一般公共预算拨款收入', ['gp']),
      item('二、政府性基金预算拨款收入', ['gf']),
      item('三、国有资本经营预算拨款收入', ['sc']),
      item('四、财政专户管理资金收入', ['special']),
      item('五、单位资金', unitFunds),
      item('1.事业收入', ['business']),
      item('2.事业单位经营收入', ['operating']),
      item('3.上级补助收入', ['superior']),
      item('4.附属单位上缴收入', ['affiliated']),
      item('5.其他收入', ['other']),
    ];
    tail = [
      { left: { label: '本年收入合计', values: [total - carry] }, right: { label: '本年支出合计', values: [total] }, isTotal: true },
      { left: { label: '上年结转', values: [carry] }, right: { label: '结转下年', values: [0] }, isTotal: false },
      { left: { label: '收入总计', values: [total] }, right: { label: '支出总计', values: [total] }, isTotal: true },
    ];
  } else {
    left = [
      item('一、财政拨款收入', FISCAL_GROUPS),
      item('1. 一般公共预算', ['gp']),
      item('2. 政府性基金预算', ['gf']),
      item('3. 国有资本经营预算', ['sc']),
      item('二、事业收入', ['business']),
      item('三、事业单位经营收入', ['operating']),
      item('四、其他收入', ['special', 'superior', 'affiliated', 'other']),
    ];
    if (carry !== 0) left.push(item('五、上年结转', ['carry']));
    tail = [{ left: { label: '收入总计', values: [total] }, right: { label: '支出总计', values: [total] }, isTotal: true }];
  }

  return makeTable(ctx, {
    id: 'summary',
    name: tableName(ctx, 'summary'),
    orientation: 'portrait',
    tree: [
      { text: national ? '收入' : '本年收入', children: [leaf('项目', TEXT('incomeItem')), leaf('预算数', money('income'))] },
      { text: national ? '支出' : '本年支出', children: [leaf('项目', TEXT('expenseItem')), leaf('预算数', money('expense'))] },
    ],
    rows: twoSidedRows(left, right, 1, 1, tail),
  });
}
