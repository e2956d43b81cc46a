/**
 * Filled standard tables (公开表, SPEC §2.3): recognise them in a workbook and apply the TABLES.*
 * rules of SPEC §3 — ROW_SUM, HIERARCHY_SUM, CROSS_TABLE, MISSING, EMPTY_UNEXPLAINED — with the
 * 元/万元 tolerances. A table that cannot be read gives TABLES.NOT_CHECKED, never silence.
 */
import { DEFAULT_SEVERITY, Finding } from '../../findings';
import type { Grid, WorkbookGrids } from '../../grid';
import { cellText } from '../../grid';
import { AmountUnit, MagnitudeAccount } from '../../money';
import {
  badAmountMessage, contradictionMessage, emptyUnexplainedMessage, missingMessage, notCheckedMessage, roundingMessage, shortCodeMessage, unitUnknownMessage,
} from '../../messages/tables';
import { normalizeText } from '../../text';
import { performanceSheetKind } from '../../performance/read';
import { CrossChecker } from './cross';
import type { AmountCell, FilledTable, NamingFamily, TableKind, TableRow, TableStage } from './model';
import { BadCell, ShortCode, isConditionalStatement, readTable } from './read';
import { countTitles, findSegments } from './segments';
import { SumContext, checkHierarchy, checkRowSums, checkSummarySides, checkThreePublicRows, tableFinding } from './sums';
import { EXPECTED_FINAL_TABLES, expectedTables, tableName } from './titles';
import type { RuleId } from '../../rules/catalogue';

export type { FilledTable, NamingFamily, TableKind, TableStage } from './model';
export { matchTitle, EXPECTED_FINAL_TABLES, EXPECTED_TABLES, PERFORMANCE_TABLE_FROM_YEAR, TABLE_NAMES, TABLE_TITLES, expectedTables, tableName } from './titles';

interface ReadAll {
  tables: FilledTable[];
  bad: Array<{ table: FilledTable; cell: BadCell }>;
  short: Array<{ table: FilledTable; code: ShortCode }>;
}

/** `magnitude`: the check's running total of amounts (money.ts MAX_RUN_FEN). */
function readAll(wb: WorkbookGrids, magnitude: MagnitudeAccount): ReadAll {
  const out: ReadAll = { tables: [], bad: [], short: [] };
  for (const grid of wb.sheets) {
    let unit: AmountUnit | null = null;
    for (const seg of findSegments(grid)) {
      const { table, bad, shortCodes } = readTable(seg, wb.file, unit, magnitude);
      if (table.amountUnitFound) unit = table.amountUnit;
      out.tables.push(table);
      for (const cell of bad) out.bad.push({ table, cell });
      for (const code of shortCodes ?? []) out.short.push({ table, code });
    }
  }
  return out;
}

/** The standard tables of a workbook, in sheet order. */
export function readFilledTables(wb: WorkbookGrids, magnitude = new MagnitudeAccount()): FilledTable[] {
  return readAll(wb, magnitude).tables;
}

/** The naming family most titles follow (national when tied or undecided). */
export function namingFamily(tables: ReadonlyArray<FilledTable>): NamingFamily {
  let sh = 0;
  let nat = 0;
  for (const t of tables) {
    if (t.family === 'shanghai') sh++;
    else if (t.family === 'national') nat++;
  }
  return sh > nat ? 'shanghai' : 'national';
}

/**
 * A budget-detail header row: a function-code and an economic-code caption side by side. A filled
 * table never has both in one row (功能分类 tables and the 经济分类 table are apart).
 */
function hasDetailHeader(grid: Grid): boolean {
  const rows = Math.min(grid.cells.length, 30);
  for (let r = 0; r < rows; r++) {
    let fn = false;
    let eco = false;
    for (const v of grid.cells[r] ?? []) {
      const t = normalizeText(cellText(v));
      if (t.length > 20) continue;
      if (/功能(分类)?科目|功能分类|功能科目/.test(t)) fn = true;
      if (/经济(分类)?科目|经济分类|经济科目/.test(t)) eco = true;
    }
    if (fn && eco) return true;
  }
  return false;
}

/**
 * At least two standard table titles, or one and no budget-detail header anywhere. Sheets with a
 * detail header are not searched for titles, so a large detail workbook costs a glance per sheet.
 */
export function isFilledTablesWorkbook(wb: WorkbookGrids): boolean {
  let titles = 0;
  let detail = false;
  for (const grid of wb.sheets) {
    if (hasDetailHeader(grid)) {
      detail = true;
      continue;
    }
    // A 绩效目标 sheet repeats its title on every project block: those titles make no 公开表 set
    // (a set's own 项目支出绩效目标表 is still read with the set, by its other tables' titles).
    if (performanceSheetKind(grid) !== null) continue;
    titles += countTitles(grid, 2 - titles);
    if (titles >= 2) return true;
  }
  return titles === 1 && !detail;
}

