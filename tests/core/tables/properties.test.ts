/**
 * Property tests over random line sets: every table's totals equal the sums of the lines to the cent,
 * parents equal the sum of their children, 合计 = 基本 + 项目 and 人员 + 公用, 小计 = 购置 + 运行.
 */
import fc from 'fast-check';
import type { BudgetLine, LineKind } from '../../../src/core/lines';
import { type StandardTable, type TableRow, fenOf, generateTables } from '../../../src/core/tables';
import { budgetLine } from '../../fixtures/example-b-lines';
import { byId } from './helpers';

const FUNCTION_CODES = ['2010101', '2010199', '2013802', '2050203', '2050205', '2070101', '2080505', '2080506', '2120803', '2210201', '2299999'];
const ODD_FUNCTION_CODES = ['20701', '208', '', 'abc', '201010101'];
const ECONOMIC_CODES = ['30101', '30108', '30201', '30212', '30217', '30231', '30302', '31002', '31013', '39999'];
const FUNDS = ['一般公共预算拨款', '政府性基金预算拨款', '国有资本经营预算拨款', '财政专户管理资金', '事业收入', '事业单位经营收入', '上级补助收入', '附属单位上缴收入', '其他收入', '上年结转'];
const UNITS = [
  { unitCode: '001', unitName: '某局本级', unitKind: '行政单位' },
  { unitCode: '002', unitName: '某中心', unitKind: '事业单位' },
  { unitCode: '003', unitName: '某执法大队', unitKind: '参照公务员法管理事业单位' },
];

const lineArb = (codes: string[]) =>
  fc
    .record({
      unit: fc.constantFrom(...UNITS),
      kind: fc.constantFrom<LineKind>('personnel', 'public', 'project'),
      functionCode: fc.constantFrom(...codes),
      economicCode: fc.constantFrom(...ECONOMIC_CODES),
      fundSource: fc.constantFrom(...FUNDS),
      amountFen: fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 1e13 }), fc.constant(0)),
      priorFen: fc.option(fc.integer({ min: 0, max: 1e12 }), { nil: null }),
      project: fc.integer({ min: 1, max: 4 }),
    })
    .map((r) =>
      budgetLine({
        ...r.unit,
        kind: r.kind,
        functionCode: r.functionCode,
        economicCode: r.economicCode,
        fundSource: r.fundSource,
        amountFen: r.amountFen,
        priorFen: r.priorFen,
        projectCode: r.kind === 'project' ? `P${r.project}` : '',
        projectName: r.kind === 'project' ? `项目${r.project}` : '',
        perfGoal: r.project % 2 ? '目标' : '',
      }),
    );

const sum = (lines: readonly BudgetLine[], f: (l: BudgetLine) => boolean = () => true) => lines.filter(f).reduce((s, l) => s + l.amountFen, 0);
const isGp = (l: BudgetLine) => l.fundSource === '一般公共预算拨款';
const basic = (l: BudgetLine) => l.kind !== 'project';
const totalRow = (t: StandardTable): TableRow => {
  const rows = t.rows.filter((r) => r.isTotal);
  return rows[rows.length - 1];
};

/** Each 类 row = Σ its 款 rows and each 款 = Σ its 项 rows, in every money column (when it has children). */
function checkHierarchy(t: StandardTable): void {
  const money = t.columns.filter((c) => c.kind === 'money').map((c) => c.key);
  const coded = t.rows.filter((r) => r.level > 0 && r.code !== '');
  for (const parent of coded) {
    const children = coded.filter((r) => r.level === parent.level + 1 && r.code.startsWith(parent.code));
    if (children.length === 0) continue;
    for (const k of money) expect(fenOf(t, parent, k)).toBe(children.reduce((s, c) => s + fenOf(t, c, k), 0));
  }
  // 合计 = Σ 类 rows
  const classes = t.rows.filter((r) => r.level === 1);
  for (const k of money) expect(fenOf(t, totalRow(t), k)).toBe(classes.reduce((s, c) => s + fenOf(t, c, k), 0));
}

