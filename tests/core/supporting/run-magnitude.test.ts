/**
 * The supporting sheets' amounts (三保需求, 债券付息, 预算执行) join the check's exact range after the
 * budget lines: the amount that would pass 2⁵³ − 1 分 is DATA.BAD_AMOUNT and is not used, so no
 * SANBAO or DEBT figure is an inexact sum.
 */
import fc from 'fast-check';
import { checkWorkbooks } from '../../../src/core/check';
import type { Finding } from '../../../src/core/findings';
import { computeFigures, figuresJson, reportFigures } from '../../../src/core/figures';
import { readExecution } from '../../../src/core/supporting/readers';
import { supportingAmountsInRange } from '../../../src/core/supporting/amounts-range';
import { MagnitudeAccount, MAX_RUN_FEN } from '../../../src/core/money';
import { emptyAux } from '../../../src/core/context';
import { grid } from '../reader/helpers';

const NEAR_LIMIT = 90_000_000_000_000; // 9×10¹³ 元, the largest amount SPEC §2.1 allows in one cell
const magnitude = (fs: Finding[]) => fs.filter((f) => /超出精确到分的计算范围/.test(f.message));
const everyFigureExact = (fs: Finding[]) =>
  fs.every((f) => Object.values(f.figures ?? {}).every((v) => v === undefined || !Number.isInteger(v) || Number.isSafeInteger(v)));

const detail = grid('明细', [
  ['单位：元'],
  ['单位名称', '支出类型', '功能分类科目', '经济分类科目', '金额'],
  ['甲局', '人员经费', '2010101', '30101', 100],
  ['乙局', '人员经费', '2010101', '30101', 100],
]);

test('三保需求 and 债券付息: the amount that would pass the range is DATA.BAD_AMOUNT at its cell and not used', () => {
  const sanbao = grid('三保需求', [['单位', '三保类型', '需求数'], ['甲局', '保工资', NEAR_LIMIT], ['乙局', '保工资', NEAR_LIMIT], ['乙局', '保运转', 50]]);
  const bonds = grid('债券付息', [['债券名称', '应付利息'], ['2020年一般债券', NEAR_LIMIT], ['2021年专项债券', 30]]);
  const r = checkWorkbooks([{ file: 'a.xlsx', sheets: [detail, sanbao, bonds] }]);
  expect(magnitude(r.findings).map((f) => [f.rule, f.location.sheet, f.location.cell])).toEqual([
    ['DATA.BAD_AMOUNT', '三保需求', 'C3'],
    ['DATA.BAD_AMOUNT', '债券付息', 'B2'],
  ]);
  expect(magnitude(r.findings)[0].message).toBe(
    '单元格 C3 的金额“90,000,000,000,000.00 元”使本次审核读入的金额（按绝对值）累计超过 90,071,992,547,409.91 元，超出精确到分的计算范围，该金额未使用；请核对金额和单位（元/万元）',
  );
  // The need of 甲局 that fits is still weighed against its lines, to the 分.
  const short = r.findings.filter((f) => f.rule.startsWith('SANBAO.') && f.figures?.expectedFen === 9e15);
  expect(short.length).toBeGreaterThan(0);
  expect(everyFigureExact(r.findings)).toBe(true);
});

test('预算执行 in a check: a figure that would pass the range of the run is null, reported at its row, and the rest of the row is kept', () => {
  const sheet = grid('预算执行', [['项目', '年初预算数', '调整预算数', '本期累计', '上年同期'], ['一般公共预算收入', 100, NEAR_LIMIT, 100, 90]]);
  const rows = readExecution('a.xlsx', sheet).data!;
  const aux = { ...emptyAux(), execution: rows };
  const account = new MagnitudeAccount();
  expect(account.take(NEAR_LIMIT * 100)).toBe(true); // the run's budget lines, counted first
  const findings = supportingAmountsInRange(aux, account);
  expect(findings.map((f) => [f.rule, f.location.sheet, f.location.row, f.location.cell])).toEqual([['DATA.BAD_AMOUNT', '预算执行', 2, undefined]]);
  expect(findings[0].message).toBe('金额“90,000,000,000,000.00 元”使本次审核读入的金额（按绝对值）累计超过 90,071,992,547,409.91 元，超出精确到分的计算范围，该金额未使用；请核对金额和单位（元/万元）');
  expect(aux.execution!.map((x) => [x.initialFen, x.adjustedFen, x.actualFen, x.priorSameFen])).toEqual([[10_000, null, 10_000, 9_000]]);
  expect(() => computeFigures({ execution: aux.execution! })).not.toThrow();
});

