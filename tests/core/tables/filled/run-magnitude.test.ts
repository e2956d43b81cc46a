/**
 * 公开表 amounts share the check's exact range (money.ts MAX_RUN_FEN) with everything else it reads:
 * a cell that would take the absolute total past 2⁵³ − 1 分 is DATA.BAD_AMOUNT and not summed, so a
 * 类 row is never compared with an inexact sum of its 款 rows.
 */
import { checkWorkbooks } from '../../../../src/core/check';
import { checkFilledTables } from '../../../../src/core/tables/filled';
import { SheetBuilder, codeTable, workbook } from '../../../fixtures/filled/build';
import { flat } from '../../../fixtures/filled/edit';
import { reportProblem } from '../../../hardening/helpers';

const NEAR_LIMIT = 90_000_000_000_000; // 9×10¹³ 元, the most one cell may hold (SPEC §2.1)

function table(file: string, classTotal: number, parts: [number, number]) {
  const b = new SheetBuilder();
  codeTable(b, {
    title: '一般公共预算支出表', department: '某局', amountUnit: 'yuan', captions: ['合计'], codeKind: 'function', split: false,
    rows: [['201', '一般公共服务支出', classTotal], ['20101', '人大事务', parts[0]], ['20103', '政府办公厅（室）及相关机构事务', parts[1]]],
    total: [classTotal],
  });
  return workbook(file, [b.grid('表5')]);
}

test('a 款 row past the range is DATA.BAD_AMOUNT with the reason, and its 类 row is not compared with an inexact sum', () => {
  const wb = table('t.xlsx', NEAR_LIMIT, [NEAR_LIMIT, NEAR_LIMIT]);
  const { findings } = checkFilledTables(wb);
  const bad = findings.filter((f) => f.rule === 'DATA.BAD_AMOUNT');
  // 类 (C4) is read first; the first 款 (C5), the second (C6) and the 合计 (C7) would each pass 2⁵³ − 1 分.
  expect(flat(bad)).toEqual([['DATA.BAD_AMOUNT', '表5', 'C5'], ['DATA.BAD_AMOUNT', '表5', 'C6'], ['DATA.BAD_AMOUNT', '表5', 'C7']]);
  expect(bad[0].message).toMatch(/无法识别（本次审核读入的金额（按绝对值）累计超过 90,071,992,547,409\.91 元，超出精确到分的计算范围）/);
  const report = checkWorkbooks([wb]);
  expect(reportProblem(report, [wb])).toBeNull();
});

test('within the range a 类 row of two near-limit halves is checked to the 分', () => {
  const wb = table('t.xlsx', NEAR_LIMIT / 4 + 1, [NEAR_LIMIT / 8, NEAR_LIMIT / 8]);
  const f = checkFilledTables(wb).findings;
  expect(f.filter((x) => x.rule === 'DATA.BAD_AMOUNT')).toEqual([]);
  expect(flat(f, ['TABLES.HIERARCHY_SUM'])).toEqual([['TABLES.HIERARCHY_SUM', '表5', 'C4']]);
});

test('a prior year’s 公开表 shares the range with this year’s', () => {
  const current = table('今年.xlsx', NEAR_LIMIT / 2, [NEAR_LIMIT / 4, NEAR_LIMIT / 4]);
  const prior = table('上年.xlsx', NEAR_LIMIT / 2, [NEAR_LIMIT / 4, NEAR_LIMIT / 4]);
  const report = checkWorkbooks([current], { prior: [prior] });
  expect(reportProblem(report, [current, prior])).toBeNull();
  // The prior tables are read first: this year's last cells are the ones past the range.
  const past = report.findings.filter((f) => f.rule === 'DATA.BAD_AMOUNT');
  expect(past.length).toBeGreaterThan(0);
  expect(past.every((f) => f.location.file === '今年.xlsx')).toBe(true);
});
