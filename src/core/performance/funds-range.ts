/**
 * A goal's 项目资金 join the check's exact range (money.ts MAX_RUN_FEN) after the budget lines: each
 * figure is compared with sums of lines, so it must count towards the same absolute total. A figure
 * that would pass it is not used (null, as if the sheet gave none) and DATA.BAD_AMOUNT says so at
 * its cell; the goal and its indicators are still checked.
 */
import type { Finding, FindingLocation } from '../findings';
import type { MagnitudeAccount } from '../money';
import { pastRangeFinding } from '../supporting/amounts-range';
import type { PerfGoal } from './model';

type FundField = 'totalFen' | 'fiscalFen' | 'otherFen';

const AT: Record<FundField, (g: PerfGoal) => FindingLocation> = {
  totalFen: (g) => g.totalLocation ?? g.location,
  fiscalFen: (g) => g.fiscalLocation ?? g.location,
  otherFen: (g) => g.location,
};

export function goalFundsInRange(goals: readonly PerfGoal[], magnitude: MagnitudeAccount): { goals: PerfGoal[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const out: PerfGoal[] = [];
  for (const g of goals) {
    let kept = g;
    for (const field of ['totalFen', 'fiscalFen', 'otherFen'] as const) {
      const fen = g[field];
      if (fen === null || magnitude.take(fen)) continue;
      findings.push(pastRangeFinding(AT[field](g), fen));
      kept = { ...kept, [field]: null };
    }
    out.push(kept);
  }
  return { goals: out, findings };
}
