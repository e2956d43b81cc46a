/**
 * SANBAO — “三保” coverage, per unit and 三保类型.
 *
 * Policy: 财预〔2019〕128号《关于进一步加强地方财政预算收支管理做好县级“三保”工作的意见》: 县级“三保”
 * (保基本民生、保工资、保运转) budgets are reviewed before adoption and must cover the measured need —
 * “足额保障，不留缺口” (county example in domain §3.5: 需求 59,650 万 vs 安排 60,825 万). The need per
 * unit and type comes from the 三保需求 sheet; the budget is counted (SPEC §3) as:
 *   保工资     = basic (人员/公用, not project) 301 lines, unless the line's 三保 column says otherwise;
 *   保运转     = basic 302 lines, unless the 三保 column says otherwise;
 *   保基本民生 = lines whose 三保 column says 保基本民生.
 * A line with an explicit 三保 tag counts for that tag only. The code-level mapping is UNCONFIRMED
 * (domain §3.5): the 一体化 三保标识 (003001/003002/003003) is the reliable hook when present.
 * Only lines in fund scope count (SPEC §7).
 */
import type { RuleContext, RuleFamily, SanbaoNeed } from '../context';
import type { Finding, FindingUnit } from '../findings';
import { unitKey } from '../lines';
import type { BudgetLine, SanbaoType } from '../lines';
import {
  SANBAO_BASIS, sanbaoEmptySheetMessage, sanbaoNoScopeMessage, sanbaoNoSheetMessage, sanbaoShortfallMessage,
} from '../messages/sanbao';
import { normalizeText } from '../text';
import { finding, groupByUnit, groupFinding, perInput, unitLabel } from './finding-helpers';
import { inScope } from './prior';

/** The 三保类型 a line's amount counts for, or null. */
export function sanbaoTypeOf(l: BudgetLine): SanbaoType | null {
  if (l.sanbao) return l.sanbao;
  if (l.kind === 'project') return null;
  if (l.economicCode.startsWith('301')) return '保工资';
  if (l.economicCode.startsWith('302')) return '保运转';
  return null;
}

interface NeedGroup {
  /** unitKey of the matched unit, or null when no line belongs to it. */
  key: string | null;
  unit: string;
  type: SanbaoType;
  needFen: number;
  first: SanbaoNeed;
}

/** Index the run's units by code and by (normalised) name: 三保需求.单位 may hold either. */
function unitIndex(lines: ReadonlyArray<BudgetLine>): (written: string) => string | null {
  const byCode = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const l of lines) {
    const k = unitKey(l);
    if (l.unitCode && !byCode.has(l.unitCode)) byCode.set(l.unitCode, k);
    if (l.unitName && !byName.has(normalizeText(l.unitName))) byName.set(normalizeText(l.unitName), k);
  }
  return (written) => byCode.get(written.trim()) ?? byName.get(normalizeText(written)) ?? null;
}

export const sanbaoCoverage: RuleFamily = {
  family: 'SANBAO',
  emits: ['SANBAO.SHORTFALL', 'SANBAO.NOT_CHECKED'],
  run(ctx: RuleContext): Finding[] {
    const needs = ctx.aux.sanbaoNeeds;
    if (needs === null) return perInput(ctx, 'SANBAO.NOT_CHECKED', sanbaoNoSheetMessage);
    if (needs.length === 0) return perInput(ctx, 'SANBAO.NOT_CHECKED', sanbaoEmptySheetMessage);
    if (!ctx.lines.some((l) => inScope(ctx.config, l))) {
      return perInput(ctx, 'SANBAO.NOT_CHECKED', () => sanbaoNoScopeMessage(ctx.config.fundScope));
    }

    const budget = new Map<string, number>(); // unitKey + type → 分
    for (const l of ctx.lines) {
      if (!inScope(ctx.config, l)) continue;
      const t = sanbaoTypeOf(l);
      if (!t) continue;
      const k = unitKey(l) + '\u0001' + t;
      budget.set(k, (budget.get(k) ?? 0) + l.amountFen);
    }

    const resolve = unitIndex(ctx.lines);
    const groups = new Map<string, NeedGroup>();
    for (const n of needs) {
      const key = resolve(n.unit);
      const gk = (key ?? '\u0002' + normalizeText(n.unit)) + '\u0001' + n.type;
      const g = groups.get(gk);
      if (g) g.needFen += n.needFen;
      else groups.set(gk, { key, unit: n.unit, type: n.type, needFen: n.needFen, first: n });
    }

    const units = groupByUnit(ctx.lines);
    const out: Finding[] = [];
    for (const g of groups.values()) {
      const actualFen = g.key === null ? 0 : budget.get(g.key + '\u0001' + g.type) ?? 0;
      if (actualFen >= g.needFen) continue;
      const figures = { actualFen, expectedFen: g.needFen };
      if (g.key === null) {
        const unit: FindingUnit = /^\d+$/.test(g.unit.trim()) ? { code: g.unit.trim() } : { name: g.unit.trim() };
        const message = sanbaoShortfallMessage({ unit: g.unit.trim(), type: g.type, ...figures, noLines: true, basis: SANBAO_BASIS[g.type] });
        out.push(finding('SANBAO.SHORTFALL', g.first.location, message, unit, figures));
        continue;
      }
      const first = units.get(g.key)![0];
      const message = sanbaoShortfallMessage({ unit: unitLabel(first), type: g.type, ...figures, noLines: false, basis: SANBAO_BASIS[g.type] });
      out.push(groupFinding('SANBAO.SHORTFALL', first, message, figures));
    }
    return out;
  },
};
