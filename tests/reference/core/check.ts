/**
 * The one entry point every front door calls: grids in, findings out (SPEC §4.1).
 * Reading, parameters, prior-year matching, rules and explanations are wired here; each rule lives
 * in rules/, each reader in reader/ and aux/.
 */
import { AuxSheets, readAuxSheets } from '../../../src/core/supporting';
import { createCatalog, defaultCatalog, entriesFromCatalogRows } from '../../../src/core/catalog';
import { ConfigError, RuleConfig, RuleConfigInput, configFromSettingRows, mergeConfig, resolveConfig } from '../../../src/core/config';
import type { AuxData, InputInfo, PriorSource, RuleContext } from '../../../src/core/context';
import { emptyAux } from '../../../src/core/context';
import { applyExplanations } from '../../../src/core/explain';
import { DEFAULT_SEVERITY, Finding, Summary, RuleId, compareFindings, summarize } from '../../../src/core/findings';
import type { WorkbookGrids } from '../../../src/core/grid';
import type { BudgetLine } from './lines';
import { dataMessages } from '../../../src/core/messages/data';
import { readWorkbookDetail, unrecognisedFinding, WorkbookRead } from './reader/workbook';
import { RULE_FAMILIES } from './rules';
import { resolveUnitConflicts, unitConflicts } from '../../../src/core/reader/units';
import { referenceFileUnderRunUnits } from './run-unit';
import { checkFilledTables, isFilledTablesWorkbook } from '../../../src/core/tables/filled';

export interface CheckOptions {
  /** Partial config from a rules file (--rules); layered over the workbook's 规则设置 sheet. */
  rules?: unknown;
  /** Base config (pane settings or a preset); defaults when absent. */
  base?: RuleConfigInput;
  /** Prior-year workbooks (--prior). */
  prior?: ReadonlyArray<WorkbookGrids>;
  /** Inputs that could not be read at all (become DATA.UNREADABLE_FILE). */
  unreadable?: ReadonlyArray<{ file: string; reason: string }>;
}

export interface CheckReport {
  version: 1;
  inputs: InputInfo[];
  findings: Finding[];
  summary: Summary;
  config: RuleConfig;
  /** Current-year lines (not part of the JSON output; used by tables and the pane). */
  lines: BudgetLine[];
  /** Prior-year lines from prior sheets or --prior workbooks. */
  priorLines: BudgetLine[];
  /** Whether at least one sheet had a recognisable header (else: nothing to check, exit 2). */
  recognised: boolean;
  /** The year read from the inputs' titles, when stated. */
  year: number | null;
}

/** The findings JSON of SPEC §4.1. */
export function reportJson(r: CheckReport): object {
  return { version: 1, inputs: r.inputs, findings: r.findings, summary: r.summary };
}

function workbookFinding(file: string, message: string, rule: RuleId = 'DATA.NOT_CHECKED'): Finding {
  return { rule, severity: DEFAULT_SEVERITY[rule], location: { file }, message };
}

/** Prior lines recoded through 科目对照 so that last year's codes still match. */
function recode(lines: BudgetLine[], codeMap: Map<string, string>): BudgetLine[] {
  if (codeMap.size === 0) return lines;
  return lines.map((l) => {
    const f = codeMap.get(l.functionCode);
    const e = codeMap.get(l.economicCode);
    return f || e ? { ...l, functionCode: f ?? l.functionCode, economicCode: e ?? l.economicCode } : l;
  });
}

/**
 * When some inputs bring prior-year sheets (or --prior is given), prior figures are matched line by
 * line. Inputs that state their prior in 上年预算数 columns instead are turned into prior lines too, so
 * that one run can mix both kinds of submission.
 */
function priorFromColumns(reads: WorkbookRead[], lines: BudgetLine[], priorForAll: boolean): BudgetLine[] {
  if (priorForAll) return [];
  const withPriorSheet = new Set(reads.filter((r) => r.prior.length > 0).map((r) => r.file));
  const srcs = new Map<BudgetLine['src'], BudgetLine['src']>();
  const out: BudgetLine[] = [];
  for (const l of lines) {
    if (withPriorSheet.has(l.src.file) || l.priorFen === null) continue;
    let src = srcs.get(l.src);
    if (!src) srcs.set(l.src, (src = { ...l.src, prior: true }));
    out.push({ ...l, src, amountFen: l.priorFen, priorFen: null });
  }
  return out;
}

