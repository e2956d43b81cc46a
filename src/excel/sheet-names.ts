/** Names for generated sheets: valid, ≤ 31 characters, and never equal to a sheet that exists. */

// One set of sheet-name rules for every door (src/core/review/sheet-names.ts).
export { sanitizeSheetName, uniqueSheetName } from '../core/review/sheet-names';

/**
 * Whether Excel would not keep `s` as the same text when it is written to a cell. Strings written
 * through Range.values (and formulas) are parsed as if typed (office-js#229): "001001" becomes the
 * number 1001, "2018-12-31" or "1-1" a date, "TRUE" a boolean, "50%" 0.5, "=…" or "+…" a formula,
 * and a leading apostrophe disappears.
 */
export function isReinterpreted(s: string): boolean {
  if (s === '') return false;
  if (/^['=@+-]/.test(s)) return true;
  const t = s.trim();
  if (t !== s && t === '') return false;
  if (/^(true|false)$/i.test(t)) return true;
  if (/^[+-]?[\d.,]*\d[\d.,]*([eE][+-]?\d+)?%?$/.test(t)) return true;
  if (/^\d{1,4}[-/.年]\d{1,2}([-/.月]\d{1,4}日?)?$/.test(t)) return true;
  if (/^\d{1,4}年\d{1,2}月(\d{1,2}日)?$|^\d{1,2}月\d{1,2}日$/.test(t)) return true;
  if (/^\d{1,2}(:\d{1,2}){1,2}(\s*[AaPp][Mm])?$/.test(t)) return true;
  if (/^\d{1,2}[-/\s][A-Za-z]{3}/.test(t)) return true;
  if (/^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)/.test(t)) return true;
  return false;
}

/** The formula guard alone, for cells formatted as Text ('@'): a leading '=' or '@', or '+'/'-' before text. */
export function asFormulaText(s: string): string {
  return /^[=@]|^[+-]\D/.test(s) ? `'${s}` : s;
}

/**
 * Text written as a cell value, kept as that exact text: a leading apostrophe makes Excel store the
 * rest as text (it is not part of the value), for anything Excel would otherwise reinterpret.
 */
export function asText(s: string): string {
  return isReinterpreted(s) ? `'${s}` : s;
}

/**
 * Our own earlier sheet of a kind: the existing sheet named `base` or `base(n)` that the saved
 * settings list as ours (`ours`); a re-run replaces it. A user's sheet of that name never is.
 */
export function ourEarlierSheet(base: string, existing: ReadonlyArray<string>, ours: ReadonlyArray<string>): string | undefined {
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\(\\d+\\))?$`);
  return existing.find((n) => pattern.test(n) && ours.includes(n));
}
