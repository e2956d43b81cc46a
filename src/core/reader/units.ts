/**
 * Which unit (预算单位) each row of a detail sheet belongs to (issue 19 §1–3). Per-unit review
 * workbooks are sent back to each unit, and budgets are confidential between units before
 * publication, so a row's unit is never guessed:
 * - unit code and name are filled down only while both are blank (merged down or written once per
 *   block); a row that writes one of them and leaves the other blank continues the unit above only
 *   when the written one equals the unit above's, else its unit is unresolved;
 * - an error value or a formula without cached value in a unit column makes the row unresolved (and
 *   the rows filled down from it);
 * - a code written with two names, or a name with two codes, anywhere in the run: all its rows are
 *   unresolved (resolveUnitConflicts, run by check.ts over every sheet);
 * - unresolved rows give one DATA.UNIT_UNRESOLVED per stretch, produce no budget line, and belong to
 *   no unit, so they reach only the bureau's own review workbook.
 */
import type { Finding, FindingUnit } from '../findings';
import { DEFAULT_SEVERITY } from '../findings';
import { Cell, cellText, isCellError } from '../grid';
import type { BudgetLine } from '../lines';
import { dataMessages } from '../messages/data';

export interface RowUnit {
  readonly code: string;
  /** The name as first written on the sheet. */
  readonly name: string;
  /** unitKey: the code, else the name. */
  readonly key: string;
}

/** Which unit each row of one detail sheet belongs to (SheetRead.rows; CheckReport.sheetUnits). */
export interface SheetUnits {
  readonly file: string;
  readonly sheet: string;
  readonly prior: boolean;
  /** 1-based sheet row of the header's last row: the rows up to it (titles, unit line, header) are the sheet's frame. */
  readonly headerRow: number;
  /** 1-based sheet row of grid row 0. */
  readonly rowOffset: number;
  /** Per grid row: an index into `units`, or -1 (blank, heading, a sheet-wide total, unresolved). */
  readonly rowUnit: Int32Array;
  /** The sheet's units; null where resolveUnitConflicts dropped one. */
  readonly units: (RowUnit | null)[];
}

