/**
 * Generated sheets for the per-unit property tests (issues 18 §4 and 19 §4): synth sheets
 * (src/testing/synth.ts) of several units with distinctive names, then mutated the way hostile or
 * careless submissions are: unit codes and names blanked, a name swapped for another unit's, an
 * uncached unit-name formula, 小计 rows moved above their block, unreadable amounts anywhere.
 * Every row keeps the unit the generator wrote it for (`truth`), whatever the reader makes of it.
 */
import fc from 'fast-check';
import type { Cell, Grid } from '../../src/core/grid';
import type { AmountUnit } from '../../src/core/money';
import { synthSheet, SynthLayout, SynthResult } from '../../src/testing/synth';

/** No name contains another, none contains a digit. */
export const UNIT_NAMES = ['青松局', '白桦所', '红枫站', '金桂院', '紫藤中心', '银杏馆', '翠柏处', '丹桂队'];

export interface TruthUnit {
  code: string;
  name: string;
}

export interface UnitCase {
  grid: Grid;
  amountUnit: AmountUnit;
  /** Per grid row: the index into units of the unit the row was written for, -1 for none (frame, 合计, blank). */
  truth: number[];
  units: TruthUnit[];
  /** Grid rows of the header's end (the frame is rows 0..headerEnd). */
  headerEnd: number;
  /** Columns holding money. */
  moneyCols: number[];
  unitCodeColumn: boolean;
}

export interface CaseOptions {
  /** Mutate unit cells (blank, swapped, uncached) — off for the exact-membership property of issue 18. */
  unitMutations: boolean;
}

const optionsArb = fc.record({
  lines: fc.integer({ min: 2, max: 30 }),
  units: fc.integer({ min: 2, max: 5 }),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  layout: fc.constantFrom<SynthLayout>('long', 'wide', 'split', 'kindSplit'),
  unit: fc.constantFrom<AmountUnit>('yuan', 'wan'),
  amountText: fc.constantFrom(0, 0.3),
  twoRowHeader: fc.boolean(),
  subtotals: fc.boolean(),
  total: fc.constantFrom<'top' | 'bottom' | 'none'>('top', 'bottom', 'none'),
  unitCells: fc.constantFrom<'every' | 'merged' | 'once'>('every', 'merged', 'once'),
  blankRows: fc.boolean(),
  breakdownRows: fc.constantFrom(0, 0.4),
  unitCodeColumn: fc.boolean(),
  priorColumns: fc.boolean(),
  firstUnit: fc.integer({ min: 0, max: 20 }),
});

const mutationArb = fc.record({
  row: fc.nat(),
  what: fc.constantFrom('blankCode', 'blankName', 'swapName', 'noCache', 'bad', 'bad', 'bad'),
  col: fc.nat(),
});

export function unitCaseArb(o: CaseOptions): fc.Arbitrary<UnitCase> {
  return fc
    .record({
      opts: optionsArb,
      mutations: fc.array(mutationArb, { maxLength: 6 }),
      moveSubtotals: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      badSpecial: fc.array(fc.tuple(fc.constantFrom('total', 'subtotal', 'breakdown'), fc.nat(), fc.nat()), { maxLength: 2 }),
    })
    .map((m) => build(o, m.opts, m.mutations, m.moveSubtotals, m.badSpecial));
}

type Opts = typeof optionsArb extends fc.Arbitrary<infer T> ? T : never;

