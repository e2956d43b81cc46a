/**
 * .csv → one Grid named after the file. Chinese Excel and WPS save CSV as GB18030 (ANSI) or UTF-8
 * with a BOM; both are accepted (SPEC §2.1). Fields follow RFC 4180 (quotes, doubled quotes,
 * line breaks inside quotes). Values stay text: the core parses amounts and codes itself, so
 * "007" and "1,234.50" keep their exact spelling.
 */
import { TextDecoder } from 'util';
import * as iconv from 'iconv-lite';
import * as path from 'path';
import type { Cell, Grid, WorkbookGrids } from '../core/grid';

export type CsvEncoding = 'utf-8' | 'gb18030';

/** Decode CSV bytes: valid UTF-8 (with or without BOM) is UTF-8, anything else GB18030. */
export function decodeCsv(buf: Buffer): { text: string; encoding: CsvEncoding } {
  let bytes = buf;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
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
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.min(text.length, 4096)).split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  const comma = count(','), tab = count('\t'), semi = count(';');
  if (tab > comma && tab >= semi) return '\t';
  if (semi > comma && semi > tab) return ';';
  return ',';
}

/** A grid from CSV bytes. Empty fields are null; everything else stays as written (text). */
export function csvToGrid(buf: Buffer, sheetName: string): { grid: Grid; encoding: CsvEncoding } {
  const { text, encoding } = decodeCsv(buf);
  const rows = parseCsv(text, guessDelimiter(text));
  const cells: Cell[][] = rows.map((r) => {
    let last = r.length - 1;
    while (last >= 0 && r[last] === '') last--;
    const out: Cell[] = new Array(last + 1);
    for (let c = 0; c <= last; c++) out[c] = r[c] === '' ? null : r[c];
    return out;
  });
  return { grid: { name: sheetName, cells, merges: [], origin: { row: 1, col: 1 } }, encoding };
}

/** Read a CSV file as a one-sheet workbook; the sheet is named after the file (without .csv). */
export function readCsvBuffer(buf: Buffer, displayName: string): WorkbookGrids {
  const base = path.basename(displayName).replace(/\.csv$/i, '') || 'CSV';
  return { file: displayName, sheets: [csvToGrid(buf, base).grid] };
}
