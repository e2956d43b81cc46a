/**
 * Which files this tool wrote. Outputs are stamped (creator and category in docProps/core.xml) so a
 * re-run over a folder skips them as inputs, and so --force may replace them but never a budget file
 * that only happens to sit where an output is asked to go.
 */
import type ExcelJS from 'exceljs';
import { readXlsxCoreProperties } from './xlsx-stream';

/** dc:creator of every workbook we write (also of the example workbooks, which are inputs). */
export const REVIEW_CREATOR = '预算审核助手';
/** cp:category of review and tables workbooks only: marks them as outputs, safe to replace. */
export const OUTPUT_CATEGORY = '预算审核助手生成';

export function stampOutput(wb: ExcelJS.Workbook): void {
  wb.creator = REVIEW_CREATOR;
  wb.category = OUTPUT_CATEGORY;
}

/** Whether the .xlsx at `file` is an output this tool wrote; false for anything unreadable. */
export async function isToolOutputFile(file: string): Promise<boolean> {
  try {
    const p = await readXlsxCoreProperties(file);
    return p.creator === REVIEW_CREATOR && p.category === OUTPUT_CATEGORY;
  } catch {
    return false;
  }
}
