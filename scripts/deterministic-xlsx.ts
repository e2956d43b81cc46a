/**
 * Example workbooks are committed, so regenerating them must give the same bytes: exceljs stamps the
 * workbook properties and every zip entry with the current time, which this replaces with a fixed one.
 */
import * as path from 'path';
import type ExcelJS from 'exceljs';

export const FIXED_DATE = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

interface ZipLike {
  files: Record<string, { date: Date }>;
  generateAsync(o: { type: 'nodebuffer'; compression: 'DEFLATE'; compressionOptions: { level: number } }): Promise<Buffer>;
}

/** The .xlsx bytes of `wb` with fixed dates. */
export async function deterministicXlsx(wb: ExcelJS.Workbook, date: Date = FIXED_DATE): Promise<Buffer> {
  wb.creator = wb.creator || '预算审核助手';
  wb.lastModifiedBy = '预算审核助手';
  wb.created = date;
  wb.modified = date;
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  // jszip is exceljs's own zip library; resolve it from there rather than depending on it twice.
  const JSZip = require(require.resolve('jszip', { paths: [path.dirname(require.resolve('exceljs'))] })) as { loadAsync(b: Buffer): Promise<ZipLike> };
  const zip = await JSZip.loadAsync(raw);
  for (const f of Object.values(zip.files)) f.date = date;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
