/**
 * CSV text → Grid, with no Node imports: the CLI (src/cli/read-csv.ts) and the offline page
 * (src/web/read-files.ts) both read .csv through here. Chinese Excel and WPS save CSV as GB18030
 * (ANSI) or UTF-8 with a BOM (SPEC §2.1): bytes that are valid UTF-8 are UTF-8, anything else is
 * GB18030. Fields follow RFC 4180 (quotes, doubled quotes, line breaks inside quotes). Values stay
 * text: the core parses amounts and codes itself, so "007" and "1,234.50" keep their spelling.
 */
import type { Cell, Grid, WorkbookGrids } from '../core/grid';
import { fileBaseName } from './file-name';

export type CsvEncoding = 'utf-8' | 'gb18030';

/** GB18030 through the platform's TextDecoder (browsers; Node with full ICU, the default build). */
export function decodeGb18030(bytes: Uint8Array): string {
  return new TextDecoder('gb18030').decode(bytes);
}

/**
 * Decode CSV bytes: valid UTF-8 (with or without BOM) is UTF-8, anything else GB18030.
 * `gb18030` decodes the fallback (the CLI passes iconv-lite's; the browser uses TextDecoder).
 */
export function decodeCsvBytes(bytes: Uint8Array, gb18030: (b: Uint8Array) => string = decodeGb18030): { text: string; encoding: CsvEncoding } {
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: gb18030(bytes), encoding: 'gb18030' };
  }
}

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

/** Guess the delimiter from the first line: comma unless tabs or semicolons clearly dominate. */
export function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.min(text.length, 4096)).split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  const comma = count(','), tab = count('\t'), semi = count(';');
  if (tab > comma && tab >= semi) return '\t';
  if (semi > comma && semi > tab) return ';';
  return ',';
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