function build(
  o: CaseOptions,
  opts: Opts,
  mutations: { row: number; what: string; col: number }[],
  moveSubtotals: boolean[],
  badSpecial: [string, number, number][],
): UnitCase {
  const units = Math.min(opts.units, opts.lines);
  const s: SynthResult = synthSheet({ ...opts, units, unitNames: UNIT_NAMES, title: '2025年部门预算明细表' });
  const e = s.expected;
  const truthUnits = e.units.map((u) => ({ code: u.code, name: u.name }));
  const rows: Cell[][] = s.grid.cells.map((r) => r.slice());
  const truth: number[] = rows.map(() => -1);
  e.units.forEach((u, i) => {
    for (let r = u.firstRow; r <= u.lastRow; r++) truth[r] = i;
    if (u.subtotalRow !== null) truth[u.subtotalRow] = i;
  });
  for (const r of e.blankRows) truth[r] = -1;
  // A 合计 is the sheet's: it belongs to a unit only on a single-unit sheet.
  if (e.totalRow !== null) truth[e.totalRow] = e.units.length === 1 ? 0 : -1;
  const moneyCols = e.amountColumns.map((c) => c.col).concat(e.columns.priorAmount !== undefined ? [e.columns.priorAmount] : []);
  const codeCol = e.columns.unitCode;
  const nameCol = e.columns.unitName as number;
  const lineRows = rows.map((_, r) => r).filter((r) => r >= e.firstDataRow && truth[r] >= 0 && !e.subtotalRows.includes(r) && !e.breakdownRows.includes(r) && r !== e.totalRow);

  const swaps: [number, Cell][] = [];
  const bad = (r: number, k: number) => (rows[r][moneyCols[k % moneyCols.length]] = '12..5');
  for (const m of mutations) {
    if (lineRows.length === 0) break;
    const r = lineRows[m.row % lineRows.length];
    if (m.what === 'bad') bad(r, m.col);
    else if (!o.unitMutations) continue;
    else if (m.what === 'blankCode' && codeCol !== undefined) rows[r][codeCol] = null;
    // Without a code column a name is the unit: a swapped name names another unit, and a blank one at
    // a block's first row reads like a name written once above (the reader cannot tell; not tested).
    else if (m.what === 'blankName' && (codeCol !== undefined || truth[r - 1] === truth[r])) rows[r][nameCol] = null;
    else if (m.what === 'swapName' && codeCol !== undefined) {
      swaps.push([r, rows[r][nameCol]]);
      rows[r][nameCol] = truthUnits[(truth[r] + 1 + (m.col % (truthUnits.length - 1 || 1))) % truthUnits.length].name;
    }
    else if (m.what === 'noCache') rows[r][nameCol] = { error: '#NO_CACHE' };
  }
  // A swapped name is detectable only while the unit's code is written with its true name elsewhere
  // (else the sheet consistently says the code is the other unit's): undo the others.
  // With its code also blanked, a swapped name reads as the named unit continuing: undo that too.
  // Whether no other row writes row r's unit code with `name` (true also when row r has no code).
  const codeNotWrittenWith = (r: number, name: Cell) => {
    const code = rows[r][codeCol as number];
    return code === null || code === undefined || !rows.some((row, r2) => r2 !== r && row[codeCol as number] === code && row[nameCol] === name);
  };
  for (const [r, name] of swaps.reverse()) if (codeNotWrittenWith(r, name)) rows[r][nameCol] = name;
  // Both unit cells blank on a block's first row reads as the unit above continuing (as a unit written
  // once per block does): nothing can tell, so keep the code there.
  if (codeCol !== undefined) {
    for (const m of mutations) {
      const r = lineRows.length ? lineRows[m.row % lineRows.length] : -1;
      if (r > 0 && rows[r][codeCol] === null && rows[r][nameCol] === null && truth[r - 1] !== truth[r]) rows[r][codeCol] = s.grid.cells[r][codeCol];
    }
  }
  // Checked again on the final cells until nothing changes: a name blanked elsewhere, or a swap undone,
  // can leave a kept swap with no row writing its code with the true name (then undecidable too).
  for (let changed = codeCol !== undefined; changed; ) {
    changed = false;
    for (const [r] of swaps) {
      const name = truthUnits[truth[r]].name;
      const now = rows[r][nameCol];
      if (now === name || !truthUnits.some((u) => u.name === now)) continue;
      if (codeNotWrittenWith(r, name)) {
        rows[r][nameCol] = name;
        changed = true;
      }
    }
  }
  for (const [kind, i, k] of badSpecial) {
    const list = kind === 'total' ? (e.totalRow !== null ? [e.totalRow] : []) : kind === 'subtotal' ? [...e.subtotalRows] : [...e.breakdownRows];
    if (list.length) bad(list[i % list.length], k);
  }

  // 小计 rows moved above their block (merged unit cells would then cover the wrong rows: skipped).
  let grid: Grid = { ...s.grid, cells: rows };
  if (o.unitMutations && opts.subtotals && opts.unitCells !== 'merged') {
    const order = rows.map((_, r) => r);
    e.units.forEach((u, i) => {
      if (!moveSubtotals[i % moveSubtotals.length] || u.subtotalRow === null) return;
      const from = order.indexOf(u.subtotalRow);
      order.splice(from, 1);
      order.splice(order.indexOf(u.firstRow), 0, u.subtotalRow);
    });
    grid = { ...s.grid, cells: order.map((r) => rows[r]) };
    const t = order.map((r) => truth[r]);
    truth.length = 0;
    truth.push(...t);
  }
  return { grid, amountUnit: e.amountUnit, truth, units: truthUnits, headerEnd: e.firstDataRow - 1, moneyCols, unitCodeColumn: codeCol !== undefined };
}
