/**
 * One reader per auxiliary sheet (SPEC §2.2): Grid → data + findings. Pure, never throws on data.
 * A sheet recognised by name whose header cannot be found gives DATA.MISSING_COLUMN (warning) and
 * null data, so the rules that need it report NOT_CHECKED.
 */
import type { BondInterest, Explanation, ExecutionRow, PerfGrade, ProjectLibrary, SanbaoNeed } from '../context';
import { RULE_IDS, RULE_TITLE_ZH } from '../findings';
import type { Finding, FindingLocation, RuleId } from '../findings';
import { cellText } from '../grid';
import type { Cell, Grid } from '../grid';
import type { SanbaoType } from '../lines';
import { asciiNumeric } from '../money';
import { readExecutionSheet } from '../figures/execution';
import { splitCodeName } from '../performance/headers';
import { normalizeText } from '../text';
import { SPECS } from './kinds';
import type { AuxKind } from './kinds';
import { findHeader, missingHeaderFinding, readTable } from './table';
import type { LocatedTable, ReadOptions } from './table';

export interface AuxRead<T> {
  /** null when the sheet's header was not found. */
  readonly data: T | null;
  readonly findings: Finding[];
}

/** Locate the kind's header (and read its rows), or the DATA.MISSING_COLUMN finding. */
function locate(kind: AuxKind, file: string, grid: Grid, opts: ReadOptions): LocatedTable | Finding {
  const spec = SPECS[kind];
  const header = findHeader(grid.cells, spec, true) ?? findHeader(grid.cells, spec, false);
  if (!header) return missingHeaderFinding(file, grid, spec);
  // Re-match the header row with every alias: a by-signature match only holds the signature columns.
  const full = findHeader([grid.cells[header.row] ?? []], spec, false) ?? header;
  return readTable(file, grid, spec, { ...full, row: header.row }, opts);
}

function isFinding(x: LocatedTable | Finding): x is Finding {
  return (x as Finding).rule !== undefined;
}

