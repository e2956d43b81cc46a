/**
 * Sorting a workbook's sheets: auxiliary sheets (by name or header), current-year detail sheets,
 * prior-year detail sheets (name or title holds 上年 or the prior year), and sheets that are none of
 * these (reported, never skipped silently).
 */
import type { RuleConfig } from '../config';
import { DEFAULT_SEVERITY, Finding } from '../findings';
import type { Grid, WorkbookGrids } from '../grid';
import { MagnitudeAccount } from '../money';
import { dataMessages } from '../messages/data';
import { budgetRowsView, performanceSheetKind } from '../performance/read';
import { normalizeText } from '../text';
import { findHeader, makeGetter, SheetLayout } from './header';
import { readDetailSheet, SheetRead } from './sheet';
import type { RuleId } from '../rules/catalogue';

export interface WorkbookRead {
  file: string;
  current: SheetRead[];
  prior: SheetRead[];
  /** Non-empty sheets that are neither detail nor auxiliary sheets. */
  unrecognised: string[];
  findings: Finding[];
}

function isEmptyGrid(g: Grid): boolean {
  for (const row of g.cells) for (const v of row) if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) return false;
  return true;
}

/** A detail sheet names at least two fields and has codes or amounts to read. */
export function isDetailLayout(l: SheetLayout | null): l is SheetLayout {
  if (!l || l.score < 2) return false;
  const c = l.columns;
  const hasAmount = c.amount !== undefined || l.fundColumns.length > 0 || l.kindColumns.length > 0;
  const hasCode = c.functionCode !== undefined || c.functionClass !== undefined || c.economicCode !== undefined || c.economicClass !== undefined;
  return hasAmount || hasCode;
}

function looksPrior(g: Grid, layout: SheetLayout, currentYear: number | null): boolean {
  const name = normalizeText(g.name);
  const title = normalizeText(layout.title);
  if (/上年|上一年/.test(name) || /上年|上一年/.test(title)) return true;
  return currentYear !== null && layout.year !== null && layout.year === currentYear - 1;
}

/**
 * Read the detail sheets of one workbook. `skip` lists sheets already read as auxiliary sheets.
 * With `allPrior` (a --prior workbook) every detail sheet is read as prior-year lines. `magnitude`
 * is the check's running total of amounts (money.ts MAX_RUN_FEN), shared by all its workbooks.
 */
export function readWorkbookDetail(wb: WorkbookGrids, config: RuleConfig, skip: ReadonlySet<string>, allPrior = false, magnitude = new MagnitudeAccount()): WorkbookRead {
  const out: WorkbookRead = { file: wb.file, current: [], prior: [], unrecognised: [], findings: [] };
  const candidates: { grid: Grid; layout: SheetLayout }[] = [];
  for (const grid of wb.sheets) {
    if (skip.has(grid.name) || isEmptyGrid(grid)) continue;
    const layout = findHeader(grid, makeGetter(grid));
    if (isDetailLayout(layout)) candidates.push({ grid, layout });
    else out.unrecognised.push(grid.name);
  }
  const years = candidates.map((c) => c.layout.year).filter((y): y is number => y !== null);
  const currentYear = years.length ? Math.max(...years) : null;
  for (const { grid, layout } of candidates) {
    const prior = allPrior || (candidates.length > 1 && looksPrior(grid, layout, currentYear));
    // An export of lines and indicators in one sheet: rows that only add indicators are not lines.
    const lines = performanceSheetKind(grid) === 'also' ? budgetRowsView(grid, layout.columns.amount) : grid;
    const read = readDetailSheet(lines, { file: wb.file, config, prior, layout, magnitude });
    if (!read) continue;
    (prior ? out.prior : out.current).push(read);
    out.findings.push(...read.findings);
  }
  return out;
}

/** DATA.NOT_CHECKED (info) for a non-empty sheet that could not be recognised. */
export function unrecognisedFinding(file: string, sheet: string): Finding {
  return { rule: 'DATA.NOT_CHECKED', severity: DEFAULT_SEVERITY['DATA.NOT_CHECKED'], location: { file, sheet }, message: dataMessages.sheetSkipped({ sheet }) };
}

/** The rule codes the sheet reader's findings may carry (rows of rules/catalogue.ts; tests/core/catalogue.test.ts holds them to it). */
export const READER_EMITS: ReadonlyArray<RuleId> = ['DATA.MISSING_COLUMN', 'DATA.BAD_AMOUNT', 'DATA.CODE_LEVEL', 'DATA.TOTAL_MISMATCH', 'DATA.UNIT_UNKNOWN', 'DATA.NOT_CHECKED', 'DATA.UNIT_UNRESOLVED', 'DATA.MERGED_AMOUNT', 'DATA.HIDDEN_CELLS'];
