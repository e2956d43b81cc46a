/**
 * The readings of issue 13 on real layouts: blank templates, title variants, tables recognised by
 * name only, short 款 codes, 空表 notes over figures, 小计 then 合计, 决算 tables and a 公开表 given
 * as --prior. Where the figures are not from a published table the test says so ("illustrative").
 */
import type { Cell } from '../../../../src/core/grid';
import { checkWorkbooks } from '../../../../src/core/check';
import { checkFilledTables, matchTitle, readFilledTables } from '../../../../src/core/tables/filled';
import { workbook } from '../../../fixtures/filled/build';
import { exampleBNational, exampleBShanghai } from '../../../fixtures/filled/example-b';
import { flat, withCell } from '../../../fixtures/filled/edit';
import * as path from 'path';
import { readXlsx } from '../../../../src/cli/file-source';

function sheetOf(name: string, rows: Cell[][]) {
  return { name, cells: rows, merges: [] };
}

describe('title variants (tables of contents of published sets)', () => {
  test.each([
    // 江苏省级部门预算 (the 省委办公厅 set)
    ['2019年收支预算总表', 'summary', 'budget'],
    ['2019年收入预算表', 'income', 'budget'],
    ['2019年支出预算表', 'expense', 'budget'],
    ['2019年财政拨款收支预算表', 'fiscalSummary', 'budget'],
    ['2019年财政拨款政府性基金支出预算表', 'govFund', 'budget'],
    ['2019年“三公”经费、会议费、培训费支出预算表', 'threePublic', 'budget'],
    // 防城港 2018, 桂林 2015, 南通 2016, 江北 2021
    ['部门预算资金安排的“三公”经费情况表', 'threePublic', 'budget'],
    ['五、政府性基金预算拨款支出预算表', 'govFund', 'budget'],
    ['2015年桂林市司法局部门“三公”经费情况统计表', 'threePublic', 'budget'],
    ['2016年市国资委财政拨款“三公”经费预算表', 'threePublic', 'budget'],
    ['2021年区本级“三公”经费预算支出表', 'threePublic', 'budget'],
    // 部门决算: G4 template, 柞水 2020, 曾都 2021, 耿马 2022, 施甸 2016
    ['一、收入支出决算总表', 'summary', 'final'],
    ['二、收入决算表', 'income', 'final'],
    ['三、支出决算表', 'expense', 'final'],
    ['四、财政拨款收入支出决算总表', 'fiscalSummary', 'final'],
    ['表5：一般公共预算财政拨款支出决算表', 'generalExpense', 'final'],
    ['六、一般公共预算财政拨款基本支出决算表', 'generalBasic', 'final'],
    ['七、一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表', 'threePublic', 'final'],
    ['表 7:一般公共预算财政拨款“三公”经费支出决算表', 'threePublic', 'final'],
    ['八、政府性基金预算财政拨款收入支出决算表', 'govFund', 'final'],
    ['九、国有资本经营预算财政拨款支出决算表', 'stateCapital', 'final'],
    ['施甸县2016年“三公”经费决算情况统计表', 'threePublic', 'final'],
  ])('%s', (title, kind, stage) => {
    expect(matchTitle(title)).toMatchObject({ kind, stage });
  });

  test('an empty 财政拨款政府性基金支出预算表 with no statement is TABLES.EMPTY_UNEXPLAINED', () => {
    const wb = workbook('t.xlsx', [sheetOf('s', [
      ['2019年财政拨款政府性基金支出预算表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['', '合计', null, null, null],
    ])]);
    expect(flat(checkFilledTables(wb).findings, ['TABLES.EMPTY_UNEXPLAINED'])).toEqual([['TABLES.EMPTY_UNEXPLAINED', 's', 'A1']]);
  });
});

describe('blank templates', () => {
  test('the 普陀 layout with its amount columns still empty gives no DATA.BAD_AMOUNT: labels are never amounts', () => {
    const wb = exampleBShanghai();
    const blank = { ...wb, sheets: wb.sheets.map((g) => ({ ...g, cells: g.cells.map((r) => r.map((v) => (typeof v === 'number' ? null : v))) })) };
    const { findings, tables } = checkFilledTables(blank);
    expect(tables).toHaveLength(9);
    expect(tables.every((t) => t.empty && t.problem === null)).toBe(true);
    expect(findings.filter((f) => f.rule === 'DATA.BAD_AMOUNT')).toEqual([]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    // The header still ends where the filled table's does.
    const summary = tables.find((t) => t.kind === 'summary')!;
    expect(summary.blocks.map((b) => b.side)).toEqual(['income', 'expense']);
    expect(summary.blocks[0].rows.map((r) => r.label)).toContain('收入总计');
  });
});

describe('a table the tool does not understand is TABLES.NOT_CHECKED, never a pass', () => {
  const yearByItem = () => workbook('收支预算总表.csv', [sheetOf('收支预算总表', [
    ['年份', '收入', '支出'],
    ['2023', '100', '90'],
    ['2024', '110', '100'],
  ])]);

  test('a year × item CSV named 收支预算总表.csv', () => {
    const { findings, tables } = checkFilledTables(yearByItem());
    expect(tables[0].problem).toContain('未识别出收入、支出两栏');
    expect(findings.map((f) => [f.rule, f.severity])).toContainEqual(['TABLES.NOT_CHECKED', 'info']);
    // Nothing was checked: the run is as unrecognised as under another name (the CLI's exit 2).
    expect(checkWorkbooks([yearByItem()]).recognised).toBe(false);
  });

  test('a 三公 table whose items cannot be found', () => {
    const wb = workbook('t.xlsx', [sheetOf('s', [
      ['2021年“三公”经费预算表'],
      ['单位：万元'],
      ['项目', '预算数'],
      ['甲', 5],
      ['乙', 7],
    ])]);
    expect(readFilledTables(wb)[0].problem).toContain('未识别出因公出国');
  });
});

describe('short 款 codes', () => {
  // Figures illustrative; the layout is the 类 | 款 split of the 基本支出表 with 款 printed "2", "7".
  const basic = (k2: Cell, k7: Cell) => workbook('t.xlsx', [sheetOf('s', [
    ['一般公共预算基本支出表'],
    ['单位：万元'],
    ['类', '款', '科目名称', '合计', '人员经费', '公用经费'],
    ['301', null, '工资福利支出', 30, 30, null],
    [null, k2, '津贴补贴', 20, 20, null],
    [null, k7, '绩效工资', 10, 10, null],
    [null, null, '合计', 30, 30, null],
  ])]);

  test('are read under their 类 row, with a DATA.CODE_LEVEL warning at each', () => {
    const wb = basic('2', '7');
    expect(readFilledTables(wb)[0].blocks[0].rows.map((r) => r.code)).toEqual(['301', '30102', '30107', null]);
    const { findings } = checkFilledTables(wb);
    expect(flat(findings, ['DATA.CODE_LEVEL'])).toEqual([['DATA.CODE_LEVEL', 's', 'B5'], ['DATA.CODE_LEVEL', 's', 'B6']]);
    expect(findings.find((f) => f.rule === 'DATA.CODE_LEVEL')!.message).toContain('读作 30102');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('full codes give no warning, and the hierarchy is still checked', () => {
    expect(flat(checkFilledTables(basic('02', '07')).findings, ['DATA.CODE_LEVEL'])).toEqual([]);
    const wb = withCell(withCell(basic('2', '7'), 's', 3, 3, 31), 's', 3, 4, 31);
    expect(flat(checkFilledTables(wb).findings, ['TABLES.HIERARCHY_SUM']).map((f) => f[2])).toContain('D4');
  });
});

describe('contradictions in one table', () => {
  test('a 三公 table printing figures and "本表为空表" gets TABLES.CONTRADICTION', () => {
    const wb = workbook('t.xlsx', [sheetOf('s', [
      ['2021年“三公”经费预算支出表'],
      ['单位：万元'],
      ['项目', '预算数'],
      ['合计', 5],
      ['1.因公出国(境)费用', 0],
      ['2.公务接待费', 5],
      ['3.公务用车购置及运行维护费', 0],
      ['注：本部门本年度无“三公”经费预算，故本表为空表。'],
    ])]);
    const { findings } = checkFilledTables(wb);
    expect(findings.filter((f) => f.rule === 'TABLES.CONTRADICTION').map((f) => f.severity)).toEqual(['warning']);
    expect(checkFilledTables(workbook('t.xlsx', [sheetOf('s', wb.sheets[0].cells.map((r) => r.map((v) => (typeof v === 'number' ? null : v))))])).findings
      .filter((f) => f.rule === 'TABLES.CONTRADICTION')).toEqual([]);
  });
});

describe('收支总表 with 当年收入小计 and 上年结转 (江苏 layout; figures illustrative)', () => {
  const summary = (grand: Cell) => workbook('t.xlsx', [sheetOf('s', [
    ['2019年收支预算总表'],
    ['单位：万元'],
    ['收入', '收入', '支出', '支出', '支出', '支出'],
    ['项目', '本年预算数', '支出类别', '本年预算数', '功能分类', '本年预算数'],
    ['一、财政拨款收入', 20000.00, '一、基本支出', 15000.00, '一般公共服务支出', 27664.22],
    ['二、其他收入', 1000.00, '二、项目支出', 12664.22, null, null],
    ['当年收入小计', 21000.00, null, null, null, null],
    ['上年结转', 6664.22, null, null, null, null],
    ['收入合计', grand, '支出合计', 27664.22, '支出合计', 27664.22],
  ])]);

  test('收入合计 = 小计 + 上年结转, not the items counted twice; each 支出 breakdown adds up', () => {
    const { findings, tables } = checkFilledTables(summary(27664.22));
    expect(tables[0].blocks.map((b) => b.side)).toEqual(['income', 'expense', 'expense']);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a slip in 收入合计 is found', () => {
    expect(flat(checkFilledTables(summary(27664.32)).findings, ['TABLES.ROW_SUM'])).toEqual([['TABLES.ROW_SUM', 's', 'B9']]);
  });
});

describe('部门决算 tables (G4 layout; figures illustrative)', () => {
  const finalExpense = (total: Cell) => workbook('t.xlsx', [sheetOf('s', [
    ['一般公共预算财政拨款支出决算表'],
    ['公开05表'],
    ['金额单位：万元'],
    ['项目', '项目', '本年支出', '本年支出', '本年支出'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['栏次', null, '1', '2', '3'],
    ['201', '一般公共服务支出', 10.01, 6.00, 4.01],
    ['20101', '人大事务', 10.01, 6.00, 4.01],
    ['208', '社会保障和就业支出', 3.34, 3.34, null],
    ['20805', '行政事业单位养老支出', 3.34, 3.34, null],
    [null, '合计', total, 9.34, 4.01],
  ])]);

  test('are recognised as 决算 and sums hold within the printed rounding (合计 vs Σ类 off by 0.01 万元)', () => {
    const { findings, tables } = checkFilledTables(finalExpense(13.36));
    expect(tables.map((t) => [t.kind, t.stage])).toEqual([['generalExpense', 'final']]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('beyond the rounding it is a slip, named as the 决算 table', () => {
    const f = checkFilledTables(finalExpense(13.45)).findings.filter((x) => x.severity === 'error');
    expect(flat(f)).toEqual([['TABLES.ROW_SUM', 's', 'C11'], ['TABLES.HIERARCHY_SUM', 's', 'C11']]);
    expect(f[0].message).toContain('一般公共预算财政拨款支出决算表');
    expect(f[0].message).toContain('允许尾差');
  });

  test('a detail check never reads them as detail sheets (no DATA.MISSING_COLUMN)', () => {
    const r = checkWorkbooks([finalExpense(13.36)]);
    expect(r.findings.filter((f) => f.rule === 'DATA.MISSING_COLUMN')).toEqual([]);
    expect(r.recognised).toBe(true);
  });
});

describe('a 公开表 workbook given as --prior', () => {
  test('feeds the 三公 year-on-year check by item', () => {
    const current = exampleBNational();
    const base = exampleBNational();
    // Last year's 公务接待费 1.00 万元 lower (the 三公 table's 本年 row of the prior file).
    const sheet = base.sheets.find((g) => g.cells.some((r) => typeof r[0] === 'string' && r[0].includes('三公')))!;
    const three = readFilledTables({ ...base, sheets: [sheet] }).find((t) => t.kind === 'threePublic')!;
    const row = three.blocks[0].rows[0];
    const reception = three.blocks[0].columns.findIndex((c) => c.key === 'reception' && !c.prior);
    const cell = row.cells[reception]!;
    const origin = sheet.origin ?? { row: 1, col: 1 };
    const r = cell.row - origin.row;
    const c = cell.col - origin.col;
    const prior = withCell(base, sheet.name, r, c, Number(sheet.cells[r][c]) - 1);
    const report = checkWorkbooks([current], { prior: [prior] });
    expect(report.findings.filter((f) => f.rule === 'DATA.MISSING_COLUMN')).toEqual([]);
    const inc = report.findings.filter((f) => f.rule === 'THREE_PUBLIC.ITEM_INCREASE');
    expect(inc.map((f) => f.message)).toEqual([expect.stringContaining('公务接待费')]);
    expect(inc[0].figures).toEqual({ actualFen: cell.fen, priorFen: cell.fen - 1000000 });
    // The same year as prior: nothing rose.
    expect(checkWorkbooks([current], { prior: [exampleBNational()] }).findings.filter((f) => f.rule.startsWith('THREE_PUBLIC.') || f.rule.startsWith('PRIORITY.'))).toEqual([]);
  });

  test('is clearly refused for detail inputs: no DATA.MISSING_COLUMN error, one DATA.NOT_CHECKED', async () => {
    const file = path.join(__dirname, '..', '..', '..', '..', 'examples', '县教育局-明细-元.xlsx');
    const detail = (await readXlsx(file, '县教育局-明细-元.xlsx')).grids;
    const report = checkWorkbooks([detail], { prior: [exampleBNational()] });
    expect(report.findings.filter((f) => f.rule === 'DATA.MISSING_COLUMN' && f.severity === 'error')).toEqual([]);
    const note = report.findings.filter((f) => f.rule === 'DATA.NOT_CHECKED' && f.message.includes('公开表'));
    expect(note).toHaveLength(1);
    expect(note[0].message).toContain('没有预算明细行');
  });
});

describe('recognised by what the table holds, not by its title', () => {
  // The 江北区 2021 table (tests/fixtures/published/cq-jiangbei-2021) without its title line, on a
  // sheet called Sheet1, as a department's own working copy often is.
  const untitled = (total: Cell) => workbook('t.xlsx', [sheetOf('Sheet1', [
    ['单位:万元'],
    ['项目', '预算数'],
    ['合计', total],
    ['1.因公出国(境)费用', '39'],
    ['2.公务接待费', '323'],
    ['3.公务用车购置及运行维护费', '4070'],
    ['其中:公务用车运行维护费', '2648'],
    ['公务用车购置', '1422'],
  ])]);

  test('a “三公” table with no title is read as one and checked', () => {
    const { tables, findings } = checkFilledTables(untitled('4432'));
    expect(tables.map((t) => [t.kind, t.problem])).toEqual([['threePublic', null]]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(flat(checkFilledTables(untitled('4433')).findings, ['TABLES.ROW_SUM'])).toEqual([['TABLES.ROW_SUM', 'Sheet1', 'B3']]);
  });

  test('a sheet with none of the three items is not taken for one', () => {
    const wb = workbook('t.xlsx', [sheetOf('Sheet1', [['项目', '预算数'], ['公务接待费', '5'], ['会议费', '3']])]);
    expect(readFilledTables(wb)).toEqual([]);
  });
});

describe('福建 2026 单位预算 layout (fj-fzkfq-sthjj-2026; figures illustrative)', () => {
  test.each([
    ['五、一般公共预算拨款支出预算表', 'generalExpense'],
    ['2026 年度国有资本经营预算拨款支出预算表', 'stateCapital'],
    ['九、一般公共预算基本支出经济分类情况表', 'generalBasic'],
  ])('%s', (title, kind) => {
    expect(matchTitle(title)).toMatchObject({ kind, stage: 'budget' });
  });

  test('一般公共预算支出经济分类情况表 (all expenditure by 经济分类) stays unrecognised', () => {
    expect(matchTitle('2026 年度一般公共预算支出经济分类情况表')).toBeNull();
  });

  const summary = (grand: Cell) => workbook('t.xlsx', [sheetOf('s', [
    ['一、收支预算总表'],
    ['2026 年度收支预算总表'],
    [null, null, null, '单位：万元'],
    ['项目', '预算数', '项目', '预算数'],
    ['一、一般公共预算拨款收入', 100.00, '一、一般公共服务支出', 120.00],
    ['二、其他收入', 20.00, null, null],
    ['本年收入合计', 120.00, '本年支出合计', 120.00],
    ['上年结转结余', 5.00, '结转下年支出', 5.00],
    ['收入合计', grand, '支出合计', 125.00],
    [null, '5'],
  ])]);

  test('a section heading over the title is one table; 收入合计 = 本年收入合计 + 上年结转结余; the page number is no row', () => {
    const { findings, tables } = checkFilledTables(summary(125.00));
    expect(tables.map((t) => [t.kind, t.title, t.problem])).toEqual([['summary', '2026 年度收支预算总表', null]]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a slip in 收入合计 is found', () => {
    expect(flat(checkFilledTables(summary(126.00)).findings, ['TABLES.ROW_SUM'])).toEqual([['TABLES.ROW_SUM', 's', 'B9']]);
  });

  const expense = (project: Cell) => workbook('t.xlsx', [sheetOf('s', [
    ['2026 年度支出预算总表'],
    [null, null, null, null, null, null, null, '单位：万元'],
    [null, null, null, null, null, '事业单位经营', null, '对附属单位补'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出', null, '上缴上级支出'],
    [null, null, null, null, null, '支出', null, '助支出'],
    [null, '合计', '30.00', '20.00', project, '0.00', '0.00', '0.00'],
    ['211', '节能环保支出', '30.00', '20.00', project],
    [null, null, null, '7'],
  ])]);

  test('captions cut over lines around the header row are joined (事业单位经营支出), not put under 项目支出', () => {
    const { findings, tables } = checkFilledTables(expense('10.00'));
    expect(tables[0].blocks[0].columns.map((c) => c.label)).toEqual(['合计', '基本支出', '项目支出', '事业单位经营支出', '上缴上级支出', '对附属单位补助支出']);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a slip in 项目支出 is found on both rows', () => {
    expect(flat(checkFilledTables(expense('11.00')).findings, ['TABLES.ROW_SUM']).map((f) => f[2])).toEqual(['C6', 'C7']);
  });
});

describe('“三公” 决算 table with 预算数 | 决算数 over blocks of six (佛山 2019 layout, gd-fsgdjt-2019-final; figures illustrative)', () => {
  const table = (actualTotal: Cell) => workbook('t.xlsx', [sheetOf('s', [
    [null, null, null, '一般公共预算财政拨款“三公”经费支出决算表'],
    ['部门： 某局', null, null, null, null, null, null, null, null, null, null, '单位：万元'],
    [null, null, '预算数', null, null, null, null, null, '决算数'],
    [null, null, '公务用车购置及运行费', null, null, null, null, null, '公务用车购置及运行费'],
    [null, '因公出国', null, null, null, '公务接待', null, '因公出国', null, null, null, '公务接待'],
    ['合计', null, null, '公务用车', '公务用车', null, '合计', null, null, '公务用车', '公务用车'],
    [null, '（境）费', '小计', null, null, '费', null, '（境）费', '小计', null, null, '费'],
    [null, null, null, '购置费', '运行费', null, null, null, null, '购置费', '运行费'],
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
    ['3.00', '1.00', '1.50', '0.00', '1.50', '0.50', actualTotal, '0.80', '1.20', '0.20', '1.00', '0.40'],
  ])]);

  test('both 合计 on one caption line keep it a header line; each block is read under its stage, 决算数 first; the 栏次 line is no row', () => {
    const { findings, tables } = checkFilledTables(table('2.40'));
    expect(tables[0].problem).toBeNull();
    expect(tables[0].blocks[0].columns.map((c) => `${c.path[0]}:${c.key}`).slice(0, 7)).toEqual(['决算数:total', '决算数:abroad', '决算数:total', '决算数:vehiclePurchase', '决算数:vehicleOperation', '决算数:reception', '预算数:total']);
    expect(tables[0].blocks[0].rows).toHaveLength(1);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a slip in the 决算数 合计 is found', () => {
    expect(flat(checkFilledTables(table('2.50')).findings, ['TABLES.ROW_SUM'])).toEqual([['TABLES.ROW_SUM', 's', 'G10']]);
  });
});

describe('长沙 2026 单位 layout (hn-cszjjd-2026; figures illustrative)', () => {
  test.each([
    ['2026年部门收支总体情况表', 'summary'],
    ['2026年部门收入总体情况表', 'income'],
    ['2026年部门支出总体情况表', 'expense'],
    ['2026年财政拨款收支总体情况表', 'fiscalSummary'],
  ])('%s', (title, kind) => {
    expect(matchTitle(title)).toMatchObject({ kind, stage: 'budget' });
  });

  const expense = (basic: Cell, note: string) => workbook('t.xlsx', [sheetOf('s', [
    ['2026年一般公共预算支出情况表'],
    ['单位名称：某单位', null, null, null, null, '单位：万元'],
    [null, '科目编码'],
    [null, null, null, '功能科目', '总       计', '基本支出', '项目支出'],
    ['类', '款', '项'],
    ['**', '**', '**', '**', '1', '2', '3'],
    [null, null, null, '合计', '30.00', basic, '10.00'],
    ['205', null, null, '教育支出', '30.00', basic, '10.00'],
    [null, '03', null, '职业教育', '30.00', basic, '10.00'],
    ['205', '03', '99', '其他职业教育支出', '30.00', basic, '10.00'],
    [note],
  ])]);

  test('“科目编码” over 类 | 款 | 项 stays apart from them; the "** … 1 2 3" line is no row; a conditional note contradicts no figures', () => {
    const { findings, tables } = checkFilledTables(expense('20.00', '注：此表如无数字则表示单位无该项支出。'));
    expect(tables[0].blocks[0].rows.map((r) => r.code)).toEqual([null, '205', '20503', '2050399']);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('a slip in 基本支出 is found; a flat “本表为空表” over figures is still a contradiction', () => {
    expect(flat(checkFilledTables(expense('21.00', '注：此表如无数字则表示单位无该项支出。')).findings, ['TABLES.ROW_SUM']).map((f) => f[2])).toContain('E8');
    expect(flat(checkFilledTables(expense('20.00', '注：本单位无一般公共预算支出，本表为空表。')).findings, ['TABLES.CONTRADICTION'])).toHaveLength(1);
  });
});
