/**
 * Files chosen in the browser → the core's grids, with exceljs bundled from its sources (no eval).
 * Nothing leaves the machine: the bytes are read with FileReader/Blob.arrayBuffer and parsed here.
 */
import ExcelJS from 'exceljs';
import type { WorkbookGrids } from '../core/grid';
import { workbookToGrids } from '../cli/read-xlsx';

export interface LoadedFile {
  name: string;
  grids: WorkbookGrids;
  workbook: ExcelJS.Workbook;
}

export interface UnreadableFile {
  name: string;
  reason: string;
}

export const SAVE_AS_XLSX = '请在 Excel 或 WPS 中另存为 .xlsx 后再检查（另存为 .xlsx）';

/** Why a file cannot be read as .xlsx, from its name and first bytes; null when it looks fine. */
export function sniff(name: string, head: Uint8Array): string | null {
  const lower = name.toLowerCase();
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  const isCfb = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  if (lower.endsWith('.xls') || lower.endsWith('.et') || lower.endsWith('.ett')) return `旧版 ${lower.slice(lower.lastIndexOf('.'))} 格式无法读取，${SAVE_AS_XLSX}`;
  if (isCfb) return lower.endsWith('.xlsx') ? '文件已加密（或为旧版 .xls 改名），请先取消密码并另存为 .xlsx' : `不是 .xlsx 文件，${SAVE_AS_XLSX}`;
  if (!isZip) return `不是有效的 .xlsx 文件（可能已损坏），${SAVE_AS_XLSX}`;
  return null;
}

export async function readFile(file: Blob & { name: string }): Promise<LoadedFile | UnreadableFile> {
  const buf = await file.arrayBuffer();
  const bad = sniff(file.name, new Uint8Array(buf.slice(0, 8)));
  if (bad) return { name: file.name, reason: bad };
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buf);
    return { name: file.name, grids: workbookToGrids(workbook, file.name), workbook };
  } catch (e) {
    return { name: file.name, reason: `文件无法读取（${(e as Error).message || '格式错误'}），可能已损坏；请在 Excel 中打开后另存为 .xlsx` };
  }
}

export function isLoaded(x: LoadedFile | UnreadableFile): x is LoadedFile {
  return (x as LoadedFile).grids !== undefined;
}