function mergeAux(into: AuxData, from: Partial<AuxData>, file: string, hasLines: boolean): void {
  if (from.projectLibrary && hasLines) {
    // A department's own 项目库 judges its own projects, not the other inputs of the run.
    (into.projectLibraryByFile ??= new Map()).set(file, from.projectLibrary);
  } else if (from.projectLibrary) {
    const a = into.projectLibrary;
    into.projectLibrary = a
      ? { codes: new Set([...a.codes, ...from.projectLibrary.codes]), names: new Set([...a.names, ...from.projectLibrary.names]), location: a.location }
      : from.projectLibrary;
  }
  if (from.sanbaoNeeds) into.sanbaoNeeds = [...(into.sanbaoNeeds ?? []), ...from.sanbaoNeeds];
  if (from.bondInterest) into.bondInterest = [...(into.bondInterest ?? []), ...from.bondInterest];
  if (from.execution) into.execution = [...(into.execution ?? []), ...from.execution];
  if (from.explanations) into.explanations.push(...from.explanations);
  if (from.codeMap) for (const [k, v] of from.codeMap) into.codeMap.set(k, v);
}

function unitLabel(reads: WorkbookRead): InputInfo['unit'] {
  const units = new Set(reads.current.map((s) => (s.amountUnit === 'wan' ? '万元' : '元')));
  return units.size === 0 ? '' : units.size > 1 ? '混合' : (units.values().next().value as '元' | '万元');
}

/** Optional columns a rule needs: one DATA.MISSING_COLUMN warning per sheet (SPEC §7). */
function missingOptionalColumns(reads: WorkbookRead[], prior: PriorSource): Finding[] {
  const out: Finding[] = [];
  for (const wb of reads) {
    for (const s of wb.current) {
      if (!s.complete) continue;
      const c = s.layout.columns;
      const at = { file: wb.file, sheet: s.sheet, row: s.headerRow };
      const warn = (field: string, purpose: string) =>
        out.push({ rule: 'DATA.MISSING_COLUMN', severity: 'warning', location: at, message: dataMessages.missingColumn({ sheet: s.sheet, field, purpose }) });
      if (s.hasProjects && c.basis === undefined) warn('basis', '无法检查项目测算依据（零基预算）');
      if (s.hasProjects && c.perfGoal === undefined) warn('perfGoal', '无法检查绩效目标全覆盖');
      if (prior.kind === 'none' && c.priorAmount === undefined && s.layout.priorFundColumns.length === 0) {
        warn('priorAmount', '且未提供上年预算表（--prior），同比压减类规则无法检查');
      }
    }
  }
  return out;
}

