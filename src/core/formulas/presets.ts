/**
 * Presets: the 表间勾稽 of the national 公开表 (what TABLES.CROSS_TABLE checks, src/core/tables/filled/
 * cross.ts) written as 审核公式, for staff to read, copy and adapt. Tables are named by their national
 * titles; a workbook in the Shanghai family's words is found by the same names (see sheets.ts).
 * 容差 100 元 is the rounding allowance of two figures in 万元 (half of 0.01 万元 each); in 元 tables
 * it can be removed. tests/core/formulas/presets.test.ts shows that these formulas and
 * TABLES.CROSS_TABLE agree on the example workbooks, with and without planted errors.
 */
import type { FormulaDef } from './run';

export interface FormulaPreset {
  id: string;
  name: string;
  description: string;
  formulas: ReadonlyArray<Pick<FormulaDef, 'id' | 'formula' | 'type' | 'note'>>;
}

/** Income all 财政拨款: the condition under which the two summary tables must agree. */
const FISCAL_ONLY = '[部门收支总表](行="收入总计") = [部门收支总表](行="一般公共预算拨款收入") + [部门收支总表](行="政府性基金预算拨款收入") + [部门收支总表](行="国有资本经营预算拨款收入")';
/** Income only 一般公共预算. */
const GENERAL_ONLY = '[部门收支总表](行="收入总计") = [部门收支总表](行="一般公共预算拨款收入")';

export const NATIONAL_TABLE_FORMULAS: FormulaPreset['formulas'] = [
  { id: '公开表01', type: '强制', note: '部门收支总表收入总计应等于支出总计', formula: '[部门收支总表](行="支出总计") = [部门收支总表](行="收入总计") 容差 100' },
  { id: '公开表02', type: '强制', note: '财政拨款收支总表收入总计应等于支出总计', formula: '[财政拨款收支总表](行="支出总计") = [财政拨款收支总表](行="收入总计") 容差 100' },
  { id: '公开表03', type: '强制', note: '收入全部为财政拨款时，财政拨款收支总表应与收支总表一致', formula: `IF(${FISCAL_ONLY}, [财政拨款收支总表](行="收入总计") = [部门收支总表](行="收入总计"), TRUE) 容差 100` },
  { id: '公开表04', type: '强制', note: '支出总表合计应等于收支总表本年支出', formula: '[部门支出总表](行="合计").合计 = [部门收支总表](行="本年支出合计") 容差 100' },
  { id: '公开表05', type: '强制', note: '收入总表合计应等于收支总表收入总计', formula: '[部门收入总表](行="合计").合计 = [部门收支总表](行="收入总计") 容差 100' },
  { id: '公开表06', type: '强制', note: '一般公共预算支出表基本支出应等于一般公共预算基本支出表合计', formula: '[一般公共预算支出表](行="合计").基本支出 = [一般公共预算基本支出表](行="合计").合计 容差 100' },
  {
    id: '公开表07', type: '强制', note: '支出总表基本支出应等于一般公共预算基本支出表合计（含政府性基金、国有资本经营预算基本支出）',
    formula: `IF(${FISCAL_ONLY}, [部门支出总表](行="合计").基本支出 = [一般公共预算基本支出表](行="合计").合计 + [政府性基金预算支出表](行="合计").基本支出 + [国有资本经营预算支出表](行="合计").基本支出, TRUE) 容差 200`,
  },
  { id: '公开表08', type: '强制', note: '仅有一般公共预算时，一般公共预算支出表应与支出总表一致（合计）', formula: `IF(${GENERAL_ONLY}, [一般公共预算支出表](行="合计").合计 = [部门支出总表](行="合计").合计, TRUE) 容差 100` },
  { id: '公开表09', type: '强制', note: '仅有一般公共预算时，一般公共预算支出表应与支出总表一致（基本支出）', formula: `IF(${GENERAL_ONLY}, [一般公共预算支出表](行="合计").基本支出 = [部门支出总表](行="合计").基本支出, TRUE) 容差 100` },
  { id: '公开表10', type: '强制', note: '仅有一般公共预算时，一般公共预算支出表应与支出总表一致（项目支出）', formula: `IF(${GENERAL_ONLY}, [一般公共预算支出表](行="合计").项目支出 = [部门支出总表](行="合计").项目支出, TRUE) 容差 100` },
  {
    id: '公开表11', type: '强制', note: '财政拨款收支总表支出应等于三张支出表合计之和',
    formula: '[财政拨款收支总表](行="支出总计") = [一般公共预算支出表](行="合计").合计 + [政府性基金预算支出表](行="合计").合计 + [国有资本经营预算支出表](行="合计").合计 容差 200',
  },
  { id: '公开表12', type: '强制', note: '财政拨款收支总表一般公共预算支出应等于一般公共预算支出表合计', formula: '[财政拨款收支总表](行="支出总计").一般公共预算 = [一般公共预算支出表](行="合计").合计 容差 100' },
  { id: '公开表13', type: '强制', note: '财政拨款收支总表政府性基金预算支出应等于政府性基金预算支出表合计', formula: '[财政拨款收支总表](行="支出总计").政府性基金预算 = [政府性基金预算支出表](行="合计").合计 容差 100' },
  { id: '公开表14', type: '强制', note: '财政拨款收支总表国有资本经营预算支出应等于国有资本经营预算支出表合计', formula: '[财政拨款收支总表](行="支出总计").国有资本经营预算 = [国有资本经营预算支出表](行="合计").合计 容差 100' },
  { id: '公开表15', type: '强制', note: '基本支出表中的公务接待费不应超过“三公”经费表的公务接待费', formula: '[一般公共预算基本支出表](行="30217").合计 <= [一般公共预算“三公”经费支出表].本年预算数.公务接待费 容差 100' },
  { id: '公开表16', type: '强制', note: '基本支出表中的公务用车运行维护费不应超过“三公”经费表的公务用车运行费', formula: '[一般公共预算基本支出表](行="30231").合计 <= [一般公共预算“三公”经费支出表].本年预算数.公务用车运行费 容差 100' },
];

export const FORMULA_PRESETS: ReadonlyArray<FormulaPreset> = [
  { id: 'national-tables', name: '全国公开表表间勾稽', description: '部门预算公开表（财政部格式）之间的勾稽关系，与内置的 TABLES.CROSS_TABLE 一致', formulas: NATIONAL_TABLE_FORMULAS },
];
