/**
 * The unit a 绩效目标 linked to no project is filed under (issue 19): what its PERF findings carry and
 * whose per-unit review workbook holds its rows (src/core/per-unit.ts). Budgets are confidential
 * between units, so the unit is never guessed:
 * - a goal naming a unit DATA.UNIT_UNRESOLVED dropped (a code written with two names, a name with two
 *   codes, or a name whose one code is such a code) has no unit: its budget rows belong to no unit,
 *   and neither does the goal;
 * - a goal naming its unit by name only is that unit's code when the run writes the name with exactly
 *   one code (so it joins that unit's workbook, not one of its own);
 * - otherwise the unit as the goal writes it.
 */
import type { FindingUnit } from '../findings';
import type { BudgetLine } from '../lines';
import { unitNameKey } from '../reader/units';
import type { UnitConflicts } from '../reader/units';

/** What resolving reads of a goal. */
export type GoalUnitFields = { readonly unitCode: string; readonly unitName: string };

/** Name key → its one code, from lines that write both (conflicts built by hand carry no such map). */
const fromLines = new WeakMap<ReadonlyArray<BudgetLine>, Map<string, string | null>>();

function codesOfNames(lines: ReadonlyArray<BudgetLine>): Map<string, string | null> {
  let m = fromLines.get(lines);
  if (m) return m;
  m = new Map();
  // Lines of a unit follow each other: a unit's name is keyed once per run of its lines.
  let lastCode: string | null = null;
  let lastName: string | null = null;
  for (const l of lines) {
    if (l.unitCode === lastCode && l.unitName === lastName) continue;
    lastCode = l.unitCode;
    lastName = l.unitName;
    if (!l.unitCode || !l.unitName) continue;
    const k = unitNameKey(l.unitName);
    const had = m.get(k);
    // null: the name is written with several codes.
    if (had === undefined) m.set(k, l.unitCode);
    else if (had !== l.unitCode) m.set(k, null);
  }
  fromLines.set(lines, m);
  return m;
}

/**
 * The unit of an unlinked goal: null when it is one the run could not determine (a unit
 * DATA.UNIT_UNRESOLVED dropped), `{}` when the goal names none.
 */
export function unlinkedGoalUnit(g: GoalUnitFields, lines: ReadonlyArray<BudgetLine>, conflicts: UnitConflicts | undefined): FindingUnit | null {
  const codes = conflicts?.codes;
  const names = conflicts?.names;
  const code = g.unitCode;
  const name = g.unitName;
  const key = name !== '' ? unitNameKey(name) : '';
  if (key !== '' && names !== undefined && names.has(key)) return null;
  if (code !== '') {
    if (codes !== undefined && codes.has(code)) return null;
    return name !== '' ? { code, name } : { code };
  }
  if (key === '') return {};
  const one = conflicts?.codeOfName !== undefined ? conflicts.codeOfName.get(key) : codesOfNames(lines).get(key) ?? undefined;
  if (one === undefined) return { name };
  if (codes !== undefined && codes.has(one)) return null;
  return { code: one, name };
}
