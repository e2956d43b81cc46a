/**
 * GENERAL_CUT — 一般性支出压减 (general spending cut), per unit.
 *
 * Policy: 党政机关坚持过紧日子, “压减非重点非刚性及一般性支出” (北京 2025 预算报告, domain P26); 河北、江西
 * name 三公经费、会议费、培训费、委托业务费、办公设备购置、大型修缮 as the items cut (domain §3.2). There is no
 * single national code list, so the set is configurable (SPEC §3 defaults: 302 except the rigid items,
 * plus 31002 办公设备购置, 31006 大型修缮, 31013 公务用车购置) and the rule enforces
 *   本年一般性支出 ≤ 上年 × (1 − generalCut.rate)   [rate 0.05]
 * over lines in fund scope, basic and project lines alike (SPEC §7 Fund scope).
 */
import type { Finding } from '../findings';
import type { BudgetLine } from '../lines';
import { limitAfterCut } from '../money';
import type { RuleConfig } from '../config';
import type { RuleContext, RuleFamily } from '../context';
import { GENERAL_CUT_CHECK, generalCutInsufficient } from '../messages/general-cut';
import { codeIn, codeMatcher, groupFinding, limitFigures, unitLabel } from './finding-helpers';
import { unitYearOnYear } from './prior';

/** Whether a line is 一般性支出 under the configured code set. */
export function isGeneralSpending(cfg: RuleConfig, l: BudgetLine): boolean {
  return codeIn(l.economicCode, cfg.generalCut.economicCodes) && !codeIn(l.economicCode, cfg.generalCut.excludeCodes);
}

export const generalSpendingCut: RuleFamily = {
  family: 'GENERAL_CUT',
  emits: ['GENERAL_CUT.INSUFFICIENT', 'GENERAL_CUT.NOT_CHECKED'],
  run(ctx: RuleContext): Finding[] {
    const cfg = ctx.config;
    const general = codeMatcher(cfg.generalCut.economicCodes, cfg.generalCut.excludeCodes);
    const { compared, notChecked } = unitYearOnYear(ctx, 'GENERAL_CUT.NOT_CHECKED', GENERAL_CUT_CHECK, (l) => general(l.economicCode));
    const out: Finding[] = [...notChecked];
    for (const u of compared) {
      const limitFen = limitAfterCut(u.priorFen, cfg.generalCut.rate);
      if (u.actualFen <= limitFen) continue;
      const message = generalCutInsufficient({ unit: unitLabel(u.first), actualFen: u.actualFen, priorFen: u.priorFen, limitFen, rate: cfg.generalCut.rate });
      out.push(groupFinding('GENERAL_CUT.INSUFFICIENT', u.first, message, limitFigures(u.actualFen, u.priorFen, limitFen)));
    }
    return out;
  },
};
