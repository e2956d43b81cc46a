/**
 * Number formats of 指标值 cells: a number as Excel shows it under its cell's format (0.95 with
 * "0%" → "95%", 1200 with 0"人次" → "1200人次", 46387 with yyyy"年"m"月"d"日" → "2026年12月31日").
 * Adapters hand the core the formats of numeric cells as runs down a column (Grid.numFmts, built
 * with FormatRuns); the 绩效目标 reader shows 指标值 through them, so every door reads what the
 * user's sheet shows. The rendering is numfmt's (an ECMA-376 format-code engine), in zh-CN.
 */
import { format, isDateFormat } from 'numfmt';
import type { NumFmtRun } from './grid';

/** Built-in format ids Excel writes without a code (ECMA-376 §18.8.30), as zh-CN Excel shows them. */
const BUILTIN_FORMATS: ReadonlyMap<number, string> = new Map<number, string>([
  [1, '0'], [2, '0.00'], [3, '#,##0'], [4, '#,##0.00'], [9, '0%'], [10, '0.00%'], [11, '0.00E+00'],
  [12, '# ?/?'], [13, '# ??/??'], [14, 'yyyy/m/d'], [15, 'd-mmm-yy'], [16, 'd-mmm'], [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'], [19, 'h:mm:ss AM/PM'], [20, 'h:mm'], [21, 'h:mm:ss'], [22, 'yyyy/m/d h:mm'],
  [27, 'yyyy"年"m"月"'], [28, 'm"月"d"日"'], [29, 'm"月"d"日"'], [30, 'm-d-yy'], [31, 'yyyy"年"m"月"d"日"'],
  [32, 'h"时"mm"分"'], [33, 'h"时"mm"分"ss"秒"'], [34, 'AM/PMh"时"mm"分"'], [35, 'AM/PMh"时"mm"分"ss"秒"'],
  [36, 'yyyy"年"m"月"'], [37, '#,##0 ;(#,##0)'], [38, '#,##0 ;[Red](#,##0)'], [39, '#,##0.00;(#,##0.00)'],
  [40, '#,##0.00;[Red](#,##0.00)'], [45, 'mm:ss'], [46, '[h]:mm:ss'], [47, 'mmss.0'], [48, '##0.0E+0'],
  [50, 'yyyy"年"m"月"'], [51, 'm"月"d"日"'], [52, 'yyyy"年"m"月"'], [53, 'm"月"d"日"'], [54, 'm"月"d"日"'],
  [55, 'AM/PMh"时"mm"分"'], [56, 'AM/PMh"时"mm"分"ss"秒"'], [57, 'yyyy"年"m"月"'], [58, 'm"月"d"日"'],
]);

/** The code of a built-in number format id, or null (0 General, 49 @, and ids no format has). */
export function builtinFormat(id: number): string | null {
  return BUILTIN_FORMATS.get(id) ?? null;
}

/**
 * Whether a number under the code shows other than as its plain value: anything but General and
 * text (@). Only such codes are handed to the core.
 */
export function isShownFormat(code: string | null | undefined): code is string {
  if (!code) return false;
  const c = code.trim();
  return c !== '' && c !== '@' && c.toLowerCase() !== 'general';
}

// zh-CN Excel writes its 上午/下午 marker as the token numfmt knows as AM/PM (with zh-CN day parts).
const CN_AMPM = /上午\/下午/g;
// The system long date and time ([$-F800], [$-F400], [$-x-sysdate], [$-x-systime]) show as the
// computer's settings say, whatever the code after them: zh-CN Windows writes 2026年12月31日, 18:00:00.
const SYSTEM_DATE = /^\[\$-(F800|x-sysdate)\]/i;
const SYSTEM_TIME = /^\[\$-(F400|x-systime)\]/i;

function numfmtCode(code: string): string {
  if (SYSTEM_DATE.test(code)) return 'yyyy"年"m"月"d"日"';
  if (SYSTEM_TIME.test(code)) return 'h:mm:ss';
  return code.replace(CN_AMPM, 'AM/PM');
}
const OPTIONS = { locale: 'zh-CN', throws: true, dateErrorThrows: true, nbsp: false } as const;

/**
 * A code as numfmt is given it, whether it is a date, and the texts of the numbers already shown
 * under it (指标值 repeat: 0.95, 1, 0.9 down a whole sheet); null when numfmt cannot read it.
 */
type Compiled = { readonly code: string; readonly date: boolean; readonly negSign: boolean; readonly shown: Map<number, string | null> } | null;
// Bounded so that no workbook grows the memo without end (a few hundred thousand entries at most).
const SHOWN_PER_CODE = 4096;
const SHOWN_IN_ALL = 100_000;
let shownInAll = 0;
const compiled = new Map<string, Compiled>();

/** The compiled code, or null for General, @ and codes numfmt cannot read (each judged once). */
function compile(code: string): Compiled {
  let c = compiled.get(code);
  if (c === undefined) {
    if (!isShownFormat(code)) c = null;
    else {
      const n = numfmtCode(code);
      try {
        format(n, 0, OPTIONS); // an unreadable code throws here, once
        // Whether negatives show a leading minus (one section, "0"), not their own section ("0;(0)").
        c = { code: n, date: isDateFormat(n), negSign: format(n, -1, OPTIONS).trim().startsWith('-'), shown: new Map() };
      } catch {
        c = null;
      }
    }
    // A workbook has a few dozen codes; a hostile one with thousands is compiled per cell instead.
    if (compiled.size < 1000) compiled.set(code, c);
  }
  return c;
}

/**
 * A number as Excel shows it under `code` ("95%", "1200人次", "2026年12月31日"); null when the code
 * says nothing more than the number (General, @), cannot be read, or Excel would show ##### (a
 * date out of range, a number too long to write exactly), or writes no digit (a zero section "-").
 */
export function shownText(v: number, code: string): string | null {
  if (!Number.isFinite(v) || Math.abs(v) >= 1e15) return null;
  const c = compile(code);
  if (c === null) return null;
  let t = c.shown.get(v);
  if (t === undefined) {
    t = render(c, v);
    if (c.shown.size < SHOWN_PER_CODE && shownInAll < SHOWN_IN_ALL) {
      c.shown.set(v, t);
      shownInAll++;
    }
  }
  return t;
}

function render(c: NonNullable<Compiled>, v: number): string | null {
  // Excel has no date before its day 0: a negative serial shows #####.
  if (v < 0 && c.date) return null;
  let t: string;
  try {
    t = format(c.code, v, OPTIONS);
  } catch {
    return null;
  }
  // Padding (_x) and fill (*x) only align columns; a 指标值 is read as text.
  t = t.trim();
  // Excel keeps the minus of a negative that rounds to nothing (-0.4 under "0" shows "-0", -0.004
  // under "0%" "-0%"); numfmt drops it. A code with a negative section writes its own sign.
  if (v < 0 && c.negSign && !t.startsWith('-')) t = '-' + t;
  // A number always says a number: a section that writes none (0 as "-") leaves it as it is.
  if (!/\d/.test(t) || /^#+$/.test(t) || /e[+-]\d/.test(t)) return null;
  return t;
}

/**
 * The 1900-system serial of a date as the readers make it (UTC midnight of the calendar day the
 * cell shows, 1904 workbooks already shifted), so a date cell is shown under its code like a number.
 */
export function dateSerial(d: Date): number | null {
  const t = d.getTime();
  return Number.isNaN(t) ? null : t / 86_400_000 + 25_569;
}

/**
 * Builds Grid.numFmts from the numbers and dates of a sheet, fed row by row (rows ascending): a
 * run grows while the cells of its column keep the same format; one with another format ends it,
 * text and blanks do not (the core applies a run to numbers and dates only).
 */
export class FormatRuns {
  private readonly open: Array<{ col: number; top: number; bottom: number; code: string } | undefined> = [];
  private readonly done: NumFmtRun[] = [];

  /** A number or date at (r, c): `code` is its format when it shows (isShownFormat), else null. */
  add(r: number, c: number, code: string | null): void {
    const o = this.open[c];
    if (o !== undefined) {
      if (code === o.code && r >= o.bottom) {
        o.bottom = r;
        return;
      }
      this.done.push(o);
      this.open[c] = undefined;
    }
    if (code !== null) this.open[c] = { col: c, top: r, bottom: r, code };
  }

  get size(): number {
    let n = this.done.length;
    for (const o of this.open) if (o !== undefined) n++;
    return n;
  }

  /** The runs, by column then top row. */
  runs(): NumFmtRun[] {
    const out = [...this.done];
    for (const o of this.open) if (o !== undefined) out.push(o);
    return out.sort((a, b) => a.col - b.col || a.top - b.top);
  }
}
