/**
 * Text measure for row heights and note boxes: a CJK (or other wide) character takes two columns of
 * width, a Latin one one column, as Excel's column-width unit (the width of "0") counts them.
 */

/** East Asian wide and fullwidth ranges (CJK, kana, hangul, fullwidth forms and punctuation). */
function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
    || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
}

/** Width of one line of text in column-width units. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

/** Lines the text takes when wrapped in a column of `width` units (one unit goes to the cell's padding). */
export function wrappedLines(s: string, width: number): number {
  const room = Math.max(1, width - 1);
  let n = 0;
  for (const line of s.split('\n')) n += Math.max(1, Math.ceil(textWidth(line) / room));
  return n;
}

/** Points per line of 11 pt text (CJK fonts run taller than Latin ones), and the cell's padding. */
export const LINE_PT = 15;
export const ROW_PAD_PT = 3;
/** Excel's default row height. */
export const DEFAULT_ROW_PT = 15;
/** Excel's largest row height. */
export const MAX_ROW_PT = 409;

export function rowHeightFor(lines: number): number {
  return lines <= 1 ? DEFAULT_ROW_PT : Math.min(MAX_ROW_PT, lines * LINE_PT + ROW_PAD_PT);
}
