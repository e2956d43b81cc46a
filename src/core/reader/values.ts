/** Cell readers for the non-money fields of a budget line (SPEC §2.1, §7). */
import { Cell, cellText, isCellError } from '../grid';
import type { DeclaredKind, SanbaoType } from '../lines';
import { asciiNumeric } from '../money';
import { normalizeText } from '../text';

export interface CodeCell {
  /** Digits of the code ('' when the cell holds none). */
  code: string;
  /** Name written with the code ("2010101 行政运行" → "行政运行"), '' if none. */
  name: string;
}

/**
 * "2010101", 2010101, "2010101 行政运行", "[2010101]行政运行", "【2010101】行政运行", "2010101-行政运行",
 * "2010101：行政运行". Anything without a leading digit run is a name only.
 */
export function parseCodeCell(v: Cell): CodeCell {
  if (v === null) return { code: '', name: '' };
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? { code: String(v), name: '' } : { code: '', name: String(v) };
  const s = asciiNumeric(cellText(v)).normalize('NFKC').trim();
  const m = /^[[【(]?\s*(\d{3,9})\s*[\]】)]?\s*[-—–_:：.、|/\s]*(.*)$/.exec(s);
  if (!m) return { code: '', name: s };
  return { code: m[1], name: m[2].trim() };
}

/** Two-digit 款/项 part of a split code: "1" or 1 → "01". */
export function codePart(v: Cell, width: number): string {
  const t = asciiNumeric(cellText(v)).trim();
  if (!/^\d+$/.test(t)) return '';
  return t.length >= width ? t : t.padStart(width, '0');
}

/**
 * 支出类型 text → declared kind. 预算管理一体化 exports: 人员类 → 人员经费, 运转类 (公用经费) → 公用经费,
 * 其他运转类 and 特定目标类 → 项目支出. Returns null when the text names no kind.
 */
export function parseKind(text: string): { kind: DeclaredKind; ppp: boolean } | null {
  const n = normalizeText(text);
  if (!n) return null;
  if (n === 'ppp' || /ppp/.test(n)) return { kind: 'project', ppp: true };
  if (/^人员(经费|类|类项目|支出)?$/.test(n)) return { kind: 'personnel', ppp: false };
  if (/^其他运转类/.test(n)) return { kind: 'project', ppp: false };
  if (/^((日常)?公用(经费|支出)?|运转类(项目)?|公用经费运转类|运转类公用经费)$/.test(n)) return { kind: 'public', ppp: false };
  if (/^基本(支出)?$/.test(n)) return { kind: 'basic', ppp: false };
  if (/^(项目(支出)?|特定目标类(项目)?|专项(支出)?)$/.test(n)) return { kind: 'project', ppp: false };
  return null;
}

export function parseSanbao(text: string): SanbaoType | null {
  const n = normalizeText(text);
  if (!n) return null;
  if (n === '003001' || /保工资/.test(n)) return '保工资';
  if (n === '003002' || /保运转/.test(n)) return '保运转';
  if (n === '003003' || /保基本民生|基本民生/.test(n)) return '保基本民生';
  return null;
}

/** 是/Y/√/1/已批准 … → true (SPEC §3 THREE_PUBLIC.VEHICLE_PURCHASE). */
export function parseYes(v: Cell): boolean {
  if (v === true) return true;
  if (typeof v === 'number') return v === 1;
  const n = normalizeText(cellText(v));
  return /^(是|y|yes|√|✓|1|已批准|批准|true|ppp)$/.test(n);
}

/** 上年执行率: 0.55, "55%", "55％", 55 → 0.55 (a value above 1 is a percentage). */
export function parseRate(v: Cell): number | null {
  if (v === null || isCellError(v) || typeof v === 'boolean' || v instanceof Date) return null;
  // Numbers skip the text path with the same result: the text path refuses the exponent forms that
  // String() gives for |v| ≥ 1e21 and 0 < |v| < 1e-6.
  if (typeof v === 'number') {
    const a = Math.abs(v);
    if (a === 0) return 0; // -0 too, as the text path reads it
    return !Number.isFinite(v) || a >= 1e21 || a < 1e-6 ? null : v > 1 ? v / 100 : v;
  }
  let s = asciiNumeric(v).normalize('NFKC').trim();
  if (!s) return null;
  const pct = /%$/.test(s);
  s = s.replace(/%$/, '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const x = Number(s);
  return pct || x > 1 ? x / 100 : x;
}

/** Grade bands (SPEC §3 defaults: 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60): a grade maps to its band's floor. */
export const GRADE_SCORE: Record<string, number> = { 优: 90, 优秀: 90, 良: 80, 良好: 80, 中: 60, 中等: 60, 一般: 60, 差: 0, 较差: 0 };

/** 上年绩效评价得分: a score 0–100 or a grade 优/良/中/差. */
export function parseScore(v: Cell): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = asciiNumeric(cellText(v)).normalize('NFKC').trim();
  if (!s) return null;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const g = GRADE_SCORE[s.replace(/[（(].*$/, '')];
  return g === undefined ? null : g;
}