/** The stage most tables belong to (预算 when tied). */
export function tableStage(tables: ReadonlyArray<FilledTable>): TableStage {
  const final = tables.filter((t) => t.stage === 'final').length;
  return final * 2 > tables.length ? 'final' : 'budget';
}

/**
 * The budget year of a set: the first year written in a table's title ("2026年部门收支总表"), else in
 * the file's name ("江苏省委办公厅2019年度部门预算公开表格"); null when neither gives one.
 */
export function setYear(tables: ReadonlyArray<FilledTable>, file: string): number | null {
  for (const t of tables) {
    const m = /((?:19|20)\d{2})\s*年/.exec(t.title.normalize('NFKC'));
    if (m) return Number(m[1]);
  }
  const base = file.split(/[\\/]/).pop() ?? file;
  const m = /(?:^|[^\d])((?:19|20)\d{2})(?!\d)/.exec(base.normalize('NFKC'));
  return m ? Number(m[1]) : null;
}

/** Fewer kinds than this: tables published one by one, not a set that could lack a table. */
const MIN_SET_KINDS = 3;

const FAMILY_ZH: Record<NamingFamily, string> = { national: '财政部（全国通用）', shanghai: '上海市区级部门预算' };
const CODE_TABLES: ReadonlySet<TableKind> = new Set(['income', 'expense', 'generalExpense', 'generalBasic', 'govFund', 'stateCapital']);

/** Read and check every filled table of a workbook. */
export function checkFilledTables(wb: WorkbookGrids, magnitude = new MagnitudeAccount()): { findings: Finding[]; tables: FilledTable[] } {
  const file = wb.file;
  const { tables, bad, short } = readAll(wb, magnitude);
  const findings: Finding[] = [];
  if (tables.length === 0) {
    findings.push({
      rule: 'TABLES.NOT_CHECKED', severity: DEFAULT_SEVERITY['TABLES.NOT_CHECKED'], location: { file },
      message: notCheckedMessage('公开表', '工作簿中未识别到部门预算公开表的表名（如“部门收支总表”“部门财务收支预算总表”）'),
    });
    return { findings, tables };
  }
  const family = namingFamily(tables);

  for (const { table, cell } of bad) {
    findings.push(tableFinding('DATA.BAD_AMOUNT', file, table, cell, badAmountMessage(tableName(table.kind, table.family, table.stage), cell.row, cell.text, cell.reason)));
  }

  for (const { table, code } of short) {
    findings.push(tableFinding('DATA.CODE_LEVEL', file, table, code, shortCodeMessage(tableName(table.kind, table.family, table.stage), code.row, code.printed, code.code)));
  }

  for (const table of tables) {
    const name = tableName(table.kind, table.family, table.stage);
    // "本表为空表" over printed figures: one of the two is wrong.
    // A conditional note ("此表如无数字则表示单位无该项支出", 长沙 2026) says what a blank means, not that
    // the table is empty: it explains an empty table and contradicts none.
    if (table.statement && !table.empty && !isConditionalStatement(table.statement)) findings.push(tableFinding('TABLES.CONTRADICTION', file, table, undefined, contradictionMessage(name, table.statement)));
    if (table.problem) {
      findings.push(tableFinding('TABLES.NOT_CHECKED', file, table, undefined, notCheckedMessage(name, table.problem)));
      continue;
    }
    if (table.kind === 'performance') continue;
    if (!table.amountUnitFound && !table.empty) findings.push(tableFinding('DATA.UNIT_UNKNOWN', file, table, undefined, unitUnknownMessage(name)));
    const ctx = { file, table, findings, rounding: [] as NonNullable<SumContext['rounding']> };
    checkRowSums(ctx);
    if (table.kind === 'summary' || table.kind === 'fiscalSummary') checkSummarySides(ctx);
    if (table.kind === 'threePublic') checkThreePublicRows(ctx);
    if (CODE_TABLES.has(table.kind)) {
      const reason = checkHierarchy(ctx);
      if (reason) findings.push(tableFinding('TABLES.NOT_CHECKED', file, table, undefined, notCheckedMessage(name, reason)));
    }
    // 决算 tables are rounded from 元 to 万元, so their totals miss their parts by a cent here and
    // there (issue 13 item 6): said once per table, never counted as a slip.
    if (table.stage === 'final' && ctx.rounding.length > 0) {
      // The same gap reached from two checks (row and column) is one place.
      const places = new Map<string, { cell: AmountCell; row: TableRow; diffFen: number }>();
      for (const r of ctx.rounding) if (!places.has(r.cell.address)) places.set(r.cell.address, r);
      const list = [...places.values()];
      const max = list.reduce((a, b) => (Math.abs(b.diffFen) > Math.abs(a.diffFen) ? b : a));
      findings.push(tableFinding('TABLES.ROUNDING', file, table, list[0].cell, roundingMessage(name, list.length, Math.abs(max.diffFen), `第 ${max.row.row} 行“${max.row.label || max.row.code || ''}”`)));
    }
    if ((table.kind === 'govFund' || table.kind === 'stateCapital') && table.empty && !table.statement) {
      findings.push(tableFinding('TABLES.EMPTY_UNEXPLAINED', file, table, undefined, emptyUnexplainedMessage(name)));
    }
  }

  // Cross-table relations use the first table of each kind.
  const byKind = new Map<TableKind, FilledTable>();
  for (const t of tables) if (!byKind.has(t.kind)) byKind.set(t.kind, t);
  findings.push(...new CrossChecker(file, byKind).run());

  // A set is checked for missing tables; a table published on its own (a county's 三公 table) is not.
  const stage = tableStage(tables);
  if (byKind.size >= MIN_SET_KINDS) {
    const expected = stage === 'final' ? EXPECTED_FINAL_TABLES : expectedTables(family, setYear(tables, file));
    for (const kind of expected) {
      if (byKind.has(kind)) continue;
      findings.push({
        rule: 'TABLES.MISSING', severity: DEFAULT_SEVERITY['TABLES.MISSING'], location: { file },
        message: missingMessage(tableName(kind, family, stage), stage === 'final' ? '部门决算' : FAMILY_ZH[family]),
        ...(tables[0].department ? { unit: { name: tables[0].department } } : {}),
      });
    }
  } else {
    const names = [...byKind.values()].map((t) => `“${tableName(t.kind, t.family, t.stage)}”`).join('、');
    findings.push({
      rule: 'TABLES.NOT_CHECKED', severity: DEFAULT_SEVERITY['TABLES.NOT_CHECKED'], location: { file },
      message: notCheckedMessage('整套公开表', `本文件只有${names}，按单独公开的表核对，未检查是否缺少其他公开表`),
    });
  }
  return { findings, tables };
}

