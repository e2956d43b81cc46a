/**
 * Command-line inputs: expand files and folders (SPEC §7 Several inputs), recognise each file by its
 * content rather than its name, and load it into grids. Inputs are only ever opened for reading.
 * .xlsx grids come from the shared streaming reader (src/io/xlsx-stream); the formats, which only the
 * review workbook needs (to copy sheets as they look), are read on demand by loadWorkbooks.
 */
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import type { WorkbookGrids } from '../core/grid';
import { UserError } from './errors';
import { REVIEW_CREATOR } from '../io/own-output';
import { XlsxReadError } from '../io/xlsx-stream';
import type { UnreadableSheet } from '../io/xlsx-stream';
import { ENCRYPTED_ADVICE, SAVE_AS_XLSX_ADVICE } from '../io/xlsx-stream/messages';
import { DEFAULT_ZIP_LIMITS, ZipLimits } from '../io/zip-inspect';
import { fileSource, inspectZipFile, readXlsxFile } from './file-source';
import { workbookLooks } from './copy-formats';
import type { WorkbookLooks } from '../io/review-workbook';
import { readXlsxFormats } from '../io/xlsx-stream/formats';
import type { SheetFormats } from '../io/xlsx-stream/formats';
import { fileIdentity, fileMatcher } from './paths';
import { readCsvBuffer } from './read-csv';

export const SAVE_AS_XLSX = SAVE_AS_XLSX_ADVICE;
export const ENCRYPTED = ENCRYPTED_ADVICE;

const INPUT_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.csv']);
/**
 * Spreadsheets of other formats found in a folder are taken as inputs too, so that each one becomes
 * a finding with save-as advice instead of vanishing from a department's submission (issue 14).
 */
const OTHER_SPREADSHEETS = new Set(['.xls', '.et', '.ett', '.xlt', '.xlsb', '.ods', '.numbers', '.wps']);

/** Why a file in an input folder was not read. */
export type SkipReason = 'lock' | 'hidden' | 'other';

export interface SkippedFile {
  path: string;
  reason: SkipReason;
}

/** One summary line naming every file of the folders that was not read, by reason, with counts. */
export function skippedSentence(skipped: ReadonlyArray<SkippedFile>): string | null {
  if (skipped.length === 0) return null;
  const by = (r: SkipReason) => skipped.filter((s) => s.reason === r);
  const example = (list: SkippedFile[]) => `如 ${path.basename(list[0].path)}`;
  const parts: string[] = [];
  const lock = by('lock');
  if (lock.length) parts.push(`${lock.length} 个 Excel/WPS 打开文件时生成的临时锁定文件（~$ 开头，${example(lock)}）`);
  const hidden = by('hidden');
  if (hidden.length) parts.push(`${hidden.length} 个隐藏文件或文件夹（. 开头，${example(hidden)}）`);
  const other = by('other');
  if (other.length) parts.push(`${other.length} 个不是表格的文件（${example(other)}）`);
  return `输入文件夹中另有 ${skipped.length} 个文件未读取：${parts.join('；')}。`;
}

export interface LoadedInput {
  /** Absolute path on disk. */
  path: string;
  /** Name used in findings and the review workbook. */
  display: string;
  grids: WorkbookGrids;
  /** dc:creator of an .xlsx (review workbooks we wrote carry REVIEW_CREATOR); absent for .csv. */
  creator?: string | null;
  /** The exceljs workbook of an .xlsx, where a caller loaded one (absent for .csv). */
  workbook?: ExcelJS.Workbook;
  /** How an .xlsx's sheets look (styles, widths, heights, panes, notes), once loadWorkbooks has read it. */
  looks?: WorkbookLooks;
  /** Bytes of worksheet XML in an .xlsx (decides whether exceljs may load it). */
  sheetXmlBytes?: number;
  /** Each sheet's formats, gathered while its values were read (loadInput with `formats`), for loadWorkbooks. */
  sheetFormats?: SheetFormats[];
  /** Sheets of an .xlsx that could not be read while the others were (a part missing from the package). */
  unreadableSheets?: UnreadableSheet[];
}

