/**
 * The “三公”经费 table's items, whether laid out across columns (Shanghai: 合计 | 因公出国（境）费 |
 * 公务接待费 | 公务用车购置及运行费 {小计 | 购置费 | 运行费}) or down rows (county tables: 合计 /
 * 1.因公出国（境）费 / 2.公务接待费 / 3.公务用车购置及运行维护费 / 其中：…). Current year only.
 */
import { normalizeText } from '../../text';
import { columnKey } from './header';
import type { ColumnKey, ColumnNode, FilledTable, TableBlock, TableRow } from './model';
import { Value, findNode, isChangeCaption, leavesOf, nodeValue, totalChild } from './values';

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

/**
 * The “三公”经费 group of the header, when the table has one: its total is the 三公 total, not the
 * table's 合计 when that also adds 会议费 and 培训费 (江苏 “三公”经费、会议费、培训费支出预算表).
 */
function threePublicGroup(block: TableBlock): ColumnNode | undefined {
  let level: ReadonlyArray<ColumnNode> = block.tree;
  while (level.length > 0) {
    const hit = level.find((n) => n.children.length > 0 && /^三公经费/.test(normalizeText(n.label)) && totalChild(n.children) !== undefined
      && leavesOf(n).every((l) => !block.columns[l.column as number].prior));
    if (hit) return hit;
    level = level.flatMap((n) => n.children);
  }
  return undefined;
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
    const node = k === 'total' ? threePublicGroup(block) ?? findNode(block, 'total') : findNode(block, k);
    if (!node) continue;
    const v = nodeValue(block, row, node, table.kind);
    if (v) out[k] = v;
  }
  return out;
}

/**
 * Whole captions of a “三公” header, as printed (normalizeText form). A caption cut over two or three
 * PDF lines ("因公出国" / "（境）费", "公务接" / "待费", "公务用车" / "运行维护" / "费") is joined back
 * when its pieces, read down one column, make one of these.
 */
const THREE_PUBLIC_CAPTIONS: ReadonlyArray<RegExp> = [
  /^三公经费(预算数?)?$/,
  /^因公出国境费用?$/,
  /^(国内)?公务接待费$/,
  /^公务用车购置及运行(维护)?费$/,
  /^公务用车购置费$/,
  /^公务用车运行(维护)?费$/,
  /^会议费$/,
  /^培训费$/,
  /^机关运行经费(预算数?)?$/,
  /^(合计|小计)$/,
];

/** The 预算数 | 决算数 pair under each item of a 决算 “三公” table. */
const STAGE = /^(预算数|决算数)$/;

function wholeCaption(text: string): boolean {
  const n = normalizeText(text);
  return THREE_PUBLIC_CAPTIONS.some((re) => re.test(n));
}

/** One column's captions, top down, with split captions joined ("因公出国" + "（境）费"). */
function columnCaptions(pieces: ReadonlyArray<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let next = pieces[i];
    if (!wholeCaption(next)) {
      for (let j = Math.min(pieces.length - 1, i + 2); j > i; j--) {
        const joined = pieces.slice(i, j + 1).join('');
        if (wholeCaption(joined)) {
          next = joined;
          i = j;
          break;
        }
      }
    }
    out.push(next);
  }
  return out;
}

/**
 * Caption paths of a “三公” table whose header `pdftotext -layout` printed as lines rather than
 * cells (江苏 2018–2019 “三公”经费、会议费、培训费支出预算表): group captions stand in one column of
 * their span (“三公”经费 and 公务用车购置及运行维护费 over the vehicle 小计), captions are split over
 * lines. Each column is read on its own, its pieces joined into whole captions, and placed under
 * the groups the table is made of (domain §1.2: 合计 = 出国 + 接待 + 车小计; 小计 = 购置 + 运行):
 * the items under 三公经费, 购置费 and 运行费 under the vehicle group; 会议费, 培训费 and
 * 机关运行经费 beside it. With 合计 and 小计 both outside the vehicle group, 合计 is the table's own
 * total and 小计 the 三公 one. Null unless at least two 三公 items are found this way.
 */
