/**
 * `figures --fill`: a work-report draft as staff write it, X's and all, filled from the 预算执行
 * sheet (issue 17). Each run of X is a slot; its meaning comes from the words before it in the same
 * clause (the row, the measure) and the unit after it (万元, 亿元, %, 个百分点); a clause that names no
 * row takes the row of the clause before it, within the line. Numbers already written where a slot
 * could be are compared with the data within their printed rounding. A slot no data answers stays an
 * X and is listed with its reason; a slot whose data contradicts its word (增长 with a decline) is not
 * filled with a negative number but reported, or, with `fixWords`, its word is turned (增长 → 下降).
 * The word lists are data: fill-words.json.
 */
import type { ExecutionRow } from '../context';
import { clausesOf, normalizeLine, originalRange, tokensOf } from './draft-slots';
import type { Clause, DraftToken, NormalLine } from './draft-slots';
import { defaultCompiledWords } from './draft-words';
import type { CompiledWords, MeasurePhrase, SlotUnitKind, WrittenUnit } from './draft-words';
import { lookupFigure, rowKey } from './figures';
import type { FigureSet } from './figures';
import { ratio, roundScaled, scaledToString } from './ratio';
import type { Ratio } from './ratio';

export interface DraftFillOptions {
  /** Turn 增长 ↔ 下降, 超 ↔ 低于 … where the data goes the other way, and fill the slot. */
  fixWords?: boolean;
  /** Decimals per written unit, over the word lists' defaults (万元 2, 亿元 2, % 1, 个百分点 1). */
  decimals?: Partial<Record<WrittenUnit, number>>;
  words?: CompiledWords;
}

/** Offsets are UTF-16 indices into the line of the filled text, end exclusive. */
export interface DraftFilled {
  line: number;
  context: string;
  row: string;
  measure: string;
  /** As inserted, with the unit written after it: "6.0%", "74,356.00万元", "4月". */
  value: string;
  start: number;
  end: number;
  /** The denominator row of a 占比. */
  total?: string;
  /** The word turned by fixWords. */
  word?: { from: string; to: string };
}

export interface DraftUnresolved {
  line: number;
  context: string;
  reason: string;
  /** The X's, as written. */
  slot: string;
  start: number;
  end: number;
}

export interface DraftMismatch {
  line: number;
  context: string;
  row: string;
  measure: string;
  /** As written ("2.8%"; "增长2.8%" when the data goes the other way). */
  stated: string;
  /** The data at the printed decimals ("3.6%", "下降1.2%"). */
  actual: string;
  start: number;
  end: number;
}

/** A number already written at a figure's place that could not be compared with the data. */
export interface DraftUnchecked {
  line: number;
  context: string;
  stated: string;
  reason: string;
}

export interface DraftFillResult {
  text: string;
  filled: DraftFilled[];
  unresolved: DraftUnresolved[];
  mismatches: DraftMismatch[];
  unchecked: DraftUnchecked[];
  /** Numbers already written that were compared with the data (equal or not). */
  checked: number;
}

// ---- subjects: which row the words before a slot name ---------------------------------------------

type Subject = { kind: 'empty' } | { kind: 'row'; word: string } | { kind: 'unknown'; text: string };

const DATE = /^(?:\d{4}|20x+)年|^1[-~至到—–](?:\d{1,2}|x+)月份?|^(?:\d{1,2}|x+)月份?(?:底|末)?|^(?:上半年|前三季度|[一二三四]季度)/u;

class Words {
  readonly rowWords: string[];
  constructor(readonly cw: CompiledWords, readonly set: FigureSet) {
    const all = new Set<string>([...cw.groups.keys(), ...set.rows.keys()]);
    this.rowWords = [...all].filter((w) => w !== '').sort((a, b) => b.length - a.length);
  }

