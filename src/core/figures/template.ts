/**
 * Work-report templates: the user's own paragraph with placeholders `{行.指标[:格式]}` (or
 * `{全表指标[:格式]}`), filled from a FigureSet. The grammar is documented in docs/figures.md.
 *
 * Formats: 万元 / 亿元 / 元 (two decimals, thousands separators), % and %N (N decimals, with the %
 * sign), pp (one decimal, in 个百分点, without the words), 增减 (增长/下降), 超低 (超/低于), and any
 * word pair "甲/乙" (甲 when the figure is ≥ 0, 乙 when it is < 0).
 *
 * Sign rule: a number prints with its sign ("-4.2%") unless a direction placeholder (增减, 超低 or a
 * word pair) for the same figure stands before it in the same sentence; then it prints the magnitude
 * ("下降4.2%"). A sentence ends at 。；！？ or a line break. So a template that hard-codes "增长" never
 * hides a decline: "同比增长-4.2%" shows the writer the sentence must change.
 *
 * A placeholder that cannot be filled (unknown row or 指标, missing input, division by zero, a format
 * that does not fit the figure) is left exactly as written and listed with its reason.
 * `{{` and `}}` stand for literal braces.
 */
import { normalizeText } from '../text';
import { lookupFigure } from './figures';
import type { Figure, FigureSet } from './figures';
import { abs, fenString, percentString, sign } from './ratio';
import type { Ratio } from './ratio';

export interface Placeholder {
  /** The placeholder as written, braces included. */
  readonly text: string;
  /** null for workbook figures and bare rows. */
  readonly row: string | null;
  readonly metric: string;
  /** null when none was written (the figure's default). */
  readonly format: string | null;
}

export interface UnresolvedPlaceholder {
  readonly placeholder: string;
  readonly reason: string;
}

export interface FillResult {
  readonly text: string;
  /** Distinct placeholders left unfilled, in order of first appearance. */
  readonly unresolved: UnresolvedPlaceholder[];
  /** Number of placeholders filled. */
  readonly filled: number;
}

/** Split `行.指标:格式` (full-width ．and ：accepted). */
export function parsePlaceholder(text: string): Placeholder {
  const inner = text.slice(1, -1).normalize('NFKC').trim();
  const colon = inner.indexOf(':');
  const ref = (colon >= 0 ? inner.slice(0, colon) : inner).trim();
  const format = colon >= 0 ? inner.slice(colon + 1).trim() : null;
  const dot = ref.lastIndexOf('.');
  if (dot > 0 && dot < ref.length - 1 && !/\d/.test(ref[dot + 1])) {
    return { text, row: ref.slice(0, dot).trim(), metric: ref.slice(dot + 1).trim(), format };
  }
  return { text, row: null, metric: ref, format };
}

type Direction = { words: readonly [string, string] };
type Formatted = { ok: true; text: string; direction: boolean } | { ok: false; reason: string };

const DIRECTION_WORDS: Record<string, readonly [string, string]> = {
  增减: ['增长', '下降'],
  超低: ['超', '低于'],
};

function directionOf(format: string): Direction | null {
  const named = DIRECTION_WORDS[format];
  if (named) return { words: named };
  const m = /^([^/\d%]+)\/([^/\d%]+)$/.exec(format);
  return m ? { words: [m[1], m[2]] } : null;
}

function figureSign(f: Figure): -1 | 0 | 1 {
  const v = f.value;
  return v.kind === 'money' ? (v.fen < 0 ? -1 : v.fen > 0 ? 1 : 0) : v.kind === 'ratio' ? sign(v.ratio) : v.n < 0 ? -1 : v.n > 0 ? 1 : 0;
}

const UNIT_FEN: Record<string, bigint> = { 万元: 1_000_000n, 亿元: 10_000_000_000n, 元: 100n };

