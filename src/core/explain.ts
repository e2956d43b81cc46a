/**
 * Explanations (审核说明, SPEC §4.3): a finding may be answered with a written explanation instead of
 * a fix. The 审核说明 sheet holds one row per answer keyed by rule, unit and location; on every
 * re-check the answer is attached to the finding it keys, for as long as that finding persists.
 * Errors stay errors: only `explained` and `explanation` are set, never the severity.
 *
 * Keys: rule = the rule ID (the Chinese title is accepted too); unit = the unit's code, else its
 * name (either is accepted); location = "sheet!cell" for line findings, "sheet!第N行" for row
 * findings without a cell, and '' for unit-level and workbook-level findings — their row (the unit's
 * first line) moves as lines are inserted, so they are keyed by rule and unit alone.
 */
import { parseA1 } from './address';
import type { Explanation } from './context';
import type { Finding, RuleId } from './findings';
import { normalizeText } from './text';

/** Rules reported once per unit (SPEC §7 Locations): keyed without location. */
const UNIT_LEVEL_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'GENERAL_CUT.INSUFFICIENT', 'THREE_PUBLIC.OVER_LIMIT', 'THREE_PUBLIC.ITEM_INCREASE', 'ADMIN_CUT.INSUFFICIENT', 'SANBAO.SHORTFALL',
]);

/** The three key cells a 审核说明 row carries for a finding (write these; add the 说明 text). */
export interface ExplanationKey {
  rule: string;
  unit: string;
  at: string;
}

/** The key of a finding as written into the 审核说明 sheet's 规则, 单位 and 位置 columns. */
export function explanationKey(f: Finding): ExplanationKey {
  const unit = f.unit?.code || f.unit?.name || '';
  const loc = f.location;
  let at = '';
  if (loc.sheet && !UNIT_LEVEL_RULES.has(f.rule as RuleId) && !f.rule.endsWith('.NOT_CHECKED')) {
    if (loc.cell) at = `${loc.sheet}!${loc.cell}`;
    else if (loc.row !== undefined) at = `${loc.sheet}!第${loc.row}行`;
    else at = loc.sheet;
  }
  return { rule: f.rule, unit, at };
}

/** The key as one string, for de-duplicating 审核说明 rows. */
export function explanationKeyString(f: Finding): string {
  const k = explanationKey(f);
  return [k.rule, normalizeText(k.unit), normalizeAt(k.at)].join('|');
}

interface ParsedAt {
  sheet: string;
  row?: number;
  cell?: string;
}

function normSheet(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase();
}

/**
 * Parse a 位置 text leniently: "明细!H12", "'明细'!$H$12", "明细!第12行", "明细!row 12", "明细!12行",
 * a cell or row without a sheet (any sheet), or a sheet name alone. '' means unit/workbook level. The last '!' splits sheet and cell.
 */
export function parseAt(text: string): ParsedAt | null {
  const s = text.normalize('NFKC').trim();
  if (s === '') return null;
  const bang = s.lastIndexOf('!');
  if (bang < 0) {
    // A cell or row without a sheet ("H12", "第12行"): any sheet of the workbook.
    const bare = parseBareRef(s.replace(/\s+/g, ''));
    if (bare) return { sheet: '', ...bare };
  }
  let sheet = bang >= 0 ? s.slice(0, bang).trim() : s;
  const ref = bang >= 0 ? s.slice(bang + 1).replace(/\s+/g, '') : '';
  if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  sheet = normSheet(sheet);
  if (ref === '') return { sheet };
  return { sheet, ...parseBareRef(ref) };
}

function parseBareRef(ref: string): { row: number; cell?: string } | null {
  const plain = ref.replace(/\$/g, '');
  // Rows first: "row12" would otherwise read as column ROW.
  const row = /^(?:第|row)?(\d+)行?$/i.exec(plain);
  if (row) return { row: Number(row[1]) };
  const cell = parseA1(plain);
  return cell ? { row: cell.row, cell: plain.toUpperCase() } : null;
}

function normalizeAt(at: string): string {
  const p = parseAt(at);
  if (!p) return '';
  return p.cell ? `${p.sheet}!${p.cell}` : p.row !== undefined ? `${p.sheet}!${p.row}` : p.sheet;
}

function unitMatches(e: Explanation, f: Finding): boolean {
  const eu = normalizeText(e.unit);
  const codes = [f.unit?.code, f.unit?.name].filter((x): x is string => !!x).map(normalizeText);
  if (codes.length === 0) return true; // a workbook finding: whatever the 单位 cell says
  return codes.includes(eu);
}

function locationMatches(e: Explanation, f: Finding): boolean {
  const key = explanationKey(f);
  const at = parseAt(e.at);
  if (!at) return key.at === '';
  const loc = f.location;
  if (!loc.sheet || (at.sheet !== '' && normSheet(loc.sheet) !== at.sheet)) return false;
  // The same workbook: an explanation answers findings of its own file.
  if (e.location.file && loc.file && e.location.file !== loc.file) return false;
  if (at.cell) return loc.cell ? loc.cell.replace(/\$/g, '').toUpperCase() === at.cell : loc.row === at.row;
  if (at.row !== undefined) return loc.row === at.row;
  return true;
}

/** Rule keys compare without case and width: CUSTOM.a01 answers CUSTOM.A01. */
function ruleKey(rule: string): string {
  return rule.normalize('NFKC').trim().toUpperCase();
}

function ruleMatches(e: Explanation, f: Finding): boolean {
  return ruleKey(e.rule) === ruleKey(f.rule);
}

/** Whether the explanation answers the finding (rule, unit and location all match). */
export function explains(e: Explanation, f: Finding): boolean {
  return ruleMatches(e, f) && unitMatches(e, f) && locationMatches(e, f);
}

/**
 * The findings with `explained: true` and the explanation text set where a 审核说明 row answers them
 * (several answers are joined with "；"). New objects; the input is not modified.
 */
export function applyExplanations(findings: ReadonlyArray<Finding>, explanations: ReadonlyArray<Explanation>): Finding[] {
  if (explanations.length === 0) return findings.slice();
  const byRule = new Map<string, Explanation[]>();
  for (const e of explanations) {
    const k = ruleKey(e.rule);
    const list = byRule.get(k);
    if (list) list.push(e);
    else byRule.set(k, [e]);
  }
  return findings.map((f) => {
    const texts = (byRule.get(ruleKey(f.rule)) ?? []).filter((e) => explains(e, f)).map((e) => e.text.trim());
    const unique = [...new Set(texts)].filter(Boolean);
    if (unique.length === 0) return f;
    return { ...f, explained: true, explanation: unique.join('；') };
  });
}
