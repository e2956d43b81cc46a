/**
 * The consolidated example (examples/规则示例-县级汇总.xlsx) triggers every rule family; this is its
 * exact list of findings, as [rule, severity, unit, sheet, cell]. Read through the core (grids) and
 * through the CLI (the committed .xlsx) alike.
 */
import * as path from 'path';
import { checkWorkbooks } from '../../../src/core/check';
import type { Finding } from '../../../src/core/findings';
import { rulesExampleWorkbook, RULES_EXAMPLE_FILE } from '../../../src/testing/rules-example';
import { cli } from '../../cli/run-cli';

type Row = [string, string, string, string, string];

const EXPECTED: Row[] = [
  ['ZBB.DROPPED_LINE', 'info', '县卫健委', '上年预算', 'L19'],
  ['DATA.BAD_AMOUNT', 'error', '县财政局', '上年预算', 'L23'], // on 县财政局's row: it carries that unit (issue 18 §4),
  ['DATA.MISSING_COLUMN', 'error', '', '补充明细', 'row 1'],
  ['DATA.UNIT_UNKNOWN', 'warning', '', '补充明细', 'row 1'],
  ['ADMIN_CUT.INSUFFICIENT', 'error', '县教育局', '预算明细', 'L4'],
  ['GENERAL_CUT.INSUFFICIENT', 'error', '县教育局', '预算明细', 'L4'],
  ['SANBAO.SHORTFALL', 'error', '县教育局', '预算明细', 'L4'],
  ['THREE_PUBLIC.OVER_LIMIT', 'error', '县教育局', '预算明细', 'L4'],
  ['THREE_PUBLIC.ITEM_INCREASE', 'warning', '县教育局', '预算明细', 'L4'],
  ['DATA.DUPLICATE_LINE', 'warning', '县教育局', '预算明细', 'L8'],
  ['ZBB.NEW_LINE', 'info', '县教育局', '预算明细', 'L8'],
  ['ZBB.UNDERPERFORMER_NOT_CUT', 'error', '县教育局', '预算明细', 'L10'],
  ['DATA.KIND_CODE_MISMATCH', 'error', '县第一中学', '预算明细', 'I13'],
  ['ZBB.NEW_LINE', 'info', '县第一中学', '预算明细', 'L13'],
  ['DATA.CODE_NAME_MISMATCH', 'warning', '县第一中学', '预算明细', 'I14'],
  ['ZBB.BASIS_MISSING', 'error', '县第一中学', '预算明细', 'R15'],
  ['ZBB.GOAL_MISSING', 'error', '县第一中学', '预算明细', 'S16'],
  ['ZBB.NOT_IN_LIBRARY', 'error', '县第一中学', '预算明细', 'E16'],
  ['ZBB.BASE_CARRYOVER', 'warning', '县第一中学', '预算明细', 'L16'],
  ['ADMIN_CUT.INSUFFICIENT', 'error', '县卫健委', '预算明细', 'L17'],
  ['GENERAL_CUT.INSUFFICIENT', 'error', '县卫健委', '预算明细', 'L17'],
  ['THREE_PUBLIC.OVER_LIMIT', 'error', '县卫健委', '预算明细', 'L17'],
  ['THREE_PUBLIC.ITEM_INCREASE', 'warning', '县卫健委', '预算明细', 'L17'],
  ['THREE_PUBLIC.VEHICLE_PURCHASE', 'error', '县卫健委', '预算明细', 'L20'],
  ['ZBB.NEW_LINE', 'info', '县卫健委', '预算明细', 'L20'],
  ['ZBB.NOT_IN_LIBRARY', 'error', '县卫健委', '预算明细', 'E21'],
  ['ZBB.UNDERPERFORMER_NOT_CUT', 'error', '县卫健委', '预算明细', 'L21'],
  ['ADMIN_CUT.INSUFFICIENT', 'error', '县财政局', '预算明细', 'L22'],
  ['GENERAL_CUT.INSUFFICIENT', 'error', '县财政局', '预算明细', 'L22'],
  ['DATA.UNKNOWN_CODE', 'error', '县财政局', '预算明细', 'G25'],
  ['ZBB.NEW_LINE', 'info', '县财政局', '预算明细', 'L25'],
  ['DATA.CODE_LEVEL', 'warning', '县财政局', '预算明细', 'I26'],
  ['ZBB.NEW_LINE', 'info', '县财政局', '预算明细', 'L26'],
  ['DATA.NEGATIVE_AMOUNT', 'warning', '县财政局', '预算明细', 'L27'],
  ['ZBB.NEW_LINE', 'info', '县财政局', '预算明细', 'L27'],
  ['ZBB.BASE_CARRYOVER', 'warning', '县财政局', '预算明细', 'L28'],
  ['ZBB.BASE_CARRYOVER', 'warning', '县财政局', '预算明细', 'L29'],
  ['DATA.TOTAL_MISMATCH', 'error', '', '预算明细', 'L30'],
  ['DEBT.INTEREST_SHORT', 'error', '', '', ''],
  ['PPP.OVER_CAP', 'error', '', '', ''],
  ['PRIORITY.DECREASED', 'error', '', '', ''],
  ['LIVELIHOOD.SHARE_LOW', 'warning', '', '', ''],
  // No 绩效目标 sheet in this example: the indicators are reported unchecked, never passed.
  ['PERF.NOT_CHECKED', 'info', '', '', ''],
];