/** Format one figure; `magnitude` drops the sign (a direction word already said it). */
export function formatFigure(f: Figure, format: string | null, magnitude: boolean): Formatted {
  const v = f.value;
  const fmt = format === null || format === '' ? defaultFormat(f) : format.replace(/％/g, '%');
  const dir = directionOf(fmt);
  if (dir) return { ok: true, text: figureSign(f) < 0 ? dir.words[1] : dir.words[0], direction: true };
  if (fmt in UNIT_FEN) {
    if (v.kind !== 'money') return { ok: false, reason: `格式“${fmt}”只用于金额，${f.name} 是${f.unit === '月' ? '月份' : '比率'}` };
    const fen = magnitude ? Math.abs(v.fen) : v.fen;
    return { ok: true, text: fenString(fen, UNIT_FEN[fmt], 2), direction: false };
  }
  const pct = /^%(\d?)$/.exec(fmt);
  if (pct || fmt === 'pp') {
    if (v.kind !== 'ratio') return { ok: false, reason: `格式“${fmt}”只用于百分比，${f.name} 是${v.kind === 'money' ? '金额' : '月份'}` };
    const r: Ratio = magnitude ? abs(v.ratio) : v.ratio;
    if (fmt === 'pp') return { ok: true, text: percentString(r, 1), direction: false };
    const decimals = pct && pct[1] !== '' ? Number(pct[1]) : 1;
    return { ok: true, text: `${percentString(r, decimals)}%`, direction: false };
  }
  if (fmt === '整数' || fmt === '月') {
    if (v.kind !== 'count') return { ok: false, reason: `格式“${fmt}”只用于月份` };
    return { ok: true, text: String(v.n), direction: false };
  }
  return { ok: false, reason: `未知格式“${fmt}”：可用 万元、亿元、元、%、%N、pp、增减、超低 或“甲/乙”` };
}

function defaultFormat(f: Figure): string {
  switch (f.unit) {
    case '万元':
      return '万元';
    case '%':
      return '%';
    case '个百分点':
      return 'pp';
    default:
      return '整数';
  }
}

const SENTENCE_END = /[。；;！!？?\n]/;

/** Fill every placeholder of `template` from `set`. Pure. */
export function fillTemplate(template: string, set: FigureSet): FillResult {
  let out = '';
  let filled = 0;
  const unresolved: UnresolvedPlaceholder[] = [];
  const listed = new Set<string>();
  /** Figures whose direction was already said in words in the current sentence. */
  let directed = new Set<string>();
  const re = /\{\{|\}\}|\{([^{}]*)\}/g;
  let last = 0;
  let m: RegExpExecArray | null;
  const copy = (s: string): void => {
    out += s;
    if (SENTENCE_END.test(s)) directed = new Set();
  };
  while ((m = re.exec(template)) !== null) {
    copy(template.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[0] === '{{' || m[0] === '}}') {
      out += m[0][0];
      continue;
    }
    const p = parsePlaceholder(m[0]);
    const fail = (reason: string): void => {
      out += m![0];
      if (!listed.has(m![0])) {
        listed.add(m![0]);
        unresolved.push({ placeholder: m![0], reason });
      }
    };
    if (p.metric === '') {
      fail('占位符是空的');
      continue;
    }
    const found = lookupFigure(set, p.row, p.metric);
    if (!found.ok) {
      fail(found.reason);
      continue;
    }
    const key = found.figure.name;
    const f = formatFigure(found.figure, p.format, directed.has(key));
    if (!f.ok) {
      fail(f.reason);
      continue;
    }
    if (f.direction) directed.add(key);
    out += f.text;
    filled++;
  }
  copy(template.slice(last));
  return { text: out, unresolved, filled };
}

/** Every placeholder of a template, parsed (for the pane's hints). */
export function placeholdersOf(template: string): Placeholder[] {
  const out: Placeholder[] = [];
  const re = /\{\{|\}\}|\{([^{}]*)\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(template)) !== null) if (m[0] !== '{{' && m[0] !== '}}') out.push(parsePlaceholder(m[0]));
  return out;
}

/** A template written in a workbook: the first sheet whose name holds 模板, its text cells row by row. */
export function templateFromSheets(sheets: ReadonlyArray<{ name: string; cells: ReadonlyArray<ReadonlyArray<unknown>> }>): string | null {
  const s = sheets.find((g) => /模板/.test(normalizeText(g.name)));
  if (!s) return null;
  const lines: string[] = [];
  for (const row of s.cells) {
    const texts = row.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (texts.length > 0) lines.push(texts.join(''));
  }
  return lines.length > 0 ? lines.join('\n') : null;
}

