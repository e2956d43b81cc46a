/**
 * PRIORITY — 只增不减 (workbook level, all inputs of a run together).
 *
 * Policy: 教育“两个只增不减”: “确保一般公共预算教育支出逐年只增不减，确保按在校学生人数平均的一般公共预算
 * 教育支出逐年只增不减”; 《教育法》第五十五条 (三个增长). This module checks the first: the budget of each
 * function class in priority.onlyIncrease (default 205 教育) over lines in fund scope must not fall
 * below the prior year. The per-student test needs student numbers, which budget sheets do not carry.
 *
 * Prior figures come from prior.ts (上年预算数 columns or a prior-year sheet/workbook). Without them,
 * or for a class whose lines lack a 上年预算数 column, PRIORITY.NOT_CHECKED says what is missing.
 */
import type { RuleContext, RuleFamily } from '../context';
import type { Finding } from '../findings';
import { priorityDecreasedMessage, priorityNoPriorMessage, priorityNoScopeMessage } from '../messages/priority';
import { finding, inputFiles, perInput } from './finding-helpers';
import { currentTotals, filesWithoutPriorColumn, inScope, missingPriorReason, priorTotals } from './prior';

export const priorityOnlyIncrease: RuleFamily = {
  family: 'PRIORITY',
  emits: ['PRIORITY.DECREASED', 'PRIORITY.NOT_CHECKED'],
  run(ctx: RuleContext): Finding[] {
    const codes = ctx.config.priority.onlyIncrease;
    if (codes.length === 0) return [];
    if (!ctx.lines.some((l) => inScope(ctx.config, l))) {
      return perInput(ctx, 'PRIORITY.NOT_CHECKED', () => priorityNoScopeMessage(ctx.config.fundScope));
    }
    const out: Finding[] = [];
    const unknown: string[] = [];
    const file = inputFiles(ctx)[0] ?? '';
    for (const code of codes) {
      const key = (l: { functionCode: string }) => (l.functionCode.startsWith(code) ? code : null);
      const prior = priorTotals(ctx, () => true, key);
      if (!prior) {
        unknown.push(code);
        continue;
      }
      const actualFen = currentTotals(ctx, () => true, key).get(code) ?? 0;
      const priorFen = prior.known.get(code);
      if (priorFen === undefined) {
        // 'columns': the class's lines lack a 上年预算数 column (or the class has no line at all, when
        // nothing can be known); 'lines': the prior year had no such line, so nothing can decrease.
        if (prior.kind === 'columns' && ctx.lines.some((l) => key(l) !== null)) unknown.push(code);
        continue;
      }
      if (actualFen < priorFen) {
        out.push(finding('PRIORITY.DECREASED', { file }, priorityDecreasedMessage(code, actualFen, priorFen), undefined, { actualFen, priorFen }));
      }
    }
    if (unknown.length > 0) {
      const message = (f: string) => priorityNoPriorMessage(missingPriorReason(ctx, f), unknown);
      if (ctx.prior.kind === 'none') out.push(...perInput(ctx, 'PRIORITY.NOT_CHECKED', message));
      else {
        // Only the files whose lines of those classes lack a 上年预算数 column.
        const classLines = ctx.lines.filter((l) => unknown.some((c) => l.functionCode.startsWith(c)));
        for (const f of filesWithoutPriorColumn(classLines)) out.push(finding('PRIORITY.NOT_CHECKED', { file: f }, message(f)));
      }
    }
    return out;
  },
};
