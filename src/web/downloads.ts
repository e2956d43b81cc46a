/** Review and tables workbooks built in the browser and offered as downloads. */
import type ExcelJS from 'exceljs';
import type { CheckReport } from '../core/check';
import type { StandardTable } from '../core/tables/model';
import { buildReviewWorkbook, reportUnits, ReviewUnit, unitFileName } from '../cli/review-workbook';
import { buildTablesWorkbook } from '../cli/tables-workbook';
import type { LoadedFile } from './read-files';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function workbookBlob(wb: ExcelJS.Workbook): Promise<Blob> {
  const buf = await wb.xlsx.writeBuffer();
  return new Blob([buf as ArrayBuffer], { type: XLSX_MIME });
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function reviewWorkbook(report: CheckReport, files: ReadonlyArray<LoadedFile>, unit?: ReviewUnit): ExcelJS.Workbook {
  return buildReviewWorkbook(report, files.map((f) => ({ display: f.name, grids: f.grids, workbook: f.workbook })), unit ? { unit } : {});
}

export function unitsOf(report: CheckReport): ReviewUnit[] {
  return reportUnits(report);
}

export { unitFileName };

export function tablesWorkbook(sets: ReadonlyArray<{ label?: string; tables: readonly StandardTable[] }>): ExcelJS.Workbook {
  return buildTablesWorkbook(sets);
}
