/**
 * The per-unit partition of a check (issue 19 §1–2, issue 18 §4): which findings and which rows of
 * which sheets go into each unit's own review workbook (--per-unit-out, the page's 各单位审核工作簿).
 * A unit's workbook holds only what belongs to that unit alone. Every unit written on a row, a goal
 * or a finding is first taken as the run's unit (run-unit.ts, the one rule for all three): a name
 * written with exactly one code in the run is that code's unit, so a department's name-only sheet
 * joins its coded one; a unit DATA.UNIT_UNRESOLVED dropped (CheckReport.unitConflicts) is no unit,
 * so it gets no workbook of its own, whatever names it (a 三保需求 row, a prior-year line, a goal).
 * - findings that carry the unit (the reader gives every finding on a unit's row its unit);
 * - unit-less findings of a sheet only when every row of that sheet is the unit's (a single-unit
 *   sheet); sheet-wide totals and findings of sheets of several units go to no unit's workbook,
 *   only to the bureau's own (all-units) one;
 * - of each sheet holding rows of the unit: its frame (titles, unit line, header) and the unit's
 *   own rows (lines, its 小计, its 其中 rows). Unresolved rows (DATA.UNIT_UNRESOLVED), rows of a unit
 *   the run could not determine (a prior-year sheet's, a name-only sheet's) and rows of no unit are
 *   in no unit's workbook, nor are a sheet's findings of no unit when it holds such rows;
 * - of each 绩效目标 sheet holding goals of the unit: its frame as the performance reader found it
 *   (PerfGoal.frameRows: title and 单位 lines, a list's header) and the unit's own goals: a block
 *   from its 项目名称 row to its last indicator row, a list goal its rows. A goal is its linked
 *   project's unit's (linkGoals), an unlinked one the unit it names, as its PERF findings are
 *   (run-unit.ts: by name only, the name's one code in the run); a goal naming no unit,
 *   or a unit DATA.UNIT_UNRESOLVED dropped (CheckReport.unitConflicts), is a row of no unit, as that
 *   unit's budget rows are. Other rows above the first goal (an indicator row before any
 *   project, a department line, a 合计) are in no unit's workbook, nor are findings of no unit on
 *   them. Findings of no unit on a goal's rows (a bad 年度资金总额) go with the goal.
 * Computed once per report in one pass over rows and findings (10,000 units must not cost
 * units × rows), and shared by every unit's workbook.
 */
import type { CheckReport } from './check';
import type { Finding, FindingUnit } from './findings';
import { unitKey } from './lines';
import { linkGoals } from './performance/link';
import type { PerfGoal } from './performance/model';
import type { SheetUnits } from './reader/units';
import { groupByProject } from './rules/finding-helpers';
import { runUnitKey, runUnits } from './run-unit';

export interface PartUnit {
  key: string;
  code: string;
  name: string;
}

export interface UnitPart {
  unit: PartUnit;
  findings: Finding[];
  /** By `file \u0001 sheet`: the 1-based sheet rows to copy, ascending (frame rows first). */
  sheets: Map<string, number[]>;
}

export interface Partition {
  /** Every unit of the run, in first-seen order. */
  units: PartUnit[];
  byKey: Map<string, UnitPart>;
}

export function sheetKey(file: string, sheet: string): string {
  return `${file}\u0001${sheet}`;
}

export function findingUnitKey(u: FindingUnit | undefined): string {
  return u ? u.code || u.name || '' : '';
}

const cache = new WeakMap<CheckReport, Partition>();

/** The partition of a report (computed once per report object). */
export function partitionByUnit(report: CheckReport): Partition {
  let p = cache.get(report);
  if (!p) cache.set(report, (p = computePartition(report)));
  return p;
}

/** The run's unit of a written (code, name) (run-unit.ts), remembered per pair. */
type RunUnitOf = ReturnType<typeof runUnits>;

