/**
 * The model of a filled standard table (公开表) as read from a workbook: which table it is, where it
 * stands, its unit, and its rows and amount columns. Readers build it; the checks only read it.
 */
import type { AmountUnit } from '../../money';

/** The ten standard tables of SPEC §4.4 (domain §1.1). */
export type TableKind =
  | 'summary' // 部门收支总表 / 部门财务收支预算总表
  | 'income' // 部门收入总表 / 部门收入预算总表
  | 'expense' // 部门支出总表 / 部门支出预算总表
  | 'fiscalSummary' // 财政拨款收支总表 / 部门财政拨款收支预算总表
  | 'generalExpense' // 一般公共预算支出表 / 部门一般公共预算支出功能分类预算表
  | 'generalBasic' // 一般公共预算基本支出表 / 部门一般公共预算基本支出部门预算经济分类预算表
  | 'threePublic' // 一般公共预算“三公”经费支出表 / 部门“三公”经费和机关运行经费预算表
  | 'govFund' // 政府性基金预算支出表 / 部门政府性基金预算支出功能分类预算表
  | 'stateCapital' // 国有资本经营预算支出表 / 部门国有资本经营预算支出功能分类预算表
  | 'performance'; // 项目支出绩效目标表 (national set only)

/** 预算 tables, or the 部门决算 set (收入支出决算总表 …), whose figures are rounded from 元. */
export type TableStage = 'budget' | 'final';

/** Naming families seen in practice: the 财政部 template names, and the Shanghai district names. */
export type NamingFamily = 'national' | 'shanghai';

/**
 * Semantic meaning of an amount column, from its header path. `total` is 合计/小计/总计 of its
 * group; the rest name what the column holds.
 */
export type ColumnKey =
  | 'total' | 'amount' | 'basic' | 'project' | 'personnel' | 'public'
  | 'general' | 'fund' | 'capital' | 'fiscal'
  | 'abroad' | 'reception' | 'vehicle' | 'vehiclePurchase' | 'vehicleOperation' | 'adminOperation'
  | 'breakdown' | 'other';

export interface TableColumn {
  /** 0-based index into the grid's cells. */
  readonly index: number;
  /** 1-based sheet column. */
  readonly col: number;
  /** Header captions from the top header row down, merged captions repeated, empties dropped. */
  readonly path: ReadonlyArray<string>;
  /** The lowest caption (the leaf). */
  readonly label: string;
  readonly key: ColumnKey;
  /** Column belongs to a 上年 (prior-year) block of the header. */
  readonly prior: boolean;
}

/** The header as a tree: a group caption spanning columns over its sub-captions. */
export interface ColumnNode {
  readonly label: string;
  readonly key: ColumnKey;
  /** Set for leaves. Position in TableBlock.columns. */
  readonly column?: number;
  readonly children: ReadonlyArray<ColumnNode>;
}

export interface AmountCell {
  readonly fen: number;
  /** Empty, "-" or "—": reads as 0 but is not a written figure. */
  readonly blank: boolean;
  /** 1-based sheet row and column, and the A1 address. */
  readonly row: number;
  readonly col: number;
  readonly address: string;
}

/**
 * Row roles. Code tables: `item` (a row with a classification code, or a named row without one),
 * `total` (合计). Summary tables (收支总表): `item` for 一、… rows, `child` for 1.…/（一）… rows under
 * them, `yearTotal` (本年收入合计), `grandTotal` (收入总计/支出总计). `breakdown`: 其中… rows.
 */
export type RowRole = 'item' | 'child' | 'total' | 'yearTotal' | 'grandTotal' | 'breakdown';

export interface TableRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly label: string;
  /** Classification code assembled from one column or from 类/款/项 columns, null when none. */
  readonly code: string | null;
  readonly role: RowRole;
  /** Aligned with TableBlock.columns; null where the cell could not be read as money. */
  readonly cells: ReadonlyArray<AmountCell | null>;
}

/**
 * A set of amount columns with their rows. Code tables have one block; 收支总表 and 财政拨款收支总表
 * have two side by side (income on the left, expense on the right).
 */
export interface TableBlock {
  readonly side: 'single' | 'income' | 'expense';
  readonly columns: ReadonlyArray<TableColumn>;
  readonly tree: ReadonlyArray<ColumnNode>;
  readonly rows: ReadonlyArray<TableRow>;
}

export interface FilledTable {
  readonly kind: TableKind;
  /** Family of this table's title, null when the title fits both (e.g. 项目支出绩效目标表). */
  readonly family: NamingFamily | null;
  readonly stage: TableStage;
  /** The title as written. */
  readonly title: string;
  readonly sheet: string;
  /** 1-based sheet row and A1 cell of the title; absent when the title is the sheet name. */
  readonly titleRow?: number;
  readonly titleCell?: string;
  /** 1-based sheet rows the table spans (title to the row before the next table). */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly amountUnit: AmountUnit;
  /** Whether the unit was stated (unit line or header suffix) rather than assumed. */
  readonly amountUnitFound: boolean;
  /** 编制部门/编制单位 from the unit line, when given. */
  readonly department?: string;
  readonly blocks: ReadonlyArray<TableBlock>;
  /** No data row carries a non-zero amount. */
  readonly empty: boolean;
  /** A statement that the table is empty on purpose ("…故本表为空表"), when present. */
  readonly statement: string | null;
  /** Why the table's figures could not be read (no header, no amount columns); null when readable. */
  readonly problem: string | null;
}
