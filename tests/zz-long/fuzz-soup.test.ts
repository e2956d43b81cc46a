/**
 * Issue 7, "Fuzz the core": checkWorkbooks never throws, whatever the grids hold — error values,
 * dates (also invalid ones), booleans, huge and non-finite numbers, 10,000-character strings,
 * look-alike digits, ragged rows, merges out of range, overlapping or inverted, odd origins, sheet
 * names with quotes, prior workbooks of the same soup — and what it returns is well formed.
 */
import fc from 'fast-check';
import { checkWorkbooks } from '../../tests/hardening/../../src/core/check';
import { soupWorkbookArb } from '../../tests/hardening/../../src/testing/fuzz-grids';
import { reportProblem } from '../../tests/hardening/helpers';

export const SOUP_RUNS = 3000;

test(`cell soup: no exception escapes and every finding is well formed (${SOUP_RUNS} workbooks)`, () => {
  fc.assert(
    fc.property(soupWorkbookArb, fc.option(soupWorkbookArb, { nil: undefined }), (wb, prior) => {
      const report = checkWorkbooks([wb], prior ? { prior: [prior] } : {});
      const problem = reportProblem(report, prior ? [wb, prior] : [wb]);
      if (problem) throw new Error(problem);
    }),
    { numRuns: 10 * SOUP_RUNS },
  );
});

test('several soup workbooks in one run (consolidated rules over hostile inputs)', () => {
  fc.assert(
    fc.property(fc.array(soupWorkbookArb, { minLength: 2, maxLength: 4 }), (wbs) => {
      const named = wbs.map((w, i) => ({ ...w, file: `${i}-${w.file}` }));
      const report = checkWorkbooks(named, { unreadable: [{ file: 'x.xls', reason: '这是旧版 Excel（.xls）格式' }] });
      const problem = reportProblem(report, named, ['x.xls']);
      if (problem) throw new Error(problem);
      expect(report.findings.some((f) => f.rule === 'DATA.UNREADABLE_FILE' && f.location.file === 'x.xls')).toBe(true);
    }),
    { numRuns: 10 * 500 },
  );
});