/** Row units from the lines alone, for reports built without reader output (tests). */
function sheetUnitsFromLines(report: CheckReport): SheetUnits[] {
  const bySheet = new Map<string, { file: string; sheet: string; first: number; rows: Map<number, string>; names: Map<string, { code: string; name: string }> }>();
  for (const l of [...(report.lines ?? []), ...(report.priorLines ?? [])]) {
    const k = sheetKey(l.src.file, l.src.sheet);
    let s = bySheet.get(k);
    if (!s) bySheet.set(k, (s = { file: l.src.file, sheet: l.src.sheet, first: l.row, rows: new Map(), names: new Map() }));
    s.first = Math.min(s.first, l.row);
    s.rows.set(l.row, unitKey(l));
    if (!s.names.has(unitKey(l))) s.names.set(unitKey(l), { code: l.unitCode, name: l.unitName });
  }
  return [...bySheet.values()].map((s) => {
    const keys = [...s.names.keys()];
    const max = Math.max(...s.rows.keys());
    const rowUnit = new Int32Array(max).fill(-1);
    for (const [r, k] of s.rows) rowUnit[r - 1] = keys.indexOf(k);
    return { file: s.file, sheet: s.sheet, prior: false, headerRow: s.first - 1, rowOffset: 1, rowUnit, units: keys.map((k) => ({ key: k, ...(s.names.get(k) as { code: string; name: string }) })) };
  });
}

/** One goal's rows on its sheet and the unit it belongs to ('' key: none). */
interface GoalRows {
  key: string;
  code: string;
  name: string;
  from: number;
  to: number;
}

/** The 1-based rows a goal spans: its 项目名称 (or code) row to its last indicator or 项目资金 row. */
function goalSpan(g: PerfGoal): { from: number; to: number } | null {
  const first = g.location.row;
  if (first === undefined) return null;
  let from = first;
  let to = first;
  const see = (row: number | undefined) => {
    if (row === undefined) return;
    if (row < from) from = row;
    if (row > to) to = row;
  };
  see(g.totalLocation?.row);
  see(g.fiscalLocation?.row);
  for (let k = 0; k < g.indicators.length; k++) see(g.indicators[k].location.row);
  return { from, to };
}

/** A 绩效目标 sheet's goals sorted by row, and its frame rows (ascending, above its first goal). */
interface GoalSheet {
  goals: GoalRows[];
  frame: number[];
}

/**
 * The goals of each 绩效目标 sheet (by sheetKey), each with its rows and unit, sorted by row: a goal is
 * its linked project's unit's, else the unit it names (the unit its PERF findings carry).
 */
function goalRowsBySheet(report: CheckReport, of: RunUnitOf): Map<string, GoalSheet> {
  const out = new Map<string, GoalSheet>();
  const frames = new Map<string, Set<readonly number[]>>();
  const goals = report.performance;
  if (!goals || goals.length === 0) return out;
  const lines = report.lines ?? [];
  const projects = groupByProject(lines);
  // The same arrays the PERF rules linked: the links are cached, not computed again.
  const { goalProject } = linkGoals(lines, goals);
  for (let n = 0; n < goals.length; n++) {
    const g = goals[n];
    const span = goalSpan(g);
    if (span === null) continue;
    const p = goalProject[n];
    const l = p >= 0 ? projects[p][1][0] : null;
    // The linked project's unit, else the goal's own, as its PERF findings carry it: none (null)
    // when the run could not tell.
    const u = l !== null ? of(l.unitCode, l.unitName) : of(g.unitCode, g.unitName);
    const code = u?.code ?? '';
    const name = u?.name ?? '';
    const k = sheetKey(g.file, g.sheet);
    let sheet = out.get(k);
    if (!sheet) out.set(k, (sheet = { goals: [], frame: [] }));
    sheet.goals.push({ key: runUnitKey(u), code, name, ...span });
    // One array per sheet read (two when a file has the sheet name twice); none from goals built by
    // hand, whose sheets then have no frame rather than rows nobody looked at.
    if (g.frameRows) {
      let set = frames.get(k);
      if (!set) frames.set(k, (set = new Set()));
      set.add(g.frameRows);
    }
  }
  for (const [k, sheet] of out) {
    sheet.goals.sort((a, b) => a.from - b.from);
    const first = sheet.goals[0]?.from ?? 1;
    const rows = new Set<number>();
    for (const f of frames.get(k) ?? []) for (const r of f) if (r < first) rows.add(r);
    sheet.frame = [...rows].sort((a, b) => a - b);
  }
  return out;
}