  /** Drop fillers and dates at both ends, and at the start one place name ("XX县", "青山区"). */
  strip(s: string, allowPlace: boolean): string {
    let t = s;
    let place = allowPlace;
    for (;;) {
      const before = t;
      const d = DATE.exec(t);
      if (d) t = t.slice(d[0].length);
      for (const f of this.cw.fillers) {
        if (t.startsWith(f)) t = t.slice(f.length);
        if (t.endsWith(f)) t = t.slice(0, t.length - f.length);
      }
      if (place) {
        for (const p of this.cw.places) {
          const i = t.indexOf(p);
          // A place name is a few characters ending in 县/区/市…, at the very start.
          if (i >= 1 && i <= 8 && /^[\p{Script=Han}x]+$/u.test(t.slice(0, i))) {
            t = t.slice(i + p.length);
            place = false;
            break;
          }
        }
      }
      if (t === before) return t;
    }
  }

  subject(rest: string): Subject {
    const r = this.strip(rest, false);
    if (r === '') return { kind: 'empty' };
    for (const w of this.rowWords) {
      if (!r.endsWith(w)) continue;
      const prefix = r.slice(0, r.length - w.length);
      if (prefix === '' || this.strip(prefix, true) === '') return { kind: 'row', word: w };
    }
    if (this.strip(rest, true) === '') return { kind: 'empty' };
    return { kind: 'unknown', text: r };
  }

  /** The sheet row a row word stands for: itself, else its synonyms in list order. */
  resolve(word: string): { row: ExecutionRow } | { reason: string } {
    const group = this.cw.groups.get(word) ?? [];
    for (const w of [word, ...group]) {
      const row = this.set.rows.get(rowKey(w));
      if (row) return { row };
    }
    if (this.set.rows.size === 0) return { reason: '没有读到预算执行表' };
    const tried = group.filter((w) => w !== word);
    return { reason: `预算执行表中没有“${word}”行${tried.length > 0 ? `（也找了${tried.map((w) => `“${w}”`).join('')}）` : ''}` };
  }

  /** The default parent total of a row, from the lists' `parents`. */
  parentOf(word: string): string | null {
    const head = (this.cw.groups.get(word) ?? [word])[0];
    return this.cw.parents.get(head) ?? null;
  }

  /** The last row word in a clause with no figure ("一般公共预算收入中"). */
  lastRowIn(s: string): string | null {
    let found: string | null = null;
    for (let i = 0; i < s.length; i++) {
      const w = this.rowWords.find((x) => s.startsWith(x, i));
      if (w) {
        found = w;
        i += w.length - 1;
      }
    }
    return found;
  }
}

// ---- measures: what the words right before a slot ask for ---------------------------------------

interface Parse {
  phrase: MeasurePhrase;
  /** Where the phrase starts in the normalised line. */
  phraseAt: number;
  matched: string;
  subject: Subject;
  total: string | null;
  approximate: boolean;
}

function unitKind(u: WrittenUnit): SlotUnitKind {
  return u === '%' ? 'percent' : u === '个百分点' ? 'points' : 'amount';
}

function parseLead(w: Words, lead: string, leadAt: number, kind: SlotUnitKind): Parse | null {
  // The lead as written, then with connectors (为, 达到) and approximations (约, 近) cut off its end.
  const variants: Array<{ text: string; approximate: boolean }> = [{ text: lead, approximate: false }];
  for (let t = lead, approx = false; ;) {
    const c = [...w.cw.connectors, ...w.cw.approximate].find((x) => t.endsWith(x) && t.length > x.length);
    if (!c) break;
    approx ||= w.cw.approximate.includes(c);
    t = t.slice(0, t.length - c.length);
    variants.push({ text: t, approximate: approx });
  }
  let best: Parse | null = null;
  let bestScore = -1;
  variants.forEach((v, vi) => {
    for (const phrase of w.cw.measures) {
      if (phrase.unit !== kind) continue;
      const m = phrase.re.exec(v.text);
      // "占{total}" only where the total is a row: "占比稳定在" names none.
      if (!m || (m[2] !== undefined && w.subject(m[2]).kind !== 'row')) continue;
      const subject = w.subject(m[1]);
      const score = (subject.kind === 'unknown' ? 0 : 1000) + phrase.literal * 10 - vi;
      if (score <= bestScore) continue;
      bestScore = score;
      best = { phrase, phraseAt: leadAt + m[1].length, matched: v.text.slice(m[1].length), subject, total: m[2] ?? null, approximate: v.approximate };
    }
  });
  return best;
}

