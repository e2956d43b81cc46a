/**
 * 审核公式 as tables of (formula, workbook, expected value / message / finding): every construct of
 * the language, every error message (with its position), and the 强制/提示 split. The workbooks are
 * in ./fixture.ts; `value` is what 试算 shows.
 */
import { checkWorkbooks } from '../../../src/core/check';
import { FormulaDef, formulaErrors, parseFormula, runFormulas, trialFormula } from '../../../src/core/formulas';
import type { FormulaData } from '../../../src/core/formulas';
import type { Finding } from '../../../src/core/findings';
import type { WorkbookGrids } from '../../../src/core/grid';
import { parseRuleId } from '../../../src/core/supporting';
import { DETAIL, TABLES, WORKBOOKS, baseReport, data } from './fixture';

function value(formula: string, d: FormulaData = data()): string {
  const t = trialFormula(formula, d);
  if (t.error) return t.error.text;
  return t.rows.map((r) => (r.unit ? `${r.unit.name}：` : '') + r.text).join(' | ');
}

describe('constructs: (formula → value on 明细.xlsx + 表.xlsx)', () => {
  const cases: Array<[string, string, string]> = [
    ['cell of a named sheet', '基本支出!C7', '0.06 万元（600.00 元）'],
    ['quoted sheet name', "'基本支出'!C8", '0.01 万元（100.00 元）'],
    ['absolute address', '基本支出!$C$9', '0.02 万元（200.00 元）'],
    ['full-width ！', '基本支出！C10', '0.03 万元（300.00 元）'],
    ['blank cell is 0', '基本支出!C12', '0.00 万元'],
    ['SUM of a range = total', 'SUM(基本支出!C8:C10) = 基本支出!C7', '左边 0.06 万元（600.00 元），右边 0.06 万元（600.00 元），相差 0.00 万元：成立'],
    ['SUM skips text in a range', 'SUM(基本支出!C8:C11)', '0.06 万元（600.00 元）'],
    ['MAX / MIN over a range', 'MAX(基本支出!C8:C10) - MIN(基本支出!C8:C10)', '0.02 万元（200.00 元）'],
    ['row by label, first amount to its right (two-sided table)', '[部门收支总表](行="支出总计")', '0.10 万元'],
    ['row label without its numbering', '[部门收支总表](行="一般公共预算拨款收入")', '0.10 万元'],
    ['row by code (number cell), column by header, sheet in 万元', '[支出总表](行="21201").合计', '12.00 万元'],
    ['row by code (text cell), blank amount is 0', '[支出总表](行="21202").基本支出', '0.00 万元'],
    ['合计 row', '[支出总表](行="合计").项目支出', '20.00 万元'],
    ['a total equals its parts by code', '[支出总表](行="212").合计 = [支出总表](行="21201").合计 + [支出总表](行="21202").合计', '左边 30.00 万元，右边 30.00 万元，相差 0.00 万元：成立'],
    ['column path through a two-row header, no row', '[三公].本年预算数.公务接待费', '3.00 万元'],
    ['【】 and 。 accepted', '【三公】。上年预算数。公务接待费', '4.00 万元'],
    ['本年 with a condition', '本年(经济分类="30215")', '3.30 万元'],
    ['上年 from 上年预算数 columns', '上年(经济分类="30215")', '3.00 万元'],
    ['prefix wildcard', '本年(功能分类="205*")', '17.50 万元'],
    ['unquoted code with wildcard', '本年(功能分类=210*)', '21.80 万元'],
    ['alternatives with |', '本年(经济分类="30215|30227")', '7.30 万元'],
    ['<> condition', '本年(经济分类<>"30101")', '7.30 万元'],
    ['two conditions', '本年(单位="101001", 经济分类="30215")', '2.50 万元'],
    ['unit by name', '本年(单位名称="县卫健委")', '21.80 万元'],
    ['支出类型 基本支出 covers 人员 and 公用', '本年(支出类型="基本支出")', '35.30 万元'],
    ['支出类型 项目支出', '本年(支出类型="项目支出")', '4.00 万元'],
    ['三 conditions', '本年(单位="101001", 支出类型="基本支出", 功能分类="2050101")', '13.50 万元'],
    ['all lines', '本年()', '39.30 万元'],
    ['条数', '条数(单位="101001")', '3'],
    ['上年执行 (no column: 0)', '上年执行()', '0.00 万元'],
    ['a ratio of two amounts is a percentage', '本年(经济分类="30215") / 上年(经济分类="30215")', '110.00%'],
    ['percent literal', '10%', '10.00%'],
    ['money × rate', '上年(经济分类="30215") * 90%', '2.70 万元'],
    ['plain numbers meeting money are 元', '本年(经济分类="30215") - 3000', '3.00 万元'],
    ['money / number', '本年() / 3', '13.10 万元'],
    ['precedence and unary minus', '-(1 + 2) * 3 - 4 / 2', '-11'],
    ['full-width operators', '6 × 2 ÷ 3 － 1 ＋ 1', '4'],
    ['ABS', 'ABS(1 - 3)', '2'],
    ['ROUND plain', 'ROUND(1.2345, 2)', '1.23'],
    ['ROUND money to 万元 digits', 'ROUND(本年(经济分类="30215"), 0)', '3.30 万元'],
    ['ROUND with one argument', 'ROUND(2.5)', '3'],
    ['IF', 'IF(1 > 2, 1, 2)', '2'],
    ['AND', 'AND(1 < 2, 2 < 3)', '成立'],
    ['OR', 'OR(1 > 2, 2 > 3)', '不成立'],
    ['NOT', 'NOT(1 > 2)', '成立'],
    ['TRUE / FALSE', 'OR(FALSE, TRUE)', '成立'],
    ['=', '2 = 2', '左边 2，右边 2：成立'],
    ['＝ full width', '2 ＝ 3', '左边 2，右边 3：不成立'],
    ['<>', '2 <> 3', '左边 2，右边 3：成立'],
    ['≠', '2 ≠ 2', '左边 2，右边 2：不成立'],
    ['<', '2 < 3', '左边 2，右边 3：成立'],
    ['<=', '3 <= 3', '左边 3，右边 3：成立'],
    ['≤', '4 ≤ 3', '左边 4，右边 3：不成立'],
    ['>', '3 > 3', '左边 3，右边 3：不成立'],
    ['>=', '3 >= 3', '左边 3，右边 3：成立'],
    ['≥', '2 ≥ 3', '左边 2，右边 3：不成立'],
    ['leading = is ignored', '= 1 < 2', '左边 1，右边 2：成立'],
    ['without tolerance a 1 元 difference fails', '基本支出!C7 = 601', '左边 0.06 万元（600.00 元），右边 0.06 万元（601.00 元），相差 0.00 万元（-1.00 元）：不成立'],
    ['容差 in 元', '基本支出!C7 = 601 容差 1', '左边 0.06 万元（600.00 元），右边 0.06 万元（601.00 元），相差 0.00 万元（-1.00 元）：成立'],
    ['容差 in 万元', '基本支出!C7 = 700 容差 0.01万元', '左边 0.06 万元（600.00 元），右边 0.07 万元（700.00 元），相差 -0.01 万元（-100.00 元）：成立'],
    ['容差 with ：', '基本支出!C7 < 599 容差：2', '左边 0.06 万元（600.00 元），右边 0.06 万元（599.00 元），相差 0.00 万元（1.00 元）：成立'],
    ['按单位 after', '本年(经济分类="30215") <= 上年(经济分类="30215") 按单位', '县教育局：左边 2.50 万元，右边 2.00 万元，相差 0.50 万元：不成立 | 县卫健委：左边 0.80 万元，右边 1.00 万元，相差 -0.20 万元：成立'],
    ['按单位 before, with 压减 10%', '按单位：本年(经济分类="30227") <= 上年(经济分类="30227") * (1 - 10%)', '县教育局：左边 4.00 万元，右边 4.50 万元，相差 -0.50 万元：成立 | 县卫健委：左边 0.00 万元，右边 0.00 万元，相差 0.00 万元：成立'],
    ['按单位 and 容差 together', '本年(经济分类="30215") <= 上年(经济分类="30215") 容差 5000, 按单位', '县教育局：左边 2.50 万元，右边 2.00 万元，相差 0.50 万元：成立 | 县卫健委：左边 0.80 万元，右边 1.00 万元，相差 -0.20 万元：成立'],
    ['cells and lines in one formula', '本年(经济分类="30101") > 基本支出!C7', '左边 32.00 万元，右边 0.06 万元（600.00 元），相差 31.94 万元：成立'],
  ];
  test.each(cases)('%s: %s', (_what, formula, want) => {
    expect(value(formula)).toBe(want);
  });
});

