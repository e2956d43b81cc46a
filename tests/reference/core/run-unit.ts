/**
 * Reference (tests only) of src/core/run-unit.ts, written from its definition rather than copied, so
 * that the equivalence tests check the fast code's filing of units instead of sharing it:
 * - undetermined (no unit): a name written with two codes, a code written with two names, or a
 *   name-only unit whose one code is such a code;
 * - a name-only unit with exactly one code in the run: that code's unit;
 * - otherwise the unit as written.
 */
import type { Finding, FindingUnit } from '../../../src/core/findings';
import type { UnitConflicts } from '../../../src/core/reader/units';

const nameKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

export function referenceRunUnit(code: string, name: string, c: UnitConflicts | undefined): FindingUnit | null {
  const twoCodes = name !== '' && (c?.names.has(nameKey(name)) ?? false);
  const twoNames = (x: string) => c?.codes.has(x) ?? false;
  if (twoCodes) return null;
  if (code !== '') {
    if (twoNames(code)) return null;
    const u: FindingUnit = { code };
    if (name !== '') u.name = name;
    return u;
  }
  if (name === '') return {};
  const one = c?.codeOfName?.get(nameKey(name));
  if (one === undefined) return { name };
  return twoNames(one) ? null : { code: one, name };
}

/** Each finding under its run unit: unit taken off when undetermined, a name-only one given its code. */
export function referenceFileUnderRunUnits(findings: ReadonlyArray<Finding>, c: UnitConflicts | undefined): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (!f.unit || (!f.unit.code && !f.unit.name)) {
      out.push(f);
      continue;
    }
    const u = referenceRunUnit(f.unit.code ?? '', f.unit.name ?? '', c);
    if (u === null) {
      const { unit: _dropped, ...rest } = f;
      void _dropped;
      out.push(rest);
    } else if (u.code === f.unit.code && u.name === f.unit.name) out.push(f);
    else out.push({ ...f, unit: u });
  }
  return out;
}
