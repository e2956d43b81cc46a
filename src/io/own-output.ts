/**
 * Which files this tool wrote. Outputs are stamped (creator and category in docProps/core.xml) so a
 * re-run over a folder skips them as inputs, and so --force may replace them but never a budget file
 * that only happens to sit where an output is asked to go. (The CLI's check of a file on disk is
 * isToolOutputFile in src/cli/file-source.ts.)
 */
import type ExcelJS from 'exceljs';

/** dc:creator of every workbook we write (also of the example workbooks, which are inputs). */
export const REVIEW_CREATOR = '预算审核助手';
/** cp:category of review and tables workbooks only: marks them as outputs, safe to replace. */
export const OUTPUT_CATEGORY = '预算审核助手生成';

export function stampOutput(wb: ExcelJS.Workbook): void {
  wb.creator = REVIEW_CREATOR;
  wb.category = OUTPUT_CATEGORY;
}
