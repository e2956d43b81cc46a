/**
 * styles.xml, read only to tell which cell styles show numbers as dates, and which number format
 * each style shows a number with (the 绩效目标 reader shows 0.95 under "0%" as "95%",
 * Grid.numFmts). The date rule mirrors exceljs
 * (utils.isDateFmt over the style's number format) so that both readers turn the same cells into
 * Date: a built-in format counts only when exceljs knows its code (14–22, 45–47); the locale-
 * dependent built-ins (27–36, 50–58, e.g. yyyy"年"m"月"d"日") stay numbers in both.
 */
import { builtinFormat, isShownFormat } from '../../core/number-format';
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

export interface CellStyles {
  /** For each cellXfs index, whether cells with that style are dates. */
  dates: boolean[];
  /**
   * For each cellXfs index, the number format code a number is shown with ("0.0%", 0"人次"), as
   * written (backslashes kept), or null for General and text.
   */
  formats: Array<string | null>;
}

/**
 * What each cellXfs index means for a number. Index 0 is never a date nor formatted (exceljs skips
 * s="0"). The date test takes a custom code as exceljs reads it (backslashes dropped), so both
 * readers make the same cells Date; the shown format keeps the code as written (0\% writes a
 * percent sign after 95 and does not scale it).
 */
export async function readCellStyles(dir: ZipDirectory, part: string | null, limits: InflateLimits): Promise<CellStyles> {
  if (!part) return { dates: [], formats: [] };
  const custom = new Map<number, string>();
  const rawCustom = new Map<number, string>();
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
        if (x.formatCode !== undefined) {
          custom.set(id, x.formatCode.replace(/[\\](.)/g, '$1'));
          rawCustom.set(id, x.formatCode);
        }
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
  const dates = xfFormats.map((id) => {
    if (!id) return false; // NaN or 0 (General)
    const code = custom.get(id);
    if (code) return isDateFormat(code);
    return BUILTIN_DATE_IDS.has(id);
  });
  const formats = xfFormats.map((id, i): string | null => {
    if (!id || i === 0) return null;
    const code = rawCustom.get(id) ?? builtinFormat(id);
    return isShownFormat(code) ? code : null;
  });
  return { dates, formats };
}
