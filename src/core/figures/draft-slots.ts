/**
 * The slot finder of `figures --fill`: a draft line normalised for matching (full width → half,
 * no spaces or quotes, clause marks as "|"), its clauses, and in each clause the places a figure
 * stands — a run of X ("XX", "Ｘ", "X.X") or a number already written — with the unit written after
 * it and the text that leads to it. Pure; positions map back to the original line.
 */
import type { WrittenUnit } from './draft-words';

export interface NormalLine {
  /** Normalised text; "|" at every clause mark (，；。！？ and their ASCII forms). */
  readonly text: string;
  /** map[i] = index in the original line of text[i]; map[text.length] = the line's length. */
  readonly map: ReadonlyArray<number>;
}

const QUOTES_BRACKETS = /[()[\]【】〔〕{}<>《》"'“”‘’「」]/;
const CLAUSE_MARKS = /[，；。！？;!?]/;

/** Normalise one line for matching, keeping where each character came from. */
export function normalizeLine(line: string): NormalLine {
  let text = '';
  const map: number[] = [];
  const chars = Array.from(line);
  let at = 0;
  chars.forEach((ch, k) => {
    const i = at;
    at += ch.length;
    if (/\s/.test(ch) || QUOTES_BRACKETS.test(ch)) return;
    // An ASCII comma between digits is a thousands separator ("74,356万元"); any other comma ends a clause.
    const thousands = ch === ',' && /\d/.test(chars[k - 1] ?? '') && /^\d{3}(?!\d)/.test(chars.slice(k + 1, k + 5).join(''));
    const out = CLAUSE_MARKS.test(ch) || (ch === ',' && !thousands) ? '|' : ch.normalize('NFKC').toLowerCase();
    for (const c of out) {
      text += c;
      map.push(i);
    }
  });
  map.push(line.length);
  return { text, map };
}

export interface Clause {
  /** Normalised range [start, end) of the clause in NormalLine.text. */
  readonly start: number;
  readonly end: number;
}

export function clausesOf(n: NormalLine): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (let i = 0; i <= n.text.length; i++) {
    if (i === n.text.length || n.text[i] === '|') {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/** A place a figure stands in a clause. Positions are normalised indices. */
export interface DraftToken {
  /** slot: X's to fill; written: a number already there. */
  readonly kind: 'slot' | 'written';
  /** month: "1-XX月"; figure: anything else. */
  readonly role: 'month' | 'figure';
  /** The X's or the number. */
  readonly start: number;
  readonly end: number;
  /** The number as written, without thousands separators ("14.8"); '' for a slot. */
  readonly number: string;
  /** Unit written after it; null when there is none (a slot then cannot be filled). */
  readonly unit: WrittenUnit | '月' | null;
  /** End of the unit (= end when there is none). */
  readonly unitEnd: number;
  /** Decimals the text fixes: those of a written number, or of "X.XX"; null for a plain X run. */
  readonly decimals: number | null;
}

// Month first: "1-4月" must not read as the number 1 or 4.
const TOKEN = /(?:1[-~至到—–])(x+|\d{1,2})月份?|截至(x+|\d{1,2})月(?:底|末)?|(?<![a-z0-9.])(x+(?:\.x+)?)(?![a-z0-9])|(?<![a-z0-9.,])(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)(?![\d.])/gu;
const UNIT = /^(个百分点|万元|亿元|元|%)/;

/**
 * The tokens of one clause. An X run followed by a place suffix or 年 ("XX县", "20XX年") is a name
 * or a year, not a figure; a number without a unit ("3个", "2024年") is not a figure either.
 */
export function tokensOf(n: NormalLine, c: Clause, places: ReadonlyArray<string>): DraftToken[] {
  const s = n.text.slice(0, c.end);
  const out: DraftToken[] = [];
  const re = new RegExp(TOKEN.source, TOKEN.flags);
  re.lastIndex = c.start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const monthText = m[1] ?? m[2];
    if (monthText !== undefined) {
      const start = m.index + m[0].indexOf(monthText, m[1] !== undefined ? 1 : 2);
      const isSlot = /^x+$/.test(monthText);
      out.push({ kind: isSlot ? 'slot' : 'written', role: 'month', start, end: start + monthText.length, number: isSlot ? '' : monthText, unit: '月', unitEnd: m.index + m[0].length, decimals: 0 });
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    const after = s.slice(end);
    const unit = UNIT.exec(after)?.[1] as WrittenUnit | undefined;
    if (m[3] !== undefined) {
      if (!unit && (after.startsWith('年') || after.startsWith('级') || places.some((p) => after.startsWith(p)))) continue;
      const dot = m[3].indexOf('.');
      out.push({ kind: 'slot', role: 'figure', start, end, number: '', unit: unit ?? null, unitEnd: end + (unit?.length ?? 0), decimals: dot >= 0 ? m[3].length - dot - 1 : null });
      continue;
    }
    if (!unit) continue;
    const number = m[4].replace(/,/g, '');
    const dot = number.indexOf('.');
    out.push({ kind: 'written', role: 'figure', start, end, number, unit, unitEnd: end + unit.length, decimals: dot >= 0 ? number.length - dot - 1 : 0 });
  }
  return out;
}

/** Original [start, end) of a normalised range (slots, numbers and words are BMP characters). */
export function originalRange(n: NormalLine, start: number, end: number): [number, number] {
  if (end <= start) return [n.map[start], n.map[start]];
  return [n.map[start], n.map[end - 1] + 1];
}
