/** Shared helpers of the table tests: flatten a table to comparable rows, convert published 元 text to 分. */
import type { StandardTable, TableValue } from '../../../src/core/tables';
import { yuan } from '../../fixtures/example-b-lines';

/** Rows as arrays of cells (分 in money columns, text elsewhere). */
export function flat(table: StandardTable): TableValue[][] {
  return table.rows.map((r) => r.cells.slice());
}

/**
 * Published rows written as text ('207', '', '', '文化…', '199,337,712', '', …) to cells: the columns
 * marked money become 分 (blank = 0), the others stay text.
 */
export function published(table: StandardTable, rows: ReadonlyArray<readonly string[]>): TableValue[][] {
  return rows.map((r) => r.map((c, i) => (table.columns[i].kind === 'money' ? yuan(c === '' ? '0' : c) : c)));
}

export function byId(tables: readonly StandardTable[], id: StandardTable['id']): StandardTable {
  const t = tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}