export interface UnreadableInput {
  path: string;
  display: string;
  /** One Chinese sentence (without the file name) saying what is wrong and what to do. */
  reason: string;
}

export type Sniffed = { kind: 'xlsx' } | { kind: 'csv' } | { kind: 'refused'; reason: string };

/**
 * Expand arguments into a sorted list of files. Folders are searched recursively for .xlsx/.csv
 * files, skipping Excel's ~$ lock files, hidden entries and the paths in `exclude` (our own outputs).
 */
export function expandInputs(args: ReadonlyArray<string>, exclude: ReadonlyArray<string> = [], skipped?: SkippedFile[]): string[] {
  // By identity (inode, real path, case where the file system ignores it): an output reached
  // through a linked folder is still our output, not an input.
  const isExcluded = exclude.length > 0 ? fileMatcher(exclude) : () => false;
  const out: string[] = [];
  const seen = new Set<string>();
  const visitedDirs = new Set<string>();
  const seenIds = new Set<string>();
  const add = (p: string, explicit = false) => {
    const abs = path.resolve(p);
    if (seen.has(abs) || (!explicit && isExcluded(abs))) return;
    seen.add(abs);
    // One file reached twice (a link beside its target, a hard link) is read once, not counted twice.
    const id = fileIdentity(abs);
    if (id) {
      const k = `${id.dev}:${id.ino}`;
      if (seenIds.has(k)) return;
      seenIds.add(k);
    }
    out.push(abs);
  };
  const walk = (dir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (visitedDirs.has(real) || isExcluded(dir)) return;
    visitedDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      throw new UserError(`无法读取文件夹 ${dir}，请检查权限。`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.name.startsWith('~$')) {
        skipped?.push({ path: full, reason: 'lock' });
        continue;
      }
      if (e.name.startsWith('.')) {
        skipped?.push({ path: full, reason: 'hidden' });
        continue;
      }
      let st: fs.Stats;
      try {
        st = fs.statSync(full);
      } catch {
        skipped?.push({ path: full, reason: 'other' });
        continue;
      }
      const ext = path.extname(e.name).toLowerCase();
      if (st.isDirectory()) walk(full);
      else if (st.isFile() && (INPUT_EXTENSIONS.has(ext) || OTHER_SPREADSHEETS.has(ext))) add(full);
      else if (!isExcluded(full)) skipped?.push({ path: full, reason: 'other' });
    }
  };
  for (const arg of args) {
    let st: fs.Stats;
    try {
      st = fs.statSync(arg);
    } catch {
      throw new UserError(`找不到文件或文件夹：${arg}`);
    }
    if (st.isDirectory()) {
      const before = out.length;
      walk(arg);
      if (out.length === before && args.length === 1) throw new UserError(`文件夹 ${arg} 中没有 .xlsx 或 .csv 文件。`);
    } else {
      add(arg, true);
    }
  }
  if (out.length === 0) throw new UserError('没有可检查的文件：请给出 .xlsx 或 .csv 文件，或包含它们的文件夹。');
  return out;
}

/** How a file is shown in findings: relative to the working directory when inside it, else its name. */
export function displayName(abs: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, abs);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.basename(abs);
  return shown.split(path.sep).join('/');
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

