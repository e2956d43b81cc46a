/**
 * 部门收入总表 / 部门收入预算总表: income by source for every function row (类/款/项).
 * National columns (domain §1.2 C, 一体化 fund sources): 合计 · 上年结转 · 一般公共预算拨款收入 ·
 * 政府性基金预算拨款收入 · 国有资本经营预算拨款收入 · 财政专户管理资金收入 · 单位资金 (事业收入 ·
 * 事业单位经营收入 · 上级补助收入 · 附属单位上缴收入 · 其他收入).
 * Shanghai columns (G1–G3): 合计 · 财政拨款收入 · 事业收入 · 事业单位经营收入 · 其他收入, where 其他收入
 * also holds 财政专户, 上级补助 and 附属单位上缴; a 上年结转 column is added only when lines use it.
 */
import { FISCAL_GROUPS, FUND_GROUPS, type FundGroup, leaf, money, pick } from './common';
import { type TableContext, functionTable, tableName } from './layout';
import type { StandardTable } from './model';

interface Source {
  readonly key: string;
  readonly caption: string;
  readonly groups: readonly FundGroup[];
}

const NATIONAL_SOURCES: readonly Source[] = [
  { key: 'carry', caption: '上年结转', groups: ['carry'] },
  { key: 'gp', caption: '一般公共预算拨款收入', groups: ['gp'] },
  { key: 'gf', caption: '政府性基金预算拨款收入', groups: ['gf'] },
  { key: 'sc', caption: '国有资本经营预算拨款收入', groups: ['sc'] },
  { key: 'special', caption: '财政专户管理资金收入', groups: ['special'] },
];
const NATIONAL_UNIT_FUNDS: readonly Source[] = [
  { key: 'business', caption: '事业收入', groups: ['business'] },
  { key: 'operating', caption: '事业单位经营收入', groups: ['operating'] },
  { key: 'superior', caption: '上级补助收入', groups: ['superior'] },
  { key: 'affiliated', caption: '附属单位上缴收入', groups: ['affiliated'] },
  { key: 'other', caption: '其他收入', groups: ['other'] },
];

function shanghaiSources(withCarry: boolean): Source[] {
  const s: Source[] = [
    { key: 'fiscal', caption: '财政拨款收入', groups: FISCAL_GROUPS },
    { key: 'business', caption: '事业收入', groups: ['business'] },
    { key: 'operating', caption: '事业单位经营收入', groups: ['operating'] },
    { key: 'other', caption: '其他收入', groups: ['special', 'superior', 'affiliated', 'other'] },
  ];
  if (withCarry) s.push({ key: 'carry', caption: '上年结转', groups: ['carry'] });
  return s;
}

export function incomeTable(ctx: TableContext): StandardTable {
  const national = ctx.style === 'national';
  const hasCarry = [...ctx.agg.byFunction.values()].some((v) => pick(v, ['carry']) !== 0);
  const sources = national ? [...NATIONAL_SOURCES, ...NATIONAL_UNIT_FUNDS] : shanghaiSources(hasCarry);
  const total = leaf('合计', money('total'));
  const values = national
    ? [
        total,
        ...NATIONAL_SOURCES.map((s) => leaf(s.caption, money(s.key))),
        { text: '单位资金', children: NATIONAL_UNIT_FUNDS.map((s) => leaf(s.caption, money(s.key))) },
      ]
    : [total, ...sources.map((s) => leaf(s.caption, money(s.key)))];
  return functionTable(ctx, {
    id: 'income',
    name: tableName(ctx, 'income'),
    valueCaption: '收入预算',
    values,
    width: 1 + sources.length,
    groups: FUND_GROUPS,
    compute: (vec) => [pick(vec), ...sources.map((s) => pick(vec, s.groups))],
    orientation: 'landscape',
  });
}
