/** The frozen, straightforward implementation the optimised core is compared with (see README.md). */
export { checkWorkbooks as referenceCheckWorkbooks } from './core/check';
export { parseAmount as referenceParseAmount } from './core/money';
export { generateTables as referenceGenerateTables } from './core/tables';