/** Leading digits of a code cell: "2010101 行政运行", "[2010101]行政运行", 2010101 → "2010101". */
export function codeOf(v: Cell): string {
  const s = asciiNumeric(cellText(v)).replace(/^[\s[【(（]+/, '');
  const m = /^(\d+)/.exec(s);
  return m ? m[1] : '';
}

// ---- 项目库 ---------------------------------------------------------------------------------------

export function readProjectLibrary(file: string, grid: Grid, opts: ReadOptions = {}): AuxRead<ProjectLibrary> {
  const t = locate('projectLibrary', file, grid, opts);
  if (isFinding(t)) return { data: null, findings: [t] };
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const r of t.rows) {
    const code = r.text('code');
    const name = r.text('name');
    if (code) codes.add(code);
    if (name) names.add(name);
  }
  return { data: { codes, names, location: { file, sheet: grid.name } }, findings: t.findings };
}

// ---- 三保需求 -------------------------------------------------------------------------------------

const SANBAO_CODES: Record<string, SanbaoType> = { '003001': '保工资', '003002': '保运转', '003003': '保基本民生' };

/** 三保类型 from a cell: 保工资/保运转/保基本民生 (with or without 保), or the 一体化 codes 003001/2/3. */
export function parseSanbaoType(v: Cell): SanbaoType | null {
  const s = normalizeText(typeof v === 'number' ? String(v).padStart(6, '0') : cellText(v));
  if (s === '') return null;
  const code = /^0*300([123])/.exec(s);
  if (code) return SANBAO_CODES['00300' + code[1]];
  if (/基本民生|民生/.test(s)) return '保基本民生';
  if (/工资/.test(s)) return '保工资';
  if (/运转/.test(s)) return '保运转';
  return null;
}

export function readSanbaoNeeds(file: string, grid: Grid, opts: ReadOptions = {}): AuxRead<SanbaoNeed[]> {
  const t = locate('sanbaoNeeds', file, grid, opts);
  if (isFinding(t)) return { data: null, findings: [t] };
  const findings = t.findings; // r.amount() records DATA.BAD_AMOUNT here
  const needs: SanbaoNeed[] = [];
  let lastUnit = '';
  for (const r of t.rows) {
    // A unit written once above its block applies to the rows below it (fill down).
    const unit = r.text('unitCode') || r.text('unit') || lastUnit;
    lastUnit = unit;
    const need = r.amount('need');
    if (need === undefined || need === null) continue; // bad amount (reported) or blank: nothing required
    const type = parseSanbaoType(r.value('type'));
    if (!unit || !type) {
      const what = !unit ? '没有填写单位' : `三保类型“${r.text('type')}”无法识别（应为保工资、保运转、保基本民生或 003001、003002、003003）`;
      findings.push({
        rule: 'SANBAO.NOT_CHECKED',
        severity: 'info',
        location: r.location(!unit ? 'unit' : 'type'),
        message: `「${grid.name}」表第 ${r.sheetRow} 行${what}，该行需求未参与“三保”检查；请补全后重新审核`,
      });
      continue;
    }
    needs.push({ unit, type, needFen: need, location: r.location('need') });
  }
  return { data: needs, findings };
}

// ---- 债券付息 -------------------------------------------------------------------------------------

export function readBondInterest(file: string, grid: Grid, opts: ReadOptions = {}): AuxRead<BondInterest[]> {
  const t = locate('bondInterest', file, grid, opts);
  if (isFinding(t)) return { data: null, findings: [t] };
  const bonds: BondInterest[] = [];
  for (const r of t.rows) {
    const due = r.amount('due');
    if (due === undefined || due === null) continue;
    bonds.push({ bond: r.text('bond'), dueFen: due, location: r.location('due') });
  }
  return { data: bonds, findings: t.findings };
}

// ---- 科目对照 -------------------------------------------------------------------------------------

export function readCodeMap(file: string, grid: Grid, opts: ReadOptions = {}): AuxRead<Map<string, string>> {
  const t = locate('codeMap', file, grid, opts);
  if (isFinding(t)) return { data: null, findings: [t] };
  const map = new Map<string, string>();
  for (const r of t.rows) {
    const from = codeOf(r.value('from'));
    const to = codeOf(r.value('to'));
    if (from && to) map.set(from, to);
  }
  return { data: map, findings: t.findings };
}

// ---- 规则设置 -------------------------------------------------------------------------------------

export interface SettingRow {
  name: string;
  value: string | number | boolean;
  location: FindingLocation;
}

export function readSettings(file: string, grid: Grid, opts: ReadOptions = {}): AuxRead<SettingRow[]> {
  const t = locate('settings', file, grid, opts);
  if (isFinding(t)) return { data: null, findings: [t] };
  const rows: SettingRow[] = [];
  for (const r of t.rows) {
    const name = r.text('name');
    const v = r.value('value');
    // A blank value keeps the default (an empty string would parse as 0).
    if (!name || v === null || (typeof v === 'string' && v.trim() === '')) continue;
    const value = typeof v === 'number' || typeof v === 'boolean' ? v : cellText(v);
    rows.push({ name, value, location: r.location('value') });
  }
  return { data: rows, findings: t.findings };
}

// ---- 审核说明 -------------------------------------------------------------------------------------

const TITLE_TO_ID: ReadonlyMap<string, RuleId> = new Map(
  (Object.entries(RULE_TITLE_ZH) as Array<[RuleId, string]>).map(([id, title]) => [normalizeText(title), id]),
);

/** The rule ID written in a 规则 cell: the ID itself (any case), an ID inside longer text, or its Chinese title. */
export function parseRuleId(text: string): string {
  const s = text.normalize('NFKC').trim();
  // A 审核公式: CUSTOM.<编号> as written (编号 may be Chinese or hold digits).
  const custom = /^custom\.(.+)$/i.exec(s);
  if (custom) return `CUSTOM.${custom[1].trim()}`;
  // …or by the title the review shows for it: “审核公式 会议费”.
  const titled = /^审核公式\s*(\S.*)$/.exec(s);
  if (titled && titled[1] !== '无法计算') return `CUSTOM.${titled[1].trim()}`;
  const m = /[A-Za-z_]+\.[A-Za-z_]+/.exec(s);
  if (m) {
    const id = m[0].toUpperCase();
    if ((RULE_IDS as ReadonlyArray<string>).includes(id)) return id;
  }
  return TITLE_TO_ID.get(normalizeText(s)) ?? s;
}

export function readExplanations(file: string, grid: Grid, opts: ReadOptions = {}): AuxRead<Explanation[]> {
  const t = locate('explanations', file, grid, opts);
  if (isFinding(t)) return { data: null, findings: [t] };
  const out: Explanation[] = [];
  for (const r of t.rows) {
    const rule = r.text('rule');
    const text = r.text('text');
    if (!rule || !text) continue;
    out.push({ rule: parseRuleId(rule), unit: r.text('unit'), at: r.text('at'), text, location: r.location('text') });
  }
  return { data: out, findings: t.findings };
}

// ---- 审核公式 -------------------------------------------------------------------------------------

/** A row of a 审核公式 sheet: 编号 | 公式 | 类型 (强制/提示) | 说明 | 适用范围. */
export interface FormulaRow {
  id: string;
  formula: string;
  type: string;
  note: string;
  scope: string;
  /** The 公式 cell. */
  location: FindingLocation;
}

export function readFormulas(file: string, grid: Grid, opts: ReadOptions = {}): AuxRead<FormulaRow[]> {
  const t = locate('formulas', file, grid, opts);
  if (isFinding(t)) return { data: null, findings: [t] };
  const out: FormulaRow[] = [];
  for (const r of t.rows) {
    const formula = r.text('formula');
    if (!formula) continue;
    out.push({ id: r.text('id') || `第${r.sheetRow}行`, formula, type: r.text('type'), note: r.text('note'), scope: r.text('scope'), location: r.location('formula') });
  }
  return { data: out, findings: t.findings };
}

// ---- 科目 -----------------------------------------------------------------------------------------

export interface CatalogRow {
  code: string;
  name: string;
  /** The 类型 cell as written (功能分类 / 经济分类 …), absent when blank: entriesFromCatalogRows decides. */
  type?: string;
  location: FindingLocation;
}

/** 科目 rows, shaped for catalog's entriesFromCatalogRows (which validates code lengths and kinds). */
export function readCatalog(file: string, grid: Grid, opts: ReadOptions = {}): AuxRead<CatalogRow[]> {
  const t = locate('catalog', file, grid, opts);
  if (isFinding(t)) return { data: null, findings: [t] };
  const out: CatalogRow[] = [];
  for (const r of t.rows) {
    const codeCell = r.value('code');
    const code = codeOf(codeCell);
    if (!code) continue;
    // A name column, else the name written after the code ("2010101 行政运行").
    const name = r.text('name') || cellText(codeCell).normalize('NFKC').replace(/^[\s[【(（]*\d+[\]】)）]?[\s\-－—:：]*/, '').trim();
    const row: CatalogRow = { code, name, location: r.location('code') };
    const type = r.text('type');
    if (type) row.type = type;
    out.push(row);
  }
  return { data: out, findings: t.findings };
}

// ---- 预算执行 -------------------------------------------------------------------------------------

/** 预算执行 rows, read by the report-figures reader so that both see the sheet the same way. */
export function readExecution(file: string, grid: Grid, opts: ReadOptions = {}): AuxRead<ExecutionRow[]> {
  const sheet = readExecutionSheet(grid, file, opts.defaultUnit ?? 'yuan');
  if (!sheet) return { data: null, findings: [missingHeaderFinding(file, grid, SPECS.execution)] };
  return { data: sheet.rows, findings: [] };
}

// ---- 绩效评价 -------------------------------------------------------------------------------------

/**
 * 上年绩效评价等级 by project (issue 16: ZBB.UNDERPERFORMER_NOT_CUT names it): project code and/or
 * name, optionally the unit, and the 评价等级 (优/良/中/差 or a score). Rows without a grade are skipped.
 */
export function readPerfGrades(file: string, grid: Grid, opts: ReadOptions = {}): AuxRead<PerfGrade[]> {
  const t = locate('perfGrades', file, grid, opts);
  if (isFinding(t)) return { data: null, findings: [t] };
  const out: PerfGrade[] = [];
  for (const r of t.rows) {
    const grade = r.text('grade');
    const projectCode = r.text('code');
    const projectName = r.text('name');
    if (grade === '' || (projectCode === '' && projectName === '')) continue;
    let unitCode = r.text('unitCode');
    let unitName = r.text('unit');
    if (unitCode === '' && unitName !== '') ({ code: unitCode, name: unitName } = splitCodeName(unitName));
    out.push({ file, sheet: grid.name, unitCode, unitName, projectCode, projectName, grade, location: r.location('grade') });
  }
  return { data: out, findings: t.findings };
}
