/**
 * 审核公式 (issue 15): checks that budget staff write themselves, in a language close to Excel's —
 * cells and ranges of named sheets, rows by label or code, SUMIFS-like aggregates over the budget
 * lines (按单位 per unit), comparisons with a tolerance, ABS/ROUND/IF/AND/OR. Pure: grids and lines
 * in, findings or values out. docs/审核公式.md teaches the language.
 */
import type { RuleId } from '../rules/catalogue';
export type { FormulaAst, Expr } from './ast';
export { FormulaError } from './errors';
export { formulaErrors, position } from './messages';
export { parseFormula, formulaSheetNames, MAX_FORMULA_LENGTH, MAX_DEPTH } from './parse';
export { runFormulas, trialFormula, formulaType, customRuleId, INVALID_RULE, MAX_FORMULAS, valueText } from './run';
export type { FormulaDef, FormulaData, FormulaType, TrialResult, TrialRow } from './run';
export { FORMULA_PRESETS, NATIONAL_TABLE_FORMULAS } from './presets';
export type { FormulaPreset } from './presets';

/** The rule codes the 审核公式' own (besides CUSTOM.<编号>) findings may carry (rows of rules/catalogue.ts; tests/core/catalogue.test.ts holds them to it). */
export const FORMULAS_EMITS: ReadonlyArray<RuleId> = ['CUSTOM.INVALID'];
