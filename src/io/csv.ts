/**
 * CSV text → Grid, with no Node imports: the CLI (src/cli/read-csv.ts) and the offline page
 * (src/web/read-files.ts) both read .csv through here. Chinese Excel and WPS save CSV as GB18030
 * (ANSI) or UTF-8 with a BOM (SPEC §2.1), and "Unicode text" as UTF-16: a byte-order mark names the
 * encoding, bytes that are valid UTF-8 are UTF-8, anything else is GB18030. The delimiter (comma,
 * semicolon, tab, bar) is guessed from the table's lines, not from a title line above it. Fields
 * follow RFC 4180 (quotes, doubled quotes, line breaks inside quotes). Values stay
 * text: the core parses amounts and codes itself, so "007" and "1,234.50" keep their spelling.
 */
import type { Cell, Grid, WorkbookGrids } from '../core/grid';
import { fileBaseName } from './file-name';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/** GB18030 through the platform's TextDecoder (browsers; Node with full ICU, the default build). */
export function decodeGb18030(bytes: Uint8Array): string {
  return new TextDecoder('gb18030').decode(bytes);
}

/** UTF-32 (no TextDecoder has it): code points past U+10FFFF and surrogates become U+FFFD. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    chunk.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
    if (chunk.length >= 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  if (chunk.length) parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/**
 * UTF-16 without a byte-order mark, told by its zero bytes: text of mostly ASCII (digits, commas,
 * line breaks) has a zero in every other byte. Returns the byte order, or null when it is not UTF-16.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Decode CSV bytes. A byte-order mark names the encoding: UTF-8, UTF-16 LE or BE (Excel's "Unicode
 * text" and some exports), UTF-32 LE or BE. Without one: UTF-16 told by its zero bytes, then valid
 * UTF-8 is UTF-8 and anything else GB18030 (`gb18030` decodes it: the CLI passes iconv-lite's, the
 * browser uses TextDecoder).
 */
export function decodeCsvBytes(bytes: Uint8Array, gb18030: (b: Uint8Array) => string = decodeGb18030): { text: string; encoding: CsvEncoding } {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { text: decodeUtf32(b.subarray(4), true), encoding: 'utf-32le' };
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { text: decodeUtf32(b.subarray(4), false), encoding: 'utf-32be' };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be' };
  const utf16 = sniffUtf16(b);
  if (utf16) return { text: new TextDecoder(utf16).decode(b), encoding: utf16 };
  const body = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: gb18030(b), encoding: 'gb18030' };
  }
}

/** How an encoding is named to the user. */
export const CSV_ENCODING_NAME: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GB18030（ANSI）',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'utf-32le': 'UTF-32 LE',
  'utf-32be': 'UTF-32 BE',
};

/** Parse RFC 4180 text into rows of strings. A lone trailing line break does not add a row. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  let inQuotes = false;
  let fieldStarted = false;
  while (i < n) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = '';
      fieldStarted = false;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (fieldStarted || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Guess the delimiter from the table's own lines, not from line 1: sheets saved as CSV often start
 * with a lone title ("XX县2025年部门预算明细表") or "单位：元", which hold no delimiter at all. Each
 * candidate splits the first lines (quotes respected); the one under which the most lines share one
 * width of two or more fields — the header and the rows under it — wins; ties go to the wider table,
 * then to comma.
 */
export function guessDelimiter(text: string): string {
  const sample = sampleLines(text, 64 * 1024, 60);
  let best: string = ',';
  let bestSupport = 0;
  let bestWidth = 0;
  for (const d of DELIMITERS) {
    const widths = new Map<number, number>();
    for (const row of parseCsv(sample, d)) {
      if (row.length < 2) continue;
      widths.set(row.length, (widths.get(row.length) ?? 0) + 1);
    }
    let support = 0;
    let width = 0;
    for (const [w, n] of widths) if (n > support || (n === support && w > width)) [support, width] = [n, w];
    if (support > bestSupport || (support === bestSupport && support > 0 && width > bestWidth)) {
      best = d;
      bestSupport = support;
      bestWidth = width;
    }
  }
  return best;
}

/** The first `maxLines` lines of `text` within about `maxChars`, cut at a line end. */
function sampleLines(text: string, maxChars: number, maxLines: number): string {
  let end = 0;
  for (let k = 0; k < maxLines && end < text.length && end < maxChars; k++) {
    const nl = text.indexOf('\n', end);
    if (nl < 0) return text.slice(0, Math.max(end, Math.min(text.length, maxChars)));
    end = nl + 1;
  }
  return text.slice(0, end);
}

/** A grid from CSV text. Empty fields are null; everything else stays as written (text). */
export function csvTextToGrid(text: string, sheetName: string): Grid {
  const rows = parseCsv(text, guessDelimiter(text));
  const cells: Cell[][] = rows.map((r) => {
    let last = r.length - 1;
    while (last >= 0 && r[last] === '') last--;
    const out: Cell[] = new Array(last + 1);
    for (let c = 0; c <= last; c++) out[c] = r[c] === '' ? null : r[c];
    return out;
  });
  return { name: sheetName, cells, merges: [], origin: { row: 1, col: 1 } };
}

/** The sheet name of a CSV file: its base name without .csv. */
export function csvSheetName(displayName: string): string {
  return fileBaseName(displayName).replace(/\.csv$/i, '') || 'CSV';
}

/** CSV bytes as a one-sheet workbook named after the file. */
export function csvBytesToWorkbook(bytes: Uint8Array, displayName: string, gb18030?: (b: Uint8Array) => string): { grids: WorkbookGrids; encoding: CsvEncoding } {
  const { text, encoding } = decodeCsvBytes(bytes, gb18030);
  return { grids: { file: displayName, sheets: [csvTextToGrid(text, csvSheetName(displayName))] }, encoding };
}