/**
 * Sheets of a 公开表 workbook that hold figures but were read as none of the tables (江苏: 财政拨款
 * 支出预算表（功能科目）, 机关运行经费, 政府采购预算表) and are no supporting sheet either: their figures
 * were not checked, and the report says so rather than passing over them (SPEC §3 “未核对不算通过”).
 */
export function unreadSheets(wb: WorkbookGrids, tables: ReadonlyArray<FilledTable>, supporting: ReadonlySet<string>): Finding[] {
  const read = new Set(tables.map((t) => t.sheet));
  const out: Finding[] = [];
  for (const sheet of wb.sheets) {
    if (sheet.hidden || read.has(sheet.name) || supporting.has(sheet.name)) continue;
    const figure = sheet.cells.some((row) => row.some((v) => (typeof v === 'number' && !Number.isInteger(v)) || (typeof v === 'string' && /^\s*-?[\d,]*\d\.\d+\s*$/.test(v))));
    if (!figure) continue;
    // The title: the longest "…表" text in the first rows (not the "公开05表" number above it).
    const titles = sheet.cells.slice(0, 4).flat().map((v) => cellText(v).trim()).filter((t) => /表/.test(t) && !/^公开\d+表$/.test(t) && normalizeText(t).length <= 40);
    const title = titles.sort((x, y) => y.length - x.length)[0] ?? sheet.name;
    out.push({
      rule: 'TABLES.NOT_CHECKED', severity: DEFAULT_SEVERITY['TABLES.NOT_CHECKED'], location: { file: wb.file, sheet: sheet.name },
      message: notCheckedMessage(title, '不是能识别的公开表，其中金额未核对'),
    });
  }
  return out;
}

/** The rule codes the filled 公开表 check's findings may carry (rows of rules/catalogue.ts; tests/core/catalogue.test.ts holds them to it). */
export const FILLED_TABLES_EMITS: ReadonlyArray<RuleId> = ['TABLES.MISSING', 'TABLES.ROW_SUM', 'TABLES.HIERARCHY_SUM', 'TABLES.CROSS_TABLE', 'TABLES.EMPTY_UNEXPLAINED', 'TABLES.NOT_CHECKED', 'TABLES.CONTRADICTION', 'TABLES.ROUNDING', 'THREE_PUBLIC.OVER_LIMIT', 'THREE_PUBLIC.ITEM_INCREASE', 'THREE_PUBLIC.NOT_CHECKED', 'PRIORITY.DECREASED', 'PRIORITY.NOT_CHECKED', 'DATA.BAD_AMOUNT', 'DATA.CODE_LEVEL', 'DATA.NOT_CHECKED', 'DATA.UNIT_UNKNOWN'];
