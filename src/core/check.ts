/**
 * The one entry point every front door calls: grids in, findings out (SPEC §4.1).
 * Reading, parameters, prior-year matching, rules and explanations are wired here; each rule lives
 * in rules/, each reader in reader/ and aux/.
 */
import { AuxSheets, readAuxSheets } from './supporting';
import { supportingAmountsInRange } from './supporting/amounts-range';
import { createCatalog, defaultCatalog, entriesFromCatalogRows } from './catalog';
import { ConfigError, RuleConfig, RuleConfigInput, configFromSettingRows, mergeConfig, resolveConfig } from './config';
import type { AuxData, InputInfo, PriorSource, RuleContext } from './context';
import { emptyAux } from './context';
import { applyExplanations } from './explain';
import { DEFAULT_SEVERITY, Finding, Summary, RuleId, compareFindings, summarize } from './findings';
import type { WorkbookGrids } from './grid';
import type { BudgetLine } from './lines';
import type { PerfGoal } from './performance/model';
import { goalFundsInRange } from './performance/funds-range';
import { MagnitudeAccount } from './money';
import { isPerformanceSheet } from './performance';
import { perfNotChecked } from './messages/performance';
import { dataMessages } from './messages/data';
import { readWorkbookDetail, unrecognisedFinding, WorkbookRead } from './reader/workbook';
import { resolveUnitConflicts, SheetUnits, UnitConflicts, unitConflicts } from './reader/units';
import { fileUnderRunUnits } from './run-unit';
import { RULE_FAMILIES } from './rules';
import { projectPerformance } from './rules/performance';
import { checkFilledTables, isFilledTablesWorkbook, readFilledTables, unreadSheets } from './tables/filled';
import { priorTablesRefused, tablesYearOnYear } from './tables/filled/prior';
import { FormulaDef, INVALID_RULE, formulaSheetNames, runFormulas } from './formulas';

export interface CheckOptions {
  /** Partial config from a rules file (--rules); layered over the workbook's 规则设置 sheet. */
  rules?: unknown;
  /** Base config (pane settings or a preset); defaults when absent. */
  base?: RuleConfigInput;
  /** Prior-year workbooks (--prior). */
  prior?: ReadonlyArray<WorkbookGrids>;
  /**
   * Inputs that could not be read at all, and (with `sheet`) sheets of a read input that could not be
   * read (a part missing from the .xlsx): each becomes DATA.UNREADABLE_FILE.
   */
  unreadable?: ReadonlyArray<{ file: string; reason: string; sheet?: string }>;
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
  /** Files read as workbooks of filled 公开表 (their sheets are tables, not detail sheets). */
  tableFiles?: string[];
  /**
   * Which unit each row of each detail sheet of the inputs belongs to (issue 19): what the per-unit
   * review workbooks are cut by. Absent in reports built by hand (tests).
   */
  sheetUnits?: SheetUnits[];
  /** Goals read from 绩效目标 sheets (for the 项目支出绩效目标表 and the pane's goal grid); absent when none. */
  performance?: PerfGoal[];
  /**
   * The units DATA.UNIT_UNRESOLVED dropped (a code written with two names, a name with two codes) and
   * each other name's one code, across the current-year sheets: a goal of such a unit belongs to no
   * unit's review workbook, as its budget rows do, and a goal naming its unit by name only joins that
   * name's code's (src/core/per-unit.ts). Absent in reports built by hand (tests).
   */
  unitConflicts?: UnitConflicts;
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
  if (from.performance) into.performance = [...(into.performance ?? []), ...from.performance];
  if (from.perfGrades) into.perfGrades = [...(into.perfGrades ?? []), ...from.perfGrades];
}

