/**
 * A prior year given as 公开表 (--prior 2024公开表.xlsx). Disclosure tables carry totals, not budget
 * lines, so they feed only the year-on-year checks a table allows:
 * - “三公”经费 by item and in total (THREE_PUBLIC.ITEM_INCREASE / OVER_LIMIT; 中央八项规定 and the
 *   “三公”经费只减不增 requirement, domain §3.1), from the two years' “三公” tables;
 * - 只增不减 classes (priority.onlyIncrease, default 205 教育) from the 类 rows of the 一般公共预算
 *   支出表 (else the 支出总表) of both years (PRIORITY.DECREASED).
 * Everything else that needs last year's lines is said to be unchecked, never passed.
 * Figures in 万元 are rounded: a rise within the two figures' rounding is not a rise.
 */
import type { RuleConfig } from '../../config';
import { DEFAULT_SEVERITY, Finding, RuleId } from '../../findings';
import { priorityDecreasedMessage } from '../../messages/priority';
import { threePublicItemIncrease, threePublicOverLimit } from '../../messages/three-public';
import { limitAfterCut } from '../../money';
import type { FilledTable, TableKind } from './model';
import { tableFinding } from './sums';
import { THREE_PUBLIC_ITEM_ZH, ThreePublicItem, threePublicFigures } from './three-public';
import { HALF_STEP_FEN, Value, mainNode, nodeValue } from './values';

function first(tables: ReadonlyArray<FilledTable>, kind: TableKind): FilledTable | undefined {
  return tables.find((t) => t.kind === kind && t.problem === null);
}

function noteFinding(rule: RuleId, file: string, message: string): Finding {
  return { rule, severity: DEFAULT_SEVERITY[rule], location: { file }, message };
}

function rounding(a: FilledTable, b: FilledTable): number {
  return HALF_STEP_FEN[a.amountUnit] + HALF_STEP_FEN[b.amountUnit];
}

/** Current-year value of a 类 row (the main column), by class code. */
function classValues(table: FilledTable): Map<string, Value> {
  const out = new Map<string, Value>();
  const block = table.blocks[0];
  const main = block && mainNode(block);
  if (!block || !main) return out;
  for (const r of block.rows) {
    if (r.role !== 'item' || !r.code || r.code.length !== 3 || out.has(r.code)) continue;
    const v = nodeValue(block, r, main, table.kind);
    if (v) out.set(r.code, v);
  }
  return out;
}

export function tablesYearOnYear(
  file: string, current: ReadonlyArray<FilledTable>, priorFile: string, prior: ReadonlyArray<FilledTable>, config: RuleConfig,
): Finding[] {
  const out: Finding[] = [];
  const unitName = current.find((t) => t.department)?.department ?? '本部门';

  const three = first(current, 'threePublic');
  const priorThree = first(prior, 'threePublic');
  if (three && priorThree) {
    const now = threePublicFigures(three);
    const before = threePublicFigures(priorThree);
    const tol = rounding(three, priorThree);
    const items: ThreePublicItem[] = now.vehiclePurchase || now.vehicleOperation ? ['abroad', 'reception', 'vehiclePurchase', 'vehicleOperation'] : ['abroad', 'reception', 'vehicle'];
    for (const k of items) {
      const a = now[k];
      const p = before[k];
      if (!a || !p || a.fen <= p.fen + tol) continue;
      out.push(tableFinding('THREE_PUBLIC.ITEM_INCREASE', file, three, a.cell,
        threePublicItemIncrease({ unit: unitName, item: THREE_PUBLIC_ITEM_ZH[k], actualFen: a.fen, priorFen: p.fen }),
        { actualFen: a.fen, priorFen: p.fen }));
    }
    const a = now.total;
    const p = before.total;
    if (a && p) {
      const limit = limitAfterCut(p.fen, config.threePublic.rate);
      if (a.fen > limit + tol) {
        out.push(tableFinding('THREE_PUBLIC.OVER_LIMIT', file, three, a.cell,
          threePublicOverLimit({ unit: unitName, actualFen: a.fen, priorFen: p.fen, limitFen: limit, rate: config.threePublic.rate }),
          { actualFen: a.fen, priorFen: p.fen, limitFen: limit, excessFen: a.fen - limit }));
      }
    }
  } else if (three) {
    out.push(noteFinding('THREE_PUBLIC.NOT_CHECKED', file, `“三公”经费同比未检查：上年公开表“${priorFile}”中没有可读的“三公”经费表`));
  } else if (current.some((t) => t.kind === 'threePublic')) {
    // The year's own “三公” table is there but was not understood (江苏 2019: six header lines).
    out.push(noteFinding('THREE_PUBLIC.NOT_CHECKED', file, `“三公”经费同比未检查：本年“三公”经费表未能读懂，未与上年公开表“${priorFile}”比较`));
  }

  const spend = first(current, 'generalExpense') ?? first(current, 'expense');
  const priorSpend = spend && first(prior, spend.kind);
  if (spend && priorSpend && config.priority.onlyIncrease.length > 0) {
    const now = classValues(spend);
    const before = classValues(priorSpend);
    const tol = rounding(spend, priorSpend);
    for (const code of config.priority.onlyIncrease) {
      const a = now.get(code);
      const p = before.get(code);
      if (!p) continue;
      const actualFen = a?.fen ?? 0;
      if (actualFen + tol >= p.fen) continue;
      out.push(tableFinding('PRIORITY.DECREASED', file, spend, a?.cell, priorityDecreasedMessage(code, actualFen, p.fen), { actualFen, priorFen: p.fen }));
    }
  } else if (spend && config.priority.onlyIncrease.length > 0) {
    out.push(noteFinding('PRIORITY.NOT_CHECKED', file, `只增不减未检查：上年公开表“${priorFile}”中没有可读的支出表`));
  }
  return out;
}

/** The note for a prior 公开表 given to a run of budget-detail inputs. */
export function priorTablesRefused(priorFile: string): Finding {
  return noteFinding('DATA.NOT_CHECKED', priorFile,
    `上年文件“${priorFile}”是部门预算公开表，只有汇总数，没有预算明细行，不能与本年明细逐行比较；一般性支出压减、“三公”经费、行政经费压减、只增不减等同比规则按未提供上年数处理`);
}
