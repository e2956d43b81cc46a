/**
 * The classification catalogue: code → name lookups for 支出功能分类 and 支出经济分类, and the
 * code–name comparison behind DATA.UNKNOWN_CODE / DATA.CODE_NAME_MISMATCH (SPEC §3).
 *
 * Lookups are single Map reads: the reader calls them once per line on sheets of a million lines.
 * The data lives in function-codes.ts and economic-codes.ts as plain [code, name] pairs.
 */

import { normalizeText } from '../text';
import {
  ADMIN_ITEM_PATTERN,
  ADMIN_PATTERN_SECTIONS,
  FUNCTION_CLASSES,
  FUNCTION_CLASSES_UNCONFIRMED,
  FUNCTION_CLASS_RENAMES,
  FUNCTION_ITEMS,
  FUNCTION_ITEMS_UNCONFIRMED,
  FUNCTION_SECTIONS,
  FUNCTION_SECTIONS_UNCONFIRMED,
  type CodeName,
} from './function-codes';
import {
  ECONOMIC_CLASSES,
  ECONOMIC_NAME_VARIANTS,
  ECONOMIC_SECTIONS,
  ECONOMIC_UNCONFIRMED,
  GOV_ECONOMIC_CONFIRMED,
  GOV_ECONOMIC_UNCONFIRMED,
} from './economic-codes';

export type CodeKind = 'function' | 'economic';

export interface CatalogEntry {
  code: string;
  name: string;
  kind: CodeKind;
}

export interface Catalog {
  /** Name of a 3, 5 or 7 digit function code; common 项 pattern names for administrative 款. */
  functionName(code: string): string | undefined;
  /** Name of a 3 or 5 digit economic code (部门经济分类 3xx, 政府经济分类 5xx). */
  economicName(code: string): string | undefined;
  /** First 3 digits known as a function 类. */
  hasFunctionClass(code: string): boolean;
  /** First 5 digits known as a function 款. */
  hasFunctionSection(code: string): boolean;
  hasEconomicClass(code: string): boolean;
  hasEconomicSection(code: string): boolean;
  /**
   * Does `written` name this code? Normalises width, spaces, brackets, a leading ordinal or the
   * code itself, the old→new class names (207/210/215/220) and the spellings the domain file shows
   * for one code (因公出国（境）费 / 费用). True when the catalogue lacks the code or nothing is
   * written (nothing to compare).
   */
  nameMatches(kind: CodeKind, code: string, written: string): boolean;
  /** A new catalogue with these entries added (or renamed); this one is never mutated. */
  extend(entries: ReadonlyArray<CatalogEntry>): Catalog;
}

const FUNCTION_LENGTHS = new Set([3, 5, 7]);
const ECONOMIC_LENGTHS = new Set([3, 5]);

/** One kind's lookup tables: names by code, and normalised accepted spellings by code. */
interface KindTables {
  names: Map<string, string>;
  accepted: Map<string, Set<string>>;
}

const DEFAULT_VARIANTS: ReadonlyMap<string, ReadonlyArray<string>> = groupVariants(ECONOMIC_NAME_VARIANTS);
const RENAMES: ReadonlyMap<string, { oldStem: string; newStem: string }> = new Map(
  FUNCTION_CLASS_RENAMES.map(([code, oldStem, newStem]) => [code, { oldStem: normalizeText(oldStem), newStem: normalizeText(newStem) }]),
);
const PATTERN_NAMES: ReadonlyMap<string, string> = new Map(ADMIN_ITEM_PATTERN);
const PATTERN_ACCEPTED: ReadonlyMap<string, Set<string>> = new Map(
  ADMIN_ITEM_PATTERN.map(([suffix, name]) => [suffix, new Set([normalizeText(name)])]),
);
const PATTERN_SECTIONS: ReadonlySet<string> = new Set(ADMIN_PATTERN_SECTIONS);

const ORDINAL_PREFIX = /^(?:[一二三四五六七八九十]+、|\d{1,2}[、.](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]|其中[:：]?)/;