describe('every error message, with its position', () => {
  const noPrior: FormulaData = { ...data(), lines: baseReport().lines.map((l) => ({ ...l, priorFen: null })) };
  const noLines: FormulaData = { ...data(), lines: [] };
  const big: WorkbookGrids = { file: '大表.xlsx', sheets: [{ name: '大', cells: Array.from({ length: 600_001 }, () => []) }] };
  // Each cell within SPEC §2.1's limit (9×10¹³ 元); two of them together pass 2⁵³ − 1 分.
  const huge: FormulaData = { ...data(), workbooks: [...WORKBOOKS, { file: '巨额.xlsx', sheets: [{ name: '巨额', cells: [[90_000_000_000_000], [90_000_000_000_000], [-90_000_000_000_000], [1]] }] }] };
  const range = '超过 90,071,992,547,409.91 元，超出精确到分的计算范围，公式无法准确计算；请核对所引用的金额和单位（元/万元）';
  const cases: Array<[keyof typeof formulaErrors, string, string, FormulaData?]> = [
    ['empty', '  ', '公式为空'],
    ['tooLong', '1'.repeat(2001), '第 2001 个字符：公式有 2001 个字符，超过 2000 个字符的上限'],
    ['tooDeep', '('.repeat(41) + '1' + ')'.repeat(41), '第 41 个字符：括号嵌套超过 40 层'],
    ['syntax', '基本支出!C7 = = 1', '第 11 个字符：这里不应出现“=”'],
    ['syntax', '基本支出!C7 =', '第 10 个字符：公式不完整，缺少后面的内容（如右括号或比较的另一边）'],
    ['syntax', '本年(经济分类="30215" > 0', '第 17 个字符：这里不应出现“>”'],
    ['unclosedString', '本年(经济分类="30215) > 0', '第 9 个字符：引号没有配对'],
    ['unknownFunction', 'SUMIF(基本支出!C8:C10) > 0', '第 1 个字符：不认识的函数“SUMIF”，可用的函数有 ABS、ROUND、IF、AND、OR、NOT、SUM、MAX、MIN，按预算行汇总用 本年、上年、上年执行、条数'],
    ['argCount', '1 + IF(1 > 0, 2)', '第 5 个字符：函数 IF 需要 3 个参数，这里有 2 个'],
    ['unknownField', '本年(科目="30215")', '第 4 个字符：条件中的“科目”不是可用的字段，可用：功能分类、经济分类、政府经济分类、单位、单位编码、单位名称、单位性质、项目、项目编码、项目名称、支出类型、资金来源、三保'],
    ['badKindValue', '本年(支出类型="日常")', '第 9 个字符：支出类型“日常”无法识别，应为 基本支出、人员经费、公用经费 或 项目支出'],
    ['bareCell', 'C7 = 基本支出!C7', '第 1 个字符：单元格“C7”没有写工作表名，请写成 工作表名!C7'],
    ['rangeOutside', '基本支出!C8:C10 > 0', '第 1 个字符：区域 C8:C10 只能用在 SUM、MAX、MIN 之中'],
    ['stringOutside', '"合计" = 1', '第 1 个字符：文字“合计”不能参与计算（文字只用在行名和条件中）'],
    ['notNumber', 'ABS(1 > 2)', '第 5 个字符：ABS 的参数应为数值，这里是判断（比较）的结果'],
    ['notCondition', 'AND(1, 2 > 1)', '第 5 个字符：AND 的第 1 个参数应为判断（比较）'],
    ['moneyTimesMoney', '基本支出!C7 * 基本支出!C8 > 0', '第 9 个字符：两个金额不能相乘（金额只能乘以比例或数字）'],
    ['numberByMoney', '1 / 基本支出!C7', '第 3 个字符：不能用数字除以金额'],
    ['divideByZero', '基本支出!C7 / 基本支出!C12', '第 11 个字符：除数为 0（基本支出!C12 的值为 0）'],
    ['moneyRange', 'SUM(巨额!A1:A2) > 0', `第 1 个字符：这里的金额（按绝对值）${range}`, huge],
    // A partial sum past the range is not exact either, though the total (9×10¹³ 元) would fit.
    ['moneyRange', 'SUM(巨额!A1:A3) > 0', `第 1 个字符：这里的金额（按绝对值）${range}`, huge],
    ['moneyRange', '巨额!A4 + 巨额!A1 + 巨额!A2 > 0', `第 1 个字符：这里的金额（按绝对值）${range}`, huge],
    ['moneyRange', '巨额!A1 * 2 > 0', `第 1 个字符：这里的金额（按绝对值）${range}`, huge],
    // Both sides fit, their difference (the finding's 相差) does not: not judged either.
    ['moneyRange', '巨额!A1 >= 巨额!A3', `第 1 个字符：这里的金额（按绝对值）${range}`, huge],
    ['moneyRange', 'AND(1 > 0, 巨额!A3 = 巨额!A2)', `第 12 个字符：这里的金额（按绝对值）${range}`, huge],
    ['roundDigits', 'ROUND(1.5, 7)', '第 12 个字符：ROUND 的小数位数应为 0 到 6 的整数'],
    ['noSheet', 'SUM(基本支出表!C8:C20) = 基本支出表!C7', '第 5 个字符：找不到工作表“基本支出表”'],
    ['noTable', '[收支表](行="合计") > 0', '第 2 个字符：找不到表“收支表”（既不是工作表名，也不是表标题）'],
    ['ambiguousTable', '[总表](行="合计") > 0', '第 2 个字符：“总表”同时对应 “部门收支总表”中的“部门收支总表”、“支出总表”中的“支出总表”，请写完整的工作表名或表标题'],
    ['noRow', '[支出总表](行="21203").合计', '第 10 个字符：在“支出总表”中找不到行“21203”'],
    ['ambiguousRow', '[支出总表](行="行政运行")', '第 10 个字符：“支出总表”中有多行都是“行政运行”（第 6、7 行），请改用科目编码或写明列'],
    ['noColumn', '[支出总表](行="212").预算数', '第 17 个字符：在“支出总表”的表头中找不到列“预算数”'],
    ['noValue', '[支出总表]', '第 1 个字符：“支出总表”后面应写明行或列，例如 [支出总表](行="合计").合计'],
    ['noDataRow', '[支出总表].科目名称', '第 1 个字符：“支出总表”的列“科目名称”下没有数字'],
    ['cellOutside', '基本支出!XFE1', '第 1 个字符：单元格 基本支出!XFE1 超出 Excel 的范围'],
    ['cellText', '基本支出!C11 > 0', '第 1 个字符：基本支出!C11 的内容“备注”不是数字'],
    ['cellError', '错误值!A1 > 0', '第 1 个字符：错误值!A1 是错误值 #REF!'],
    ['cellText', '错误值!A2 > 0', '第 1 个字符：错误值!A2 的内容“abc”不是数字'],
    ['noLines', '本年() > 0', '第 1 个字符：没有读到预算明细行，按预算行汇总的公式无法计算', noLines],
    ['noPrior', '本年() <= 上年()', '第 9 个字符：没有上年数（既无上年预算表，也无上年预算数列），“上年(…)”无法计算', noPrior],
  ];
  // A default for the last parameter keeps the callback's length at 3: jest would take a fourth
  // parameter for a done callback and wait for it.
  test.each(cases)('%s: %s', (_key, formula, want, d: FormulaData = data()) => {
    expect(value(formula, d)).toBe(want);
  });

  test('an amount near the range that still fits is computed to the 分', () => {
    expect(value('巨额!A1 + 巨额!A4 - 巨额!A2', huge)).toBe('0.00 万元（1.00 元）');
  });

  test('tooManyCells: a range over more than a million cells of the sheet', () => {
    expect(value('SUM(大!A1:B600001) > 0', { workbooks: [big], lines: [], priorLines: [] })).toBe('第 5 个字符：区域 大!A1:B600001 超过 1000000 个单元格');
  });

  // Messages that concern a formula's definition rather than its text.
  const def = (over: Partial<FormulaDef>): FormulaDef => ({ id: 'X', formula: '1 < 2', type: '强制', note: '', scope: '', origin: null, home: null, ...over });
  test('notBoolean, duplicateId, badType, tooMany: CUSTOM.INVALID findings', () => {
    const f = runFormulas([def({ id: 'A', formula: '1 + 1' }), def({ id: 'B' }), def({ id: 'B' }), def({ id: 'C', type: '必要' })], data(), '明细.xlsx');
    expect(f.map((x) => [x.rule, x.message])).toEqual([
      ['CUSTOM.INVALID', `审核公式 A「1 + 1」无法计算：第 1 个字符：${formulaErrors.notBoolean()}`],
      ['CUSTOM.INVALID', `审核公式 B「1 < 2」无法计算：${formulaErrors.duplicateId('B')}`],
      ['CUSTOM.INVALID', `审核公式 C「1 < 2」无法计算：${formulaErrors.badType('必要')}`],
    ]);
    const many = runFormulas(Array.from({ length: 501 }, (_, i) => def({ id: `F${i}` })), data(), '明细.xlsx');
    expect(many.map((x) => x.message)).toEqual([`审核公式 F500「1 < 2」无法计算：${formulaErrors.tooMany(500)}`]);
  });

  test('every message of formulaErrors is reached by a case above (internal: a guard parse.ts makes unreachable)', () => {
    const covered = new Set<string>([...cases.map((c) => c[0]), 'tooManyCells', 'notBoolean', 'duplicateId', 'badType', 'tooMany', 'internal']);
    expect(Object.keys(formulaErrors).filter((k) => !covered.has(k))).toEqual([]);
  });

  test('no input crashes the parser: every prefix of a long formula is a value or a FormulaError', () => {
    const f = 'IF(AND([支出总表](行="212").合计 >= 0, 本年(经济分类="30215|30227", 单位<>"x") <= 上年() * 110%), SUM(基本支出!C8:C10), -ABS(ROUND(1.25, 1))) <> 0 容差 1 按单位';
    for (let i = 0; i <= f.length; i++) {
      const t = trialFormula(f.slice(0, i), data());
      expect(t.error !== null || t.rows.length > 0).toBe(true);
    }
    expect(() => parseFormula(f)).not.toThrow();
  });
});

