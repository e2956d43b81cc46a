/**
 * Money as integer 分 (fen). Parsing follows SPEC §2.1; no floating-point sums anywhere.
 * Amounts up to 9×10¹³ 元 (9×10¹⁵ 分) stay below 2⁵³, so plain numbers hold them exactly.
 */
import { Cell, isCellError } from './grid';

export type AmountUnit = 'yuan' | 'wan';

/** Decimal digits between the display unit and 分: 元 → 2, 万元 → 6. */
export const UNIT_DIGITS: Record<AmountUnit, number> = { yuan: 2, wan: 6 };
export const FEN_PER_UNIT: Record<AmountUnit, number> = { yuan: 100, wan: 1_000_000 };
/** SPEC §2.1: magnitudes above 9×10¹³ 元 are not budget amounts. */
export const MAX_ABS_FEN = 9e15;

/**
 * The 分 one check may read in all, counted in absolute value: 2⁵³ − 1, so that every sum and
 * difference of the amounts read (a unit's total, a 小计 against its lines, a goal's funds against its
 * project's lines) is an exact integer. About 90 万亿元: beyond any budget a bureau reviews at once,
 * but two cells near MAX_ABS_FEN already pass it.
 */
export const MAX_RUN_FEN = Number.MAX_SAFE_INTEGER;

/** The running absolute total of one check's amounts (MAX_RUN_FEN). */
export class MagnitudeAccount {
  private used = 0;

  /** Counts |fen| in and returns true; false, counting nothing, when that would pass MAX_RUN_FEN. */
  take(fen: number): boolean {
    const next = this.used + (fen < 0 ? -fen : fen);
    if (next > MAX_RUN_FEN) return false;
    this.used = next;
    return true;
  }
}

export type AmountResult =
  | { ok: true; fen: number; blank: boolean }
  | { ok: false; reason: string };

const FULLWIDTH: Record<string, string> = { '．': '.', '，': ',', '－': '-', '−': '-', '＋': '+', '（': '(', '）': ')', '　': ' ', '﹣': '-', '—': '-' };

/** Full-width digits, point, comma and minus signs to ASCII (SPEC §7 Characters). */
export function asciiNumeric(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else out += FULLWIDTH[ch] ?? ch;
  }
  return out;
}

/**
 * Exact conversion of a plain decimal string ("-1234.5678", "1e-7" not accepted) to an integer of
 * 10^-digits units, rounding half away from zero beyond `digits`.
 */
export function decimalToScaled(dec: string, digits: number): number | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(dec);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return null;
  const neg = m[1] === '-';
  const intPart = m[2] || '0';
  const frac = m[3] ?? '';
  const kept = (frac + '0'.repeat(digits)).slice(0, digits);
  const roundUp = frac.length > digits && frac.charCodeAt(digits) >= 53; // '5'
  // int * 10^digits + kept: both parts are exact integers below 2^53 for in-range amounts.
  let v = Number(intPart) * 10 ** digits + Number(kept || '0');
  if (roundUp) v += 1;
  if (!Number.isSafeInteger(v)) return null;
  return neg ? -v : v;
}

/** A JS number (from an .xlsx numeric cell) to a decimal string without exponent. */
function numberToDecimal(x: number): string {
  const s = String(x);
  if (!/e/i.test(s)) return s;
  // Exponent form: 1e-7 or 1.5e+21. toFixed(20) is exact enough for values this small/large.
  return Math.abs(x) < 1 ? x.toFixed(20) : BigInt(Math.round(x)).toString();
}

/**
 * Below these magnitudes (2⁴⁴ 元, 2³¹ 万元) adjacent doubles are far closer together than one 分, so
 * a value whose shortest decimal form has at most UNIT_DIGITS decimals is exactly the double nearest
 * to round(x × 10^digits) / 10^digits, and that scaled integer is its value in 分.
 */
const FAST_LIMIT: Record<AmountUnit, number> = { yuan: 2 ** 44, wan: 2 ** 31 };

/** Number from a cell to 分 in the given display unit. Float noise (0.30000000000000004) rounds away. */
export function numberToFen(x: number, unit: AmountUnit): number | null {
  if (!Number.isFinite(x)) return null;
  // Fast path for the common cell (integers, cents, 万元 with up to six decimals): no string work.
  // Values with more decimals than the unit keeps take the exact decimal route below.
  const scale = FEN_PER_UNIT[unit];
  if (x < FAST_LIMIT[unit] && x > -FAST_LIMIT[unit]) {
    const n = Math.round(x * scale);
    if (n / scale === x) return n === 0 ? 0 : n; // avoid -0
  }
  const v = decimalToScaled(numberToDecimal(x), UNIT_DIGITS[unit]);
  return v === null ? null : v === 0 ? 0 : v; // avoid -0
}

