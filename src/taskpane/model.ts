/**
 * Pane logic without React or office.js: running a check with the pane's settings, grouping and
 * filtering findings, and the explanations typed in the pane.
 */
import { checkWorkbooks, CheckReport } from '../core/check';
import { ConfigError, configFromSettingRows, mergeConfig, PRESETS, resolveConfig, RuleConfig, RuleConfigInput } from '../core/config';
import { classifyAuxSheet, readAuxSheets } from '../core/supporting';
import { applyExplanations, explanationKey, explanationKeyString } from '../core/explain';
import type { Finding, Severity } from '../core/findings';
import { ruleTitle } from '../core/findings';
import type { WorkbookGrids } from '../core/grid';
import { trialFormula } from '../core/formulas';
import type { TrialResult } from '../core/formulas';

export interface RuleSettings {
  preset: string;
  rules: RuleConfigInput;
}

/** The base config of the pane: the preset with the pane's parameters over it. */
export function baseConfig(s: RuleSettings): RuleConfigInput {
  const preset = PRESETS.find((p) => p.id === s.preset) ?? PRESETS[0];
  return mergeConfig(preset.config as Record<string, unknown>, s.rules as Record<string, unknown>) as RuleConfigInput;
}

/** Validate pane parameters; returns the Chinese error text or null. */
export function validateRules(s: RuleSettings): { config: RuleConfig | null; error: string | null } {
  try {
    return { config: resolveConfig(baseConfig(s)), error: null };
  } catch (e) {
    if (e instanceof ConfigError) return { config: null, error: e.message };
    throw e;
  }
}

export function runCheck(workbooks: ReadonlyArray<WorkbookGrids>, s: RuleSettings, unreadable: ReadonlyArray<{ file: string; reason: string }> = []): CheckReport {
  return checkWorkbooks(workbooks, { base: baseConfig(s), unreadable });
}

export type GroupBy = 'rule' | 'unit';

export interface FindingGroup {
  key: string;
  title: string;
  counts: Record<Severity, number>;
  findings: Finding[];
}

export function unitLabel(f: Finding): string {
  return [f.unit?.code, f.unit?.name].filter(Boolean).join(' ') || '（未指明单位）';
}

export function groupFindings(findings: ReadonlyArray<Finding>, by: GroupBy, show: ReadonlySet<Severity>): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    if (!show.has(f.severity)) continue;
    const key = by === 'rule' ? f.rule : unitLabel(f);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, title: by === 'rule' ? ruleTitle(f.rule) : key, counts: { error: 0, warning: 0, info: 0 }, findings: [] }));
    g.counts[f.severity]++;
    g.findings.push(f);
  }
  const rank = (g: FindingGroup) => (g.counts.error ? 0 : g.counts.warning ? 1 : 2);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || b.findings.length - a.findings.length || (a.title < b.title ? -1 : 1));
}

export function locationText(f: Finding): string {
  const l = f.location;
  if (!l.sheet) return l.file;
  return l.cell ? `${l.sheet}!${l.cell}` : l.row ? `${l.sheet} 第${l.row}行` : l.sheet;
}

/**
 * The location with its file first ("县教育局.xlsx · 预算明细!L4"): with many files open, two units'
 * 预算明细!L4 must not look the same.
 */
export function fileLocationText(f: Finding): string {
  const l = f.location;
  const file = l.file.replace(/^.*[\\/]/, '');
  return l.sheet ? `${file} · ${locationText(f)}` : file;
}

/** Explanations typed in the pane (file mode keeps them here; Excel mode also writes the sheet). */
export function withExplanations(report: CheckReport, typed: ReadonlyMap<string, { finding: Finding; text: string }>): CheckReport {
  if (typed.size === 0) return report;
  const extra = [...typed.values()].map(({ finding, text }) => ({ ...explanationKey(finding), text, location: { file: finding.location.file } }));
  const findings = applyExplanations(report.findings, extra);
  return { ...report, findings };
}

/**
 * The banner after a check: a warning (never a green success) when errors were found, a note when
 * only warnings, success when clean — with the counts either way.
 */
/** A count as the page shows it: 100,000 (thousands separators, as in the review workbook's figures). */
export function num(n: number): string {
  return n.toLocaleString('en-US');
}

export function checkStatus(prefix: string, sum: { errors: number; warnings: number; infos: number }, findings?: ReadonlyArray<Finding>): { kind: 'success' | 'info' | 'warning'; text: string } {
  const counts = `错误 ${num(sum.errors)} 条，警告 ${num(sum.warnings)} 条，提示 ${num(sum.infos)} 条`;
  if (sum.errors > 0) return { kind: 'warning', text: `${prefix}：发现 ${num(sum.errors)} 个错误，请逐条核对（${counts}）。` };
  if (sum.warnings > 0) return { kind: 'info', text: `${prefix}：没有错误，有 ${num(sum.warnings)} 条警告需要确认（${counts}）。` };
  // "Could not check" is never shown as a clean pass: a run whose only findings say a part went
  // unchecked (…NOT_CHECKED) gets a note, not the green banner.
  const unchecked = findings?.filter((f) => f.rule.endsWith('.NOT_CHECKED')).length ?? 0;
  if (unchecked > 0) return { kind: 'info', text: `${prefix}：未发现错误或警告，但有 ${num(unchecked)} 项未能检查（见提示，不视为通过）（${counts}）。` };
  return { kind: 'success', text: `${prefix}：未发现错误或警告（${counts}）。` };
}

