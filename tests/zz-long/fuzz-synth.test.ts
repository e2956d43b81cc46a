/**
 * Issue 7, "Fuzz the core": totals are conserved and every malformed cell is found at its cell, over
 * generated budget sheets (src/testing/synth.ts, all four layouts, 元 and 万元, one- and two-row
 * headers, merged/once/every unit cells, 合计 top/bottom, 小计 and 其中 rows) mutated row by row
 * (src/testing/fuzz-grids.ts mutatedSynthArb).
 */
import fc from 'fast-check';
import { checkWorkbooks } from '../../tests/hardening/../../src/core/check';
import { parseAmount } from '../../tests/hardening/../../src/core/money';
import { LOOK_STYLES, malformedAmountArb, mutatedSynthArb, NEG_STYLES, negativeCell, positiveCell } from '../../tests/hardening/../../src/testing/fuzz-grids';
import { reportProblem } from '../../tests/hardening/helpers';

export const SYNTH_RUNS = 3500;

describe('the oracle of the generators agrees with SPEC §2.1', () => {
  test('every malformed amount the fuzzers plant is refused, in 元 and in 万元', () => {
    fc.assert(
      fc.property(malformedAmountArb, fc.constantFrom<'yuan' | 'wan'>('yuan', 'wan'), (cell, unit) => !parseAmount(cell, unit).ok),
      { numRuns: 10 * 1000 },
    );
  });

  test('look-alike writings read back as exactly the 分 they were written from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9e15 }), fc.constantFrom<'yuan' | 'wan'>('yuan', 'wan'), fc.constantFrom(...LOOK_STYLES), fc.constantFrom(...NEG_STYLES), (fen, unit, pos, neg) => {
        // A binary number cell holds 分 exactly only up to about 2^50 分 (1.1×10¹³ 元; Excel itself keeps
        // 15 significant digits); text holds every amount up to the SPEC's 9×10¹³ 元.
        fc.pre(fen < 2 ** 50 || (pos !== 'number' && neg !== 'number'));
        const p = parseAmount(positiveCell(fen, unit, pos), unit);
        const n = parseAmount(negativeCell(fen, unit, neg), unit);
        return p.ok && p.fen === fen && n.ok && n.fen === -fen;
      }),
      { numRuns: 10 * 1000 },
    );
    // The characters SPEC §7 names, spelled out.
    expect(parseAmount('１２３４．５６', 'yuan')).toEqual({ ok: true, fen: 123456, blank: false });
    expect(parseAmount('－１，２３４．５０', 'yuan')).toEqual({ ok: true, fen: -123450, blank: false });
    expect(parseAmount('−12.5', 'wan')).toEqual({ ok: true, fen: -12500000, blank: false });
    expect(parseAmount('（１２３．００）', 'yuan')).toEqual({ ok: true, fen: -12300, blank: false });
  });
});

test(`mutated generated sheets: Σ line amounts is conserved in 分, DATA.BAD_AMOUNT is exactly at the malformed cells, negatives are read as negative (${SYNTH_RUNS} sheets)`, () => {
  let bad = 0;
  let negatives = 0;
  let preserving = 0;
  fc.assert(
    fc.property(mutatedSynthArb, (m) => {
      const wb = { file: '生成.xlsx', sheets: [m.grid] };
      const report = checkWorkbooks([wb]);
      const problem = reportProblem(report, [wb]);
      if (problem) throw new Error(problem);

      // Totals are conserved: Σ of the lines = Σ of the readable amount cells of the line rows.
      const sum = report.lines.filter((l) => !l.src.prior).reduce((s, l) => s + l.amountFen, 0);
      expect(sum).toBe(m.lineTotalFen);

      // Every malformed cell is a DATA.BAD_AMOUNT at its cell, and nothing else is.
      const badCells = report.findings.filter((f) => f.rule === 'DATA.BAD_AMOUNT').map((f) => {
        expect(f.location.sheet).toBe(m.grid.name);
        return f.location.cell as string;
      });
      expect([...new Set(badCells)].sort()).toEqual(m.badCells);
      expect(badCells.length).toBe(m.badCells.length);

      // A negated amount ("－1,234.00", "−１２", "(12.00)") is read as a negative line, at its cell.
      const negCells = new Set(report.findings.filter((f) => f.rule === 'DATA.NEGATIVE_AMOUNT').map((f) => f.location.cell));
      for (const c of m.negativeCells) expect(negCells.has(c)).toBe(true);

      // Value-preserving mutations (look-alike text, hostile free text) leave every 合计/小计 tying.
      if (m.valuePreserving) {
        expect(m.lineTotalFen).toBe(m.cleanTotalFen);
        expect(report.findings.filter((f) => f.rule === 'DATA.TOTAL_MISMATCH')).toEqual([]);
        preserving++;
      }
      bad += m.badCells.length;
      negatives += m.negativeCells.length;
    }),
    { numRuns: 10 * SYNTH_RUNS },
  );
  // Not vacuous: each kind of case occurred many times.
  expect(bad).toBeGreaterThan(SYNTH_RUNS / 2);
  expect(negatives).toBeGreaterThan(SYNTH_RUNS / 10);
  expect(preserving).toBeGreaterThan(SYNTH_RUNS / 20);
});
