/**
 * 一般公共预算“三公”经费支出表 / 部门“三公”经费和机关运行经费预算表.
 *
 * “三公”经费 = 因公出国（境）费 (30212) + 公务用车购置及运行费 (31013 购置 + 30231 运行) + 公务接待费
 * (30217), over 一般公共预算拨款 lines, 基本支出 and 项目支出 alike (domain §3.1); 小计 = 购置 + 运行.
 *
 * National (domain §1.2 C, P3): column blocks 上年预算数 and 本年预算数, each 合计 · 因公出国（境）费 ·
 * 公务用车购置及运行费 (小计 · 公务用车购置费 · 公务用车运行费) · 公务接待费, then 增减额 (本年 − 上年
 * 合计); 上年 from the lines' prior-year amounts, blank when the sheets have none. Shanghai (domain §1.2 A table 9, 万元): one row, 合计 · 因公出国(境)费 · 公务接待费 ·
 * 公务用车购置及运行费 (小计 · 购置费 · 运行费) · 机关运行经费预算数, where 机关运行经费 = 基本支出 302/310
 * (adminCut.economicCodes) of 行政/参公 units (adminCut.unitKinds) funded by 一般公共预算拨款 (G1 名词解释).
 */
import { formatPercent, formatWan } from '../money';
import { type ThreePublicFigures, leaf, money } from './common';
import { type TableContext, makeTable, row, tableName, yearText } from './layout';
import type { StandardTable, TableValue } from './model';

interface Items {
  total: number;
  abroad: number;
  vehicle: number;
  purchase: number;
  running: number;
  reception: number;
}

function items(f: ThreePublicFigures): Items {
  const vehicle = f.vehiclePurchase + f.vehicleRunning;
  return {
    total: f.abroad + vehicle + f.reception,
    abroad: f.abroad,
    vehicle,
    purchase: f.vehiclePurchase,
    running: f.vehicleRunning,
    reception: f.reception,
  };
}

/** "2026年“三公”经费预算11.49万元，比上年减少0.50万元，下降4.2%。" */
function changeSentence(ctx: TableContext, current: number, prior: number): string {
  const head = `${yearText(ctx)}“三公”经费预算${formatWan(current)}万元`;
  const d = current - prior;
  if (d === 0) return `${head}，与上年预算持平。`;
  const rate = prior > 0 ? `，${d > 0 ? '增长' : '下降'}${formatPercent(Math.abs(d) / prior)}` : '';
  return `${head}，比上年预算${d > 0 ? '增加' : '减少'}${formatWan(Math.abs(d))}万元${rate}。`;
}

export function threePublicTable(ctx: TableContext): StandardTable {
  const cur = items(ctx.agg.threePublic);
  const name = tableName(ctx, 'threePublic');
  if (ctx.style === 'shanghai') {
    const known = ctx.agg.unitKindKnown;
    const running = known ? ctx.agg.adminRunningFen : ctx.agg.runningAllUnitsFen;
    return makeTable(ctx, {
      id: 'threePublic',
      name,
      orientation: 'landscape',
      tree: [
        {
          text: '“三公”经费预算数',
          children: [
            leaf('合计', money('total')),
            leaf('因公出国(境)费', money('abroad')),
            leaf('公务接待费', money('reception')),
            { text: '公务用车购置及运行费', children: [leaf('小计', money('vehicle')), leaf('购置费', money('purchase')), leaf('运行费', money('running'))] },
          ],
        },
        leaf('机关运行经费预算数', money('adminRunning', 18)),
      ],
      rows: [row([cur.total, cur.abroad, cur.reception, cur.vehicle, cur.purchase, cur.running, running], '', '本年预算数', 0)],
      notes: known ? [] : ['注：预算明细未列单位性质，机关运行经费按全部单位一般公共预算基本支出中的日常公用经费计算。'],
    });
  }

  const cells = (x: Items | null): TableValue[] =>
    x === null ? [null, null, null, null, null, null] : [x.total, x.abroad, x.vehicle, x.purchase, x.running, x.reception];
  const prior = ctx.agg.priorKnown ? items(ctx.agg.threePublicPrior) : null;
  const block = (caption: string, prefix: string) => ({
    text: caption,
    children: [
      leaf('合计', money(prefix + 'total', 12)),
      leaf('因公出国（境）费', money(prefix + 'abroad', 12)),
      {
        text: '公务用车购置及运行费',
        children: [leaf('小计', money(prefix + 'vehicle', 12)), leaf('公务用车购置费', money(prefix + 'purchase', 12)), leaf('公务用车运行费', money(prefix + 'running', 12))],
      },
      leaf('公务接待费', money(prefix + 'reception', 12)),
    ],
  });
  return makeTable(ctx, {
    id: 'threePublic',
    name,
    orientation: 'landscape',
    tree: [leaf('项目', { key: 'item', kind: 'text', width: 14 }), block('上年预算数', 'prior_'), block('本年预算数', ''), leaf('增减额', money('change', 12))],
    rows: [row(['“三公”经费', ...cells(prior), ...cells(cur), prior ? cur.total - prior.total : null], '', '“三公”经费', 0)],
    notes: prior ? [changeSentence(ctx, cur.total, prior.total)] : ['注：预算明细未列上年预算数，上年预算数和增减额未填列。'],
  });
}