export { explanationKey, explanationKeyString };

/** A 审核公式 as the pane keeps it (in the rule parameters: rules.formulas, saved with the workbook). */
export interface PaneFormula {
  id: string;
  formula: string;
  type: string;
  note: string;
  scope?: string;
}

/** The pane's formulas (rules.formulas), whatever shape a saved setting has. */
export function paneFormulas(s: RuleSettings): PaneFormula[] {
  const list = (s.rules as { formulas?: unknown }).formulas;
  return Array.isArray(list) ? (list.filter((f) => f && typeof f === 'object' && typeof (f as PaneFormula).formula === 'string') as PaneFormula[]) : [];
}

export function withFormulas(s: RuleSettings, formulas: PaneFormula[]): RuleSettings {
  const rules = { ...(s.rules as Record<string, unknown>) };
  if (formulas.length) rules.formulas = formulas;
  else delete rules.formulas;
  return { ...s, rules: rules as RuleConfigInput };
}

/** 试算: the formula's value on these workbooks (their lines read with the pane's settings). */
export function trialOnWorkbooks(formula: string, workbooks: ReadonlyArray<WorkbookGrids>, s: RuleSettings): TrialResult {
  const r = checkWorkbooks(workbooks, { base: baseConfig(withFormulas(s, [])) });
  return trialFormula(formula, { workbooks, lines: r.lines, priorLines: r.priorLines });
}

/** One line per value of a trial, for the pane. */
export function trialLines(t: TrialResult): string[] {
  if (t.error) return [`无法计算：${t.error.text}`];
  return t.rows.map((r) => [r.file, r.unit ? r.unit.name || r.unit.code : null].filter(Boolean).join(' · ') + (r.file || r.unit ? '：' : '') + r.text);
}

// ---- parameters in force ----------------------------------------------------------------------------

/** Where a parameter's value came from, in the check's precedence: 默认 < 预设 < 已保存 < 规则设置 sheet. */
export type ParamSource = { kind: 'default' } | { kind: 'preset'; name: string } | { kind: 'saved' } | { kind: 'sheet'; file: string; sheet: string };

export interface ParamInForce {
  path: string;
  value: unknown;
  source: ParamSource;
}

export function paramSourceText(s: ParamSource): string {
  switch (s.kind) {
    case 'default':
      return '默认';
    case 'preset':
      return `预设：${s.name}`;
    case 'saved':
      return '已保存';
    case 'sheet':
      return `${s.file.replace(/^.*[\\/]/, '')} 的“${s.sheet}”表`;
  }
}

function pathValue(o: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>)[k] : undefined), o);
}

/**
 * The values the next check uses for `paths`, and where each comes from: the 规则设置 sheets of the
 * chosen workbooks override the saved settings, as in checkWorkbooks (a sheet the check would reject
 * is ignored here as there). Only sheets classified as 规则设置 are read, so this stays cheap.
 */
export function paramsInForce(settings: RuleSettings, workbooks: ReadonlyArray<WorkbookGrids>, paths: ReadonlyArray<string>): ParamInForce[] {
  const base = baseConfig(settings);
  const rows: Array<{ name: string; value: string | number | boolean; file: string; sheet: string }> = [];
  for (const wb of workbooks) {
    for (const g of wb.sheets) {
      if (classifyAuxSheet(g) !== 'settings') continue;
      for (const r of readAuxSheets(wb.file, [g]).settings) rows.push({ ...r, file: wb.file, sheet: g.name });
    }
  }
  let sheetPartial: Record<string, unknown> = {};
  if (rows.length) {
    const { partial } = configFromSettingRows(rows);
    try {
      resolveConfig(partial, base);
      sheetPartial = partial;
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
    }
  }
  let config: RuleConfig;
  try {
    config = resolveConfig(sheetPartial, base);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    config = resolveConfig({}, {});
  }
  const preset = PRESETS.find((p) => p.id === settings.preset);
  return paths.map((path) => {
    let source: ParamSource = { kind: 'default' };
    if (pathValue(sheetPartial, path) !== undefined) {
      // The last row naming this parameter wins, as configFromSettingRows applies them in order.
      const from = [...rows].reverse().find((r) => pathValue(configFromSettingRows([r]).partial, path) !== undefined) ?? rows[0];
      source = { kind: 'sheet', file: from.file, sheet: from.sheet };
    } else if (pathValue(settings.rules, path) !== undefined) source = { kind: 'saved' };
    else if (preset && preset.id !== 'default' && pathValue(preset.config, path) !== undefined) source = { kind: 'preset', name: preset.name };
    return { path, value: pathValue(config, path), source };
  });
}
