/**
 * PPP — the 10% red line (workbook level, all inputs of a run together).
 *
 * Policy (财政部 2022 年规范 PPP 发展通知, domain §3.6): “每一年度本级全部PPP项目从一般公共预算列支的财政
 * 支出责任，不超过当年本级一般公共预算支出的10%”; above 10% no new PPP project may start (above 5% no new
 * 政府付费 project). The share is ppp.maxShare (default 0.10); numerator and denominator use only lines in
 * fund scope (SPEC §7, default 一般公共预算拨款). The limit is total × maxShare rounded half-up to the 分;
 * an amount equal to the limit passes.
 *
 * Without any PPP marking (no 是否PPP column, no PPP in 项目类别) PPP lines cannot be told apart:
 * PPP.NOT_CHECKED, never passed. A marking with no PPP line passes.
 */
import type { RuleContext, RuleFamily } from '../../../../src/core/context';
import type { Finding } from '../../../../src/core/findings';
import { pppNoColumnMessage, pppNoScopeMessage, pppOverCapMessage } from '../../../../src/core/messages/ppp';
import { limitAfterCut } from '../money';
import { finding, inputFiles, perInput } from './finding-helpers';
import { inScope } from './prior';

export const pppCap: Omit<RuleFamily, 'emits'> = {
  family: 'PPP',
  run(ctx: RuleContext): Finding[] {
    const marked = ctx.lines.some((l) => l.src.columns.ppp !== undefined || l.ppp);
    if (!marked) return perInput(ctx, 'PPP.NOT_CHECKED', pppNoColumnMessage);
    let actualFen = 0;
    let totalFen = 0;
    for (const l of ctx.lines) {
      if (!inScope(ctx.config, l)) continue;
      totalFen += l.amountFen;
      if (l.ppp) actualFen += l.amountFen;
    }
    if (totalFen <= 0) return perInput(ctx, 'PPP.NOT_CHECKED', () => pppNoScopeMessage(ctx.config.fundScope));
    const maxShare = ctx.config.ppp.maxShare;
    // total × maxShare, half-up: limitAfterCut keeps (1 − rate) of its base.
    const limitFen = limitAfterCut(totalFen, 1 - maxShare);
    if (actualFen <= limitFen) return [];
    const share = actualFen / totalFen;
    const figures = { actualFen, limitFen, excessFen: actualFen - limitFen, totalFen, share, maxShare };
    return [finding('PPP.OVER_CAP', { file: inputFiles(ctx)[0] ?? '' }, pppOverCapMessage({ actualFen, totalFen, limitFen, share, maxShare }), undefined, figures)];
  },
};
