/**
 * Percent number formats ("0%", "0.00%", "#,##0.0%"): which format codes are one, and a number as
 * Excel shows it under one (0.95 with "0%" → "95%"). Adapters hand the core the percent formats of
 * numeric cells as runs down a column (Grid.numFmts, built with PercentRuns); the 绩效目标 reader
 * shows 指标值 through them, so every door reads "100%" where the user's sheet shows 100%.
 */
import type { NumFmtRun } from './grid';

/** The active characters of each section of a code: "quoted" text, \x, _x, *x and [..] removed. */
function sections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const j = code.indexOf('"', i + 1);
      i = j < 0 ? code.length : j;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++; // an escaped literal, a space as wide as the next character, a fill character
    } else if (ch === '[') {
      const j = code.indexOf(']', i + 1);
      i = j < 0 ? code.length : j; // [Red], [$-804], [>100]
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const percentMemo = new Map<string, boolean>();

/**
 * Whether numbers under the code show as a percentage: an unquoted, unescaped % outside [..] in
 * any section (a literal "%" or \% only writes the sign, Excel does not scale the number).
 */
export function isPercentFormat(code: string): boolean {
  let r = percentMemo.get(code);
  if (r === undefined) {
    r = sections(code).some((s) => s.includes('%'));
    if (percentMemo.size < 1000) percentMemo.set(code, r);
  }
  return r;
}

interface PercentSection {
  /** How many % signs: each one multiplies by 100. */
  readonly percents: number;
  readonly decimals: number;
  readonly grouped: boolean;
}

function percentSection(s: string): PercentSection | null {
  const percents = s.split('%').length - 1;
  if (percents === 0) return null;
  const dot = s.indexOf('.');
  let decimals = 0;
  if (dot >= 0) for (let i = dot + 1; i < s.length && /[0#?]/.test(s[i]); i++) decimals++;
  const int = dot >= 0 ? s.slice(0, dot) : s;
  return { percents, decimals, grouped: /[0#?],[0#?]/.test(int) };
}

/** x ≥ 0 to `d` decimals, half away from zero, on its 15-digit decimal value (as Excel rounds). */
function fixed(x: number, d: number): string {
  const [m, e] = Number(x.toPrecision(15)).toExponential().split('e');
  const scaled = Math.round(Number(`${m}e${Number(e) + d}`));
  return (scaled / 10 ** d).toFixed(d);
}

/**
 * A number as Excel shows it under a percent format ("95%", "95.5%", "1,250%"); null when the
 * section the number falls in is not a percentage. Literal text of the code is not rendered, and a
 * negative number keeps its minus sign whatever its section writes.
 */
export function percentText(v: number, code: string): string | null {
  if (!Number.isFinite(v)) return null;
  const all = sections(code);
  const s = v < 0 && all.length > 1 ? all[1] : v === 0 && all.length > 2 ? all[2] : all[0];
  const p = percentSection(s);
  if (p === null) return null;
  const x = Math.abs(v) * 100 ** p.percents;
  if (x >= 1e15) return null;
  let t = fixed(x, p.decimals);
  if (p.grouped) {
    const dot = t.indexOf('.');
    const int = dot < 0 ? t : t.slice(0, dot);
    t = int.replace(/\B(?=(\d{3})+$)/g, ',') + (dot < 0 ? '' : t.slice(dot));
  }
  const zero = /^[0.,]*$/.test(t);
  return (v < 0 && !zero ? '-' : '') + t + '%';
}

/**
 * Builds Grid.numFmts from the numeric cells of a sheet, fed row by row (rows ascending): a run
 * grows while the numbers of its column keep the same percent format; a number with another format
 * ends it, text and blanks do not (the core applies a run to numbers only).
 */
export class PercentRuns {
  private readonly open: Array<{ col: number; top: number; bottom: number; code: string } | undefined> = [];
  private readonly done: NumFmtRun[] = [];

  /** A number at (r, c): `code` is its percent format, or null when its format is any other. */
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
