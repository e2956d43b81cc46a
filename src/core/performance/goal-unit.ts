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
import { unitNameKey } from '../reader/units';
import type { UnitConflicts } from '../reader/units';

/** What resolving reads of a goal. */
export type GoalUnitFields = { readonly unitCode: string; readonly unitName: string };

/**
 * The unit of an unlinked goal: null when it is one the run could not determine (a unit
 * DATA.UNIT_UNRESOLVED dropped), `{}` when the goal names none.
 */
export function unlinkedGoalUnit(g: GoalUnitFields, conflicts: UnitConflicts | undefined): FindingUnit | null {
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
  // The run's one code for the name (unitConflicts gathers it from every sheet's units, those it
  // dropped included); without it the goal is filed under its name as written.
  const one = conflicts?.codeOfName?.get(key);
  if (one === undefined) return { name };
  if (codes !== undefined && codes.has(one)) return null;
  return { code: one, name };
}
