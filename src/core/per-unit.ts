/**
 * The per-unit partition of a check (issue 19 §1–2, issue 18 §4): which findings and which rows of
 * which sheets go into each unit's own review workbook (--per-unit-out, the page's 各单位审核工作簿).
 * A unit's workbook holds only what belongs to that unit alone:
 * - findings that carry the unit (the reader gives every finding on a unit's row its unit);
 * - unit-less findings of a sheet only when every row of that sheet is the unit's (a single-unit
 *   sheet); sheet-wide totals and findings of sheets of several units go to no unit's workbook,
 *   only to the bureau's own (all-units) one;
 * - of each sheet holding rows of the unit: its frame (titles, unit line, header) and the unit's
 *   own rows (lines, its 小计, its 其中 rows). Unresolved rows (DATA.UNIT_UNRESOLVED) and rows of
 *   no unit are in no unit's workbook.
 * Computed once per report in one pass over rows and findings (10,000 units must not cost
 * units × rows), and shared by every unit's workbook.
 */
import type { CheckReport } from './check';
import type { Finding, FindingUnit } from './findings';
import { unitKey } from './lines';
import type { SheetUnits } from './reader/units';

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

function computePartition(report: CheckReport): Partition {
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
    const k = unitKey(l);
    if (k && !byKey.has(k)) partOf(k, l.unitCode, l.unitName);
  }
  const unresolved = new Set<string>();
  for (const f of report.findings) if (f.rule === 'DATA.UNIT_UNRESOLVED' && f.location.sheet !== undefined) unresolved.add(sheetKey(f.location.file, f.location.sheet));
  /** The one unit key of a sheet whose every unit row is that unit's, else null. */
  const sole = new Map<string, string | null>();
  for (const s of report.sheetUnits ?? sheetUnitsFromLines(report)) {
    const sk = sheetKey(s.file, s.sheet);
    const rowsOf = new Map<number, number[]>(); // unit index → grid rows
    for (let i = 0; i < s.rowUnit.length; i++) {
      const id = s.rowUnit[i];
      if (id < 0 || !s.units[id]) continue;
      let list = rowsOf.get(id);
      if (!list) rowsOf.set(id, (list = []));
      list.push(i + s.rowOffset);
    }
    const frame: number[] = [];
    for (let r = 1; r <= s.headerRow; r++) frame.push(r);
    const keys = new Set<string>();
    for (const [id, rows] of rowsOf) {
      const u = s.units[id]!;
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
    const one = keys.size === 1 && !unresolved.has(sk) ? [...keys][0] : null;
    sole.set(sk, prev === undefined ? one : prev === one ? one : null);
  }
  for (const f of report.findings) {
    const k = findingUnitKey(f.unit);
    if (k) {
      partOf(k, f.unit?.code ?? '', f.unit?.name ?? '').findings.push(f);
      continue;
    }
    if (f.location.sheet === undefined) continue;
    const only = sole.get(sheetKey(f.location.file, f.location.sheet));
    if (only) byKey.get(only)?.findings.push(f);
  }
  return { units, byKey };
}
