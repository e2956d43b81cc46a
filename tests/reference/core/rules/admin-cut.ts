/**
 * ADMIN_CUT — 行政经费压减, per unit of the configured kinds (行政单位, 参照公务员法管理事业单位).
 *
 * Policy: 党政机关坚持过紧日子; some regions require 党政机关 to cut 行政经费 (a preset uses 30%). 行政经费 is
 * read as 机关运行经费口径: “行政单位和参公事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费”
 * (domain §3.4, G1 名词解释), i.e. the unit's basic (non-project) lines with codes 302 + 310 by default.
 *   本年行政经费 ≤ 上年 × (1 − adminCut.rate)   [rate 0.30; disabled unless adminCut.enabled]
 * When disabled nothing is reported. When enabled, a unit whose 单位性质 is unknown is NOT_CHECKED.
 */
import type { Finding } from '../../../../src/core/findings';
import type { BudgetLine } from '../lines';
import { limitAfterCut } from '../money';
import { normalizeText } from '../text';
import type { RuleConfig } from '../../../../src/core/config';
import type { RuleContext, RuleFamily } from '../../../../src/core/context';
import { ADMIN_CUT_CHECK, adminCutInsufficient, adminCutNoUnitKind, adminCutNoUnitKindColumn } from '../../../../src/core/messages/admin-cut';
import { codeIn, codeMatcher, finding, groupByUnit, groupFinding, limitFigures, unitLabel } from './finding-helpers';
import { unitYearOnYear } from './prior';

/** 单位性质 as written (参公单位, 参公事业单位 …) to the names used in adminCut.unitKinds. */
export function canonicalUnitKind(kind: string): string {
  const n = normalizeText(kind);
  if (n.includes('参公') || n.includes('参照公务员')) return '参照公务员法管理事业单位';
  if (n === '行政' || n === '行政机关' || n === '机关' || n === '行政单位') return '行政单位';
  return n;
}

/** The unit's kind: the first non-blank 单位性质 of its lines, '' when none. */
function kindOfUnit(lines: ReadonlyArray<BudgetLine>): string {
  for (const l of lines) if (l.unitKind.trim()) return l.unitKind.trim();
  return '';
}

function applies(cfg: RuleConfig, kind: string): boolean {
  const k = canonicalUnitKind(kind);
  return cfg.adminCut.unitKinds.some((u) => canonicalUnitKind(u) === k);
}

/** Whether a line counts as 行政经费: a basic line whose economic code is in adminCut.economicCodes. */
export function isAdminExpense(cfg: RuleConfig, l: BudgetLine): boolean {
  return l.kind !== 'project' && codeIn(l.economicCode, cfg.adminCut.economicCodes);
}

export const adminExpenseCut: Omit<RuleFamily, 'emits'> = {
  family: 'ADMIN_CUT',
  run(ctx: RuleContext): Finding[] {
    const cfg = ctx.config;
    if (!cfg.adminCut.enabled) return [];
    const out: Finding[] = [];
    // Units without a 单位性质: one finding per file when the sheet has no such column, else per unit.
    const noColumn = new Map<string, string[]>();
    for (const lines of groupByUnit(ctx.lines).values()) {
      if (kindOfUnit(lines)) continue;
      const first = lines[0];
      if (first.src.columns.unitKind === undefined) {
        const sheets = noColumn.get(first.src.file) ?? [];
        if (!sheets.includes(first.src.sheet)) sheets.push(first.src.sheet);
        noColumn.set(first.src.file, sheets);
      } else {
        out.push(groupFinding('ADMIN_CUT.NOT_CHECKED', first, adminCutNoUnitKind(unitLabel(first))));
      }
    }
    for (const [file, sheets] of noColumn) out.push(finding('ADMIN_CUT.NOT_CHECKED', { file }, adminCutNoUnitKindColumn(file, sheets)));

    const eligible = (lines: BudgetLine[]) => applies(cfg, kindOfUnit(lines));
    const adminCode = codeMatcher(cfg.adminCut.economicCodes);
    const isAdmin = (l: BudgetLine) => l.kind !== 'project' && adminCode(l.economicCode);
    const { compared, notChecked } = unitYearOnYear(ctx, 'ADMIN_CUT.NOT_CHECKED', ADMIN_CUT_CHECK, isAdmin, eligible);
    out.push(...notChecked);
    for (const u of compared) {
      const limitFen = limitAfterCut(u.priorFen, cfg.adminCut.rate);
      if (u.actualFen <= limitFen) continue;
      const message = adminCutInsufficient({
        unit: unitLabel(u.first), unitKind: kindOfUnit(u.lines), actualFen: u.actualFen, priorFen: u.priorFen, limitFen, rate: cfg.adminCut.rate,
      });
      out.push(groupFinding('ADMIN_CUT.INSUFFICIENT', u.first, message, limitFigures(u.actualFen, u.priorFen, limitFen)));
    }
    return out;
  },
};
