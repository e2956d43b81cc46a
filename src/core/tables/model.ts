/**
 * The neutral model of a standard disclosure table (部门预算公开表). Generators in this folder fill
 * it from budget lines; adapters (exceljs in the CLI, office.js in the pane) render it. Money cells
 * hold exact integer 分 — only the rendering rounds to the display unit.
 */
import type { AmountUnit } from '../money';

/** The ten standard tables (SPEC §4.4). */
export type TableId =
  | 'summary' // 部门收支总表 / 部门财务收支预算总表
  | 'income' // 部门收入总表 / 部门收入预算总表
  | 'expenditure' // 部门支出总表 / 部门支出预算总表
  | 'fiscalSummary' // 财政拨款收支总表
  | 'generalPublic' // 一般公共预算支出表
  | 'generalPublicBasic' // 一般公共预算基本支出表 (economic classification)
  | 'threePublic' // 一般公共预算“三公”经费支出表
  | 'govFund' // 政府性基金预算支出表
  | 'stateCapital' // 国有资本经营预算支出表
  | 'projectPerformance'; // 项目支出绩效目标表

/** national: 财政部 template names, single 科目编码 column, 万元. shanghai: domain §1.2 A, 类/款/项 columns, 元. */
export type TableStyle = 'national' | 'shanghai';

/** 部门 for a department (consolidated), 单位 for one unit's own set. */
export type Entity = '部门' | '单位';

/** How a column's cells are written: money (分, rendered in the table's unit), text, or a code (kept as text). */
export type ColumnKind = 'money' | 'text' | 'code';

export interface TableColumn {
  /** Stable key for tests and adapters ("total", "basic", "name", "class" …). */
  readonly key: string;
  readonly kind: ColumnKind;
  /** Suggested width in character cells (a CJK character counts 2); adapters may widen. */
  readonly width: number;
  /** Text columns that hold the row's name get the level indent. */
  readonly indent?: boolean;
  /** Long text (绩效目标) wraps instead of widening the column. */
  readonly wrap?: boolean;
}

/** One caption of the multi-row header; row and col are 0-based inside the header block. */
export interface HeaderCell {
  readonly text: string;
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

/** A cell value: 分 (integer) in money columns, text in text/code columns, null for blank. */
export type TableValue = number | string | null;

export interface TableRow {
  /** Aligned with `columns`. */
  readonly cells: TableValue[];
  /** Classification code of the row ('207', '20701', '2070101', '30101'), '' for other rows. */
  readonly code: string;
  /** The row's label without numbering or indentation. */
  readonly name: string;
  /** 1 = 类, 2 = 款, 3 = 项; 0 for rows outside a classification (总计, income items…). */
  readonly level: 0 | 1 | 2 | 3;
  /** 合计 / 总计 rows. */
  readonly isTotal: boolean;
}

export interface StandardTable {
  readonly id: TableId;
  readonly style: TableStyle;
  /** Full title, e.g. "2026年部门收支总表". */
  readonly title: string;
  /** Short name for a sheet tab, e.g. "部门收支总表". */
  readonly shortName: string;
  /** Left part of the unit line: "编制部门：XXX". */
  readonly preparedBy: string;
  /** Right part of the unit line: "单位：万元". */
  readonly unitLabel: string;
  /** Unit the money cells are displayed in. */
  readonly amountUnit: AmountUnit;
  readonly orientation: 'portrait' | 'landscape';
  readonly columns: readonly TableColumn[];
  readonly headerRows: number;
  readonly header: readonly HeaderCell[];
  readonly rows: readonly TableRow[];
  /** Statements printed under the table (the empty-table statement of SPEC §4.4, scope notes). */
  readonly notes: readonly string[];
  /** True when the table has no data (政府性基金 / 国有资本经营 tables of units without such budget). */
  readonly empty: boolean;
}

/** The value of one column of a row, by column key (undefined when the table has no such column). */
export function cellOf(table: StandardTable, row: TableRow, key: string): TableValue | undefined {
  const i = table.columns.findIndex((c) => c.key === key);
  return i < 0 ? undefined : row.cells[i];
}

/** Money of one column of a row in 分; blank counts 0. */
export function fenOf(table: StandardTable, row: TableRow, key: string): number {
  const v = cellOf(table, row, key);
  return typeof v === 'number' ? v : 0;
}
