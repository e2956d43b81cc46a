/**
 * Row heights of tables with merged areas (sheet-geometry rowHeights): no row above Excel's 409 pt,
 * and a merged area gets all it needs whenever its rows can hold it — a row already at the cap
 * passes its share to the others instead of losing it.
 */
import fc from 'fast-check';
import { MAX_ROW_PT, rowHeights } from '../../../src/core/tables/sheet-geometry';
import type { Area } from '../../../src/core/tables/sheet-geometry';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}行`).join('\n');
const sum = (h: number[], from: number, to: number) => h.slice(from, to).reduce((s, x) => s + x, 0);
const WIDTHS = [12, 12];

test('a merged area beside a row near the cap still gets its full height from the other rows', () => {
  const tall: Area = { row: 0, col: 0, rowSpan: 3, colSpan: 1, text: lines(50) };
  const alone = rowHeights(3, [tall], WIDTHS);
  const need = sum(alone, 0, 3);
  expect(need).toBeGreaterThan(MAX_ROW_PT); // more than one row can hold, less than three
  expect(need).toBeLessThan(3 * MAX_ROW_PT);
  // Row 0 also holds a one-row cell that needs nearly the cap.
  const near: Area = { row: 0, col: 1, rowSpan: 1, colSpan: 1, text: lines(26) };
  const h = rowHeights(3, [near, tall], WIDTHS);
  expect(h[0]).toBe(MAX_ROW_PT);
  // need is measured with each row rounded up to a quarter point: allow that rounding per row.
  expect(sum(h, 0, 3)).toBeGreaterThanOrEqual(need - 3 * 0.25);
  expect(Math.max(...h)).toBeLessThanOrEqual(MAX_ROW_PT);
});

test('an area taller than its rows can ever be fills them to the cap', () => {
  const h = rowHeights(2, [{ row: 0, col: 0, rowSpan: 2, colSpan: 1, text: lines(200) }], WIDTHS);
  expect(h).toEqual([MAX_ROW_PT, MAX_ROW_PT]);
});

test('property: rows stay within 18–409 pt and every area gets min(its need, what its rows can hold)', () => {
  const area = (count: number) =>
    fc.record({ row: fc.nat(count - 1), col: fc.nat(1), rowSpan: fc.integer({ min: 1, max: 4 }), text: fc.nat(120) }).map((a) => ({
      row: a.row, col: a.col, rowSpan: Math.min(a.rowSpan, count - a.row), colSpan: 1, text: a.text === 0 ? '' : lines(a.text),
    }));
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(fc.constant(n), fc.array(area(n), { maxLength: 6 }))), ([n, areas]) => {
      const h = rowHeights(n, areas, WIDTHS);
      if (h.some((x) => x < 18 || x > MAX_ROW_PT)) return false;
      for (const a of areas) {
        if (a.text === '') continue;
        const need = sum(rowHeights(a.rowSpan, [{ ...a, row: 0 }], WIDTHS), 0, a.rowSpan);
        // need carries each row's rounding up to a quarter point.
        if (sum(h, a.row, a.row + a.rowSpan) + 0.25 * a.rowSpan + 1e-6 < Math.min(need, a.rowSpan * MAX_ROW_PT)) return false;
      }
      return true;
    }),
    { numRuns: 500 },
  );
});