function groupVariants(pairs: ReadonlyArray<CodeName>): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [code, name] of pairs) m.set(code, [...(m.get(code) ?? []), name]);
  return m;
}

/** normalizeText plus the decorations a name cell carries that are not part of the name. */
function normalizeWrittenName(written: string, code: string): string {
  let s = written.normalize('NFKC').trim().replace(ORDINAL_PREFIX, '');
  s = normalizeText(s);
  // "2010101 行政运行" / "[2010101]行政运行" / "2010101-行政运行" passed whole.
  if (s.startsWith(code)) s = s.slice(code.length).replace(/^[-_:.、]+/, '');
  return s;
}

function acceptedSet(name: string, variants: ReadonlyArray<string> | undefined): Set<string> {
  const set = new Set([normalizeText(name)]);
  for (const v of variants ?? []) set.add(normalizeText(v));
  return set;
}

function buildTables(pairs: ReadonlyArray<CodeName>, variants: ReadonlyMap<string, ReadonlyArray<string>>): KindTables {
  const names = new Map<string, string>();
  const accepted = new Map<string, Set<string>>();
  for (const [code, name] of pairs) {
    names.set(code, name);
    accepted.set(code, acceptedSet(name, variants.get(code)));
  }
  return { names, accepted };
}

function checkEntry(e: CatalogEntry): void {
  const lengths = e.kind === 'function' ? FUNCTION_LENGTHS : ECONOMIC_LENGTHS;
  if (!/^\d+$/.test(e.code) || !lengths.has(e.code.length)) {
    throw new Error(
      `catalog.extend: ${e.kind} code "${e.code}" must be ${e.kind === 'function' ? '3, 5 or 7' : '3 or 5'} ASCII digits; ` +
        'convert sheet rows with entriesFromCatalogRows, which skips invalid rows',
    );
  }
  if (e.name.trim() === '') throw new Error(`catalog.extend: code "${e.code}" has an empty name`);
}

class MapCatalog implements Catalog {
  constructor(
    private readonly fn: KindTables,
    private readonly eco: KindTables,
  ) {}

  functionName(code: string): string | undefined {
    const listed = this.fn.names.get(code);
    if (listed !== undefined || code.length !== 7) return listed;
    return this.patternSectionOf(code) ? PATTERN_NAMES.get(code.slice(5)) : undefined;
  }

  economicName(code: string): string | undefined {
    return this.eco.names.get(code);
  }

  hasFunctionClass(code: string): boolean {
    return code.length >= 3 && this.fn.names.has(code.slice(0, 3));
  }

  hasFunctionSection(code: string): boolean {
    return code.length >= 5 && this.fn.names.has(code.slice(0, 5));
  }

  hasEconomicClass(code: string): boolean {
    return code.length >= 3 && this.eco.names.has(code.slice(0, 3));
  }

  hasEconomicSection(code: string): boolean {
    return code.length >= 5 && this.eco.names.has(code.slice(0, 5));
  }

  nameMatches(kind: CodeKind, code: string, written: string): boolean {
    const accepted = kind === 'function' ? this.functionAccepted(code) : this.eco.accepted.get(code);
    if (accepted === undefined) return true;
    const w = normalizeWrittenName(written, code);
    if (w === '' || accepted.has(w)) return true;
    if (kind !== 'function') return false;
    const rename = RENAMES.get(code.slice(0, 3));
    return rename !== undefined && w.includes(rename.oldStem) && accepted.has(w.replace(rename.oldStem, rename.newStem));
  }

  extend(entries: ReadonlyArray<CatalogEntry>): Catalog {
    const fn = copyTables(this.fn);
    const eco = copyTables(this.eco);
    for (const e of entries) {
      checkEntry(e);
      const t = e.kind === 'function' ? fn : eco;
      const name = e.name.trim();
      t.names.set(e.code, name);
      // A user's 科目 sheet is the current year's authority: its name replaces ours, but the
      // spellings the domain file shows for the same code stay accepted.
      t.accepted.set(e.code, acceptedSet(name, e.kind === 'economic' ? DEFAULT_VARIANTS.get(e.code) : undefined));
    }
    return new MapCatalog(fn, eco);
  }

