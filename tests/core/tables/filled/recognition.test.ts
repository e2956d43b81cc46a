/** Recognising filled tables by title in both naming families, one or several per sheet. */
import { checkFilledTables, isFilledTablesWorkbook, matchTitle, readFilledTables } from '../../../../src/core/tables/filled';
import { findSegments } from '../../../../src/core/tables/filled/segments';
import { SheetBuilder, codeTable, workbook } from '../../../fixtures/filled/build';
import { exampleBNational, exampleBShanghai, nationalB } from '../../../fixtures/filled/example-b';

describe('matchTitle', () => {
  test.each([
    ['2026年部门财务收支预算总表', 'summary', 'shanghai'],
    ['上海市普陀区文化和旅游局2026年单位财务收支预算总表', 'summary', 'shanghai'],
    ['部门收入预算总表', 'income', 'shanghai'],
    ['单位支出预算总表', 'expense', 'shanghai'],
    ['部门财政拨款收支预算总表', 'fiscalSummary', 'shanghai'],
    ['部门一般公共预算支出功能分类预算表', 'generalExpense', 'shanghai'],
    ['部门政府性基金预算支出功能分类预算表', 'govFund', 'shanghai'],
    ['部门国有资本经营预算支出功能分类预算表', 'stateCapital', 'shanghai'],
    ['部门一般公共预算基本支出部门预算经济分类预算表', 'generalBasic', 'shanghai'],
    ['上海市普陀区文化和旅游局2026年部门“三公”经费和机关运行经费预算表', 'threePublic', 'shanghai'],
    ['一、部门收支总表', 'summary', 'national'],
    ['表1 部门收支总表', 'summary', 'national'],
    ['2025年单位收入总表', 'income', 'national'],
    ['附表3：单位支出总表', 'expense', 'national'],
    ['四、财政拨款收支总表', 'fiscalSummary', 'national'],
    ['五、一般公共预算支出表', 'generalExpense', 'national'],
    ['一般公共预算基本支出表', 'generalBasic', 'national'],
    ['六、一般公共预算基本支出明细表(按经济分类)', 'generalBasic', 'national'],
    ['2025年一般公共预算“三公”经费支出表', 'threePublic', 'national'],
    ['XX县XX局2025年部门预算 八、政府性基金预算支出表', 'govFund', 'national'],
    ['九、国有资本经营预算预算支出表', 'stateCapital', 'national'],
    ['国有资本经营预算支出表', 'stateCapital', 'national'],
    ['十一、项目支出绩效目标表', 'performance', null],
  ])('%s', (title, kind, family) => {
    expect(matchTitle(title)).toEqual({ kind, family, stage: 'budget' });
  });

  test.each([
    '政府采购支出表',
    '十、一般公共预算项目支出表',
    '注：本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。',
    '具体情况详见部门收支总表。',
    '部门收支总表说明',
    '功能分类科目编码',
    '一般公共预算支出',
  ])('not a title: %s', (text) => {
    expect(matchTitle(text)).toBeNull();
  });
});

describe('tables on sheets', () => {
  test('several tables stacked on one sheet', () => {
    const wb = exampleBNational();
    const sheet = wb.sheets.find((g) => g.name === '收支总表')!;
    const segs = findSegments(sheet);
    expect(segs.map((s) => s.match.kind)).toEqual(['summary', 'income', 'expense']);
    const tables = readFilledTables(wb).filter((t) => t.sheet === '收支总表');
    expect(tables.map((t) => [t.kind, t.titleCell, t.amountUnit])).toEqual([
      ['summary', 'A1', 'wan'],
      ['income', `A${tables[1].titleRow}`, 'wan'],
      ['expense', `A${tables[2].titleRow}`, 'wan'],
    ]);
    // Each table ends where the next begins: the income table holds its 35 rows and 合计, no more.
    expect(tables[1].blocks[0].rows).toHaveLength(35);
    expect(tables[0].lastRow).toBeLessThan(tables[1].titleRow!);
  });

  test('one table per sheet with the title only in the sheet name', () => {
    const b = new SheetBuilder();
    codeTable(b, {
      title: 'x', department: '某局', amountUnit: 'yuan', captions: ['合计', '基本支出', '项目支出'], codeKind: 'function', split: false,
      rows: [['2010101', '行政运行', 100, 60, 40]], total: [100, 60, 40],
    });
    b.rows.splice(0, 1); // drop the title row: the header stands at the top of the sheet
    b.merges.length = 0;
    const wb = workbook('t.xlsx', [b.grid('表3 部门支出总表')]);
    const tables = readFilledTables(wb);
    expect(tables.map((t) => [t.kind, t.family, t.titleCell, t.amountUnit, t.amountUnitFound])).toEqual([['expense', 'national', undefined, 'yuan', true]]);
    expect(tables[0].blocks[0].rows.map((r) => r.code)).toEqual(['2010101', null]);
  });

  test('a contents sheet listing titles is not a set of tables', () => {
    const toc = new SheetBuilder();
    for (const t of ['目录', '一、部门收支总表', '二、部门收入总表', '三、部门支出总表', '四、财政拨款收支总表']) toc.add([t]);
    const wb = exampleBNational();
    const tables = readFilledTables({ ...wb, sheets: [toc.grid('目录'), ...wb.sheets] });
    expect(tables.filter((t) => t.sheet === '目录')).toEqual([]);
    expect(checkFilledTables({ ...wb, sheets: [toc.grid('目录'), ...wb.sheets] }).findings).toEqual([]);
  });

  test('the naming family follows the titles found', () => {
    expect(readFilledTables(exampleBShanghai()).every((t) => t.family === 'shanghai')).toBe(true);
    expect(readFilledTables(exampleBNational()).filter((t) => t.kind !== 'performance').every((t) => t.family === 'national')).toBe(true);
  });
});

describe('isFilledTablesWorkbook', () => {
  const detail = () => {
    const b = new SheetBuilder();
    b.add(['XX单位2025年部门预算明细表']);
    b.add(['单位：万元']);
    b.add(['单位名称', '项目名称', '功能分类科目', '经济分类科目', '资金来源', '金额']);
    b.add(['某局', '', '2010101 行政运行', '30101 基本工资', '一般公共预算拨款', 12.5]);
    return b.grid('明细');
  };
  const oneTable = () => {
    const b = new SheetBuilder();
    nationalB.expense(b);
    return b.grid('支出总表');
  };

  test('filled tables workbooks', () => {
    expect(isFilledTablesWorkbook(exampleBShanghai())).toBe(true);
    expect(isFilledTablesWorkbook(exampleBNational())).toBe(true);
    expect(isFilledTablesWorkbook(workbook('t.xlsx', [oneTable()]))).toBe(true);
  });

  test('budget detail workbooks', () => {
    expect(isFilledTablesWorkbook(workbook('d.xlsx', [detail()]))).toBe(false);
    expect(isFilledTablesWorkbook(workbook('d.xlsx', [detail(), oneTable()]))).toBe(false);
    expect(isFilledTablesWorkbook(workbook('e.xlsx', []))).toBe(false);
  });
});
