/**
 * The “三公”经费 table's items, whether laid out across columns (Shanghai: 合计 | 因公出国（境）费 |
 * 公务接待费 | 公务用车购置及运行费 {小计 | 购置费 | 运行费}) or down rows (county tables: 合计 /
 * 1.因公出国（境）费 / 2.公务接待费 / 3.公务用车购置及运行维护费 / 其中：…). Current year only.
 */
import { normalizeText } from '../../text';
import { columnKey } from './header';
import type { ColumnKey, FilledTable, TableBlock, TableRow } from './model';
import { Value, findNode, isChangeCaption, nodeValue } from './values';

export type ThreePublicItem = 'total' | 'abroad' | 'reception' | 'vehicle' | 'vehiclePurchase' | 'vehicleOperation';
const ITEMS: ReadonlyArray<ThreePublicItem> = ['total', 'abroad', 'reception', 'vehicle', 'vehiclePurchase', 'vehicleOperation'];

export const THREE_PUBLIC_ITEM_ZH: Record<ThreePublicItem, string> = {
  total: '“三公”经费合计',
  abroad: '因公出国（境）费',
  reception: '公务接待费',
  vehicle: '公务用车购置及运行费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行费',
};

function rowKey(label: string): ColumnKey {
  const n = normalizeText(label)
    .replace(/^其中[:：]?/, '')
    .replace(/^[一二三四五六七八九十\d]+[、.．]?/, '');
  if (/^三公经费(支出)?(合计|小计)?$|^(支出)?(合计|小计|总计)$|三公经费(支出)?合计/.test(n)) return 'total';
  return columnKey(n, /公务用车/.test(n) ? ['公务用车'] : []);
}

export interface ThreePublicRowLayout {
  readonly block: TableBlock;
  readonly column: number;
  readonly rows: Partial<Record<ThreePublicItem, TableRow>>;
}

/** The row layout, when the table lists its items down the rows. */
export function threePublicRowLayout(table: FilledTable): ThreePublicRowLayout | null {
  if (table.kind !== 'threePublic') return null;
  const block = table.blocks[0];
  if (!block) return null;
  if (findNode(block, 'abroad') || findNode(block, 'reception')) return null;
  const rows: Partial<Record<ThreePublicItem, TableRow>> = {};
  let count = 0;
  for (const r of block.rows) {
    const k = rowKey(r.label) as ThreePublicItem;
    if (!ITEMS.includes(k) || rows[k]) continue;
    rows[k] = r;
    if (k !== 'total') count++;
  }
  if (count < 2) return null;
  const cur = block.columns.findIndex((c) => !c.prior && !isChangeCaption(c.label) && c.key !== 'breakdown');
  if (cur < 0) return null;
  return { block, column: cur, rows };
}

/** Current-year figures of each item present in the table. */
export function threePublicFigures(table: FilledTable): Partial<Record<ThreePublicItem, Value>> {
  const out: Partial<Record<ThreePublicItem, Value>> = {};
  const layout = threePublicRowLayout(table);
  if (layout) {
    for (const k of ITEMS) {
      const r = layout.rows[k];
      const c = r?.cells[layout.column];
      if (c) out[k] = { fen: c.fen, figures: 1, cell: c };
    }
    return out;
  }
  const block = table.blocks[0];
  if (!block) return out;
  const row = block.rows.find((r) => r.role === 'total') ?? block.rows.find((r) => r.role === 'item' && r.cells.some((c) => c && !c.blank));
  if (!row) return out;
  for (const k of ITEMS) {
    const node = findNode(block, k === 'total' ? 'total' : k);
    if (!node) continue;
    const v = nodeValue(block, row, node, table.kind);
    if (v) out[k] = v;
  }
  return out;
}