// ---- values --------------------------------------------------------------------------------------

type Value = { kind: 'money'; fen: number } | { kind: 'ratio'; ratio: Ratio } | { kind: 'count'; n: number };
type Got = { ok: true; value: Value; total?: string } | { ok: false; reason: string };

const FEN_PER: Record<'万元' | '亿元' | '元', bigint> = { 万元: 1_000_000n, 亿元: 10_000_000_000n, 元: 100n };

/** The value scaled to 10^-decimals of the written unit, or a reason it does not fit the unit. */
function scaled(v: Value, unit: WrittenUnit | '月', decimals: number): bigint | string {
  const scale = 10n ** BigInt(decimals);
  if (unit === '月') return v.kind === 'count' ? BigInt(v.n) : '不是月份';
  if (unit === '%' || unit === '个百分点') return v.kind === 'ratio' ? roundScaled({ num: v.ratio.num * 100n, den: v.ratio.den }, scale) : '这个指标是金额，原文单位是比率';
  return v.kind === 'money' ? roundScaled(ratio(v.fen, FEN_PER[unit]) as Ratio, scale) : '这个指标是比率，原文单位是金额';
}

function shown(x: bigint, unit: WrittenUnit | '月', decimals: number): string {
  return scaledToString(x, unit === '月' ? 0 : decimals, unit === '万元' || unit === '元');
}

// ---- the filler ----------------------------------------------------------------------------------

