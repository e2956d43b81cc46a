/**
 * Findings are data: a rule ID, a severity, where, which unit, the figures in 分. The Chinese sentence
 * is rendered from the templates in ./messages so that JSON, pane and review workbook say the same.
 */

import { RULE_CATALOGUE } from './rules/catalogue';
import type { FigureKey, RuleId, Severity } from './rules/catalogue';

export type { RuleId, Severity } from './rules/catalogue';

/** Every built-in rule code, in catalogue (report) order. */
export const RULE_IDS = Object.keys(RULE_CATALOGUE) as ReadonlyArray<RuleId>;
/** A staff-written 审核公式 (src/core/formulas): CUSTOM.<编号>. */
export type CustomRuleId = `CUSTOM.${string}`;
/** The rule of a finding: a built-in rule or a 审核公式. */
export type FindingRule = RuleId | CustomRuleId;

export function isCustomRule(rule: string): rule is CustomRuleId {
  return rule.startsWith('CUSTOM.');
}

export interface FindingLocation {
  file: string;
  sheet?: string;
  /** A1 address of the offending cell. */
  cell?: string;
  /** 1-based sheet row. */
  row?: number;
}

export interface FindingUnit {
  code?: string;
  name?: string;
}

/**
 * Figures: money as integer 分 in keys ending in Fen; ratios as decimals. Keys are the catalogue's
 * (FIGURE_KEYS); which keys a rule's findings carry is its catalogue row (FiguresOf).
 */
export type Figures = Partial<Record<FigureKey, number>>;

export interface Finding {
  rule: FindingRule;
  severity: Severity;
  unit?: FindingUnit;
  location: FindingLocation;
  message: string;
  figures?: Figures;
  explained?: boolean;
  explanation?: string;
}

/** Severity of each rule per SPEC §3 (DATA.UNKNOWN_CODE and DATA.MISSING_COLUMN may be lowered per case). */
export const DEFAULT_SEVERITY = Object.fromEntries(RULE_IDS.map((id) => [id, RULE_CATALOGUE[id].severity])) as Record<RuleId, Severity>;

/** Chinese names of severities for the pane and the review workbook. */
export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Short Chinese titles of rules, for grouping in the pane and the 审核结果 sheet. */
export const RULE_TITLE_ZH = Object.fromEntries(RULE_IDS.map((id) => [id, RULE_CATALOGUE[id].title])) as Record<RuleId, string>;

/** The Chinese title of any finding's rule: a built-in title, or “审核公式 <编号>”. */
export function ruleTitle(rule: string): string {
  const t = (RULE_TITLE_ZH as Record<string, string>)[rule];
  if (t !== undefined) return t;
  return isCustomRule(rule) ? `审核公式 ${rule.slice('CUSTOM.'.length)}` : rule;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  explained: number;
  byRule: Partial<Record<FindingRule, number>>;
}

export function summarize(findings: ReadonlyArray<Finding>): Summary {
  const s: Summary = { errors: 0, warnings: 0, infos: 0, explained: 0, byRule: {} };
  for (const f of findings) {
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.infos++;
    if (f.explained) s.explained++;
    s.byRule[f.rule] = (s.byRule[f.rule] ?? 0) + 1;
  }
  return s;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order for reports: by file, sheet, row, then severity and rule. */
export function compareFindings(a: Finding, b: Finding): number {
  const fa = a.location.file, fb = b.location.file;
  if (fa !== fb) return fa < fb ? -1 : 1;
  const sa = a.location.sheet ?? '', sb = b.location.sheet ?? '';
  if (sa !== sb) return sa === '' ? 1 : sb === '' ? -1 : sa < sb ? -1 : 1;
  const ra = a.location.row ?? Number.MAX_SAFE_INTEGER, rb = b.location.row ?? Number.MAX_SAFE_INTEGER;
  if (ra !== rb) return ra - rb;
  if (a.severity !== b.severity) return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}
