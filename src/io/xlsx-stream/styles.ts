/**
 * styles.xml, read only to tell which cell styles show numbers as dates. The rule mirrors exceljs
 * (utils.isDateFmt over the style's number format) so that both readers turn the same cells into
 * Date: a built-in format counts only when exceljs knows its code (14–22, 45–47); the locale-
 * dependent built-ins (27–36, 50–58, e.g. yyyy"年"m"月"d"日") stay numbers in both.
 */
import { attrs } from './xml';
import { parsePart } from './parts';
import type { InflateLimits, ZipDirectory } from './zip';

/** Built-in number formats exceljs resolves to a date or time code. */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs utils.isDateFmt: after removing [...] and "...", any of y m d h M s b. */
export function isDateFormat(code: string): boolean {
  if (!code) return false;
  const f = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(f);
}

/** For each cellXfs index, whether cells with that style are dates. Index 0 never is (exceljs skips s="0"). */
export async function readDateStyles(dir: ZipDirectory, part: string | null, limits: InflateLimits): Promise<boolean[]> {
  if (!part) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  let xfDepth = 0; // <xf> may hold <alignment>, <protection>: count only direct children
  await parsePart(dir, part, limits, {
    open(s, name, a, b) {
      if (name === 'numFmts') inNumFmts = true;
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'numFmt' && inNumFmts) {
        const x = attrs(s, a, b);
        const id = parseInt(x.numFmtId ?? '', 10);
        if (x.formatCode !== undefined) custom.set(id, x.formatCode.replace(/[\\](.)/g, '$1'));
      } else if (name === 'xf' && inCellXfs && xfDepth === 0) {
        xfFormats.push(parseInt(attrs(s, a, b).numFmtId ?? '', 10));
      }
      if (inCellXfs && name !== 'cellXfs') xfDepth++;
    },
    close(name) {
      if (name === 'numFmts') inNumFmts = false;
      else if (name === 'cellXfs') inCellXfs = false;
      if (inCellXfs && name !== 'cellXfs') xfDepth--;
    },
    text() {},
  });
  return xfFormats.map((id) => {
    if (!id) return false; // NaN or 0 (General)
    const code = custom.get(id);
    if (code) return isDateFormat(code);
    return BUILTIN_DATE_IDS.has(id);
  });
}