  private functionAccepted(code: string): Set<string> | undefined {
    const listed = this.fn.accepted.get(code);
    if (listed !== undefined || code.length !== 7) return listed;
    return this.patternSectionOf(code) ? PATTERN_ACCEPTED.get(code.slice(5)) : undefined;
  }

  /** The 项 pattern applies only to allow-listed 款 that this catalogue knows. */
  private patternSectionOf(code: string): boolean {
    const section = code.slice(0, 5);
    return PATTERN_SECTIONS.has(section) && this.fn.names.has(section);
  }
}

function copyTables(t: KindTables): KindTables {
  return { names: new Map(t.names), accepted: new Map(t.accepted) };
}

const DEFAULT_FUNCTION: ReadonlyArray<CodeName> = [
  ...FUNCTION_CLASSES,
  ...FUNCTION_CLASSES_UNCONFIRMED,
  ...FUNCTION_SECTIONS,
  ...FUNCTION_SECTIONS_UNCONFIRMED,
  ...FUNCTION_ITEMS,
  ...FUNCTION_ITEMS_UNCONFIRMED,
];

const DEFAULT_ECONOMIC: ReadonlyArray<CodeName> = [
  ...ECONOMIC_CLASSES,
  ...ECONOMIC_SECTIONS,
  ...ECONOMIC_UNCONFIRMED,
  ...GOV_ECONOMIC_CONFIRMED,
  ...GOV_ECONOMIC_UNCONFIRMED,
];

const BASE = new MapCatalog(buildTables(DEFAULT_FUNCTION, new Map()), buildTables(DEFAULT_ECONOMIC, DEFAULT_VARIANTS));

/** The shipped catalogue (domain §2). Immutable: extend() returns a copy. */
export const defaultCatalog: Catalog = BASE;

/** The shipped catalogue plus `extra` (e.g. a 科目 sheet's rows via entriesFromCatalogRows). */
export function createCatalog(extra: ReadonlyArray<CatalogEntry> = []): Catalog {
  return extra.length === 0 ? BASE : BASE.extend(extra);
}

/** Normalises a code cell: full-width digits, spaces inside ("201 01 01"), a trailing ".0". */
function normalizeCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').replace(/\.0+$/, '');
}

function kindFromType(type: string | undefined): CodeKind | 'other' | undefined {
  if (type === undefined) return undefined;
  const t = normalizeText(type);
  if (t === '') return undefined;
  if (t.includes('功能')) return 'function';
  if (t.includes('经济')) return 'economic';
  return 'other'; // e.g. 收入分类: not a kind this catalogue holds
}

function kindFromDigit(code: string): CodeKind | undefined {
  const d = code[0];
  if (d === '2') return 'function';
  if (d === '3' || d === '5') return 'economic';
  return undefined;
}

/**
 * Rows of a 科目 sheet ("科目编码 | 科目名称", optionally 类型 saying 功能/经济) to entries. The kind
 * comes from the type column when it has one, else from the first digit (2 → function, 3/5 →
 * economic). Rows that are not a code of a valid length (titles, headers, 收入 codes) are skipped:
 * sheet content is user data, never a reason to throw.
 */
export function entriesFromCatalogRows(rows: ReadonlyArray<{ code: string; name: string; type?: string }>): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const row of rows) {
    const code = normalizeCode(String(row.code ?? ''));
    if (!/^\d+$/.test(code)) continue;
    const typed = kindFromType(row.type);
    if (typed === 'other') continue;
    const kind = typed ?? kindFromDigit(code);
    if (kind === undefined) continue;
    if (!(kind === 'function' ? FUNCTION_LENGTHS : ECONOMIC_LENGTHS).has(code.length)) continue;
    // Some sheets repeat the code in the name cell ("2010101 行政运行", "[2010101]行政运行").
    const name = String(row.name ?? '')
      .replace(new RegExp(`^[\\s[【(（]*${code}[\\s\\]】)）\\-_:：.、]*`), '')
      .trim();
    if (name === '') continue;
    out.push({ code, name, kind });
  }
  return out;
}