/** Unit names compare without width and spacing differences. */
export function unitNameKey(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

export function findingUnitOf(u: RowUnit): FindingUnit {
  const f: FindingUnit = {};
  if (u.code) f.code = u.code;
  if (u.name) f.name = u.name;
  return f;
}

/** State of the fill-down: no unit seen yet, or the rows above are unresolved. */
const NONE_YET = -2;
export const NO_UNIT = -1;

interface Stretch {
  first: number;
  last: number;
  col: number;
  reason: string;
}

export class UnitTracker {
  readonly units: RowUnit[] = [];
  readonly rowUnit: Int32Array;
  private readonly ids = new Map<string, number>();
  private state = NONE_YET;
  private readonly stretches: Stretch[] = [];
  private open: Stretch | null = null;
  private lastCode: Cell = null;
  private lastName: Cell = null;
  private lastResult = NONE_YET;

  constructor(
    rows: number,
    private readonly codeCol: number | undefined,
    private readonly nameCol: number | undefined,
    sheetUnitName: string,
  ) {
    this.rowUnit = new Int32Array(rows).fill(NO_UNIT);
    if (codeCol === undefined && nameCol === undefined && sheetUnitName) this.state = this.enter('', sheetUnitName);
  }

  /** The unit the fill-down has reached (for rows that carry no unit cells of their own: 其中 rows). */
  current(): number {
    return this.state >= 0 ? this.state : NO_UNIT;
  }

  /** A 合计/小计 row ends a unit's block: the rows after it do not inherit its unit without cells of their own. */
  boundary(): void {
    if (this.codeCol === undefined && this.nameCol === undefined) return;
    this.state = NONE_YET;
    this.open = null;
    this.lastResult = NONE_YET;
  }

  set(r: number, id: number): void {
    this.rowUnit[r] = id;
  }

  /** The unit of a row from its unit cells (the cells as the merge-aware getter sees them). */
  read(r: number, code: Cell, name: Cell): number {
    // Consecutive rows usually repeat the same cells (adapters share string objects).
    if (this.lastResult !== NONE_YET && code === this.lastCode && name === this.lastName && this.open === null && typeof code !== 'object' && typeof name !== 'object') {
      this.rowUnit[r] = this.lastResult;
      return this.lastResult;
    }
    const id = this.resolve(r, code, name);
    this.rowUnit[r] = id;
    this.lastCode = code;
    this.lastName = name;
    this.lastResult = id;
    return id;
  }

  private resolve(r: number, code: Cell, name: Cell): number {
    const cc = this.codeCol;
    const nc = this.nameCol;
    if (cc === undefined && nc === undefined) return this.current();
    if (cc !== undefined && isCellError(code)) return this.unknown(r, cc, `单位编码单元格为${errorWord(code.error)}`);
    if (nc !== undefined && isCellError(name)) return this.unknown(r, nc, `单位名称单元格为${errorWord(name.error)}`);
    const ct = cc !== undefined ? cellText(code) : '';
    const nt = nc !== undefined ? cellText(name) : '';
    if (!ct && !nt) {
      if (this.state >= 0) return this.state;
      if (this.state === NO_UNIT && this.open) {
        this.open.last = r;
        return NO_UNIT;
      }
      return this.unknown(r, cc ?? (nc as number), cc !== undefined && nc !== undefined ? '单位编码和单位名称都为空' : cc !== undefined ? '单位编码为空' : '单位名称为空');
    }
    if (cc !== undefined && nc !== undefined && !(ct && nt)) {
      const prev = this.state >= 0 ? this.units[this.state] : null;
      if (ct) {
        if (prev && prev.code === ct) return this.state;
        return this.unknown(r, nc, `单位名称为空，单位编码 ${ct} ${prev ? '与上一行的单位不同' : '之前没有单位名称'}`);
      }
      if (prev && unitNameKey(prev.name) === unitNameKey(nt)) return this.state;
      return this.unknown(r, cc, `单位编码为空，单位名称“${nt.slice(0, 40)}”${prev ? '与上一行的单位不同' : '之前没有单位编码'}`);
    }
    this.open = null;
    return (this.state = this.enter(ct, nt));
  }

  private enter(code: string, name: string): number {
    const k = code + '\u0001' + unitNameKey(name);
    let id = this.ids.get(k);
    if (id === undefined) {
      id = this.units.length;
      this.units.push({ code, name, key: code || name });
      this.ids.set(k, id);
    }
    return id;
  }

  private unknown(r: number, col: number, reason: string): number {
    this.state = NO_UNIT;
    this.open = { first: r, last: r, col, reason };
    this.stretches.push(this.open);
    return NO_UNIT;
  }

  /** The sheet's unit named by a subtotal label ("小计（县卫健委）", "县卫健委小计") or by its code, else -1. */
  named(label: string): number {
    const n = subtotalName(label);
    if (!n) return NO_UNIT;
    let found = NO_UNIT;
    this.units.forEach((u, i) => {
      if ((u.name && unitNameKey(u.name) === n) || (u.code && u.code === n)) found = found === NO_UNIT || found === i ? i : -3;
    });
    return found >= 0 ? found : NO_UNIT;
  }

  /**
   * Whether a subtotal label names something ("小计（县卫健委）") that is none of the sheet's units: its
   * unit's own rows were unresolved, say. Such a row belongs to no unit; guessing the block beside it
   * would put one unit's total into another's file.
   */
  namesUnknown(label: string): boolean {
    return subtotalName(label) !== '' && this.named(label) === NO_UNIT;
  }

  /** The sheet's unit written in a row's unit cells, without moving the fill-down (subtotal rows). */
  lookup(code: Cell, name: Cell): number {
    const ct = this.codeCol !== undefined && !isCellError(code) ? cellText(code) : '';
    const nt = this.nameCol !== undefined && !isCellError(name) ? cellText(name) : '';
    if (!ct && !nt) return NO_UNIT;
    let found = NO_UNIT;
    this.units.forEach((u, i) => {
      if ((!ct || u.code === ct) && (!nt || unitNameKey(u.name) === unitNameKey(nt))) found = found === NO_UNIT ? i : -3;
    });
    return found >= 0 ? found : NO_UNIT;
  }

  /** The one unit every assigned row belongs to, or -1 (several units, or unresolved rows). */
  soleUnit(): number {
    if (this.stretches.length > 0) return NO_UNIT;
    let id = NO_UNIT;
    for (let i = 0; i < this.rowUnit.length; i++) {
      const u = this.rowUnit[i];
      if (u < 0) continue;
      if (id === NO_UNIT) id = u;
      else if (u !== id) return NO_UNIT;
    }
    return id;
  }

  /** One DATA.UNIT_UNRESOLVED per stretch of unresolved rows. */
  findings(at: (r: number, c: number) => { file: string; sheet: string; cell: string; row: number }): Finding[] {
    return this.stretches.map((s) => {
      const loc = at(s.first, s.col);
      const lastRow = loc.row + (s.last - s.first);
      const rows = s.last === s.first ? `第 ${loc.row} 行` : `第 ${loc.row}–${lastRow} 行`;
      return { rule: 'DATA.UNIT_UNRESOLVED', severity: DEFAULT_SEVERITY['DATA.UNIT_UNRESOLVED'], location: loc, message: dataMessages.unitUnresolved({ rows, reason: `：${s.reason}` }) };
    });
  }
}

function errorWord(e: string): string {
  return e === '#NO_CACHE' ? '没有缓存值的公式' : `错误值 ${e}`;
}

/** Give every finding located on a row of a unit that unit (issue 18 §4). */
export function attachUnits(findings: Finding[], rows: SheetUnits): void {
  for (const f of findings) {
    if (f.location.row === undefined || f.location.sheet !== rows.sheet) continue;
    const id = rows.rowUnit[f.location.row - rows.rowOffset];
    const u = id !== undefined && id >= 0 ? rows.units[id] : null;
    if (u) f.unit = findingUnitOf(u);
    else delete f.unit;
  }
}

interface ReadLike {
  lines: BudgetLine[];
  findings: Finding[];
  rows: SheetUnits;
}

/** “第 4–8 行、第 12 行”: sheet rows (ascending) as stretches, the first few only. */
function rowStretches(rows: ReadonlyArray<number>, max = 5): string {
  const parts: string[] = [];
  let i = 0;
  while (i < rows.length && parts.length < max) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    parts.push(j === i ? `第 ${rows[i]} 行` : `第 ${rows[i]}–${rows[j]} 行`);
    i = j + 1;
  }
  return i < rows.length ? `${parts.join('、')}等 ${rows.length} 行` : parts.join('、');
}