function checkTables(lines: BudgetLine[], style: 'national' | 'shanghai', nonZeroOnly: boolean, hierarchy: boolean): void {
  const tables = generateTables(lines, { style, nonZeroOnly, year: 2026, tables: undefined });
  const all = [...generateTables(lines, { style, nonZeroOnly, tables: ['projectPerformance'] }), ...tables];
  const total = sum(lines);

  // 收支总表: 收入总计 = 支出总计 = Σ lines; Σ 类 rows = 支出总计.
  const t1 = byId(tables, 'summary');
  const t1Total = totalRow(t1);
  expect(fenOf(t1, t1Total, 'income')).toBe(total);
  expect(fenOf(t1, t1Total, 'expense')).toBe(total);
  expect(t1.rows.filter((r) => !r.isTotal).reduce((s, r) => s + fenOf(t1, r, 'expense'), 0)).toBe(total);

  // 收入总表: 合计 column = Σ sources per row; 合计 row = Σ lines.
  const t2 = byId(tables, 'income');
  const sources = t2.columns.filter((c) => c.kind === 'money' && c.key !== 'total').map((c) => c.key);
  for (const r of t2.rows) expect(fenOf(t2, r, 'total')).toBe(sources.reduce((s, k) => s + fenOf(t2, r, k), 0));
  expect(fenOf(t2, totalRow(t2), 'total')).toBe(total);
  expect(fenOf(t2, totalRow(t2), style === 'national' ? 'gp' : 'fiscal')).toBe(
    sum(lines, (l) => (style === 'national' ? isGp(l) : ['一般公共预算拨款', '政府性基金预算拨款', '国有资本经营预算拨款'].includes(l.fundSource))),
  );

  // 支出 tables: 合计 = 基本 + 项目 per row; totals = Σ lines of their fund.
  const scopes: Array<[StandardTable['id'], (l: BudgetLine) => boolean]> = [
    ['expenditure', () => true],
    ['generalPublic', isGp],
    ['govFund', (l) => l.fundSource === '政府性基金预算拨款'],
    ['stateCapital', (l) => l.fundSource === '国有资本经营预算拨款'],
  ];
  for (const [id, inScope] of scopes) {
    const t = byId(tables, id);
    for (const r of t.rows) expect(fenOf(t, r, 'total')).toBe(fenOf(t, r, 'basic') + fenOf(t, r, 'project'));
    const tr = totalRow(t);
    expect(fenOf(t, tr, 'total')).toBe(sum(lines, inScope));
    expect(fenOf(t, tr, 'basic')).toBe(sum(lines, (l) => inScope(l) && basic(l)));
    if (hierarchy) checkHierarchy(t);
    if (t.empty && (id === 'govFund' || id === 'stateCapital')) expect(t.notes[0]).toMatch(/故本表为空表。$/);
  }
  const t5 = byId(tables, 'generalPublic');
  if (style === 'national') {
    for (const r of t5.rows) expect(fenOf(t5, r, 'basic')).toBe(fenOf(t5, r, 'personnel') + fenOf(t5, r, 'public'));
  }

  // 财政拨款收支总表: 支出总计 = 一般公共预算 + 政府性基金 + 国有资本经营 tables; per row 合计 = Σ funds.
  const t4 = byId(tables, 'fiscalSummary');
  for (const r of t4.rows) expect(fenOf(t4, r, 'total')).toBe(fenOf(t4, r, 'gp') + fenOf(t4, r, 'gf') + fenOf(t4, r, 'sc'));
  const fiscalTotal = ['generalPublic', 'govFund', 'stateCapital'].reduce((s, id) => s + fenOf(byId(tables, id as StandardTable['id']), totalRow(byId(tables, id as StandardTable['id'])), 'total'), 0);
  expect(fenOf(t4, totalRow(t4), 'total')).toBe(fiscalTotal);
  expect(fenOf(t4, totalRow(t4), 'income')).toBe(fiscalTotal);

  // 基本支出表: 合计 = 人员 + 公用; = 支出表 基本支出 of 一般公共预算.
  const t8 = byId(tables, 'generalPublicBasic');
  for (const r of t8.rows) expect(fenOf(t8, r, 'total')).toBe(fenOf(t8, r, 'personnel') + fenOf(t8, r, 'public'));
  expect(fenOf(t8, totalRow(t8), 'personnel')).toBe(sum(lines, (l) => isGp(l) && l.kind === 'personnel'));
  expect(fenOf(t8, totalRow(t8), 'total')).toBe(fenOf(t5, totalRow(t5), 'basic'));
  checkHierarchy(t8);

  // “三公”: 合计 = 出国 + 接待 + 车小计; 小计 = 购置 + 运行; items = Σ 一般公共预算 lines of their codes.
  const t9 = byId(tables, 'threePublic');
  const current = t9.rows[0];
  const item = (code: string) => sum(lines, (l) => isGp(l) && l.economicCode === code);
  expect(fenOf(t9, current, 'vehicle')).toBe(fenOf(t9, current, 'purchase') + fenOf(t9, current, 'running'));
  expect(fenOf(t9, current, 'total')).toBe(fenOf(t9, current, 'abroad') + fenOf(t9, current, 'reception') + fenOf(t9, current, 'vehicle'));
  expect([fenOf(t9, current, 'abroad'), fenOf(t9, current, 'reception'), fenOf(t9, current, 'purchase'), fenOf(t9, current, 'running')]).toEqual(
    ['30212', '30217', '31013', '30231'].map(item),
  );
  if (style === 'national' && lines.some((l) => isGp(l) && l.priorFen !== null)) {
    const priorSum = sum(lines.filter((l) => isGp(l) && ['30212', '30217', '31013', '30231'].includes(l.economicCode)).map((l) => ({ ...l, amountFen: l.priorFen ?? 0 })));
    expect(fenOf(t9, current, 'prior_total')).toBe(priorSum);
    expect(fenOf(t9, current, 'prior_vehicle')).toBe(fenOf(t9, current, 'prior_purchase') + fenOf(t9, current, 'prior_running'));
    expect(fenOf(t9, current, 'change')).toBe(fenOf(t9, current, 'total') - priorSum);
  }

  // 绩效目标表: 合计 = Σ project lines; 财政拨款 + 其他 = 合计.
  const t10 = byId(all, 'projectPerformance');
  for (const r of t10.rows) expect(fenOf(t10, r, 'total')).toBe(fenOf(t10, r, 'fiscal') + fenOf(t10, r, 'other'));
  expect(fenOf(t10, totalRow(t10), 'total')).toBe(sum(lines, (l) => l.kind === 'project'));

  // Every money cell is an exact integer of 分.
  for (const t of all) for (const r of t.rows) for (const c of r.cells) if (typeof c === 'number') expect(Number.isSafeInteger(c)).toBe(true);
}

