/** Reference standard tables: src/core/tables' generators over the reference aggregation (./common). */
import { type GenerateOptions, tablesWith } from '../../../../src/core/tables';
import type { StandardTable } from '../../../../src/core/tables/model';
import type { BudgetLine } from '../lines';
import { aggregate } from './common';

export function generateTables(lines: readonly BudgetLine[], opts: GenerateOptions = {}): StandardTable[] {
  return tablesWith(aggregate, lines, opts);
}