function flat(findings: Finding[]): Row[] {
  return findings.map((f) => [f.rule, f.severity, f.unit?.name ?? '', f.location.sheet ?? '', f.location.cell ?? (f.location.row ? `row ${f.location.row}` : '')]);
}

describe('the consolidated rules example', () => {
  const report = checkWorkbooks([rulesExampleWorkbook()]);

  test('reports exactly the expected findings, every family at least once', () => {
    expect(flat(report.findings)).toEqual(EXPECTED);
    const families = new Set(report.findings.map((f) => f.rule.split('.')[0]));
    expect([...families].sort()).toEqual(['ADMIN_CUT', 'DATA', 'DEBT', 'GENERAL_CUT', 'LIVELIHOOD', 'PERF', 'PPP', 'PRIORITY', 'SANBAO', 'THREE_PUBLIC', 'ZBB']);
  });

  test('figures are exact 分 and messages give the expected sentences', () => {
    const gc = report.findings.find((f) => f.rule === 'GENERAL_CUT.INSUFFICIENT' && f.unit?.name === '县教育局')!;
    expect(gc.figures).toEqual({ actualFen: 69000000, priorFen: 57500000, limitFen: 54625000, excessFen: 14375000 });
    const ppp = report.findings.find((f) => f.rule === 'PPP.OVER_CAP')!;
    expect(ppp.figures).toMatchObject({ actualFen: 300000000, limitFen: 156400000 });
    expect(report.findings.find((f) => f.rule === 'DATA.TOTAL_MISMATCH')!.message).toBe('“合计”行 L30 为 15,640,100.00 元，全表明细合计为 15,640,000.00 元，相差 100.00 元');
  });

  test('the 审核说明 sheet marks its finding explained; it stays an error', () => {
    const v = report.findings.find((f) => f.rule === 'THREE_PUBLIC.VEHICLE_PURCHASE')!;
    expect(v).toMatchObject({ explained: true, severity: 'error', explanation: '公务用车更新已报县政府常务会议研究，批文待印发' });
    expect(report.summary.explained).toBe(1);
  });

  test('the 规则设置 sheet changes outcomes: without it, ADMIN_CUT is off', () => {
    const wb = rulesExampleWorkbook();
    const without = checkWorkbooks([{ ...wb, sheets: wb.sheets.filter((s) => s.name !== '规则设置') }]);
    expect(without.findings.filter((f) => f.rule === 'ADMIN_CUT.INSUFFICIENT')).toEqual([]);
  });

  test('a rules file changes outcomes and wins over the 规则设置 sheet', () => {
    const r = checkWorkbooks([rulesExampleWorkbook()], { rules: { generalCut: { rate: 0 }, adminCut: { enabled: false }, ppp: { maxShare: 0.2 } } });
    const units = r.findings.filter((f) => f.rule === 'GENERAL_CUT.INSUFFICIENT').map((f) => f.unit?.name);
    expect(units).toEqual(['县教育局', '县卫健委']); // 县财政局 cut 1.2%: enough when the rate is 0
    expect(r.findings.some((f) => f.rule === 'ADMIN_CUT.INSUFFICIENT')).toBe(false);
    expect(r.findings.some((f) => f.rule === 'PPP.OVER_CAP')).toBe(false); // 19.2% < 20%
  });

  test('`budget-review check` on the committed workbook reports the same findings, exit 1', async () => {
    const file = path.join(__dirname, '../../../examples', RULES_EXAMPLE_FILE);
    const run = await cli('check', file, '--json');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { findings: Finding[] };
    expect(flat(json.findings)).toEqual(EXPECTED);
  });
});
