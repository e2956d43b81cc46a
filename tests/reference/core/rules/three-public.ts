/**
 * THREE_PUBLIC — “三公”经费 (因公出国（境）费、公务接待费、公务用车购置及运行维护费), per unit.
 *
 * Policy: 党政机关坚持过紧日子, “三公”经费只减不增 (中央八项规定精神; 2025 各省预算报告, domain P26:
 * 江西 “三公” −21%); 公开目录 (domain P3) requires the 三公 table split into 因公出国（境）费 / 公务用车购置及
 * 运行费 / 公务接待费 with the change against the prior budget explained. 公务用车购置 needs approval
 * (编制和审批); the spec treats a purchase without 是否批准/审批文号 as an error unless allowed.
 *
 * Codes (domain §3.1, SPEC §3): 30212 因公出国（境）费用, 30217 公务接待费, 30231 公务用车运行维护费,
 * 31013 公务用车购置. 30913 公务用车购置（基本建设） is left out: the domain marks its inclusion
 * UNCONFIRMED and SPEC §3 and TABLES.CROSS_TABLE both name exactly the four codes above.
 *
 *   OVER_LIMIT      本年“三公”合计 > 上年 × (1 − threePublic.rate)   [rate 0]
 *   ITEM_INCREASE   one finding per item that rose (whether or not OVER_LIMIT fires)
 *   VEHICLE_PURCHASE a 31013 line > 0 not approved, unless threePublic.allowVehiclePurchase
 */
import type { Finding } from '../../../../src/core/findings';
import { unitKey } from '../lines';
import type { BudgetLine } from '../lines';
import { limitAfterCut } from '../money';
import type { RuleContext, RuleFamily } from '../../../../src/core/context';
import {
  THREE_PUBLIC_CHECK, threePublicItemIncrease, threePublicNoApprovalColumn, threePublicOverLimit, threePublicVehiclePurchase,
} from '../../../../src/core/messages/three-public';
import { finding, groupFinding, groupLines, limitFigures, lineFinding, unitLabel } from './finding-helpers';
import { inScope, unitYearOnYear } from './prior';

export const VEHICLE_PURCHASE_CODE = '31013';

/** The three items of the “三公” table with their economic codes. */
export const THREE_PUBLIC_ITEMS: ReadonlyArray<{ name: string; codes: ReadonlyArray<string> }> = [
  { name: '因公出国（境）费', codes: ['30212'] },
  { name: '公务接待费', codes: ['30217'] },
  { name: '公务用车购置及运行维护费', codes: ['30231', VEHICLE_PURCHASE_CODE] },
];

export const THREE_PUBLIC_CODES: ReadonlyArray<string> = THREE_PUBLIC_ITEMS.flatMap((i) => i.codes);

/** Index into THREE_PUBLIC_ITEMS of each “三公” code. */
const ITEM_OF_CODE: ReadonlyMap<string, number> = new Map(THREE_PUBLIC_ITEMS.flatMap((item, i) => item.codes.map((c) => [c, i] as const)));

/** Per-item totals of the lines in scope: [amount, prior column] per item. */
function itemTotals(lines: ReadonlyArray<BudgetLine>, scope: (l: BudgetLine) => boolean): { amount: number[]; priorColumn: number[] } {
  const amount = THREE_PUBLIC_ITEMS.map(() => 0);
  const priorColumn = THREE_PUBLIC_ITEMS.map(() => 0);
  for (const l of lines) {
    const i = ITEM_OF_CODE.get(l.economicCode);
    if (i === undefined || !scope(l)) continue;
    amount[i] += l.amountFen;
    priorColumn[i] += l.priorFen ?? 0;
  }
  return { amount, priorColumn };
}

function vehiclePurchases(ctx: RuleContext): Finding[] {
  if (ctx.config.threePublic.allowVehiclePurchase) return [];
  const out: Finding[] = [];
  const noColumn = new Map<string, { file: string; sheet: string; totalFen: number }>();
  for (const l of ctx.lines) {
    if (l.economicCode !== VEHICLE_PURCHASE_CODE || l.amountFen <= 0 || l.approved) continue;
    const cols = l.src.columns;
    if (cols.approved === undefined && cols.approvalNo === undefined) {
      const k = l.src.file + '\u0001' + l.src.sheet;
      const e = noColumn.get(k) ?? { file: l.src.file, sheet: l.src.sheet, totalFen: 0 };
      e.totalFen += l.amountFen;
      noColumn.set(k, e);
      continue;
    }
    const message = threePublicVehiclePurchase({ unit: unitLabel(l), amountFen: l.amountFen, economicCode: l.economicCode });
    out.push(lineFinding('THREE_PUBLIC.VEHICLE_PURCHASE', l, message, undefined, { actualFen: l.amountFen }));
  }
  for (const e of noColumn.values()) {
    out.push(finding('THREE_PUBLIC.NOT_CHECKED', { file: e.file, sheet: e.sheet }, threePublicNoApprovalColumn(e.file, e.sheet, e.totalFen)));
  }
  return out;
}

export const threePublicExpenses: Omit<RuleFamily, 'emits'> = {
  family: 'THREE_PUBLIC',
  run(ctx: RuleContext): Finding[] {
    const rate = ctx.config.threePublic.rate;
    const isThreePublic = (l: BudgetLine) => ITEM_OF_CODE.has(l.economicCode);
    const { compared, notChecked } = unitYearOnYear(ctx, 'THREE_PUBLIC.NOT_CHECKED', THREE_PUBLIC_CHECK, isThreePublic);
    const out: Finding[] = [...notChecked];
    const scope = (l: BudgetLine) => inScope(ctx.config, l);
    const priorByUnit = groupLines(ctx.prior.kind === 'lines' ? ctx.prior.lines.filter((p) => scope(p) && isThreePublic(p)) : [], unitKey);
    for (const u of compared) {
      const unit = unitLabel(u.first);
      const limitFen = limitAfterCut(u.priorFen, rate);
      if (u.actualFen > limitFen) {
        const message = threePublicOverLimit({ unit, actualFen: u.actualFen, priorFen: u.priorFen, limitFen, rate });
        out.push(groupFinding('THREE_PUBLIC.OVER_LIMIT', u.first, message, limitFigures(u.actualFen, u.priorFen, limitFen)));
      }
      const current = itemTotals(u.lines, scope);
      const prior = ctx.prior.kind === 'lines' ? itemTotals(priorByUnit.get(u.key) ?? [], scope).amount : current.priorColumn;
      for (let i = 0; i < THREE_PUBLIC_ITEMS.length; i++) {
        const item = THREE_PUBLIC_ITEMS[i];
        const actualFen = current.amount[i];
        const priorFen = prior[i];
        if (actualFen <= priorFen) continue;
        const message = threePublicItemIncrease({ unit, item: item.name, actualFen, priorFen });
        out.push(groupFinding('THREE_PUBLIC.ITEM_INCREASE', u.first, message, limitFigures(actualFen, priorFen, priorFen)));
      }
    }
    out.push(...vehiclePurchases(ctx));
    return out;
  },
};

