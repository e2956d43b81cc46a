/** Every rule family, in report order. Adding a family is one line here and one module beside it. */
import type { RuleFamily } from '../../../../src/core/context';
import { adminExpenseCut } from './admin-cut';
import { dataIntegrity } from './data-integrity';
import { debtInterest } from './debt';
import { generalSpendingCut } from './general-cut';
import { livelihoodShare } from './livelihood';
import { pppCap } from './ppp';
import { priorityOnlyIncrease } from './priority';
import { sanbaoCoverage } from './sanbao';
import { threePublicExpenses } from './three-public';
import { zeroBasedBudgeting } from './zbb';
// PERF (issue 16) has no pre-optimisation version: the reference runs src's family.
import { projectPerformance } from '../../../../src/core/rules/performance';

export const RULE_FAMILIES: ReadonlyArray<Omit<RuleFamily, 'emits'>> = [
  dataIntegrity,
  zeroBasedBudgeting,
  generalSpendingCut,
  threePublicExpenses,
  adminExpenseCut,
  livelihoodShare,
  priorityOnlyIncrease,
  sanbaoCoverage,
  pppCap,
  debtInterest,
  projectPerformance,
];
