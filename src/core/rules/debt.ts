/**
 * DEBT — bond interest budgeted in full (workbook level, all inputs of a run together).
 *
 * Policy: 债券付息须足额预算 — 一般债券付息 (23203 地方政府一般债务付息支出) is budgeted in the 一般公共
 * 预算, 专项债券付息 (23204 地方政府专项债务付息支出) in the 政府性基金预算 (standard practice under
 * 财预〔2016〕154号/155号, the 一般债务/专项债务预算管理办法; text not retrieved — UNCONFIRMED in
 * domain §3.6); 债券付息 is a 刚性支出 of the 财政运行监测表 (G11).
 *
 * Check: Σ 232 债务付息支出 lines of every fund source (not limited to fundScope, SPEC §7) ≥ Σ 应付利息
 * of the 债券付息 sheet. Without that sheet: DEBT.NOT_CHECKED.
 */
import type { RuleContext, RuleFamily } from '../context';
import type { Finding } from '../findings';
import { debtEmptySheetMessage, debtInterestShortMessage, debtNoLinesMessage, debtNoSheetMessage } from '../messages/debt';
import { finding, inputFiles, perInput } from './finding-helpers';

/** 债务付息支出 function class. */
export const DEBT_INTEREST_CLASS = '232';

export const debtInterest: RuleFamily = {
  family: 'DEBT',
  emits: ['DEBT.INTEREST_SHORT', 'DEBT.NOT_CHECKED'],
  run(ctx: RuleContext): Finding[] {
    const bonds = ctx.aux.bondInterest;
    if (bonds === null) return perInput(ctx, 'DEBT.NOT_CHECKED', debtNoSheetMessage);
    if (bonds.length === 0) return perInput(ctx, 'DEBT.NOT_CHECKED', debtEmptySheetMessage);
    if (ctx.lines.length === 0) return perInput(ctx, 'DEBT.NOT_CHECKED', debtNoLinesMessage);
    let expectedFen = 0;
    for (const b of bonds) expectedFen += b.dueFen;
    let actualFen = 0;
    for (const l of ctx.lines) if (l.functionCode.startsWith(DEBT_INTEREST_CLASS)) actualFen += l.amountFen;
    if (actualFen >= expectedFen) return [];
    // Located at the file of the 债券付息 sheet: the figures it is short of stand there.
    const file = bonds[0].location.file || inputFiles(ctx)[0] || '';
    return [finding('DEBT.INTEREST_SHORT', { file }, debtInterestShortMessage({ actualFen, expectedFen, bonds: bonds.length }), undefined, { actualFen, expectedFen })];
  },
};