/** Codes written with several names, and name keys (unitNameKey) written with several codes. */
export interface UnitConflicts {
  readonly codes: ReadonlySet<string>;
  readonly names: ReadonlySet<string>;
  /**
   * Each name key written with exactly one code, and that code (conflicting or not): what a row,
   * goal or finding naming its unit by name only resolves to (run-unit.ts). Optional for conflicts
   * built by hand.
   */
  readonly codeOfName?: ReadonlyMap<string, string>;
}

/** The conflicts resolveUnitConflicts drops, asked before it does (the PERF rules name them). */
export function unitConflicts(reads: ReadonlyArray<Pick<ReadLike, 'rows'>>): UnitConflicts {
  const { namesOf, codesOf } = gatherUnits(reads);
  const codes = new Set<string>();
  const names = new Set<string>();
  const codeOfName = new Map<string, string>();
  for (const [c, s] of namesOf) if (s.size > 1) codes.add(c);
  for (const [n, s] of codesOf) {
    if (s.size > 1) names.add(n);
    else codeOfName.set(n, s.values().next().value as string);
  }
  return { codes, names, codeOfName };
}

function gatherUnits(reads: ReadonlyArray<Pick<ReadLike, 'rows'>>) {
  const namesOf = new Map<string, Set<string>>();
  const codesOf = new Map<string, Set<string>>();
  const spelling = new Map<string, string>();
  // Where each (code, name) pair is written: “文件「表」”, in reading order. Gathered before any
  // unit is dropped, since the messages name the units of every sheet.
  const placesOf = new Map<string, string[]>();
  const pair = (code: string, nameKey: string) => code + '\u0001' + nameKey;
  for (const r of reads) {
    for (const u of r.rows.units) {
      if (!u || !u.code || !u.name) continue;
      const n = unitNameKey(u.name);
      if (!spelling.has(n)) spelling.set(n, u.name);
      let s = namesOf.get(u.code);
      if (!s) namesOf.set(u.code, (s = new Set()));
      s.add(n);
      let c = codesOf.get(n);
      if (!c) codesOf.set(n, (c = new Set()));
      c.add(u.code);
      const k = pair(u.code, n);
      const place = `${r.rows.file}「${r.rows.sheet}」`;
      const at = placesOf.get(k);
      if (!at) placesOf.set(k, [place]);
      else if (!at.includes(place)) at.push(place);
    }
  }
  return { namesOf, codesOf, spelling, placesOf, pair };
}

/**
 * A unit code written with several names, or a name with several codes, across the sheets given:
 * every row of those units becomes unresolved (its lines dropped, its findings unit-less) and each
 * sheet concerned gets one DATA.UNIT_UNRESOLVED per code, which names the other names (or codes),
 * where each is written, and the rows of the sheet it concerns. Returns the findings added.
 */