describe('findings: CUSTOM.<编号>, 强制 → error, 提示 → warning', () => {
  const custom = (fs: Finding[]) => fs.filter((f) => f.rule.startsWith('CUSTOM.'));
  const run = (formulas: Array<Record<string, string>>, workbooks: WorkbookGrids[] = WORKBOOKS) => custom(checkWorkbooks(workbooks, { rules: { formulas } }).findings);

  test('a 强制 formula that fails is an error at the left-hand cell, with both sides in 万元, the difference and the 说明', () => {
    const [f, ...rest] = run([{ id: 'A01', formula: 'SUM(基本支出!C8:C9) = 基本支出!C7', type: '强制', note: '工资津贴应等于合计' }]);
    expect(rest).toEqual([]);
    expect(f).toEqual({
      rule: 'CUSTOM.A01', severity: 'error',
      location: { file: '表.xlsx', sheet: '基本支出', cell: 'C8', row: 8 },
      message: '工资津贴应等于合计。审核公式 A01「SUM(基本支出!C8:C9) = 基本支出!C7」不成立：左边 0.03 万元（300.00 元），右边 0.06 万元（600.00 元），相差 -0.03 万元（-300.00 元）',
      figures: { actualFen: 30000, expectedFen: 60000, differenceFen: -30000 },
    });
  });

  test('a 提示 formula is a warning that asks for a written 说明; 审核说明 answers it like any rule', () => {
    const fs = run([
      { 编号: 'b02', 公式: '本年(经济分类="30215") = 30000 容差 1', 类型: '提示', 说明: '会议费应为 3 万元' },
      { id: 'B03', formula: '本年(经济分类="30215") = 33000', type: '强制' },
    ]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'CUSTOM.b02', severity: 'warning', location: { file: '明细.xlsx', sheet: '预算明细', cell: 'J5' }, explained: true, explanation: '已与财政局核实', figures: { actualFen: 3300000, expectedFen: 3000000, differenceFen: 300000, toleranceFen: 100 } });
    expect(fs[0].message).toBe('会议费应为 3 万元。审核公式 b02「本年(经济分类="30215") = 30000 容差 1」不成立：左边 3.30 万元，右边 3.00 万元，相差 0.30 万元（容差 1.00 元）；此为提示性公式，如属合理情况，请在“审核说明”中写明原因');
  });

  test('审核说明 names a formula by CUSTOM.<编号> in any case, or by its title 审核公式 <编号>', () => {
    expect(parseRuleId('custom.会议费')).toBe('CUSTOM.会议费');
    expect(parseRuleId('审核公式 会议费')).toBe('CUSTOM.会议费');
    expect(parseRuleId('审核公式无法计算')).toBe('CUSTOM.INVALID');
  });

  test('按单位: one finding per failing unit, at the first line that counts, with the unit', () => {
    const fs = run([{ id: '会议费', formula: '本年(经济分类="30215") <= 上年(经济分类="30215") 按单位', note: '会议费不得超过上年' }]);
    expect(fs.map((f) => [f.rule, f.severity, f.unit, f.location])).toEqual([
      ['CUSTOM.会议费', 'error', { code: '101001', name: '县教育局' }, { file: '明细.xlsx', sheet: '预算明细', cell: 'J5', row: 5 }],
    ]);
    expect(fs[0].message).toBe('县教育局：会议费不得超过上年。审核公式 会议费「本年(经济分类="30215") <= 上年(经济分类="30215") 按单位」不成立：左边 2.50 万元，右边 2.00 万元，相差 0.50 万元');
  });

  test('适用范围 restricts a formula to units or to input files', () => {
    expect(run([{ id: 'S1', formula: '本年(经济分类="30215") <= 上年(经济分类="30215")', scope: '102001' }])).toEqual([]);
    expect(run([{ id: 'S2', formula: '本年(经济分类="30215") <= 上年(经济分类="30215")', scope: '县教育局' }]).map((f) => f.rule)).toEqual(['CUSTOM.S2']);
    expect(run([{ id: 'S3', formula: '基本支出!C7 = 1', scope: '明细.xlsx' }]).map((f) => f.message)).toEqual(['审核公式 S3「基本支出!C7 = 1」无法计算：第 1 个字符：找不到工作表“基本支出”']);
  });

  test('CUSTOM.INVALID is an error at the 公式 cell of the 审核公式 sheet, never a pass or a crash', () => {
    const rulesBook: WorkbookGrids = { file: '审核公式.xlsx', sheets: [{ name: '审核公式', cells: [
      ['编号', '公式', '类型', '说明', '适用范围'],
      ['T1', 'SUM(基本支出表!C8:C20) = 基本支出表!C7', '强制', '', ''],
      ['T2', '[支出总表](行="212").合计 = [支出总表](行="21201").合计 + [支出总表](行="21202").合计', '强制', '', ''],
      ['T3', '[支出总表](行="212").基本支出 = 11 * 10000', '提示', '基本支出', ''],
    ] }] };
    const fs = run([], [...WORKBOOKS, rulesBook]);
    expect(fs.map((f) => [f.rule, f.severity, f.location])).toEqual([
      ['CUSTOM.INVALID', 'error', { file: '审核公式.xlsx', sheet: '审核公式', cell: 'B2', row: 2 }],
      ['CUSTOM.T3', 'warning', { file: '表.xlsx', sheet: '支出总表', cell: 'D3', row: 3 }],
    ]);
    expect(fs[0].message).toBe('审核公式 T1「SUM(基本支出表!C8:C20) = 基本支出表!C7」无法计算：第 5 个字符：找不到工作表“基本支出表”');
  });

  test("a data workbook's own 审核公式 apply to that workbook only; its referenced sheets are not reported as skipped", () => {
    const own: WorkbookGrids = { file: '自带.xlsx', sheets: [...DETAIL.sheets, ...TABLES.sheets.filter((s) => s.name === '基本支出'), { name: '审核公式', cells: [
      ['编号', '公式', '类型'],
      ['K1', '本年(经济分类="30215") <= 上年(经济分类="30215") + 基本支出!C7', '强制'],
    ] }] };
    const r = checkWorkbooks([own, { ...DETAIL, file: '其他.xlsx' }]);
    expect(custom(r.findings).map((f) => [f.rule, f.location.file])).toEqual([['CUSTOM.K1', '自带.xlsx']]);
    expect(r.findings.filter((f) => f.rule === 'DATA.NOT_CHECKED' && f.location.sheet === '基本支出')).toEqual([]);
  });

  test('the rules file takes Chinese keys and validates the shape; the formula text is checked when it runs', () => {
    expect(() => checkWorkbooks(WORKBOOKS, { rules: { formulas: [{ 编号: '', 公式: '1<2' }] } })).toThrow(/formulas\.0\.id/);
    expect(() => checkWorkbooks(WORKBOOKS, { rules: { formulas: [{ id: 'x', formula: '1<2', 颜色: '红' }] } })).toThrow(/未知参数/);
  });
});

test('parsing is linear: 19 nested unclosed brackets and a long formula of nested IFs parse in well under a second', () => {
  const t0 = Date.now();
  expect(trialFormula('ABS(('.repeat(19) + '1', data()).error?.text).toMatch(/公式不完整/);
  expect(trialFormula('IF(1>0, '.repeat(18) + '1>0' + ', 1>0)'.repeat(18), data()).rows[0].text).toBe('成立');
  expect(Date.now() - t0).toBeLessThan(1000);
});
