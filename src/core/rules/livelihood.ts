/**
 * LIVELIHOOD — 民生支出占比 (consolidated over every input of a run).
 *
 * Policy: “全国财政支出70%以上用于民生” (国务院 2023 年政府工作报告); localities set their own share
 * and class list (昌吉州 75.27%, 丽水 72.6%, 托克托县 63%). 民生支出占比 = Σ民生类 ÷ 一般公共预算支出合计,
 * the denominator leaving out 230 转移性支出 and 231 债务还本支出. The default class list and the 75%
 * floor are regional practice, UNCONFIRMED as a national standard (domain §3.3) — both are parameters
 * (livelihood.functionClasses, livelihood.minShare, livelihood.excludeClasses).
 *
 * A single department's share means nothing, so the rule applies only when the run covers at least
 * livelihood.minUnits distinct units; otherwise LIVELIHOOD.NOT_CHECKED says why.
 */
import type { RuleContext, RuleFamily } from '../context';
import type { Finding } from '../findings';
import { unitKey } from '../lines';
import { livelihoodNoExpenditureMessage, livelihoodShareLowMessage, livelihoodTooFewUnitsMessage } from '../messages/livelihood';
import { finding, inputFiles, perInput } from './finding-helpers';
import { inScope } from './prior';

const PPM = 1_000_000;

function classOf(functionCode: string): string {
  return functionCode.slice(0, 3);
}

/** ⌈total × ratio⌉ in 分, exact (ratio held in millionths). */
export function ceilShare(totalFen: number, ratio: number): number {
  const num = BigInt(totalFen) * BigInt(Math.round(ratio * PPM));
  const den = BigInt(PPM);
  const q = num / den;
  return Number(num % den > 0n ? q + 1n : q);
}

export const livelihoodShare: RuleFamily = {
  family: 'LIVELIHOOD',
  emits: ['LIVELIHOOD.SHARE_LOW', 'LIVELIHOOD.NOT_CHECKED'],
  run(ctx: RuleContext): Finding[] {
    const cfg = ctx.config.livelihood;
    const units = new Set(ctx.lines.map(unitKey)).size;
    if (units < cfg.minUnits) {
      return perInput(ctx, 'LIVELIHOOD.NOT_CHECKED', () => livelihoodTooFewUnitsMessage(units, cfg.minUnits));
    }
    const classes = new Set(cfg.functionClasses.map(classOf));
    const excluded = new Set(cfg.excludeClasses.map(classOf));
    let actualFen = 0;
    let totalFen = 0;
    for (const l of ctx.lines) {
      if (!inScope(ctx.config, l)) continue;
      const c = classOf(l.functionCode);
      if (excluded.has(c)) continue;
      totalFen += l.amountFen;
      if (classes.has(c)) actualFen += l.amountFen;
    }
    if (totalFen <= 0) {
      return perInput(ctx, 'LIVELIHOOD.NOT_CHECKED', () => livelihoodNoExpenditureMessage(ctx.config.fundScope));
    }
    // actual / total < minShare, compared exactly: actual × 10⁶ < round(minShare × 10⁶) × total.
    const low = BigInt(actualFen) * BigInt(PPM) < BigInt(Math.round(cfg.minShare * PPM)) * BigInt(totalFen);
    if (!low) return [];
    const share = actualFen / totalFen;
    const neededFen = ceilShare(totalFen, cfg.minShare);
    const message = livelihoodShareLowMessage({ units, actualFen, totalFen, share, minShare: cfg.minShare, neededFen });
    return [finding('LIVELIHOOD.SHARE_LOW', { file: inputFiles(ctx)[0] ?? '' }, message, undefined, { share, minShare: cfg.minShare, actualFen, totalFen })];
  },
};
