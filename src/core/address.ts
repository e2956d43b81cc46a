/** A1 addresses and sheet references, shared by findings, hyperlinks and the Excel adapter. */

export function columnLetters(col1: number): string {
  let n = col1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "C12" from 1-based row and column. */
export function a1(row1: number, col1: number): string {
  return columnLetters(col1) + String(row1);
}

export function parseA1(addr: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(addr.trim());
  if (!m) return null;
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}

/** Sheet name quoted for a formula or hyperlink: 'it''s here'!A1 works in Excel, WPS and LibreOffice. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function sheetRef(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell}`;
}