/** A numeric amount cell in 分, or null when it is not finite or beyond MAX_ABS_FEN (parseAmount's number case, without the result object). */
export function numberCellFen(x: number, unit: AmountUnit): number | null {
  const fen = numberToFen(x, unit);
  return fen === null || fen > MAX_ABS_FEN || fen < -MAX_ABS_FEN ? null : fen;
}

/**
 * Parse an amount cell (SPEC §2.1): numbers, "1,234.56", full-width digits, "(123.00)" and "−123" as
 * negatives, empty and "-" as zero. Anything else is not money.
 */
export function parseAmount(cell: Cell, unit: AmountUnit): AmountResult {
  if (cell === null || cell === undefined) return { ok: true, fen: 0, blank: true };
  if (typeof cell === 'number') {
    const fen = numberCellFen(cell, unit);
    if (fen === null) return { ok: false, reason: '金额超出可能范围' };
    return { ok: true, fen, blank: false };
  }
  if (typeof cell === 'boolean') return { ok: false, reason: '逻辑值不是金额' };
  if (cell instanceof Date) return { ok: false, reason: '日期不是金额' };
  if (isCellError(cell)) return { ok: false, reason: cell.error === '#NO_CACHE' ? '公式没有计算结果' : `错误值 ${cell.error}` };
  let s = asciiNumeric(cell).trim();
  if (s === '') return { ok: true, fen: 0, blank: true };
  if (/^-+$/.test(s) || s === '—' || s === '——') return { ok: true, fen: 0, blank: true };
  if (/^#/.test(s)) return { ok: false, reason: `错误值 ${s}` };
  let neg = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    neg = true;
    s = paren[1].trim();
  }
  s = s.replace(/\s+/g, '');
  if (/^[+-]/.test(s)) {
    if (s[0] === '-') neg = !neg;
    s = s.slice(1);
  }
  // Thousands separators only in their proper places: "1,234,567.89".
  if (s.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return { ok: false, reason: '千分位格式不正确' };
    s = s.replace(/,/g, '');
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return { ok: false, reason: '不是数字' };
  const v = decimalToScaled(s, UNIT_DIGITS[unit]);
  if (v === null || Math.abs(v) > MAX_ABS_FEN) return { ok: false, reason: '金额超出可能范围' };
  return { ok: true, fen: neg && v !== 0 ? -v : v, blank: false };
}

/** "1234567" → "1,234,567": the one place digits are grouped by thousands. */
export function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Format 分 as a decimal in the given unit with `decimals` places, half away from zero. */
export function formatFen(fen: number, unit: AmountUnit, decimals = 2, thousands = true): string {
  const neg = fen < 0;
  let a = Math.abs(fen);
  const digits = UNIT_DIGITS[unit];
  const drop = digits - decimals;
  if (drop > 0) {
    const p = 10 ** drop;
    a = Math.floor(a / p) + (a % p >= p / 2 ? 1 : 0);
  } else if (drop < 0) {
    a = a * 10 ** -drop;
  }
  const s = String(a).padStart(decimals + 1, '0');
  const intPart = decimals > 0 ? s.slice(0, -decimals) : s;
  const fracPart = decimals > 0 ? '.' + s.slice(-decimals) : '';
  const body = (thousands ? groupThousands(intPart) : intPart) + fracPart;
  return neg && a !== 0 ? '-' + body : body;
}

/** "1,234.56" (元, 2 decimals). */
export function formatYuan(fen: number): string {
  return formatFen(fen, 'yuan', 2);
}

/** "132.50" (万元, 2 decimals, thousands separators). */
export function formatWan(fen: number): string {
  return formatFen(fen, 'wan', 2);
}

/** Value for a spreadsheet cell in the given unit (a JS number; exact in 元, display-rounded never). */
export function fenToNumber(fen: number, unit: AmountUnit): number {
  return fen / FEN_PER_UNIT[unit];
}

/** prior × (1 − rate) rounded half-up to the 分 (SPEC §7 Figures). Rates are decimals like 0.05. */
export function limitAfterCut(priorFen: number, rate: number): number {
  // Work in millionths of the rate so that 0.05 is exactly 50000.
  const keepPpm = 1_000_000 - Math.round(rate * 1_000_000);
  const num = BigInt(priorFen) * BigInt(keepPpm);
  const den = 1_000_000n;
  const q = num / den;
  const r = num % den;
  const up = (r < 0n ? -r : r) * 2n >= den ? (num < 0n ? -1n : 1n) : 0n;
  return Number(q + up);
}

/** Sum of 分 amounts with a guard against leaving the exact-integer range. */
export function sumFen(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  if (!Number.isSafeInteger(s)) throw new RangeError('金额合计超出精确范围');
  return s;
}

/** A ratio as a percentage string with `decimals` places: 0.026 → "2.6%". */
export function formatPercent(ratio: number, decimals = 1): string {
  return (Math.round(ratio * 100 * 10 ** decimals) / 10 ** decimals).toFixed(decimals) + '%';
}
