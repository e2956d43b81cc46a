/** Chinese messages of SANBAO.* (“三保”). */
import type { SanbaoType } from '../lines';
import { formatWan } from '../money';

export function sanbaoShortfallMessage(a: { unit: string; type: SanbaoType; actualFen: number; expectedFen: number; noLines: boolean; basis: string }): string {
  const gap = formatWan(a.expectedFen - a.actualFen);
  if (a.noLines) {
    return (
      `${a.unit}在三保需求表中有${a.type}需求 ${formatWan(a.expectedFen)} 万元，但预算明细中没有该单位的任何预算行，` +
      `${a.type}安排为 0，缺口 ${gap} 万元；请编入该单位预算，或核对三保需求表中的单位名称/编码`
    );
  }
  return (
    `${a.unit}“三保”${a.type}预算 ${formatWan(a.actualFen)} 万元（${a.basis}），低于测算需求 ${formatWan(a.expectedFen)} 万元，` +
    `缺口 ${gap} 万元；请足额安排，不留缺口`
  );
}

/** How the budget of each 三保类型 was counted, for the message. */
export const SANBAO_BASIS: Record<SanbaoType, string> = {
  保工资: '基本支出 301 工资福利支出及标为保工资的行',
  保运转: '基本支出 302 商品和服务支出及标为保运转的行',
  保基本民生: '三保类型标为保基本民生的行',
};

export function sanbaoNoSheetMessage(): string {
  return '未提供三保需求表（单位、三保类型、需求数），无法核对“三保”预算是否足额，未检查；请添加三保需求表';
}

export function sanbaoEmptySheetMessage(): string {
  return '三保需求表中没有可用的需求数据，未检查“三保”预算；请填写各单位的保工资、保运转、保基本民生需求数';
}

export function sanbaoNoScopeMessage(fundScope: ReadonlyArray<string>): string {
  return `没有资金来源属于${fundScope.join('、')}的预算行，未检查“三保”预算；请核实“资金来源”列或资金范围设置`;
}
