/**
 * The check's exact range (money.ts MAX_RUN_FEN): the amounts one check reads count, in absolute
 * value, towards 2⁵³ − 1 分, so that every sum and difference of them is an exact integer. The amount
 * that would pass it is DATA.BAD_AMOUNT at its cell and is not used.
 */
import fc from 'fast-check';
import { checkWorkbooks } from '../../../src/core/check';
import type { Cell, Grid } from '../../../src/core/grid';
import { MAX_RUN_FEN } from '../../../src/core/money';
import { generateTables } from '../../../src/core/tables';
import { performanceExampleWorkbook } from '../../../src/testing/performance-example';
import { reportProblem } from '../../hardening/helpers';
import { check, flat, grid } from './helpers';

const HEADER = ['单位名称', '支出类型', '功能分类科目', '经济分类科目', '金额', '上年预算数'];
const NEAR_LIMIT = 90_000_000_000_000; // 9×10¹³ 元, the largest amount SPEC §2.1 allows in one cell

function detail(name: string, rows: Array<[amount: Cell, prior?: Cell]>, total?: Cell): Grid {
  const cells: Cell[][] = [['单位：元'], HEADER];
  for (const [amount, prior] of rows) cells.push(['甲局', '人员经费', '2010101', '30101', amount, prior ?? null]);
  if (total !== undefined) cells.push(['合计', null, null, null, total, null]);
  return grid(name, cells);
}

const magnitudeFindings = (r: ReturnType<typeof check>) => r.findings.filter((f) => /超出精确到分的计算范围/.test(f.message));

test('the amount that would pass 2⁵³ − 1 分 is DATA.BAD_AMOUNT at its cell; amounts after it that fit are still read', () => {
  const g = detail('明细', [[NEAR_LIMIT], [NEAR_LIMIT], [100], [-NEAR_LIMIT]]);
  const r = check([g]);
  expect(flat(magnitudeFindings(r))).toEqual([
    ['DATA.BAD_AMOUNT', 'E4', 'error'],
    ['DATA.BAD_AMOUNT', 'E6', 'error'],
  ]);
  expect(magnitudeFindings(r)[0].message).toBe(
    '单元格 E4 的金额“90000000000000”使本次审核读入的金额（按绝对值）累计超过 90,071,992,547,409.91 元，超出精确到分的计算范围，该金额未使用；请核对金额和单位（元/万元）',
  );
  // The first 9×10¹³ 元 and the 100 元 after the rejected one: 9×10¹⁵ + 10,000 分 fits.
  expect(r.lines.map((l) => l.amountFen)).toEqual([9e15, 10_000]);
  expect(reportProblem(r, [{ file: 'a.xlsx', sheets: [g] }])).toBeNull();
});

test('a 合计 row counts too: its difference from the lines stays exact, and is reported to the 分', () => {
  const r = check([detail('明细', [[NEAR_LIMIT / 2], [NEAR_LIMIT / 4]], NEAR_LIMIT / 4)]);
  expect(magnitudeFindings(r)).toEqual([]);
  const total = r.findings.find((f) => f.rule === 'DATA.TOTAL_MISMATCH')!;
  expect(total.figures).toEqual({ actualFen: 2.25e15, expectedFen: 6.75e15 });
  // Past the range the 合计 itself is not used, so nothing inexact is compared.
  const over = check([detail('明细', [[NEAR_LIMIT], [-1]], NEAR_LIMIT)]);
  expect(flat(magnitudeFindings(over))).toEqual([['DATA.BAD_AMOUNT', 'E5', 'error']]);
  expect(over.findings.filter((f) => f.rule === 'DATA.TOTAL_MISMATCH')).toEqual([]);
});

test('the range is one per check: prior-year columns, other sheets and --prior workbooks share it', () => {
  const cols = check([detail('明细', [[NEAR_LIMIT, NEAR_LIMIT]])]);
  expect(flat(magnitudeFindings(cols))).toEqual([['DATA.BAD_AMOUNT', 'F3', 'error']]);
  const prior = checkWorkbooks([{ file: 'a.xlsx', sheets: [detail('明细', [[NEAR_LIMIT]])] }], { prior: [{ file: '上年.xlsx', sheets: [detail('明细', [[NEAR_LIMIT]])] }] });
  expect(prior.findings.filter((f) => /超出精确到分的计算范围/.test(f.message)).map((f) => [f.location.file, f.location.cell])).toEqual([['上年.xlsx', 'E3']]);
});

/** The example with its first goal's 年度资金总额 and the detail sheet's first amount replaced. */
function exampleWith(detailAmount: number, goalTotal: number) {
  const wb = performanceExampleWorkbook();
  const first = checkWorkbooks([wb]).performance!.find((g) => g.totalLocation?.cell)!;
  const at = first.totalLocation!;
  const row = at.row! - 1;
  const col = (at.cell as string).charCodeAt(0) - 65;
  const sheets = wb.sheets.map((g) => ({ ...g, cells: g.cells.map((r) => [...r]) }));
  const target = sheets.find((g) => g.name === at.sheet)!;
  target.cells[row][col] = goalTotal;
  // The detail sheet's first amount (column I of row 4) takes most of the range.
  sheets[0].cells[3][8] = detailAmount;
  return { wb: { file: wb.file, sheets }, at, projectCode: first.projectCode };
}

test('a goal’s 年度资金总额 joins the range after the lines: past it, the figure is not used and no false FUNDS_MISMATCH is made', () => {
  // The block sheet is in 万元: 9×10⁹ 万元 is 9×10¹⁵ 分, as much as the detail amount.
  const { wb, at, projectCode } = exampleWith(NEAR_LIMIT, NEAR_LIMIT / 10_000);
  const r = checkWorkbooks([wb]);
  expect(reportProblem(r, [wb])).toBeNull();
  expect(r.findings.filter((f) => /超出精确到分的计算范围/.test(f.message)).map((f) => [f.rule, f.location.sheet, f.location.cell])).toEqual([['DATA.BAD_AMOUNT', at.sheet, at.cell]]);
  const goal = r.performance!.find((g) => g.projectCode === projectCode)!;
  expect(goal.totalFen).toBeNull();
  expect(r.findings.filter((f) => f.rule === 'PERF.FUNDS_MISMATCH' && f.location.cell === at.cell)).toEqual([]);
  expect(() => generateTables(r.lines, { performance: r.performance })).not.toThrow();
});

const amountArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom(NEAR_LIMIT, -NEAR_LIMIT, NEAR_LIMIT / 3, 0.01, 0, null, `${NEAR_LIMIT}`),
  fc.integer({ min: -NEAR_LIMIT, max: NEAR_LIMIT }),
);

test('property: whatever amounts a sheet holds, every figure is an integer 分, the lines fit the range and the tables are made', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(amountArb, amountArb), { maxLength: 12 }), fc.option(amountArb, { nil: undefined }), (rows, total) => {
      const g = detail('明细', rows, total);
      const r = check([g]);
      const problem = reportProblem(r, [{ file: 'a.xlsx', sheets: [g] }]);
      if (problem) throw new Error(problem);
      let used = 0;
      for (const l of r.lines) used += Math.abs(l.amountFen) + Math.abs(l.priorFen ?? 0);
      expect(used).toBeLessThanOrEqual(MAX_RUN_FEN);
      expect(() => generateTables(r.lines)).not.toThrow();
    }),
    { numRuns: 300 },
  );
});