export function checkWorkbooks(workbooks: ReadonlyArray<WorkbookGrids>, opts: CheckOptions = {}): CheckReport {
  const findings: Finding[] = [];
  for (const u of opts.unreadable ?? []) {
    findings.push(workbookFinding(u.file, dataMessages.unreadable({ file: u.file, reason: u.reason }), 'DATA.UNREADABLE_FILE'));
  }

  // 1. Auxiliary sheets first: they carry the 规则设置 that the detail reader's default unit depends on.
  const aux = emptyAux();
  const auxByFile = new Map<string, AuxSheets>();
  const settingRows: { name: string; value: string | number | boolean }[] = [];
  const catalogRows: { code: string; name: string; type?: string }[] = [];
  for (const wb of workbooks) {
    const a = readAuxSheets(wb.file, wb.sheets);
    auxByFile.set(wb.file, a);
    settingRows.push(...a.settings);
    catalogRows.push(...a.catalogRows);
  }

  // 2. Parameters: defaults < pane/preset base < 规则设置 sheet < rules file. A bad rules file throws
  //    ConfigError (the CLI's exit 2); a bad 规则设置 sheet is a finding and the sheet is ignored.
  let base: RuleConfigInput = opts.base ?? {};
  if (settingRows.length) {
    const { partial, unknown } = configFromSettingRows(settingRows);
    const file = workbooks[0]?.file ?? '';
    if (unknown.length) findings.push(workbookFinding(file, `规则设置中的参数“${unknown.join('、')}”无法识别，已忽略；可用参数见 README`));
    try {
      resolveConfig(partial, base);
      base = mergeConfig(base as Record<string, unknown>, partial) as RuleConfigInput;
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      findings.push(workbookFinding(file, `规则设置无效，已按默认参数检查：${e.message}`));
    }
  }
  const config = resolveConfig(opts.rules, base);

  // 3. Detail sheets of the inputs and of --prior workbooks.
  const reads: WorkbookRead[] = [];
  const tableSheets = new Map<string, string[]>();
  let recognised = false;
  for (const wb of workbooks) {
    let a = auxByFile.get(wb.file) as AuxSheets;
    // A workbook of filled standard tables (公开表) is checked by the TABLES.* rules instead.
    if (isFilledTablesWorkbook(wb)) {
      const t = checkFilledTables(wb);
      findings.push(...t.findings, ...a.findings);
      reads.push({ file: wb.file, current: [], prior: [], unrecognised: [], findings: [] });
      tableSheets.set(wb.file, [...new Set(t.tables.map((x) => x.sheet))]);
      recognised = true;
      continue;
    }
    const r = readWorkbookDetail(wb, config, new Set(a.usedSheets));
    reads.push(r);
    findings.push(...r.findings);
    // Auxiliary sheets that state no unit take the main sheet's (SPEC §7 Auxiliary sheets).
    const mainUnit = r.current[0]?.amountUnit;
    if (mainUnit && mainUnit !== 'yuan' && a.usedSheets.length) a = readAuxSheets(wb.file, wb.sheets, { defaultUnit: mainUnit });
    mergeAux(aux, a.aux, wb.file, r.current.some((x) => x.lines.length > 0));
    findings.push(...a.findings);
    if (r.current.length || r.prior.length || a.usedSheets.length > 0) recognised = true;
    for (const s of r.unrecognised) findings.push(unrecognisedFinding(wb.file, s));
  }
  const priorReads = (opts.prior ?? []).map((wb) => readWorkbookDetail(wb, config, new Set(), true));
  // Issue 19: units whose code has two names (or name two codes) belong to no unit.
  const conflicts = unitConflicts(reads.flatMap((r) => r.current));
  findings.push(...resolveUnitConflicts(reads.flatMap((r) => r.current)));
  for (const r of reads) for (const s of r.prior) findings.push(...resolveUnitConflicts([s]));
  for (const r of priorReads) for (const s of r.prior) r.findings.push(...resolveUnitConflicts([s]));
  for (const r of priorReads) findings.push(...r.findings.filter((f) => f.severity === 'error'));

  const lines: BudgetLine[] = [];
  for (const r of reads) for (const s of r.current) for (const l of s.lines) lines.push(l);
  let priorLines: BudgetLine[] = [];
  for (const r of [...reads, ...priorReads]) for (const s of r.prior) for (const l of s.lines) priorLines.push(l);
  priorLines = recode(priorLines, aux.codeMap);
  if (priorLines.length) priorLines.push(...priorFromColumns(reads, lines, (opts.prior ?? []).length > 0));
  const hasPriorColumns = reads.some((r) => r.current.some((s) => s.layout.columns.priorAmount !== undefined || s.layout.priorFundColumns.length > 0));
  const prior: PriorSource = priorLines.length ? { kind: 'lines', lines: priorLines } : hasPriorColumns ? { kind: 'columns' } : { kind: 'none' };

  const inputs: InputInfo[] = reads.map((r) => ({
    file: r.file,
    sheets: tableSheets.get(r.file) ?? r.current.map((s) => s.sheet),
    lines: r.current.reduce((n, s) => n + s.lines.length, 0),
    unit: unitLabel(r),
  }));
  const catalog = catalogRows.length ? createCatalog(entriesFromCatalogRows(catalogRows)) : defaultCatalog;
  // Per-input NOT_CHECKED findings concern inputs that hold budget lines, not e.g. a 预算执行 workbook.
  const ctx: RuleContext = { config, lines, prior, aux, inputs: inputs.filter((i) => i.lines > 0), catalog };

  findings.push(...missingOptionalColumns(reads, prior));
  if (lines.length) {
    for (const family of RULE_FAMILIES) {
      try {
        findings.push(...family.run(ctx));
      } catch (e) {
        // A rule bug must not hide the other rules' findings, nor look like a pass.
        const rule = `${family.family}.NOT_CHECKED` as RuleId;
        findings.push(workbookFinding(inputs[0]?.file ?? '', `规则组 ${family.family} 执行出错，未能检查：${e instanceof Error ? e.message : String(e)}`, DEFAULT_SEVERITY[rule] ? rule : 'DATA.NOT_CHECKED'));
      }
    }
  }

  // Every finding under the run's unit (src/core/run-unit.ts), before explanations match by unit.
  const explained = applyExplanations(referenceFileUnderRunUnits(findings, conflicts), aux.explanations);
  explained.sort(compareFindings);
  const years = reads.flatMap((r) => r.current.map((s) => s.layout.year)).filter((y): y is number => y !== null);
  return {
    version: 1,
    inputs,
    findings: explained,
    summary: summarize(explained),
    config,
    lines,
    priorLines,
    recognised,
    year: years.length ? Math.max(...years) : null,
  };
}

export { resolveConfig, summarize, compareFindings };
