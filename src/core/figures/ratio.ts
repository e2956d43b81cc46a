/**
 * Exact ratios for report figures. Every percentage (完成率, 同比, 占比, 压减率, 超序时) is a fraction of
 * two integers (分 or months) and is rounded only when it is displayed, half away from zero, so that
 * 31.7% − 25% prints 6.7 and never 6.699999.
 */
import { groupThousands } from '../money';

/** num / den with den > 0. BigInt because 分 × 12 can leave the exact range of a double. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

/** num / den, or null when den is 0 (division by zero is reported, never computed). */
export function ratio(num: number | bigint, den: number | bigint): Ratio | null {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) return null;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  return { num: n, den: d };
}

export function subtract(a: Ratio, b: Ratio): Ratio {
  return { num: a.num * b.den - b.num * a.den, den: a.den * b.den };
}

export function sign(r: Ratio): -1 | 0 | 1 {
  return r.num < 0n ? -1 : r.num > 0n ? 1 : 0;
}

export function abs(r: Ratio): Ratio {
  return r.num < 0n ? { num: -r.num, den: r.den } : r;
}

/** The ratio as a double, for JSON output only (never for further arithmetic). */
export function toNumber(r: Ratio): number {
  // Scale first so that large numerators and denominators keep their leading digits.
  const scaled = roundScaled(r, 10n ** 12n);
  return Number(scaled) / 1e12;
}

/** round(r × scale), half away from zero. */
export function roundScaled(r: Ratio, scale: bigint): bigint {
  const n = r.num * scale;
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / r.den;
  if ((a % r.den) * 2n >= r.den) q += 1n;
  return neg ? -q : q;
}

/** A non-negative or negative integer of 10^-decimals units as a decimal string ("-6.7"). */
export function scaledToString(v: bigint, decimals: number, thousands = false): string {
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(decimals + 1, '0');
  let intPart = decimals > 0 ? digits.slice(0, -decimals) : digits;
  if (thousands) intPart = groupThousands(intPart);
  const body = decimals > 0 ? `${intPart}.${digits.slice(-decimals)}` : intPart;
  return neg && /[1-9]/.test(digits) ? `-${body}` : body;
}

/** The ratio in percent with `decimals` places, without the % sign: 0.3170 → "31.7". */
export function percentString(r: Ratio, decimals: number): string {
  return scaledToString(roundScaled(r, 100n * 10n ** BigInt(decimals)), decimals);
}

/** An amount in 分 in a unit of `fenPerUnit` 分 (万元: 10^6, 亿元: 10^10) with thousands separators. */
export function fenString(fen: number, fenPerUnit: bigint, decimals: number): string {
  const r = ratio(fen, fenPerUnit) as Ratio;
  return scaledToString(roundScaled(r, 10n ** BigInt(decimals)), decimals, true);
}