describe('table totals tie to the lines', () => {
  for (const style of ['national', 'shanghai'] as const) {
    for (const nonZeroOnly of [true, false]) {
      test(`${style}, nonZeroOnly=${nonZeroOnly}: totals, rows and hierarchy`, () => {
        fc.assert(
          fc.property(fc.array(lineArb(FUNCTION_CODES), { maxLength: 60 }), (lines) => checkTables(lines, style, nonZeroOnly, true)),
          { numRuns: 80 },
        );
      });
    }
    test(`${style}: codes that are not 项 (5/3 digits, blank, junk) still tie to the lines`, () => {
      fc.assert(
        fc.property(fc.array(lineArb([...FUNCTION_CODES, ...ODD_FUNCTION_CODES]), { maxLength: 40 }), (lines) => checkTables(lines, style, true, false)),
        { numRuns: 100 },
      );
    });
  }

  test('a unit subset is the consolidated table of those units only', () => {
    fc.assert(
      fc.property(fc.array(lineArb(FUNCTION_CODES), { minLength: 1, maxLength: 40 }), (lines) => {
        const [t3] = generateTables(lines, { units: ['001', '003'], tables: ['expenditure'] });
        expect(fenOf(t3, totalRow(t3), 'total')).toBe(sum(lines, (l) => l.unitCode === '001' || l.unitCode === '003'));
      }),
      { numRuns: 100 },
    );
  });
});
