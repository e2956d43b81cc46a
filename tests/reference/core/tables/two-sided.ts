/**
 * Two-sided 收支 tables (收支总表, 财政拨款收支总表): income items on the left, one row per function
 * 类 on the right, numbered 一、二、…, with the totals on the last rows (domain §1.2 A tables 1 and 4).
 */
import { type CodeNode, chineseNumeral } from './common';
import { type TableContext, functionName, row } from './layout';
import type { TableRow, TableValue } from './model';

export interface SideItem {
  readonly label: string;
  readonly values: readonly number[];
}

/** "一、文化旅游体育与传媒支出" for each 类 row. */
export function classItems(ctx: TableContext, classes: readonly CodeNode[]): Array<SideItem & { code: string }> {
  return classes.map((n, i) => ({ code: n.code, label: `${chineseNumeral(i + 1)}、${functionName(ctx, n.code)}`, values: n.values }));
}

/**
 * Body rows pairing left[i] with right[i] (the shorter side padded with blanks), then the tail rows
 * pairing totals. Row name = the left label, row code = the right side's 类 code.
 */
export function twoSidedRows(
  left: readonly SideItem[],
  right: ReadonlyArray<SideItem & { code?: string }>,
  leftWidth: number,
  rightWidth: number,
  tail: ReadonlyArray<{ left: SideItem; right: SideItem; isTotal: boolean }>,
): TableRow[] {
  const side = (item: SideItem | undefined, width: number): TableValue[] =>
    item ? [item.label, ...item.values] : [null, ...new Array<TableValue>(width).fill(null)];
  const rows: TableRow[] = [];
  const n = Math.max(left.length, right.length);
  for (let i = 0; i < n; i++) {
    const l = left[i];
    const r = right[i];
    rows.push(row([...side(l, leftWidth), ...side(r, rightWidth)], r?.code ?? '', l?.label ?? '', 0));
  }
  for (const t of tail) rows.push(row([...side(t.left, leftWidth), ...side(t.right, rightWidth)], '', t.left.label, 0, t.isTotal));
  return rows;
}

/** Σ over every function code of `f(vec)`. */
export function sumAll(ctx: TableContext, f: (vec: readonly number[]) => number): number {
  let s = 0;
  for (const vec of ctx.agg.byFunction.values()) s += f(vec);
  return s;
}
