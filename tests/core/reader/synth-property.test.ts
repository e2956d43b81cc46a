/**
 * Property: whatever the layout (long, wide, split 类/款/项, split by kind), unit, header style, code
 * style, unit cells and subtotal rows, the reader's lines sum exactly to the sheet's 合计 in 分, per
 * unit too, and a correct sheet gives no TOTAL_MISMATCH or BAD_AMOUNT.
 */
import fc from 'fast-check';
import { checkWorkbooks } from '../../../src/core/check';
import { unitKey } from '../../../src/core/lines';
import { SYNTH_LAYOUTS, synthSheet } from '../../../src/testing/synth';
import { optionsArb } from '../../testing/synth-arbitraries';

test('lines sum exactly to the 合计 row in every layout', () => {
  fc.assert(
    fc.property(fc.constantFrom(...SYNTH_LAYOUTS).chain(optionsArb), (opts) => {
      const { grid, expected } = synthSheet(opts);
      // A sheet that states no unit is read in the configured default unit (with DATA.UNIT_UNKNOWN).
      const rules = opts.unitNote === 'none' ? { defaultUnit: opts.amountUnit === 'wan' ? '万元' : '元' } : {};
      const r = checkWorkbooks([{ file: 'synth.xlsx', sheets: [grid] }], { rules });
      expect(r.findings.some((f) => f.rule === 'DATA.UNIT_UNKNOWN')).toBe(opts.unitNote === 'none');
      const total = r.lines.reduce((s, l) => s + l.amountFen, 0);
      expect(total).toBe(expected.totalFen);
      expect(r.lines.length).toBe(expected.lineCount);
      // The 上年预算数 column, headed 上年预算数 or by year ("2024年预算数"), is read as the prior.
      if (expected.priorTotalFen !== null) expect(r.lines.reduce((s, l) => s + (l.priorFen ?? 0), 0)).toBe(expected.priorTotalFen);
      const perUnit = new Map<string, number>();
      for (const l of r.lines) perUnit.set(unitKey(l), (perUnit.get(unitKey(l)) ?? 0) + l.amountFen);
      expect(perUnit).toEqual(expected.perUnitTotalFen);
      expect(r.findings.filter((f) => ['DATA.TOTAL_MISMATCH', 'DATA.BAD_AMOUNT', 'DATA.MISSING_COLUMN'].includes(f.rule) && f.severity === 'error')).toEqual([]);
    }),
    { numRuns: 60 },
  );
});
