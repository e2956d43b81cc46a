/** Review and tables workbooks built in the browser and offered as downloads. */
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import type { CheckReport } from '../core/check';
import type { Finding } from '../core/findings';
import type { StandardTable } from '../core/tables/model';
import { readXlsxBuffer } from '../io/read-xlsx';
import { buildReviewWorkbook, reportUnits, ReviewUnit, unitFileName } from '../io/review-workbook';
import { uniqueFileNames } from '../io/file-name';
import { findingUnitKey } from '../core/per-unit';
import { HEADER_RGB } from '../core/review';
import { buildTablesWorkbook } from '../io/tables-workbook';
import { FIGURES_SHEET, figuresSheetValues, FiguresSheet } from '../excel/figures';
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

/** Above this much worksheet XML an input is copied from its grid, as in the CLI (src/cli/inputs.ts). */
const EXCELJS_COPY_LIMIT_BYTES = 200 * 1024 * 1024;

/**
 * The exceljs workbooks of the .xlsx files, loaded once, only to copy their sheets' formats into the
 * review workbook (grids always come from the streaming reader). Files exceljs cannot load, and very
 * big ones, are copied from their grids.
 */
const loadedWorkbooks = new WeakMap<object, Promise<ExcelJS.Workbook | undefined>>();

function formatsOf(f: LoadedFile): Promise<ExcelJS.Workbook | undefined> {
  const blob = f.xlsx;
  if (!blob || (f.sheetXmlBytes ?? 0) > EXCELJS_COPY_LIMIT_BYTES) return Promise.resolve(undefined);
  let p = loadedWorkbooks.get(blob);
  if (!p) {
    p = blob.slice(0, blob.size).arrayBuffer().then((buf) => readXlsxBuffer(buf, f.name)).then((x) => x.workbook, () => undefined);
    loadedWorkbooks.set(blob, p);
  }
  return p;
}

/** The review workbook; explanations typed on the page go into its 审核说明 sheet. */
export async function reviewWorkbook(report: CheckReport, files: ReadonlyArray<LoadedFile>, unit?: ReviewUnit, explanations: ReadonlyArray<{ finding: Finding; text: string }> = []): Promise<ExcelJS.Workbook> {
  const sources = await Promise.all(files.map(async (f) => ({ display: f.name, grids: f.grids, workbook: await formatsOf(f) })));
  return buildReviewWorkbook(report, sources, { unit, explanations });
}

export function unitsOf(report: CheckReport): ReviewUnit[] {
  return reportUnits(report);
}

export { unitFileName };

/** The unit a finding belongs to, as the per-unit workbooks know it (its key matches ReviewUnit.key). */
export function unitOfFinding(report: CheckReport, f: Finding): ReviewUnit | undefined {
  const key = findingUnitKey(f.unit);
  return reportUnits(report).find((u) => u.key === key);
}

export const ZIP_MIME = 'application/zip';

/**
 * Every unit's review workbook in one .zip (400 units: one download, not 400). Names are the CLI's
 * per-unit names made unique; workbooks are built one after another, yielding between them so the
 * page keeps answering, and `onProgress` hears how many are done.
 */
export async function perUnitZip(
  report: CheckReport,
  files: ReadonlyArray<LoadedFile>,
  explanations: ReadonlyArray<{ finding: Finding; text: string }> = [],
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<{ blob: Blob; names: string[] }> {
  const units = reportUnits(report);
  const names = uniqueFileNames(units.map((u) => unitFileName(u)));
  const entries: Record<string, Uint8Array> = {};
  for (let i = 0; i < units.length; i++) {
    const buf = await (await reviewWorkbook(report, files, units[i], explanations)).xlsx.writeBuffer();
    entries[names[i]] = new Uint8Array(buf as ArrayBuffer);
    onProgress(i + 1, units.length);
    await new Promise((r) => setTimeout(r, 0));
  }
  // .xlsx is already deflated: store it (level 0) rather than compress it twice.
  // zipSync, not fflate's async zip: that one starts its own workers, which the served page's CSP forbids.
  const bytes = zipSync(entries, { level: 0 });
  return { blob: new Blob([bytes as BlobPart], { type: ZIP_MIME }), names };
}

export function tablesWorkbook(sets: ReadonlyArray<{ label?: string; tables: readonly StandardTable[] }>): ExcelJS.Workbook {
  return buildTablesWorkbook(sets);
}

/** The 报告数字 workbook of the offline page: the same cells as the sheet the add-in writes. */
export function figuresWorkbook(sheet: FiguresSheet): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(FIGURES_SHEET);
  for (const row of figuresSheetValues(sheet, (v) => v)) ws.addRow(row);
  [30, 14, 10, 14, 44].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${HEADER_RGB}` } };
  for (let r = 2; r <= sheet.rows.length; r++) ws.getCell(r, 2).numFmt = '#,##0.00';
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  return wb;
}