/** The goal whose rows hold the 1-based row, or undefined (goals sorted by row, not overlapping). */
function goalAt(list: ReadonlyArray<GoalRows>, row: number): GoalRows | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const g = list[mid];
    if (row < g.from) hi = mid - 1;
    else if (row > g.to) lo = mid + 1;
    else return g;
  }
  return undefined;
}

/** Rows ascending and distinct, from a sheet's rows already kept and more. */
function mergeRows(have: number[] | undefined, more: number[]): number[] {
  if (!have) {
    // Goals in row order give ascending rows; goals of a sheet name written twice may overlap.
    let ascending = true;
    for (let i = 1; i < more.length && ascending; i++) ascending = more[i] > more[i - 1];
    if (ascending) return more;
  }
  const set = new Set(have);
  for (const r of more) set.add(r);
  return [...set].sort((a, b) => a - b);
}

function computePartition(report: CheckReport): Partition {
  const of = runUnits(report.unitConflicts);
  const byKey = new Map<string, UnitPart>();
  const units: PartUnit[] = [];
  const partOf = (key: string, code: string, name: string): UnitPart => {
    let p = byKey.get(key);
    if (!p) {
      const unit = { key, code, name };
      byKey.set(key, (p = { unit, findings: [], sheets: new Map() }));
      units.push(unit);
    } else if (!p.unit.name && name) p.unit.name = name;
    return p;
  };
  // Units in the order their lines come, as the 单位汇总 sheet lists them.
  for (const l of report.lines ?? []) {
    const u = of(l.unitCode, l.unitName);
    const k = runUnitKey(u);
    if (k && !byKey.has(k)) partOf(k, u?.code ?? '', u?.name ?? '');
  }
  const unresolved = new Set<string>();
  for (const f of report.findings) if (f.rule === 'DATA.UNIT_UNRESOLVED' && f.location.sheet !== undefined) unresolved.add(sheetKey(f.location.file, f.location.sheet));
  /** The one unit key of a sheet whose every unit row is that unit's, else null. */
  const sole = new Map<string, string | null>();
  const detail = report.sheetUnits ?? sheetUnitsFromLines(report);
  /** Per sheet read: its units as the run's; null where resolveUnitConflicts dropped one or the run could not determine it. */
  const runOf = new Map<SheetUnits, Array<{ key: string; code: string; name: string } | null>>();
  for (const s of detail) {
    runOf.set(s, s.units.map((w) => {
      const u = w ? of(w.code, w.name) : null;
      const key = runUnitKey(u);
      return key ? { key, code: u?.code ?? '', name: u?.name ?? '' } : null;
    }));
  }
  /** Sheets holding rows of a unit the run could not determine (prior-year or name-only ones). */
  const dropped = new Set<string>();
  for (const s of detail) {
    const units = runOf.get(s)!;
    const sk = sheetKey(s.file, s.sheet);
    const rowsOf = new Map<number, number[]>(); // unit index → grid rows
    for (let i = 0; i < s.rowUnit.length; i++) {
      const id = s.rowUnit[i];
      if (id < 0 || !s.units[id]) continue;
      if (!units[id]) {
        dropped.add(sk);
        continue;
      }
      let list = rowsOf.get(id);
      if (!list) rowsOf.set(id, (list = []));
      list.push(i + s.rowOffset);
    }
    const frame: number[] = [];
    for (let r = 1; r <= s.headerRow; r++) frame.push(r);
    const keys = new Set<string>();
    for (const [id, rows] of rowsOf) {
      const u = units[id]!;
      keys.add(u.key);
      const part = partOf(u.key, u.code, u.name);
      const have = part.sheets.get(sk);
      if (have) {
        // The same sheet name twice in a file (a damaged workbook): merge the rows.
        for (const r of rows) have.push(r);
        have.sort((a, b) => a - b);
      } else part.sheets.set(sk, [...frame, ...rows]);
    }
    const prev = sole.get(sk);
    const one = keys.size === 1 && !unresolved.has(sk) && !dropped.has(sk) ? [...keys][0] : null;
    sole.set(sk, prev === undefined ? one : prev === one ? one : null);
  }
  const goalSheets = goalRowsBySheet(report, of);
  // A sheet read both for lines and for goals (a 预算管理一体化 export): the detail reader's units
  // stand; a goal is copied only where they agree with it, and none on a sheet with unresolved rows.
  const detailOf = new Map<string, SheetUnits[]>();
  for (const s of detail) {
    const sk = sheetKey(s.file, s.sheet);
    const list = detailOf.get(sk);
    if (list) list.push(s);
    else detailOf.set(sk, [s]);
  }
  const agrees = (sk: string, g: GoalRows): boolean => {
    const list = detailOf.get(sk);
    if (!list) return true;
    if (unresolved.has(sk) || dropped.has(sk)) return false;
    for (const s of list) {
      const units = runOf.get(s)!;
      for (let r = g.from; r <= g.to; r++) {
        const id = s.rowUnit[r - s.rowOffset];
        if (id === undefined || id < 0) continue;
        if (units[id]?.key !== g.key) return false;
      }
    }
    return true;
  };
  /** A finding of no unit on a 绩效目标-only sheet belongs to its sole unit only on these rows (or on none). */
  const soleRows = new Map<string, Set<number>>();
  const keptGoals = new Map<string, GoalRows[]>();
  for (const [sk, { goals, frame }] of goalSheets) {
    const kept = goals.filter((g) => g.key !== '' && agrees(sk, g));
    const rowsOf = new Map<string, number[]>();
    for (const g of kept) {
      const part = partOf(g.key, g.code, g.name);
      let rows = rowsOf.get(part.unit.key);
      if (!rows) rowsOf.set(part.unit.key, (rows = [...frame]));
      for (let r = g.from; r <= g.to; r++) rows.push(r);
    }
    for (const [k, rows] of rowsOf) {
      const part = byKey.get(k) as UnitPart;
      part.sheets.set(sk, mergeRows(part.sheets.get(sk), rows));
    }
    keptGoals.set(sk, kept);
    const prev = sole.get(sk);
    const one = rowsOf.size === 1 && kept.length === goals.length && !unresolved.has(sk) ? [...rowsOf.keys()][0] : null;
    sole.set(sk, prev === undefined ? one : prev === one ? one : null);
    // A stray row above the first goal (an indicator before any project) is no unit's even when all
    // goals are one unit's: a finding on it would copy the row (the writer copies flagged rows).
    if (!detailOf.has(sk)) soleRows.set(sk, new Set(frame));
  }
  for (const f of report.findings) {
    const w = f.unit;
    if (w && (w.code || w.name)) {
      // check.ts files findings so already; reports built otherwise (tests, saved JSON) are filed here.
      const u = of(w.code ?? '', w.name ?? '');
      // A unit the run could not determine: the bureau's workbook only, as that unit's rows.
      if (u !== null) partOf(runUnitKey(u), u.code ?? '', u.name ?? '').findings.push(f);
      continue;
    }
    if (f.location.sheet === undefined) continue;
    // A finding of no unit on a goal's rows (the 绩效目标 reader gives none) is that goal's unit's.
    const sk = sheetKey(f.location.file, f.location.sheet);
    const goals = f.location.row !== undefined ? keptGoals.get(sk) : undefined;
    const g = goals ? goalAt(goals, f.location.row as number) : undefined;
    if (g) {
      byKey.get(g.key)?.findings.push(f);
      continue;
    }
    const only = sole.get(sk);
    const rows = soleRows.get(sk);
    if (only && (f.location.row === undefined || !rows || rows.has(f.location.row))) byKey.get(only)?.findings.push(f);
  }
  return { units, byKey };
}
