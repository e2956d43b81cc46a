/**
 * Files chosen in the browser → the core's grids: .xlsx with the CLI's own streaming reader
 * (src/io/xlsx-stream, reading the File by ranges), .csv decoded here (UTF-8, else GB18030) and parsed
 * by src/io/csv.ts. Nothing leaves the machine: the bytes are read with Blob.slice and parsed in the page.
 */
import type { WorkbookGrids } from '../core/grid';
import { csvBytesToWorkbook, CsvEncoding } from '../io/csv';
import { BlobLike, blobSource } from '../io/source';
import { InflateLimits, isXlsxReadError, readXlsxStream, ReadProgress, UnreadableSheet, XlsxProblem } from '../io/xlsx-stream';

export interface LoadedFile {
  name: string;
  grids: WorkbookGrids;
  /** The .xlsx itself: the review workbook loads it with exceljs to copy its formats; absent for .csv. */
  xlsx?: BlobLike;
  /** Bytes of worksheet XML in an .xlsx (decides whether exceljs may load it, as in the CLI). */
  sheetXmlBytes?: number;
  /** How a .csv was decoded. */
  encoding?: CsvEncoding;
  /** Sheets of an .xlsx that could not be read while the others were (a part missing from the package). */
  unreadableSheets?: UnreadableSheet[];
}

export interface UnreadableFile {
  name: string;
  reason: string;
  /** The reader's kind of refusal (a limit, a bomb, a damaged file…), when the reader refused it. */
  problem?: XlsxProblem;
}

/** What the file pickers accept. */
export const ACCEPT = '.xlsx,.xlsm,.csv,.xls,.et';

export const SAVE_AS_XLSX = '请在 Excel 或 WPS 中另存为 .xlsx 后再检查（另存为 .xlsx）';

export function isCsvName(name: string): boolean {
  return /\.csv$/i.test(name);
}

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

/** A file as the page has it: a Blob with a name (File), in the page or in its worker. */
export type NamedBlob = Blob & { name: string };

/** `limits` replace the reader's defaults (only tests pass them: the page always reads with the defaults). */
export async function readFile(file: NamedBlob, onProgress?: (p: ReadProgress) => void, limits?: InflateLimits): Promise<LoadedFile | UnreadableFile> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (isCsvName(file.name)) {
    // An .xlsx renamed to .csv is still read as the workbook it is.
    if (head[0] !== 0x50 || head[1] !== 0x4b) {
      const { grids, encoding } = csvBytesToWorkbook(new Uint8Array(await file.arrayBuffer()), file.name);
      return { name: file.name, grids, encoding };
    }
  } else {
    const bad = sniff(file.name, head);
    if (bad) return { name: file.name, reason: bad };
  }
  try {
    const { grids, sheetXmlBytes, unreadableSheets } = await readXlsxStream(blobSource(file), file.name, { onProgress, limits });
    const loaded: LoadedFile = { name: file.name, grids, xlsx: file, sheetXmlBytes };
    if (unreadableSheets.length > 0) loaded.unreadableSheets = unreadableSheets;
    return loaded;
  } catch (e) {
    if (isXlsxReadError(e)) return { name: file.name, reason: e.reason, problem: e.problem };
    return { name: file.name, reason: `文件无法读取（${(e as Error).message || '格式错误'}），可能已损坏；请在 Excel 中打开后另存为 .xlsx` };
  }
}

/** The sheets of read files that could not be read, as the check takes them (each a DATA.UNREADABLE_FILE naming the sheet). */
export function unreadableSheetsOf(ok: ReadonlyArray<LoadedFile>): Array<{ file: string; sheet: string; reason: string }> {
  return ok.flatMap((x) => (x.unreadableSheets ?? []).map((s) => ({ file: x.name, sheet: s.sheet, reason: s.reason })));
}

export function isLoaded(x: LoadedFile | UnreadableFile): x is LoadedFile {
  return (x as LoadedFile).grids !== undefined;
}

/** Read every chosen file; the readable ones, and a reason for each of the others. */
export async function readFiles(list: ReadonlyArray<NamedBlob>): Promise<{ ok: LoadedFile[]; bad: Array<{ file: string; reason: string }> }> {
  const loaded = await Promise.all(list.map((f) => readFile(f)));
  const ok = loaded.filter(isLoaded);
  const bad = loaded.filter((x): x is UnreadableFile => !isLoaded(x)).map((x) => ({ file: x.name, reason: x.reason }));
  return { ok, bad };
}