function readHead(file: string, len: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(len);
    const n = fs.readSync(fd, buf, 0, len, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether an OLE2 compound file holds an encrypted Office package (an .xlsx with a password). */
function oleIsEncrypted(file: string): boolean {
  const size = fs.statSync(file).size;
  // Directory entries may sit anywhere; scan the file in chunks with an overlap for the names.
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = 1024 * 1024;
    const overlap = ENCRYPTED_PACKAGE.length;
    const buf = Buffer.alloc(chunk + overlap);
    let pos = 0;
    let carry = 0;
    while (pos < size) {
      const n = fs.readSync(fd, buf, carry, chunk, pos);
      if (n <= 0) break;
      const view = buf.subarray(0, carry + n);
      if (view.indexOf(ENCRYPTION_INFO) >= 0 || view.indexOf(ENCRYPTED_PACKAGE) >= 0) return true;
      carry = Math.min(overlap, view.length);
      view.copy(buf, 0, view.length - carry);
      pos += n;
    }
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/** Recognise a file by its first bytes (and its name only where the content cannot tell). */
export async function sniffFile(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Sniffed> {
  const ext = path.extname(file).toLowerCase();
  const head = readHead(file, 8);
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06)) {
    const v = await inspectZipFile(file, limits);
    if (v.ok) {
      if (!v.entries.some((e) => e === 'xl/workbook.xml' || /^xl\/workbook\d*\.xml$/.test(e))) {
        if (ext === '.ods' || v.entries.includes('content.xml')) return { kind: 'refused', reason: `这是 OpenDocument（.ods）表格，${SAVE_AS_XLSX}` };
        if (ext === '.xlsb' || v.entries.includes('xl/workbook.bin')) return { kind: 'refused', reason: `这是 Excel 二进制工作簿（.xlsb），${SAVE_AS_XLSX}` };
        return { kind: 'refused', reason: `不是有效的 .xlsx 文件（压缩包中没有工作簿），${SAVE_AS_XLSX}` };
      }
      return { kind: 'xlsx' };
    }
    if (v.problem === 'truncated') return { kind: 'refused', reason: '文件不完整（可能在下载或复制时被截断），请重新获取原文件后再检查' };
    if (v.problem === 'bomb') return { kind: 'refused', reason: v.reason ?? '文件解压后过大，疑似压缩炸弹，已拒绝读取' };
    return { kind: 'refused', reason: `文件已损坏，不是有效的 .xlsx 文件，${SAVE_AS_XLSX}` };
  }
  if (head.length >= 8 && head.equals(OLE_MAGIC)) {
    if (oleIsEncrypted(file)) return { kind: 'refused', reason: ENCRYPTED };
    return { kind: 'refused', reason: `这是旧版 Excel（.xls）或 WPS（.et）格式，${SAVE_AS_XLSX}` };
  }
  if (ext === '.csv') return { kind: 'csv' };
  if (ext === '.xlsx' || ext === '.xlsm') return { kind: 'refused', reason: `不是有效的 .xlsx 文件，${SAVE_AS_XLSX}` };
  if (ext === '.xls' || ext === '.et') return { kind: 'refused', reason: `不是有效的 Excel 文件，${SAVE_AS_XLSX}` };
  if (ext === '.ods') return { kind: 'refused', reason: `这是 OpenDocument（.ods）表格，${SAVE_AS_XLSX}` };
  if (ext === '.numbers') return { kind: 'refused', reason: `这是 Numbers 表格，请在 Numbers 中导出为 Excel（.xlsx）后再检查` };
  return { kind: 'refused', reason: '不支持的文件类型，请提供 .xlsx 或 .csv 文件' };
}

/**
 * Load one file; a file that cannot be read becomes an UnreadableInput, never an exception. With
 * `formats` (the review workbook will copy its sheets: `--out`, `--per-unit-out`), an .xlsx's sheet
 * formats are gathered in the same pass as its values, for loadWorkbooks.
 */
export async function loadInput(abs: string, display: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS, formats = false): Promise<LoadedInput | UnreadableInput> {
  let sniffed: Sniffed;
  try {
    const st = fs.statSync(abs);
    if (st.size === 0) return { path: abs, display, reason: '文件是空的' };
    sniffed = await sniffFile(abs, limits);
  } catch {
    return { path: abs, display, reason: '无法打开文件，请检查文件是否存在以及读取权限' };
  }
  if (sniffed.kind === 'refused') return { path: abs, display, reason: sniffed.reason };
  if (sniffed.kind === 'csv') {
    try {
      return { path: abs, display, grids: readCsvBuffer(fs.readFileSync(abs), display) };
    } catch {
      return { path: abs, display, reason: '无法读取 CSV 文件' };
    }
  }
  try {
    const r = await readXlsxFile(abs, display, formats ? { limits, formats: { maxSheetXmlBytes: EXCELJS_COPY_LIMIT_BYTES } } : { limits });
    const loaded: LoadedInput = { path: abs, display, grids: r.grids, creator: r.creator, sheetXmlBytes: r.sheetXmlBytes };
    if (r.sheetFormats) loaded.sheetFormats = r.sheetFormats;
    if (r.unreadableSheets.length > 0) loaded.unreadableSheets = r.unreadableSheets;
    return loaded;
  } catch (e) {
    if (e instanceof XlsxReadError) return { path: abs, display, reason: e.reason };
    return { path: abs, display, reason: `文件已损坏，不是有效的 .xlsx 文件，${SAVE_AS_XLSX}` };
  }
}

/**
 * Above this much worksheet XML no formats are read: the copy is made from the grids (values, no
 * formats), as it was when exceljs loaded the formats and would run out of memory on such sheets
 * (a 1,048,576-row sheet is about 700 MB of XML).
 */
export const EXCELJS_COPY_LIMIT_BYTES = 200 * 1024 * 1024;

/**
 * Read how every .xlsx input looks, for the review workbook's copies of its sheets: one light pass
 * over the package (src/io/xlsx-stream/formats.ts: styles, widths, heights, panes, notes), not an
 * exceljs load, which cost half of `check --out` (issue 14). Grids are not replaced, so findings stay
 * the same. Bigger inputs, and files the pass cannot read, are copied from their grids (values only).
 */
export async function loadWorkbooks(inputs: ReadonlyArray<LoadedInput>, maxSheetXmlBytes = EXCELJS_COPY_LIMIT_BYTES): Promise<void> {
  for (const x of inputs) {
    if (x.looks || x.workbook || x.creator === undefined || (x.sheetXmlBytes ?? 0) > maxSheetXmlBytes) continue;
    try {
      x.looks = await workbookLooks(await readXlsxFormats(fileSource(x.path), undefined, x.sheetFormats), x.grids);
    } catch {
      // A file the streaming reader read but the format pass cannot: its sheets are copied from the grids.
    }
    // Turned into looks (or not usable): not kept beside them.
    delete x.sheetFormats;
  }
}

/** Whether a loaded workbook is a review workbook this tool wrote (not budget data to check). */
export function isOwnReviewWorkbook(x: LoadedInput): boolean {
  const creator = x.creator !== undefined ? x.creator : x.workbook?.creator;
  if (creator !== REVIEW_CREATOR) return false;
  const names = new Set(x.grids.sheets.map((g) => g.name));
  return names.has('审核结果') && names.has('单位汇总');
}

export function isLoaded(x: LoadedInput | UnreadableInput): x is LoadedInput {
  return (x as LoadedInput).grids !== undefined;
}

/**
 * What the check is told could not be read (CheckOptions.unreadable): the files, then the sheets of
 * the files that were read, so that each becomes a DATA.UNREADABLE_FILE finding naming it.
 */
export function unreadableForCheck(unreadable: ReadonlyArray<UnreadableInput>, loaded: ReadonlyArray<LoadedInput>): Array<{ file: string; reason: string; sheet?: string }> {
  return [
    ...unreadable.map((u) => ({ file: u.display, reason: u.reason })),
    ...loaded.flatMap((l) => (l.unreadableSheets ?? []).map((s) => ({ file: l.display, sheet: s.sheet, reason: s.reason }))),
  ];
}

/** "a.xls：这是旧版 Excel…" — the sentence printed for a file that cannot be checked. */
export function unreadableSentence(u: UnreadableInput): string {
  return `${u.display}：${u.reason}。`;
}
