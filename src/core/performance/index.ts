/** 绩效目标 sheets: the model, the reader of the three layouts, value checks and project linking. */
export type { Indicator, Level1, PerfGoal } from './model';
export { CLASSIFY_ROWS, isPerformanceSheet, performanceSheetKind, performanceValueColumns, readPerformanceSheet } from './read';
export type { PerformanceRead, PerformanceReadOptions } from './read';
export { linkGoals } from './link';
export type { PerformanceLinks } from './link';
export { costFen, level1Of, level2Of, valueClassifier } from './values';
export type { Vagueness, ValueWords } from './values';
export { MEASURABLE_WORDS, NUMERIC_LEVEL2, VAGUE_WORDS } from './words';
export { goalLookup } from './at';
