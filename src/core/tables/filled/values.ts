/**
 * Reading figures out of a filled table: the value of a caption (a column or a group of columns) on
 * a row, the totals the cross-table checks compare, and the rounding allowance of SPEC §3.
 */
import type { AmountUnit } from '../../money';
import { normalizeText } from '../../text';
import type { AmountCell, ColumnKey, ColumnNode, FilledTable, TableBlock, TableRow } from './model';

/**
 * SPEC §3: tables in 元 add up exactly; in 万元 each rounded figure may be off by half a display step
 * (0.005 万元 = 5000 分), so a total of n parts may differ from their sum by 0.005 万元 × (n + 1).
 */
export const HALF_STEP_FEN: Record<AmountUnit, number> = { yuan: 0, wan: 5000 };

export function allowance(unit: AmountUnit, roundedFigures: number): number {
  return HALF_STEP_FEN[unit] * roundedFigures;
}

/** A figure: its amount, how many written (rounded) figures it is made of, and where it stands. */
export interface Value {
  readonly fen: number;
  readonly figures: number;
  /** The cell written in the table; absent for a sum the table does not write. */
  readonly cell?: AmountCell;
}

/** Captions of change columns (增减, 增长率) that are not parts of any total. */
export function isChangeCaption(label: string): boolean {
  return /增减|增长|比上年|变动|率|%/.test(normalizeText(label));
}

const THREE_PUBLIC_KEYS: ReadonlySet<ColumnKey> = new Set(['abroad', 'reception', 'vehicle', 'vehiclePurchase', 'vehicleOperation']);

export function isPriorNode(block: TableBlock, n: ColumnNode): boolean {
  if (n.column !== undefined) return block.columns[n.column].prior;
  return n.children.length > 0 && isPriorNode(block, n.children[0]);
}

/** The parts a group's total adds up. */
export function partsOf(block: TableBlock, children: ReadonlyArray<ColumnNode>, total: ColumnNode, kind: FilledTable['kind']): ColumnNode[] {
  const prior = isPriorNode(block, total);
  let parts = children.filter((c) => c !== total && c.key !== 'breakdown' && c.key !== 'total' && !isChangeCaption(c.label) && isPriorNode(block, c) === prior);
  if (kind === 'threePublic') {
    const tp = parts.filter((c) => THREE_PUBLIC_KEYS.has(c.key));
    if (tp.length > 0) parts = tp;
  }
  return parts;
}

/** The total leaf among a group's children (合计/小计 column, or the group's own column). */
export function totalChild(children: ReadonlyArray<ColumnNode>): ColumnNode | undefined {
  return children.find((c) => c.key === 'total' && c.column !== undefined);
}

/** Value of a caption on a row; null when a cell in it could not be read. */
export function nodeValue(block: TableBlock, row: TableRow, n: ColumnNode, kind: FilledTable['kind']): Value | null {
  if (n.column !== undefined) {
    const c = row.cells[n.column];
    return c ? { fen: c.fen, figures: 1, cell: c } : null;
  }
  const t = totalChild(n.children);
  if (t) return nodeValue(block, row, t, kind);
  const parts = n.children.filter((c) => c.key !== 'breakdown' && !isChangeCaption(c.label));
  return sumValues(parts.map((p) => nodeValue(block, row, p, kind)));
}

export function sumValues(vs: ReadonlyArray<Value | null>): Value | null {
  let fen = 0;
  let figures = 0;
  for (const v of vs) {
    if (!v) return null;
    fen += v.fen;
    figures += v.figures;
  }
  return { fen, figures };
}

/** The shallowest current-year caption with this key (breadth first). */
export function findNode(block: TableBlock, key: ColumnKey): ColumnNode | undefined {
  let level: ReadonlyArray<ColumnNode> = block.tree;
  while (level.length > 0) {
    const hit = level.find((n) => n.key === key && !isPriorNode(block, n));
    if (hit) return hit;
    level = level.flatMap((n) => n.children);
  }
  return undefined;
}

/** The block's main figure column: its top total, else the first current-year column. */
export function mainNode(block: TableBlock): ColumnNode | undefined {
  const t = findNode(block, 'total');
  if (t) return t;
  const first = block.columns.findIndex((c) => !c.prior && !isChangeCaption(c.label));
  return first >= 0 ? { label: block.columns[first].label, key: block.columns[first].key, column: first, children: [] } : undefined;
}

function leavesOf(n: ColumnNode): ColumnNode[] {
  return n.column !== undefined ? [n] : n.children.flatMap(leavesOf);
}

/** Caption of a node for messages: "合计", "公务用车购置及运行费小计". */
export function captionOf(block: TableBlock, n: ColumnNode): string {
  if (n.column === undefined) return n.label;
  const path = block.columns[n.column].path;
  const leaf = path[path.length - 1];
  if (/^(小计|合计)$/.test(normalizeText(leaf)) && path.length >= 2 && !/预算数|收入预算|支出预算|^项目$/.test(normalizeText(path[path.length - 2]))) {
    return path[path.length - 2] + leaf;
  }
  return leaf;
}

/** Row description for messages: "20701 文化和旅游". */
export function rowCaption(row: TableRow): string {
  return [row.code ?? '', row.label].filter((s) => s !== '').join(' ');
}

/**
 * The table's total of a caption: its 合计 row, or the sum of its top-level rows when it has none.
 * Used for the code tables (收入总表, 支出总表, 一般公共预算支出表, 基金表, 基本支出表).
 */
export function tableTotal(table: FilledTable, key: ColumnKey | 'main'): Value | null | undefined {
  const block = table.blocks[0];
  if (!block) return table.empty ? { fen: 0, figures: 0 } : undefined;
  const node = key === 'main' ? mainNode(block) : findNode(block, key);
  if (!node) return undefined;
  const totals = block.rows.filter((r) => r.role === 'total');
  const colOf = (r: TableRow) => r.cells.find((c) => c !== null)?.col ?? -1;
  // Two halves side by side, each with its total (人员经费合计 | 公用经费合计): the table's total is both.
  if (totals.length === 2 && colOf(totals[0]) !== colOf(totals[1])) {
    const v = sumValues(totals.map((t) => nodeValue(block, t, node, table.kind)));
    return v ? { fen: v.fen, figures: v.figures } : null;
  }
  const total = totals[0];
  if (total) return nodeValue(block, total, node, table.kind);
  const coded = block.rows.filter((r) => r.role === 'item' && r.code);
  const present = new Set(coded.map((r) => r.code as string));
  const top = coded.filter((r) => ![3, 5].some((len) => len < (r.code as string).length && present.has((r.code as string).slice(0, len))));
  const v = sumValues(top.map((r) => nodeValue(block, r, node, table.kind)));
  return v ? { fen: v.fen, figures: v.figures } : null;
}

export { leavesOf };
