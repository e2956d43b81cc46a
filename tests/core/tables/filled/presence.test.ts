/** TABLES.MISSING by naming family, TABLES.EMPTY_UNEXPLAINED for empty fund tables. */
import { checkFilledTables } from '../../../../src/core/tables/filled';
import { isEmptyStatement } from '../../../../src/core/tables/filled/read';
import { exampleBNational, exampleBShanghai, shanghaiB } from '../../../fixtures/filled/example-b';
import { flat } from '../../../fixtures/filled/edit';

describe('TABLES.MISSING', () => {
  test('Shanghai workbook without two of its nine tables', () => {
    const { findings } = checkFilledTables(exampleBShanghai({ omit: ['t6', 't9'] }));
    expect(findings.map((f) => [f.rule, f.severity, f.location])).toEqual([
      ['TABLES.MISSING', 'warning', { file: '例B-上海格式.xlsx' }],
      ['TABLES.MISSING', 'warning', { file: '例B-上海格式.xlsx' }],
    ]);
    expect(findings[0].message).toContain('部门政府性基金预算支出功能分类预算表');
    expect(findings[1].message).toContain('部门“三公”经费和机关运行经费预算表');
  });

  test('the Shanghai set does not expect a 项目支出绩效目标表', () => {
    expect(checkFilledTables(exampleBShanghai()).findings).toEqual([]);
  });

  test('national workbook without its 项目支出绩效目标表 and 国有资本经营预算支出表', () => {
    const { findings } = checkFilledTables(exampleBNational({ omit: ['performance', 'stateCapital'] }));
    expect(findings.map((f) => f.rule)).toEqual(['TABLES.MISSING', 'TABLES.MISSING']);
    expect(findings[0].message).toContain('“国有资本经营预算支出表”');
    expect(findings[1].message).toContain('“项目支出绩效目标表”');
  });
});

describe('TABLES.EMPTY_UNEXPLAINED', () => {
  test('empty 政府性基金 table without a statement', () => {
    const { findings } = checkFilledTables(exampleBShanghai({ overrides: { t6: (b) => shanghaiB.t6(b, false) } }));
    expect(flat(findings)).toEqual([['TABLES.EMPTY_UNEXPLAINED', '6 政府性基金', 'A1']]);
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].message).toContain('部门政府性基金预算支出功能分类预算表');
  });

  test('empty 国有资本经营 table without a statement', () => {
    const { findings } = checkFilledTables(exampleBShanghai({ overrides: { t7: (b) => shanghaiB.t7(b, false) } }));
    expect(flat(findings)).toEqual([['TABLES.EMPTY_UNEXPLAINED', '7 国有资本经营', 'A1']]);
  });

  test('with the statement: nothing', () => {
    const { tables, findings } = checkFilledTables(exampleBShanghai());
    expect(findings).toEqual([]);
    const fund = tables.find((t) => t.kind === 'govFund')!;
    expect(fund.empty).toBe(true);
    expect(fund.statement).toBe('注：本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。');
  });

  test.each([
    '注：本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。',
    '说明：本单位本年度没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表无数据。',
    '本部门无国有资本经营预算支出，此表为空。',
    '注：本单位2025年不涉及国有资本经营预算支出。',
    '（本表无数据）本部门未安排政府性基金预算。',
  ])('statement accepted: %s', (s) => {
    expect(isEmptyStatement(s)).toBe(true);
  });

  test.each(['合计', '单位：元', '政府性基金预算支出', '编制部门：某局'])('not a statement: %s', (s) => {
    expect(isEmptyStatement(s)).toBe(false);
  });
});