/** The amount unit (金额单位) of a workbook's sheets, as InputInfo.unit (SPEC §4.1 JSON) reports it. */
function amountUnitLabel(reads: WorkbookRead): InputInfo['unit'] {
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
    if (u.sheet !== undefined) findings.push({ ...workbookFinding(u.file, unreadableSheetMessage(u.sheet, u.reason), 'DATA.UNREADABLE_FILE'), location: { file: u.file, sheet: u.sheet } });
    else findings.push(workbookFinding(u.file, dataMessages.unreadable({ file: u.file, reason: u.reason }), 'DATA.UNREADABLE_FILE'));
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

  // 审核公式: a data workbook's own sheet applies to that workbook, a rules workbook's (nothing but
  // supporting sheets) to every input, and so do the rules file's and the pane's.
  const formulaDefs: FormulaDef[] = [];
  for (const wb of workbooks) {
    const a = auxByFile.get(wb.file) as AuxSheets;
    if (a.formulas.length === 0) continue;
    const home = wb.sheets.length > a.usedSheets.length ? wb.file : null;
    for (const f of a.formulas) formulaDefs.push({ ...f, origin: f.location, home });
  }
  for (const f of config.formulas) formulaDefs.push({ ...f, origin: null, home: null });
  const formulaSheets = formulaSheetNames(formulaDefs);

  // 3. Detail sheets of the inputs and of --prior workbooks.
  const reads: WorkbookRead[] = [];
  // Every amount of the run within one exact range (MAX_RUN_FEN): prior 公开表, then the inputs'
  // tables and lines in order, then prior lines, then goals' funds.
  const magnitude = new MagnitudeAccount();
  const tableSheets = new Map<string, string[]>();
  let recognised = false;
  // A prior year given as 公开表 has no budget lines: it feeds the table checks that allow it.
  const priorTables = (opts.prior ?? []).filter((wb) => isFilledTablesWorkbook(wb)).map((wb) => ({ file: wb.file, tables: readFilledTables(wb, magnitude) }));
  const priorDetail = (opts.prior ?? []).filter((wb) => !priorTables.some((p) => p.file === wb.file));
  for (const wb of workbooks) {
    let a = auxByFile.get(wb.file) as AuxSheets;
    // A workbook of filled standard tables (公开表) is checked by the TABLES.* rules instead.
    if (isFilledTablesWorkbook(wb)) {
      const t = checkFilledTables(wb, magnitude);
      // A sheet read as one of the 公开表 (its 项目支出绩效目标表, say) is not also a supporting sheet.
      const asTables = new Set(t.tables.map((x) => x.sheet));
      findings.push(...t.findings, ...a.findings.filter((f) => !f.location.sheet || !asTables.has(f.location.sheet)));
      findings.push(...unreadSheets(wb, t.tables, new Set(a.usedSheets)));
      for (const p of priorTables) findings.push(...tablesYearOnYear(wb.file, t.tables, p.file, p.tables, config));
      reads.push({ file: wb.file, current: [], prior: [], unrecognised: [], findings: [] });
      tableSheets.set(wb.file, [...new Set(t.tables.map((x) => x.sheet))]);
      // Tables recognised by name only, none understood, leave nothing checked (exit 2 as for any unreadable input).
      if (t.tables.some((x) => x.problem === null)) recognised = true;
      continue;
    }
    const r = readWorkbookDetail(wb, config, new Set(a.usedSheets), false, magnitude);
    reads.push(r);
    findings.push(...r.findings);
    // Auxiliary sheets that state no unit take the main sheet's (SPEC §7 Auxiliary sheets).
    const mainUnit = r.current[0]?.amountUnit;
    if (mainUnit && mainUnit !== 'yuan' && a.usedSheets.length) a = readAuxSheets(wb.file, wb.sheets, { defaultUnit: mainUnit });
    mergeAux(aux, a.aux, wb.file, r.current.some((x) => x.lines.length > 0));
    findings.push(...a.findings);
    if (r.current.length || r.prior.length || a.usedSheets.length > 0) recognised = true;
    // A sheet a 审核公式 reads is checked by that formula, not skipped.
    for (const s of r.unrecognised) if (!formulaSheets.has(s)) findings.push(unrecognisedFinding(wb.file, s));
  }
  const priorReads = priorDetail.map((wb) => readWorkbookDetail(wb, config, new Set(), true, magnitude));
  if (aux.performance) {
    const inRange = goalFundsInRange(aux.performance, magnitude);
    aux.performance = inRange.goals;
    findings.push(...inRange.findings);
  }
  findings.push(...supportingAmountsInRange(aux, magnitude));
  // A code with two names (or a name with two codes) anywhere in the run: its rows belong to no unit.
  // Prior sheets are judged on their own (a unit may have been renamed since last year).
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
    unit: amountUnitLabel(r),
  }));
  const catalog = catalogRows.length ? createCatalog(entriesFromCatalogRows(catalogRows)) : defaultCatalog;
  // Per-input NOT_CHECKED findings concern inputs that hold budget lines, not e.g. a 预算执行 workbook.
  const ctx: RuleContext = { config, lines, prior, aux, inputs: inputs.filter((i) => i.lines > 0), catalog, unitConflicts: conflicts };

  findings.push(...missingOptionalColumns(reads, prior));
  if (lines.length) for (const p of priorTables) findings.push(priorTablesRefused(p.file));
  // 绩效目标 sheets without budget lines (sent on their own): their grids are still checked, and
  // PERF.NOT_CHECKED says the funds were not — never an empty, clean-looking result.
  const families = lines.length ? RULE_FAMILIES : aux.performance?.length ? [projectPerformance] : [];
  for (const family of families) {
    try {
      findings.push(...family.run(ctx));
    } catch (e) {
      // A rule bug must not hide the other rules' findings, nor look like a pass.
      const rule = `${family.family}.NOT_CHECKED` as RuleId;
      findings.push(workbookFinding(inputs[0]?.file ?? workbooks[0]?.file ?? '', `规则组 ${family.family} 执行出错，未能检查：${e instanceof Error ? e.message : String(e)}`, DEFAULT_SEVERITY[rule] ? rule : 'DATA.NOT_CHECKED'));
    }
  }

  if (formulaDefs.length) {
    try {
      findings.push(...runFormulas(formulaDefs, { workbooks, lines, priorLines }, inputs[0]?.file ?? workbooks[0]?.file ?? ''));
    } catch (e) {
      // Never a crash and never a silent pass: the formulas are reported as not evaluated.
      findings.push(workbookFinding(inputs[0]?.file ?? '', `审核公式执行出错，未能计算：${e instanceof Error ? e.message : String(e)}`, INVALID_RULE));
    }
  }

  if (lines.length) perfNotCheckedForUnreadSheets(findings, opts.unreadable ?? [], ctx.inputs);
  // Every finding under the unit its rows go to (run-unit.ts), before explanations match by unit.
  const explained = applyExplanations(fileUnderRunUnits(findings, conflicts), aux.explanations);
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
    tableFiles: [...tableSheets.keys()],
    sheetUnits: reads.flatMap((r) => [...r.current, ...r.prior].map((s) => s.rows)),
    unitConflicts: conflicts,
    ...(aux.performance ? { performance: aux.performance } : {}),
  };
}