test('预算执行 read alone (the figures command): the amounts of the sheet stay within the range, the one past it is blank with a note', () => {
  const sheet = grid('预算执行', [['项目', '年初预算数', '调整预算数', '本期累计', '上年同期'], ['一般公共预算收入', NEAR_LIMIT, NEAR_LIMIT, 100, 90]]);
  const r = reportFigures([{ file: 'a.xlsx', sheets: [sheet] }]);
  expect(r.execution!.rows.map((x) => [x.initialFen, x.adjustedFen, x.actualFen, x.priorSameFen])).toEqual([[9e15, null, 10_000, 9_000]]);
  expect(r.notes).toContain('预算执行!C2：金额“90000000000000”使本表读入的金额（按绝对值）累计超过 90,071,992,547,409.91 元，超出精确到分的计算范围，该数按空白处理');
  for (const f of Object.values(figuresJson(r).figures)) if (typeof f.value === 'number' && Number.isInteger(f.value)) expect(Number.isSafeInteger(f.value)).toBe(true);
});

test('property: with amounts anywhere up to 9×10¹³ 元 in the detail, 三保需求, 债券付息 and a 审核公式 over them, the check never throws and every figure in 分 is an exact integer', () => {
  const amount = fc.oneof(
    fc.integer({ min: -NEAR_LIMIT, max: NEAR_LIMIT }),
    fc.constantFrom(NEAR_LIMIT, -NEAR_LIMIT, NEAR_LIMIT / 2, 45_035_996_273_704, 0.01),
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
  );
  fc.assert(
    fc.property(fc.array(amount, { minLength: 1, maxLength: 4 }), fc.array(amount, { minLength: 1, maxLength: 4 }), fc.array(amount, { minLength: 1, maxLength: 3 }), (lines, needs, dues) => {
      const d = grid('明细', [
        ['单位：元'],
        ['单位名称', '支出类型', '功能分类科目', '经济分类科目', '金额'],
        ...lines.map((a, i) => [i % 2 ? '乙局' : '甲局', '人员经费', '2010101', '30101', a]),
      ]);
      const s = grid('三保需求', [['单位', '三保类型', '需求数'], ...needs.map((a, i) => [i % 2 ? '乙局' : '甲局', '保工资', a])]);
      const b = grid('债券付息', [['债券名称', '应付利息'], ...dues.map((a, i) => [`债券${i + 1}`, a])]);
      const formulas = [{ id: 'F1', formula: `SUM(三保需求!C2:C${needs.length + 1}) + SUM(债券付息!B2:B${dues.length + 1}) >= 本年()` }];
      const r = checkWorkbooks([{ file: 'a.xlsx', sheets: [d, s, b] }], { rules: { formulas } });
      for (const f of r.findings) {
        for (const [k, v] of Object.entries(f.figures ?? {})) if (k.endsWith('Fen') && v !== undefined) expect(Number.isSafeInteger(v)).toBe(true);
      }
      // The formula reads the cells as written (outside the account of the run): it is 无法计算 exactly
      // when a value it computes leaves the range, and otherwise judged.
      const fen = (a: number) => BigInt(Math.round(a * 100));
      const limit = BigInt(MAX_RUN_FEN);
      const abs = (x: bigint) => (x < 0n ? -x : x);
      const partials = (xs: number[]) => {
        let t = 0n, over = false;
        for (const x of xs) over ||= abs((t += fen(x))) > limit;
        return { t, over };
      };
      const n = partials(needs), u = partials(dues);
      // 本年(): the lines the run's account kept (in order, while the absolute total fits).
      let taken = 0n, year = 0n;
      for (const a of lines) if ((taken + abs(fen(a))) <= limit) (taken += abs(fen(a))), (year += fen(a));
      // Past the range: a partial sum, the left side, or the difference the finding would report (相差).
      const past = n.over || u.over || abs(n.t + u.t) > limit || abs(n.t + u.t - year) > limit;
      const custom = r.findings.filter((f) => f.rule.startsWith('CUSTOM.')).map((f) => f.rule);
      if (past) expect(custom).toEqual(['CUSTOM.INVALID']);
      else expect(custom.filter((c) => c === 'CUSTOM.INVALID')).toEqual([]);
    }),
    { numRuns: 300 },
  );
});
