/**
 * The word lists of the draft filler (`figures --fill`): which words name a 预算执行 row, which name a
 * measure before a slot, which may stand around them, and which words are each other's opposite.
 * They are data (fill-words.json, documented in docs/figures.md §6) so that a bureau can add its own
 * wording with `--words` without touching code; this module validates and compiles them.
 */
import { z } from 'zod';
import { normalizeText } from '../text';
import DEFAULT_WORDS_JSON from './fill-words.json';

z.config({ jitless: true });

/** The unit family written after a slot: 万元/亿元/元, %, 个百分点. */
export type SlotUnitKind = 'amount' | 'percent' | 'points';
/** A written unit: the decimals of each are configurable. */
export type WrittenUnit = '万元' | '亿元' | '元' | '%' | '个百分点';
export const WRITTEN_UNITS: ReadonlyArray<WrittenUnit> = ['万元', '亿元', '元', '%', '个百分点'];

const phrases = z.array(z.string().min(1));
const measureSchema = z.object({
  measure: z.string().min(1),
  unit: z.enum(['amount', 'percent', 'points']),
  direction: z.enum(['up', 'down']).optional(),
  /** A row name right before the slot ("税收收入XX亿元") is enough for this measure. */
  bare: z.boolean().optional(),
  words: phrases,
});

export const draftWordsSchema = z.object({
  $comment: z.string().optional(),
  rows: z.array(phrases.min(1)),
  parents: z.record(z.string(), z.string()),
  fillers: phrases,
  places: phrases,
  connectors: phrases,
  approximate: phrases,
  measures: z.array(measureSchema),
  opposites: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
  decimals: z.record(z.enum(['万元', '亿元', '元', '%', '个百分点']), z.number().int().min(0).max(6)),
});
export type DraftWords = z.infer<typeof draftWordsSchema>;

export const DEFAULT_DRAFT_WORDS: DraftWords = draftWordsSchema.parse(DEFAULT_WORDS_JSON);

/**
 * A bureau's own lists merged over the defaults: arrays are appended (its row groups and measures
 * come first, so they win a tie), `parents` and `decimals` override key by key. Throws a Chinese
 * message naming the bad field.
 */
export function mergeDraftWords(extra: unknown, base: DraftWords = DEFAULT_DRAFT_WORDS): DraftWords {
  const partial = draftWordsSchema.partial().safeParse(extra);
  if (!partial.success) {
    const i = partial.error.issues[0];
    throw new Error(`词表有误：${i.path.join('.') || '（根）'} ${i.message}`);
  }
  const e = partial.data;
  return {
    rows: [...(e.rows ?? []), ...base.rows],
    parents: { ...base.parents, ...(e.parents ?? {}) },
    fillers: [...base.fillers, ...(e.fillers ?? [])],
    places: [...base.places, ...(e.places ?? [])],
    connectors: [...base.connectors, ...(e.connectors ?? [])],
    approximate: [...base.approximate, ...(e.approximate ?? [])],
    measures: [...(e.measures ?? []), ...base.measures],
    opposites: [...(e.opposites ?? []), ...base.opposites],
    decimals: { ...base.decimals, ...(e.decimals ?? {}) },
  };
}

/** One way of saying a measure, compiled: the lead must end with it. */
export interface MeasurePhrase {
  readonly measure: string;
  readonly unit: SlotUnitKind;
  readonly direction: 'up' | 'down' | null;
  /** Normalised phrase as written in the list ("占{total}的比重为"); "" for a bare row. */
  readonly phrase: string;
  /** Length of its literal part: the longer phrase wins. */
  readonly literal: number;
  /** ^(rest)phrase$ with one more group for {total}. */
  readonly re: RegExp;
}

export interface CompiledWords {
  readonly words: DraftWords;
  /** Normalised row word → its synonym group (normalised, list order). */
  readonly groups: ReadonlyMap<string, ReadonlyArray<string>>;
  /** Normalised group head (first word) → normalised parent head. */
  readonly parents: ReadonlyMap<string, string>;
  /** Longest first. */
  readonly fillers: ReadonlyArray<string>;
  readonly places: ReadonlyArray<string>;
  readonly connectors: ReadonlyArray<string>;
  readonly approximate: ReadonlyArray<string>;
  readonly measures: ReadonlyArray<MeasurePhrase>;
  /** [up, down] pairs, normalised. */
  readonly opposites: ReadonlyArray<readonly [string, string]>;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string): number => b.length - a.length;

/** normalizeText drops braces, so {total} is kept apart while the phrase is normalised. */
function normalizePhrase(p: string): string {
  return p.split('{total}').map(normalizeText).join('{total}');
}

export function compileWords(words: DraftWords): CompiledWords {
  const groups = new Map<string, string[]>();
  for (const g of words.rows) {
    const norm = g.map(normalizeText);
    for (const w of norm) if (!groups.has(w)) groups.set(w, norm);
  }
  const parents = new Map<string, string>();
  for (const [child, parent] of Object.entries(words.parents)) parents.set(normalizeText(child), normalizeText(parent));
  const measures: MeasurePhrase[] = [];
  for (const m of words.measures) {
    const list = m.bare ? [...m.words, ''] : m.words;
    for (const raw of list) {
      const phrase = normalizePhrase(raw);
      const body = phrase.split('{total}').map(escape).join('(.+?)');
      measures.push({
        measure: m.measure,
        unit: m.unit,
        direction: m.direction ?? null,
        phrase,
        literal: phrase.replace('{total}', '').length,
        re: new RegExp(`^(.*)${body}$`, 'u'),
      });
    }
  }
  const sorted = (l: ReadonlyArray<string>): string[] => [...new Set(l.map(normalizeText))].filter((w) => w !== '').sort(byLength);
  return {
    words,
    groups,
    parents,
    fillers: sorted(words.fillers),
    places: sorted(words.places),
    connectors: sorted(words.connectors),
    approximate: sorted(words.approximate),
    measures,
    opposites: words.opposites.map(([a, b]) => [normalizeText(a), normalizeText(b)] as const),
  };
}

let compiledDefault: CompiledWords | null = null;
export function defaultCompiledWords(): CompiledWords {
  compiledDefault ??= compileWords(DEFAULT_DRAFT_WORDS);
  return compiledDefault;
}