export function resolveUnitConflicts(reads: ReadonlyArray<ReadLike>): Finding[] {
  const { namesOf, codesOf, spelling, placesOf, pair } = gatherUnits(reads);
  const where = (code: string, nameKey: string): string[] => placesOf.get(pair(code, nameKey)) ?? [];
  const twoNames = (code: string) => (namesOf.get(code)?.size ?? 0) > 1;
  // A unit written by code only or by name only is as undetermined as the pair it stands for
  // (run-unit.ts files it under no unit): its rows are dropped and said so, not left to reach no
  // unit's workbook in silence.
  const conflict = (u: RowUnit): boolean => {
    if (u.code && twoNames(u.code)) return true;
    if (!u.name) return false;
    const codes = codesOf.get(unitNameKey(u.name));
    if (codes === undefined) return false;
    if (codes.size > 1) return true;
    return !u.code && twoNames(codes.values().next().value as string);
  };
  const out: Finding[] = [];
  for (const r of reads) {
    const dropped = r.rows.units.map((u) => !!u && conflict(u));
    if (!dropped.some(Boolean)) continue;
    const { rowUnit, rowOffset } = r.rows;
    // Per code of a dropped unit: its names on this sheet and its rows (1-based sheet rows), in order.
    // nameOnly: the name as the run spells it, when the rows give no code.
    const byCode = new Map<string, { code: string; nameOnly?: string; names: Set<string>; rows: number[] }>();
    for (let i = 0; i < rowUnit.length; i++) {
      const id = rowUnit[i];
      if (id < 0 || !dropped[id]) continue;
      const u = r.rows.units[id] as RowUnit;
      // A name-only unit stands for its name's one code (or, with several, for the name itself).
      const nameKey = u.name ? unitNameKey(u.name) : '';
      const one = !u.code && nameKey ? codesOf.get(nameKey) : undefined;
      const code = u.code || (one && one.size === 1 ? (one.values().next().value as string) : '');
      const k = code || `\u0001${nameKey}`;
      let e = byCode.get(k);
      if (!e) byCode.set(k, (e = { code, nameOnly: u.code ? undefined : spelling.get(nameKey) ?? nameKey, names: new Set(), rows: [] }));
      if (u.name) e.names.add(unitNameKey(u.name));
      e.rows.push(i + rowOffset);
      rowUnit[i] = NO_UNIT;
    }
    r.rows.units.forEach((u, i) => {
      if (dropped[i]) r.rows.units[i] = null;
    });
    const keep = (l: BudgetLine) => rowUnit[l.row - rowOffset] >= 0;
    const kept = r.lines.filter(keep);
    r.lines.length = 0;
    for (const l of kept) r.lines.push(l);
    attachUnits(r.findings, r.rows);
    for (const e of byCode.values()) {
      const code = e.code;
      // The code written with several names: each name and where it is written with this code.
      const codeNames = [...(namesOf.get(code) ?? [])];
      const names = codeNames.length > 1 ? codeNames.slice(0, 5).map((n) => ({ name: spelling.get(n) ?? n, places: where(code, n) })) : [];
      // A name of this sheet's rows written with several codes: each code and where it is written with that name.
      const codes: Array<{ name: string; codes: Array<{ code: string; places: string[] }> }> = [];
      for (const n of e.names) {
        const all = [...(codesOf.get(n) ?? [])];
        if (all.length > 1) codes.push({ name: spelling.get(n) ?? n, codes: all.slice(0, 5).map((c) => ({ code: c, places: where(c, n) })) });
      }
      const f: Finding = {
        rule: 'DATA.UNIT_UNRESOLVED', severity: DEFAULT_SEVERITY['DATA.UNIT_UNRESOLVED'],
        location: { file: r.rows.file, sheet: r.rows.sheet, row: e.rows[0] },
        message: dataMessages.unitConflict({ code, names, codes, rows: rowStretches(e.rows), nameOnly: e.nameOnly }),
      };
      r.findings.push(f);
      out.push(f);
    }
  }
  return out;
}

/** The name part of a subtotal label: "小计（县卫健委）" → the key of 县卫健委, "小计" → ''. */
function subtotalName(label: string): string {
  return unitNameKey(label).replace(/^(小计|合计|总计)[:：]?/, '').replace(/(小计|合计)$/, '').replace(/^[（(【[]|[）)】\]]$/g, '');
}
