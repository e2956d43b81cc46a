/**
 * The Excel adapter as the pane sees it: one object of async actions. Only src/excel calls
 * Excel.run / Office.*; the pane's components receive this object and never touch office.js.
 */
import type { Finding } from '../core/findings';
import type { WorkbookGrids } from '../core/grid';
import type { StandardTable } from '../core/tables/model';
import { degradationNotes, detectCaps, HostCaps } from './caps';
import { ExplanationEntry, saveExplanations } from './explanations';
import { FiguresSheet, writeFiguresSheet } from './figures';
import { clearFlags, ClearResult, flagFindings, FlagResult, RECORD_SHEET } from './flag';
import { activeSheetName, listSheets, readWorkbook, SheetInfo } from './read';
import { writeReviewSheets } from './results';
import type { ReviewUnit } from '../core/review';
import { selectCell } from './select';
import { loadSettings, PaneSettings, saveSettings } from './settings';
import { writeTables } from './tables';
import type { OnProgress } from './run';

export type { HostCaps, SheetInfo, FlagResult, ClearResult, PaneSettings, ExplanationEntry, FiguresSheet, OnProgress };
export { FIGURES_SHEET } from './figures';
export { capsFromVersion, degradationNotes } from './caps';
export { DEFAULT_SETTINGS } from './settings';

export interface ExcelActions {
  readonly caps: HostCaps;
  readonly notes: string[];
  listSheets(): Promise<SheetInfo[]>;
  activeSheet(): Promise<string>;
  read(sheets: ReadonlyArray<string>, onProgress?: (done: number, total: number) => void): Promise<WorkbookGrids>;
  select(sheet: string, cell: string): Promise<void>;
  /** Writes take `onProgress(done, total)`, reported after each sync (the pane's progress bar). */
  flag(findings: ReadonlyArray<Finding>, onProgress?: OnProgress): Promise<FlagResult>;
  clearFlags(onProgress?: OnProgress): Promise<ClearResult>;
  /** 审核结果 (and 单位汇总 with `units`); the names used, 审核结果 first. */
  writeResults(findings: ReadonlyArray<Finding>, ours: ReadonlyArray<string>, units?: ReadonlyArray<ReviewUnit>, onProgress?: OnProgress): Promise<string[]>;
  writeTables(tables: ReadonlyArray<StandardTable>, label?: string, onProgress?: OnProgress): Promise<string[]>;
  /** The 报告数字 sheet; `ours` names our earlier one (replaced). Returns the sheet name used. */
  writeFigures(sheet: FiguresSheet, ours: ReadonlyArray<string>): Promise<string>;
  loadSettings(): Promise<PaneSettings>;
  saveSettings(s: PaneSettings): Promise<void>;
  saveExplanations(entries: ReadonlyArray<ExplanationEntry>): Promise<number>;
}

export const WORKBOOK_FILE = '当前工作簿';

export function createExcelActions(caps: HostCaps = detectCaps()): ExcelActions {
  return {
    caps,
    notes: degradationNotes(caps),
    listSheets: async () => (await listSheets()).filter((s) => s.name !== RECORD_SHEET),
    activeSheet: activeSheetName,
    read: (sheets, onProgress) => readWorkbook({ file: WORKBOOK_FILE, sheets, caps, onProgress }),
    select: selectCell,
    flag: (findings, onProgress) => flagFindings(findings, caps, onProgress),
    clearFlags: (onProgress) => clearFlags(caps, onProgress),
    writeResults: (findings, ours, units, onProgress) => writeReviewSheets(findings, caps, ours, units, onProgress),
    writeTables: (tables, label, onProgress) => writeTables(tables, label, onProgress, caps),
    writeFigures: (sheet, ours) => writeFiguresSheet(sheet, ours),
    loadSettings,
    saveSettings,
    saveExplanations,
  };
}