export function threePublicSplitPaths(cells: ReadonlyArray<ReadonlyArray<unknown>>, h0: number, h1: number, width: number): string[][] | null {
  const captions: string[][] = [];
  const stages: Array<string | null> = [];
  const topStages: Array<string | null> = [];
  for (let c = 0; c < width; c++) {
    const pieces: string[] = [];
    for (let r = h0; r <= h1; r++) {
      const v = cells[r]?.[c];
      const t = typeof v === 'string' ? v.trim() : '';
      if (t !== '') pieces.push(t);
    }
    const cs = columnCaptions(pieces);
    // 预算数 | 决算数 over a whole block of items (佛山 2019 决算: 预算数 over 合计 … 公务接待费, then
    // 决算数 over the same six), standing in one column of its block: placed below, by block.
    topStages.push(cs.length > 1 && STAGE.test(normalizeText(cs[0])) ? (cs.shift() as string) : null);
    // 决算 tables split each item into 预算数 | 决算数; the item's caption stands over the pair.
    const stage = cs.length > 0 && STAGE.test(normalizeText(cs[cs.length - 1])) ? (cs.pop() as string) : null;
    if (cs.length === 0 && stage && c > 0 && stages[c - 1] !== null) cs.push(...captions[c - 1]);
    captions.push(cs);
    stages.push(stage);
  }
  const keyOf = (cap: string): ColumnKey => {
    const n = normalizeText(cap);
    return columnKey(n, /公务用车/.test(n) ? ['公务用车'] : []);
  };
  const all = captions.flat();
  const group = all.find((x) => /^三公经费/.test(normalizeText(x))) ?? '“三公”经费';
  const vehicle = all.find((x) => keyOf(x) === 'vehicle') ?? '公务用车购置及运行费';
  const ITEM_KEYS: ReadonlyArray<ColumnKey> = ['abroad', 'reception', 'vehiclePurchase', 'vehicleOperation'];
  const leafOf = (c: number) => captions[c][captions[c].length - 1] ?? '';
  const items = captions.filter((cs) => cs.length > 0 && ITEM_KEYS.includes(keyOf(cs[cs.length - 1])));
  if (items.length < 2) return null;
  const isTotal = (cap: string) => /^(合计|小计)$/.test(normalizeText(cap));
  // A 小计 belongs to the vehicle group when the vehicle caption stands over it, or when the next
  // item to its right is the vehicle's 购置费 or 运行费 (the caption centred over the group).
  const inVehicle = (c: number) => {
    if (captions[c].some((x) => keyOf(x) === 'vehicle')) return true;
    for (let d = c + 1; d < width; d++) {
      if (captions[d].length === 0 || leafOf(d) === leafOf(c)) continue;
      const k = keyOf(leafOf(d));
      return k === 'vehicle' || k === 'vehiclePurchase' || k === 'vehicleOperation';
    }
    return false;
  };
  // Blocks of a top stage: each opens at an outer 合计; the n-th block is under the n-th stage.
  const tops = topStages.filter((x): x is string => x !== null);
  const opens = captions.map((cs, c) => cs.length > 0 && normalizeText(leafOf(c)) === '合计' && !inVehicle(c)).map((b, c) => (b ? c : -1)).filter((c) => c >= 0);
  if (tops.length >= 2 && opens.length === tops.length && new Set(tops.map(normalizeText)).size === tops.length) {
    for (let c = 0; c < width; c++) {
      if (captions[c].length === 0 || stages[c] !== null) continue;
      let b = -1;
      for (let i = 0; i < opens.length; i++) if (opens[i] <= c) b = i;
      if (b >= 0) stages[c] = tops[b];
    }
  }
  const outerTotals = new Set(captions.map((cs, c) => (cs.length > 0 && isTotal(leafOf(c)) && !inVehicle(c) ? leafOf(c) : null)).filter((x) => x !== null)).size;
  return captions.map((cs, c) => {
    if (cs.length === 0) return [];
    const leaf = leafOf(c);
    const key = keyOf(leaf);
    let path: string[];
    if (isTotal(leaf)) {
      if (inVehicle(c)) path = [group, vehicle, leaf];
      else if (outerTotals >= 2 && normalizeText(leaf) === '合计') path = [leaf];
      else path = [group, leaf];
    } else if (key === 'vehicle') path = [group, vehicle];
    else if (key === 'vehiclePurchase' || key === 'vehicleOperation') path = [group, vehicle, leaf];
    else if (key === 'abroad' || key === 'reception') path = [group, leaf];
    else path = [leaf];
    // The stage heads the path, so that each stage's columns form one tree (read.ts puts 决算数 first).
    const stage = stages[c];
    return stage ? [stage, ...path] : path;
  });
}