interface RowState {
  word: string;
  resolved: { row: ExecutionRow } | { reason: string };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface Mark {
  start: number;
  end: number;
  /** Set on the record once the line is rebuilt. */
  record: { start: number; end: number };
}

/** Fill the X's of a draft and check the figures written in it. Pure. */
export function fillDraft(draft: string, set: FigureSet, opts: DraftFillOptions = {}): DraftFillResult {
  const cw = opts.words ?? defaultCompiledWords();
  const w = new Words(cw, set);
  const decimalsOf = (u: WrittenUnit | '月', fromText: number | null): number => (u === '月' ? 0 : fromText ?? opts.decimals?.[u] ?? cw.words.decimals[u] ?? (u === '%' || u === '个百分点' ? 1 : 2));
  const result: DraftFillResult = { text: '', filled: [], unresolved: [], mismatches: [], unchecked: [], checked: 0 };
  const outLines: string[] = [];

  draft.split('\n').forEach((line, li) => {
    const lineNo = li + 1;
    const n = normalizeLine(line);
    const edits: Edit[] = [];
    const marks: Mark[] = [];
    let current: RowState | null = null;
    let parent: RowState | null = null;

    const orig = (s: number, e: number): string => {
      const [a, b] = originalRange(n, s, e);
      return line.slice(a, b);
    };
    const mark = (s: number, e: number, record: { start: number; end: number }): void => {
      const [a, b] = originalRange(n, s, e);
      marks.push({ start: a, end: b, record });
    };

    const rowState = (word: string): RowState => ({ word, resolved: w.resolve(word) });

    for (const clause of clausesOf(n)) {
      // The clause as written, from the mark before it to the mark after it (quotes included).
      const ctext = line.slice(clause.start === 0 ? 0 : n.map[clause.start - 1] + 1, n.map[clause.end]).trim();
      const body = n.text.slice(clause.start, clause.end);
      if (/^其中/.test(body.replace(/^[、:]+/, ''))) parent = current;
      const tokens = tokensOf(n, clause, cw.places);
      if (tokens.length === 0) {
        const word = w.lastRowIn(body);
        if (word) current = rowState(word);
        continue;
      }
      let leadAt = clause.start;
      for (const tok of tokens) {
        const lead = n.text.slice(leadAt, tok.start);
        const thisLead = leadAt;
        leadAt = tok.unitEnd;
        handle(tok, lead, thisLead, clause, ctext);
      }
    }

    function unresolved(tok: DraftToken, context: string, reason: string): void {
      const rec: DraftUnresolved = { line: lineNo, context, reason, slot: orig(tok.start, tok.end), start: 0, end: 0 };
      result.unresolved.push(rec);
      mark(tok.start, tok.end, rec);
    }

    function unchecked(tok: DraftToken, context: string, reason: string): void {
      result.unchecked.push({ line: lineNo, context, stated: orig(tok.start, tok.unitEnd), reason });
    }

    function handle(tok: DraftToken, lead: string, thisLead: number, _clause: Clause, context: string): void {
      const fail = (reason: string): void => (tok.kind === 'slot' ? unresolved(tok, context, reason) : unchecked(tok, context, reason));
      if (tok.unit === null) {
        unresolved(tok, context, 'X 后面没有单位（万元、亿元、%、个百分点），不知道要填什么数');
        return;
      }
      if (tok.role === 'month') {
        const f = lookupFigure(set, null, '月份');
        if (!f.ok) return fail(f.reason);
        return place(tok, context, '', '月份', { kind: 'count', n: (f.figure.value as { n: number }).n }, null, undefined);
      }
      const p = parseLead(w, lead, thisLead, unitKind(tok.unit as WrittenUnit));
      if (!p) {
        if (tok.kind === 'slot') unresolved(tok, context, `没有认出“${orig(thisLead, tok.start) || '（句首）'}”之后的数是什么指标`);
        return;
      }
      let state: RowState | null;
      if (p.subject.kind === 'unknown') {
        // A written number after words that name no row and no measure is not a figure of the sheet.
        if (tok.kind === 'written' && p.phrase.literal === 0) return;
        const reason = p.phrase.literal === 0 ? `没有认出“${p.subject.text}”是预算执行表的哪一行` : `预算执行表中没有“${p.subject.text}”行`;
        // What follows is about this subject too: it must not fall back to an earlier row.
        current = { word: p.subject.text, resolved: { reason } };
        return fail(reason);
      }
      if (p.subject.kind === 'row') {
        state = rowState(p.subject.word);
        current = state;
      } else state = current;
      if (!state) return fail('这一句没有写明是哪一项（如“一般公共预算收入”），前一句也没有');
      if ('reason' in state.resolved) return fail(state.resolved.reason);
      const row = state.resolved.row;
      const got = valueOf(row, state, p);
      if (!got.ok) return fail(got.reason);
      if (tok.kind === 'written' && p.approximate) return unchecked(tok, context, '原文是约数，不核对');
      place(tok, context, row.item, p.phrase.measure, got.value, p, got.total);
    }

    function valueOf(row: ExecutionRow, state: RowState, p: Parse): Got {
      if (p.phrase.measure !== '占比') {
        const f = lookupFigure(set, row.item, p.phrase.measure);
        return f.ok ? { ok: true, value: f.figure.value } : { ok: false, reason: f.reason };
      }
      let total: RowState | null = null;
      if (p.total !== null) {
        const s = w.subject(p.total);
        if (s.kind !== 'row') return { ok: false, reason: `没有认出占比的分母“${p.total}”是哪一行` };
        total = rowState(s.word);
      } else if (parent && parent !== state && parent.word !== state.word) total = parent;
      else {
        const head = w.parentOf(state.word);
        if (head) total = rowState(head);
      }
      if (!total) return { ok: false, reason: `不知道“${state.word}”占的是哪一项的比重（可写成“占一般公共预算支出的比重为XX%”）` };
      if ('reason' in total.resolved) return { ok: false, reason: total.resolved.reason };
      const whole = total.resolved.row;
      if (row.actualFen === null) return { ok: false, reason: `“${row.item}”的本期累计为空` };
      if (whole.actualFen === null) return { ok: false, reason: `“${whole.item}”的本期累计为空` };
      const r = ratio(row.actualFen, whole.actualFen);
      return r ? { ok: true, value: { kind: 'ratio', ratio: r }, total: whole.item } : { ok: false, reason: `“${whole.item}”的本期累计为 0，不能作分母` };
    }

    /** The direction word inside the matched phrase ("增长" in "同比增长") and its opposite. */
    function directionWord(p: Parse): { word: string; opposite: string; at: number } | null {
      const dir = p.phrase.direction;
      if (!dir) return null;
      let best: { word: string; opposite: string; at: number } | null = null;
      for (const [up, down] of cw.opposites) {
        const word = dir === 'up' ? up : down;
        const i = p.matched.indexOf(word);
        if (i >= 0 && (!best || word.length > best.word.length)) best = { word, opposite: dir === 'up' ? down : up, at: p.phraseAt + i };
      }
      return best;
    }

    function place(tok: DraftToken, context: string, rowItem: string, measure: string, v: Value, p: Parse | null, total: string | undefined): void {
      const unit = tok.unit as WrittenUnit | '月';
      const decimals = decimalsOf(unit, tok.decimals);
      const x = scaled(v, unit, decimals);
      if (typeof x === 'string') {
        if (tok.kind === 'slot') unresolved(tok, context, x);
        else unchecked(tok, context, x);
        return;
      }
      const down = p?.phrase.direction === 'down';
      const directed = p?.phrase.direction != null;
      const value = down ? -x : x;
      const conflict = directed && value < 0n;
      const magnitude = shown(value < 0n ? -value : value, unit, decimals);
      const dw = p ? directionWord(p) : null;

      if (tok.kind === 'written') {
        result.checked++;
        const stated = tok.number.replace(/^-/, '');
        const statedNeg = tok.number.startsWith('-');
        const same = !conflict && shown(value, unit, decimals).replace(/^-|,/g, '') === stated && (value < 0n) === statedNeg;
        const zero = /^[0.,]+$/.test(magnitude) && /^[0.]+$/.test(stated);
        if (same || zero) return;
        const rec: DraftMismatch = {
          line: lineNo, context, row: rowItem, measure,
          stated: conflict && dw ? `${dw.word}${orig(tok.start, tok.unitEnd)}` : orig(tok.start, tok.unitEnd),
          actual: conflict && dw ? `${dw.opposite}${magnitude}${unit}` : `${shown(directed ? value : x, unit, decimals)}${unit}`,
          start: 0, end: 0,
        };
        result.mismatches.push(rec);
        mark(tok.start, tok.unitEnd, rec);
        return;
      }

      let word: { from: string; to: string } | undefined;
      if (conflict) {
        const fixable = dw && orig(dw.at, dw.at + dw.word.length) === dw.word;
        if (!dw || !opts.fixWords || !fixable) {
          const said = dw ? `原文为“${dw.word}”` : '原文的词表示相反方向';
          const opposite = dw ? dw.opposite : down ? '增长' : '下降';
          unresolved(tok, context, `数据为${opposite} ${magnitude}${unit}，${said}`);
          return;
        }
        const [a, b] = originalRange(n, dw.at, dw.at + dw.word.length);
        edits.push({ start: a, end: b, text: dw.opposite });
        word = { from: dw.word, to: dw.opposite };
      }
      const text = directed ? magnitude : shown(value, unit, decimals);
      const [a, b] = originalRange(n, tok.start, tok.end);
      const rec: DraftFilled = { line: lineNo, context, row: rowItem, measure, value: `${text}${unit}`, start: 0, end: 0 };
      if (total) rec.total = total;
      if (word) rec.word = word;
      edits.push({ start: a, end: b, text });
      marks.push({ start: a, end: b, record: rec });
      result.filled.push(rec);
    }

    outLines.push(applyEdits(line, edits, marks));
  });
  result.text = outLines.join('\n');
  return result;
}

/** Rebuild a line with its edits; every mark's record gets its range in the new line. */
function applyEdits(line: string, edits: Edit[], marks: Mark[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const shift = (p: number): number => {
    let d = 0;
    for (const e of sorted) if (e.end <= p) d += e.text.length - (e.end - e.start);
    return p + d;
  };
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += line.slice(at, e.start) + e.text;
    at = e.end;
  }
  out += line.slice(at);
  for (const m of marks) {
    const edit = sorted.find((e) => e.start === m.start && e.end === m.end);
    m.record.start = shift(m.start);
    m.record.end = edit ? m.record.start + edit.text.length : shift(m.end);
  }
  return out;
}

