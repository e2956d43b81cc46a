/**
 * The unit of the run (issue 19) that anything naming a unit is filed under: a budget row or line, a
 * 绩效目标 linked to no project, a finding. Its findings carry that unit (check.ts files every
 * finding by it) and its rows go to that unit's review workbook (src/core/per-unit.ts). Budgets are
 * confidential between units, so the unit is never guessed:
 * - a unit DATA.UNIT_UNRESOLVED dropped (a code written with two names, a name with two codes, or a
 *   name whose one code is such a code) has no unit: which unit it is is what the run could not tell;
 * - a unit named by name only is that unit's code when the run writes the name with exactly one code
 *   (a department's name-only sheet is the same unit as its coded one: one workbook, not two);
 * - otherwise the unit as written.
 * Rules still group lines by unit as written (lines.ts unitKey): their sums are compared with the
 * prior year's lines, keyed the same way, and codeOfName is known for the current year only.
 */
import type { Finding, FindingUnit } from './findings';
import { unitNameKey } from './reader/units';
import type { UnitConflicts } from './reader/units';

/** A unit as written: the fields of a line, a row's unit, a goal. */
export type WrittenUnit = { readonly unitCode: string; readonly unitName: string };

/**
 * The run's unit of one written (code, name): null when it is one the run could not determine (a
 * unit DATA.UNIT_UNRESOLVED dropped), `{}` when nothing names a unit.
 */
export function runUnit(u: WrittenUnit, conflicts: UnitConflicts | undefined): FindingUnit | null {
  const codes = conflicts?.codes;
  const names = conflicts?.names;
  const code = u.unitCode;
  const name = u.unitName;
  const key = name !== '' ? unitNameKey(name) : '';
  if (key !== '' && names !== undefined && names.has(key)) return null;
  if (code !== '') {
    if (codes !== undefined && codes.has(code)) return null;
    return name !== '' ? { code, name } : { code };
  }
  if (key === '') return {};
  // The run's one code for the name (unitConflicts gathers it from every sheet's units, those it
  // dropped included); without it the unit is the name as written.
  const one = conflicts?.codeOfName?.get(key);
  if (one === undefined) return { name };
  if (codes !== undefined && codes.has(one)) return null;
  return { code: one, name };
}

/** The key of a run unit (per-unit.ts PartUnit.key): its code, else its name; '' for none. */
export function runUnitKey(u: FindingUnit | null): string {
  return u === null ? '' : u.code || u.name || '';
}

/**
 * runUnit remembered per (code, name): a partition asks it per row unit, line and finding, and a
 * run of 10,000 units writes each one many times.
 */
export function runUnits(conflicts: UnitConflicts | undefined): (code: string, name: string) => FindingUnit | null {
  const seen = new Map<string, FindingUnit | null>();
  // A unit's lines and findings mostly follow each other: the previous pair is tried before the map.
  let lastCode: string | null = null;
  let lastName: string | null = null;
  let last: FindingUnit | null = null;
  return (code, name) => {
    if (code === lastCode && name === lastName) return last;
    const k = code + '\u0001' + name;
    let u = seen.get(k);
    if (u === undefined) seen.set(k, (u = runUnit({ unitCode: code, unitName: name }, conflicts)));
    lastCode = code;
    lastName = name;
    last = u;
    return u;
  };
}

/**
 * Every finding with the run's unit (new objects where it differs): a unit the run could not
 * determine is taken off, as DATA.UNIT_UNRESOLVED takes it off the findings of its rows, and a
 * name-only unit gains its one code. So the JSON, 单位汇总, the explanations and the per-unit
 * workbooks all file a finding where its rows go.
 */
export function fileUnderRunUnits(findings: ReadonlyArray<Finding>, conflicts: UnitConflicts | undefined): Finding[] {
  const of = runUnits(conflicts);
  return findings.map((f) => {
    const w = f.unit;
    if (w === undefined || (!w.code && !w.name)) return f;
    const u = of(w.code ?? '', w.name ?? '');
    if (u === null) {
      const rest = { ...f };
      delete rest.unit;
      return rest;
    }
    return u.code === w.code && u.name === w.name ? f : { ...f, unit: u };
  });
}