/** “「项目支出绩效目标表」表无法读取（文件中缺少该表的数据），该表未检查”. */
function unreadableSheetMessage(sheet: string, reason: string): string {
  return `「${sheet}」表无法读取（${reason}），该表未检查；请重新获取原文件，或在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查`;
}

/**
 * A sheet named as a 绩效目标 sheet that could not be read: the goals it holds are unknown, so no
 * project of the file is "without goals" (PERF.NOT_COVERED) and no unit's coverage is short
 * (PERF.COVERAGE); one PERF.NOT_CHECKED says so instead. A workbook of goals only may cover any
 * input: then every input with lines is concerned.
 */
function perfNotCheckedForUnreadSheets(findings: Finding[], unreadable: NonNullable<CheckOptions['unreadable']>, inputs: ReadonlyArray<InputInfo>): void {
  const withLines = new Set(inputs.map((i) => i.file));
  const sheetsOf = new Map<string, string[]>();
  for (const u of unreadable) {
    if (u.sheet === undefined || !isPerformanceSheet({ name: u.sheet, cells: [] })) continue;
    for (const file of withLines.has(u.file) ? [u.file] : withLines) {
      const label = `${u.file === file ? '' : u.file}「${u.sheet}」`;
      sheetsOf.set(file, [...(sheetsOf.get(file) ?? []), label]);
    }
  }
  if (sheetsOf.size === 0) return;
  // The family's own NOT_CHECKED (“没有绩效目标表”) would contradict the sheet it could not read.
  const moot = (f: Finding) => f.rule === 'PERF.NOT_COVERED' || f.rule === 'PERF.COVERAGE' || (f.rule === 'PERF.NOT_CHECKED' && f.message === perfNotChecked(f.location.file));
  const kept = findings.filter((f) => !(sheetsOf.has(f.location.file) && moot(f)));
  findings.length = 0;
  findings.push(...kept);
  for (const [file, sheets] of sheetsOf) {
    const message = `${file}：绩效目标表${sheets.join('、')}无法读取，项目绩效目标是否全覆盖未检查（没有绩效目标的项目未列出，不视为通过）`;
    findings.push(workbookFinding(file, message, 'PERF.NOT_CHECKED'));
  }
}

export { resolveConfig, summarize, compareFindings };

/** The rule codes the check's own (files it cannot read, families that fail) findings may carry (rows of rules/catalogue.ts; tests/core/catalogue.test.ts holds them to it). */
export const CHECK_EMITS: ReadonlyArray<RuleId> = ['DATA.UNREADABLE_FILE', 'DATA.MISSING_COLUMN', 'DATA.NOT_CHECKED', 'PERF.NOT_CHECKED'];
