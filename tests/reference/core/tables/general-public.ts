/**
 * 一般公共预算支出表 / 部门一般公共预算支出功能分类预算表: lines funded by 一般公共预算拨款, by
 * function row. National columns (domain §1.2 C): 合计 · 基本支出 (小计 · 人员经费 · 公用经费) ·
 * 项目支出. Shanghai (G1–G3): 合计 · 基本支出 · 项目支出.
 */
import { PROJECT, leaf, money, pick } from './common';
import { type TableContext, functionTable, tableName } from './layout';
import type { StandardTable } from './model';

export function generalPublicTable(ctx: TableContext): StandardTable {
  const national = ctx.style === 'national';
  const name = tableName(ctx, 'generalPublic');
  if (!national) {
    return functionTable(ctx, {
      id: 'generalPublic',
      name,
      valueCaption: '一般公共预算支出',
      values: [leaf('合计', money('total')), leaf('基本支出', money('basic')), leaf('项目支出', money('project'))],
      width: 3,
      groups: ['gp'],
      compute: (vec) => {
        const basic = pick(vec, ['gp'], ['personnel', 'public']);
        const project = pick(vec, ['gp'], PROJECT);
        return [basic + project, basic, project];
      },
      orientation: 'portrait',
    });
  }
  return functionTable(ctx, {
    id: 'generalPublic',
    name,
    valueCaption: '一般公共预算支出',
    values: [
      leaf('合计', money('total')),
      { text: '基本支出', children: [leaf('小计', money('basic')), leaf('人员经费', money('personnel')), leaf('公用经费', money('public'))] },
      leaf('项目支出', money('project')),
    ],
    width: 5,
    groups: ['gp'],
    compute: (vec) => {
      const personnel = pick(vec, ['gp'], ['personnel']);
      const pub = pick(vec, ['gp'], ['public']);
      const project = pick(vec, ['gp'], PROJECT);
      return [personnel + pub + project, personnel + pub, personnel, pub, project];
    },
    orientation: 'landscape',
  });
}
