/**
 * The columns of a generated sheet: which fields, in which order, with which one-row and two-row
 * headers, per layout and options.
 */
import { Field, LineKind } from '../core/lines';
import { FUND_SOURCES } from './synth-catalog';
import { CodeStyle, Resolved } from './synth-options';

export type ColKey =
  | 'serial' | 'unitCode' | 'unitName' | 'unitKind' | 'kind' | 'projectCode' | 'projectName'
  | 'functionCode' | 'functionName' | 'function' | 'functionClass' | 'functionSection' | 'functionItem'
  | 'economicCode' | 'economicName' | 'economic' | 'fundSource'
  | 'amount' | 'total' | 'fund0' | 'fund1' | 'fund2' | 'fund3' | 'kindPersonnel' | 'kindPublic' | 'kindProject'
  | 'priorAmount' | 'priorExecRate' | 'perfScore' | 'basis' | 'perfGoal' | 'sanbao' | 'remark';

export interface ColDef {
  readonly key: ColKey;
  /** Header in a one-row header. */
  readonly header: string;
  /** Caption of the merged group above it in a two-row header, and its own header there. */
  readonly group?: string;
  readonly sub?: string;
  readonly money?: boolean;
}

export const FIELD_OF: Partial<Record<ColKey, Field>> = {
  unitCode: 'unitCode', unitName: 'unitName', unitKind: 'unitKind', kind: 'kind',
  projectCode: 'projectCode', projectName: 'projectName',
  functionCode: 'functionCode', functionName: 'functionName', function: 'functionCode',
  functionClass: 'functionClass', functionSection: 'functionSection', functionItem: 'functionItem',
  economicCode: 'economicCode', economicName: 'economicName', economic: 'economicCode',
  fundSource: 'fundSource', amount: 'amount', total: 'amount',
  priorAmount: 'priorAmount', priorExecRate: 'priorExecRate', perfScore: 'perfScore',
  basis: 'basis', perfGoal: 'perfGoal', sanbao: 'sanbao',
};

export const FUND_KEYS = ['fund0', 'fund1', 'fund2', 'fund3'] as const;
export const KIND_KEYS = ['kindPersonnel', 'kindPublic', 'kindProject'] as const;
export const KIND_ORDER: ReadonlyArray<LineKind> = ['personnel', 'public', 'project'];

/** Left (identity) and right (amount and text) columns as lists of groups that move together. */
export function columnGroups(o: Resolved): { left: ColDef[][]; right: ColDef[][] } {
  const left: ColDef[][] = [];
  const right: ColDef[][] = [];
  const one = (d: ColDef) => [d];
  if (o.serialColumn) left.push(one({ key: 'serial', header: '序号' }));
  if (o.unitCodeColumn) left.push(one({ key: 'unitCode', header: '单位编码' }));
  left.push(one({ key: 'unitName', header: '单位名称' }));
  if (o.unitKindColumn) left.push(one({ key: 'unitKind', header: '单位性质' }));
  if (o.layout !== 'kindSplit') left.push(one({ key: 'kind', header: '支出类型' }));
  if (o.projectColumns) {
    left.push(one({ key: 'projectCode', header: '项目编码' }));
    left.push(one({ key: 'projectName', header: '项目名称' }));
  }
  if (o.layout === 'split') {
    const g = '功能分类科目编码';
    left.push([
      { key: 'functionClass', header: '类', group: g, sub: '类' },
      { key: 'functionSection', header: '款', group: g, sub: '款' },
      { key: 'functionItem', header: '项', group: g, sub: '项' },
    ]);
    left.push(one({ key: 'functionName', header: '功能分类科目名称' }));
  } else {
    left.push(...codeColumns(o.codeStyle, 'function', '功能分类科目'));
  }
  left.push(...codeColumns(o.codeStyle, 'economic', '经济分类科目'));
  if (o.layout !== 'wide') left.push(one({ key: 'fundSource', header: '资金来源' }));

  if (o.layout === 'long' || o.layout === 'split') {
    right.push(one({ key: 'amount', header: o.yearCaptions ? `${o.year}年预算数` : '本年预算数', money: true }));
  } else if (o.layout === 'wide') {
    right.push(one({ key: 'total', header: '合计', money: true }));
    right.push(FUND_SOURCES.map((f, i) => ({ key: FUND_KEYS[i], header: f, group: '资金来源', sub: f, money: true })));
  } else {
    right.push(one({ key: 'total', header: '合计', money: true }));
    right.push([
      { key: 'kindPersonnel', header: '人员经费', group: '基本支出', sub: '人员经费', money: true },
      { key: 'kindPublic', header: '公用经费', group: '基本支出', sub: '公用经费', money: true },
    ]);
    right.push(one({ key: 'kindProject', header: '项目支出', money: true }));
  }
  if (o.priorColumns) {
    const g = '上年情况';
    const prior = o.yearCaptions ? `${o.year - 1}年预算数` : '上年预算数';
    right.push([
      { key: 'priorAmount', header: prior, group: g, sub: prior, money: true },
      { key: 'priorExecRate', header: '上年执行率', group: g, sub: '上年执行率' },
      { key: 'perfScore', header: '上年绩效评价得分', group: g, sub: '上年绩效评价得分' },
    ]);
  }
  if (o.basisColumn) right.push(one({ key: 'basis', header: '测算依据' }));
  if (o.goalColumn) right.push(one({ key: 'perfGoal', header: '绩效目标' }));
  if (o.sanbaoColumn) right.push(one({ key: 'sanbao', header: '三保类型' }));
  if (o.remarkColumn) right.push(one({ key: 'remark', header: '备注' }));
  return { left, right };
}

function codeColumns(style: CodeStyle, which: 'function' | 'economic', caption: string): ColDef[][] {
  const codeKey = which === 'function' ? 'functionCode' : 'economicCode';
  const nameKey = which === 'function' ? 'functionName' : 'economicName';
  if (style === 'separate') {
    return [[
      { key: codeKey, header: caption + '编码', group: caption, sub: '编码' },
      { key: nameKey, header: caption + '名称', group: caption, sub: '名称' },
    ]];
  }
  if (style === 'codeOnly') return [[{ key: codeKey, header: caption + '编码' }]];
  return [[{ key: which, header: caption }]];
}
