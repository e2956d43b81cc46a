/**
 * What an 指标值 says: whether it can be measured (PERF.VAGUE_VALUE) and, for 成本指标, the money it
 * states (PERF.COST_EXCEEDS). Verdicts are memoised per distinct text: a big budget repeats "≥95%"
 * hundreds of thousands of times.
 */
import { asciiNumeric, decimalToScaled, MAX_ABS_FEN, UNIT_DIGITS } from '../money';
import type { Level1 } from './model';

/** Why a value is not measurable; null when it is. */
export type Vagueness =
  | { readonly kind: 'blank' }
  | { readonly kind: 'vagueWord'; readonly word: string }
  | { readonly kind: 'noNumber' }
  | { readonly kind: 'notMeasurable' };

export interface ValueWords {
  readonly vagueWords: readonly string[];
  readonly measurableWords: readonly string[];
  readonly numericLevel2: readonly string[];
}

const HAS_DIGIT = /\d/;
const COMPARISON = /^[≥≤><=＝≧≦]+|^(不低于|不高于|不少于|不超过|不大于|不小于|大于等于|小于等于|大于|小于|达到|高于|低于|约)/;

function normalise(s: string): string {
  return asciiNumeric(s).normalize('NFKC').replace(/\s+/g, '');
}

/** A value classifier over the configured lists, memoised per value. */
export function valueClassifier(words: ValueWords): (level2: string, value: string) => Vagueness | null {
  const measurable = new Set(words.measurableWords.map(normalise));
  const numeric = new Set(words.numericLevel2);
  const vague = words.vagueWords.map(normalise).filter((w) => w !== '');
  // What a value says whatever its 二级指标; only a value without digits or vague words depends on it
  // (数量/时效/成本 need a number). One lookup per indicator (two million on a big budget).
  const memo = new Map<string, Vagueness | null | Pending>();
  const decide = (value: string): Vagueness | null | Pending => {
    const v = normalise(value);
    if (v === '') return BLANK;
    if (HAS_DIGIT.test(v)) return null;
    for (const w of vague) if (v.includes(w)) return { kind: 'vagueWord', word: w };
    const bare = v.replace(COMPARISON, '');
    return measurable.has(bare) || measurable.has(v) ? PENDING_MEASURABLE : PENDING_NOT_MEASURABLE;
  };
  return (level2, value) => {
    let r = memo.get(value);
    if (r === undefined) memo.set(value, (r = decide(value)));
    if (r !== PENDING_MEASURABLE && r !== PENDING_NOT_MEASURABLE) return r as Vagueness | null;
    if (numeric.has(level2)) return NO_NUMBER;
    return r === PENDING_MEASURABLE ? null : NOT_MEASURABLE;
  };
}

/** A value without digits or vague words: its verdict waits for the 二级指标. */
class Pending {
  constructor(readonly measurable: boolean) {}
}
const PENDING_MEASURABLE = new Pending(true);
const PENDING_NOT_MEASURABLE = new Pending(false);
const BLANK: Vagueness = { kind: 'blank' };
const NO_NUMBER: Vagueness = { kind: 'noNumber' };
const NOT_MEASURABLE: Vagueness = { kind: 'notMeasurable' };

// 万 and 亿 are written with or without 元 ("≤70万", "1亿元"): a 成本指标 in 万 is money.
const MONEY = /^(?:[≥≤<>=≦≧]|不超过|不高于|不大于|不多于|低于|控制在|小于等于|小于)*(\d+(?:\.\d+)?)(亿元?|万元?|元)(?:以内|以下|内)?$/;

/** Decimal digits between the written unit and 分: 亿 = 10^8 元, exactly (no float product). */
const COST_DIGITS: Record<string, number> = { 元: UNIT_DIGITS.yuan, 万: UNIT_DIGITS.wan, 亿: UNIT_DIGITS.wan + 4 };

/**
 * The money a 成本指标 value states in 分 ("≤50万元", "≤ 500,000 元", "≤70万", "≤0.007亿元"), or
 * null: per-unit costs ("30元/人", "每人…") and rates are not the project's total cost.
 */
export function costFen(value: string): number | null {
  const v = normalise(value).replace(/,/g, '');
  if (v.includes('/') || v.includes('每')) return null;
  const m = MONEY.exec(v);
  if (!m) return null;
  const fen = decimalToScaled(m[1], COST_DIGITS[m[2][0]]);
  return fen === null || fen > MAX_ABS_FEN ? null : fen;
}

const LEVEL1: ReadonlyArray<readonly [RegExp, Level1]> = [
  [/产出/, '产出指标'],
  [/效益|效果/, '效益指标'],
  [/满意/, '满意度指标'],
];

/** "产出指标", "产出", "一、产出指标" → 产出指标; anything else → ''. */
export function level1Of(text: string): Level1 {
  const t = normalise(text);
  for (const [re, l] of LEVEL1) if (re.test(t)) return l;
  return '';
}

const LEVEL2: ReadonlyArray<readonly [RegExp, string]> = [
  [/数量/, '数量指标'],
  [/质量/, '质量指标'],
  [/时效|进度/, '时效指标'],
  [/成本/, '成本指标'],
  [/经济效益|经济/, '经济效益指标'],
  [/社会效益|社会/, '社会效益指标'],
  [/生态效益|生态|环境/, '生态效益指标'],
  [/可持续/, '可持续影响指标'],
  [/满意/, '服务对象满意度指标'],
];

/** 二级指标 in its national short form ("数量" → 数量指标); other texts as written. */
export function level2Of(text: string): string {
  const t = normalise(text);
  if (t === '') return '';
  for (const [re, l] of LEVEL2) if (re.test(t)) return l;
  return t;
}
