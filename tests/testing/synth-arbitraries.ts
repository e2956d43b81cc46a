/** fast-check arbitraries over the synthetic generator's options, shared by the generator and reader tests. */
import fc from 'fast-check';
import type { AmountUnit } from '../../src/core/money';
import type { SynthLayout, SynthOptions } from '../../src/testing/synth';

export const optionsArb = (layout: SynthLayout): fc.Arbitrary<SynthOptions> =>
  fc.record({
    lines: fc.integer({ min: 1, max: 400 }),
    units: fc.integer({ min: 1, max: 12 }),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    layout: fc.constant(layout),
    unit: fc.constantFrom<AmountUnit>('yuan', 'wan'),
    amountText: fc.constantFrom(0, 0.3, 1),
    zeros: fc.constantFrom('blank' as const, 'zero' as const, 'dash' as const),
    twoRowHeader: fc.boolean(),
    codeStyle: fc.constantFrom('separate' as const, 'codeOnly' as const, 'space' as const, 'bracket' as const, 'dash' as const),
    unitNote: fc.constantFrom('line' as const, 'header' as const, 'none' as const),
    title: fc.boolean(),
    subtotals: fc.boolean(),
    total: fc.constantFrom('top' as const, 'bottom' as const),
    unitCells: fc.constantFrom('every' as const, 'merged' as const, 'once' as const),
    blankRows: fc.boolean(),
    breakdownRows: fc.constantFrom(0, 0.3),
    priorColumns: fc.boolean(),
    yearCaptions: fc.boolean(),
    serialColumn: fc.boolean(),
    remarkColumn: fc.boolean(),
    shuffleColumns: fc.boolean(),
    unitCodeColumn: fc.boolean(),
    department: fc.constantFrom(undefined, 'education' as const, 'health' as const, 'urban' as const),
  });

