/**
 * Issue 7, "Fuzz the core", over sheets with a real header: random synonyms from the header
 * vocabulary (src/core/reader/fields.ts), random column order, unit suffixes, spaces and brackets in
 * headers, random title lines above, long or wide layouts, merged unit cells, blank rows, 合计/小计
 * rows, amounts written every way (numbers, numbers stored as text, "1,234.56", full-width digits,
 * the Chinese minus, "(123.00)") and planted malformed amounts (error values, #NO_CACHE, dates,
 * booleans, huge numbers, 10,000-character strings).
 */
import fc from 'fast-check';
import { a1 } from '../../tests/hardening/../../src/core/address';
import { checkWorkbooks } from '../../tests/hardening/../../src/core/check';
import { findHeader } from '../../tests/hardening/../../src/core/reader/header';
import { headerGridArb } from '../../tests/hardening/../../src/testing/fuzz-grids';
import { reportProblem } from '../../tests/hardening/helpers';

export const HEADER_RUNS = 3000;

test(`the header is found, nothing throws, and every planted malformed amount is DATA.BAD_AMOUNT at its cell (${HEADER_RUNS} sheets)`, () => {
  let planted = 0;
  fc.assert(
    fc.property(headerGridArb, (c) => {
      const grid = c.workbook.sheets[0];
      const layout = findHeader(grid);
      expect(layout?.headerBottom).toBe(c.headerRow);
      const report = checkWorkbooks([c.workbook]);
      const problem = reportProblem(report, [c.workbook]);
      if (problem) throw new Error(problem);
      const bad = new Set(report.findings.filter((f) => f.rule === 'DATA.BAD_AMOUNT' && f.location.sheet === grid.name).map((f) => f.location.cell));
      for (const p of c.planted) {
        const cell = a1(p.row + 1, p.col + 1);
        if (!bad.has(cell)) throw new Error(`no DATA.BAD_AMOUNT at ${cell} (${JSON.stringify(grid.cells[p.row][p.col]).slice(0, 60)})`);
      }
      planted += c.planted.length;
      // Lines come only from rows below the header.
      for (const l of report.lines) expect(l.row).toBeGreaterThan(c.headerRow + 1);
    }),
    { numRuns: 10 * HEADER_RUNS },
  );
  // The property is not vacuous: thousands of malformed cells were planted and found.
  expect(planted).toBeGreaterThan(HEADER_RUNS);
});
