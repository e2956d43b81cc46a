/**
 * A shared formula's text moved from its master cell to another cell of its range, as Excel shows it
 * there: relative references shift by the offset, $-anchored parts stay. The review workbook writes
 * each such cell as an ordinary formula with this text (src/cli/copy-formats.ts), since exceljs's own
 * slideFormula misses whole columns and rows, string literals and structured references, and its
 * streaming writer numbers shared formulas afresh on every row (si="0" again and again).
 *
 * The text is scanned, not parsed: string literals, structured references and external-book indexes
 * ([…]) and quoted sheet names are copied as they are; a word before "(" is a function, one before
 * "!" a sheet. What remains is a cell (B2, $B$2), a column range (A:C) or a row range (2:5).
 */
import { columnLetters } from '../../core/address';

const MAX_COL = 16384;
const MAX_ROW = 1048576;

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d+)$/;

/** Error literals, which hold "/", "!" or "?" and must not be read as words. */
const ERROR_LITERAL = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/i;

function columnOfLetters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 26 + ((s.charCodeAt(i) & ~32) - 64);
  return n;
}

/** A character of a word: a name, function, unquoted sheet name, number or reference. */
function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 36 || // $
    code === 46 || // .
    code === 95 || // _
    code === 92 || // \
    code === 63 || // ?
    code > 127 // names and sheet names in Chinese
  );
}

type Part = { kind: 'cell'; colAbs: boolean; col: number; rowAbs: boolean; row: number } | { kind: 'col'; abs: boolean; col: number } | { kind: 'row'; abs: boolean; row: number };

function cellPart(word: string): Part | null {
  const m = CELL.exec(word);
  if (!m) return null;
  const col = columnOfLetters(m[2]);
  const row = Number(m[4]);
  // XFE1 or A1048577 is a name, not a cell.
  if (col > MAX_COL || row < 1 || row > MAX_ROW) return null;
  return { kind: 'cell', colAbs: m[1] === '$', col, rowAbs: m[3] === '$', row };
}

function columnPart(word: string): Part | null {
  const m = COLUMN.exec(word);
  if (!m) return null;
  const col = columnOfLetters(m[2]);
  return col <= MAX_COL ? { kind: 'col', abs: m[1] === '$', col } : null;
}

function rowPart(word: string): Part | null {
  const m = ROW.exec(word);
  if (!m) return null;
  const row = Number(m[2]);
  return row >= 1 && row <= MAX_ROW ? { kind: 'row', abs: m[1] === '$', row } : null;
}

/** A reference part moved by (dr, dc); null when it leaves the sheet (Excel shows #REF!). */
function shifted(p: Part, dr: number, dc: number): string | null {
  if (p.kind === 'cell') {
    const col = p.colAbs ? p.col : p.col + dc;
    const row = p.rowAbs ? p.row : p.row + dr;
    if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return null;
    return `${p.colAbs ? '$' : ''}${columnLetters(col)}${p.rowAbs ? '$' : ''}${row}`;
  }
  if (p.kind === 'col') {
    const col = p.abs ? p.col : p.col + dc;
    return col < 1 || col > MAX_COL ? null : `${p.abs ? '$' : ''}${columnLetters(col)}`;
  }
  const row = p.abs ? p.row : p.row + dr;
  return row < 1 || row > MAX_ROW ? null : `${p.abs ? '$' : ''}${row}`;
}

/** End of a quoted run starting at `i` (the quote), the quote doubled inside; the text's end if unclosed. */
function quotedEnd(s: string, i: number, quote: string): number {
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === quote) {
      if (s[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return s.length;
}

/** End of a bracketed run starting at `i` ("["), nested brackets and '-escapes inside. */
function bracketEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const ch = s[j];
    if (ch === "'") j++; // a structured reference's escape: '[ '] '# ''
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return j + 1;
  }
  return s.length;
}

function wordEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length && isWordChar(s.charCodeAt(j))) j++;
  return j;
}

/**
 * The formula text of the master cell (fromRow, fromCol), 1-based, as it reads in the cell (toRow,
 * toCol) of the same shared formula.
 */
export function slideFormula(formula: string, fromRow: number, fromCol: number, toRow: number, toCol: number): string {
  const dr = toRow - fromRow;
  const dc = toCol - fromCol;
  if (dr === 0 && dc === 0) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      const end = quotedEnd(formula, i, '"');
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "'") {
      // A quoted sheet name, with its "!" (the reference after it is read as the next word).
      const end = quotedEnd(formula, i, "'");
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '[') {
      const end = bracketEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '#') {
      const m = ERROR_LITERAL.exec(formula.slice(i, i + 16));
      const len = m ? m[0].length : 1;
      out += formula.slice(i, i + len);
      i += len;
      continue;
    }
    if (!isWordChar(formula.charCodeAt(i))) {
      out += ch;
      i++;
      continue;
    }
    const end = wordEnd(formula, i);
    const word = formula.slice(i, end);
    const next = formula[end];
    // A function name, a sheet name or a table name.
    if (next === '(' || next === '!' || next === '[') {
      out += word;
      i = end;
      continue;
    }
    // A range of two parts ("A2:B5", "A:C", "2:5"): moved together, #REF! if either leaves the sheet.
    if (next === ':') {
      const end2 = wordEnd(formula, end + 1);
      const word2 = formula.slice(end + 1, end2);
      const pair = [cellPart, columnPart, rowPart].map((f) => [f(word), f(word2)] as const).find(([a, b]) => a && b);
      if (pair && formula[end2] !== '!' && formula[end2] !== '(') {
        const a = shifted(pair[0]!, dr, dc);
        const b = shifted(pair[1]!, dr, dc);
        out += a && b ? `${a}:${b}` : '#REF!';
        i = end2;
        continue;
      }
    }
    const p = cellPart(word);
    if (p) out += shifted(p, dr, dc) ?? '#REF!';
    else out += word;
    i = end;
  }
  return out;
}
