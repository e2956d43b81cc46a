import { readWorkbook, toGridCell, splitAddressList } from '../../src/excel/read';
import { budgetRows, fakeHost } from './helpers';

describe('readWorkbook on the fake host', () => {
  test('reads a 100k-row sheet in blocks: syncs grow with blocks, requests stay under 4 MB', async () => {
    const { model, caps, uninstall } = fakeHost(18);
    try {
      model.put('明细', budgetRows(100_000, 20));
      model.resetStats();
      const progress: number[] = [];
      const wb = await readWorkbook({ file: 'book.xlsx', caps, onProgress: (d, t) => progress.push(d / t) });
      const g = wb.sheets[0];
      expect(g.cells.length).toBe(100_001);
      expect(g.cells[0][0]).toBe('单位名称');
      expect(g.cells[100_000][4]).toBe(1000 + (99_999 % 997));
      expect(g.origin).toEqual({ row: 1, col: 1 });
      expect(progress[progress.length - 1]).toBe(1);
      expect(model.syncCount).toBeLessThanOrEqual(16);
      expect(model.maxResponseBytes()).toBeLessThan(4_000_000);
      expect(model.maxRequestBytes()).toBeLessThan(4_000_000);
    } finally {
      uninstall();
    }
  });

  test('halves the block on a response payload error and still reads everything', async () => {
    const { model, caps, uninstall } = fakeHost(18);
    try {
      // Long texts: 20k rows × 20 cols × ~60 bytes ≈ 24 MB; the first 200k-cell block is ~12 MB.
      const long = 'x'.repeat(60);
      const rows = budgetRows(20_000, 20).map((r, i) => (i === 0 ? r : r.map((v, j) => (j >= 5 ? long : v))));
      model.put('明细', rows);
      model.resetStats();
      const wb = await readWorkbook({ file: 'b.xlsx', caps });
      expect(wb.sheets[0].cells.length).toBe(20_001);
      expect(wb.sheets[0].cells[20_000][19]).toBe(long);
      // The first oversized response fails as the web's GeneralException, later ones with the code.
      expect(model.failedSyncs()).toContain('GeneralException');
      expect(model.maxResponseBytes()).toBeLessThanOrEqual(5 * 1024 * 1024);
      expect(model.syncCount).toBeLessThan(20);
    } finally {
      uninstall();
    }
  });

  test('merged areas, origin, protection, hidden sheets and error values', async () => {
    const { model, caps, uninstall } = fakeHost(18);
    try {
      const s = model.put('明细', [['XX单位2025年部门预算明细表', null, null], ['单位名称', '金额', '备注'], ['教育局', '#REF!', ''], [null, 12.5, true]], 2, 1);
      s.merges.push({ top: 2, left: 1, bottom: 2, right: 3 }, { top: 4, left: 1, bottom: 5, right: 1 });
      s.protected = true;
      const h = model.put('隐藏', [['a']]);
      h.visibility = 'Hidden';
      model.addSheet('空表');
      const wb = await readWorkbook({ file: 'b.xlsx', caps });
      const g = wb.sheets[0];
      expect(g.origin).toEqual({ row: 3, col: 2 });
      expect(g.cells[2][1]).toEqual({ error: '#REF!' });
      expect(g.cells[3][0]).toBeNull();
      expect(g.cells[3][2]).toBe(true);
      expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }, { top: 2, left: 0, bottom: 3, right: 0 }]);
      expect(g.protected).toBe(true);
      expect(wb.sheets[1].hidden).toBe(true);
      expect(wb.sheets[2].cells).toEqual([]);
    } finally {
      uninstall();
    }
  });

  test('on ExcelApi 1.12 merged areas are not asked for', async () => {
    const { model, caps, uninstall } = fakeHost(12);
    try {
      const s = model.put('明细', [['a', 'b'], [1, 2]]);
      s.merges.push({ top: 0, left: 0, bottom: 0, right: 1 });
      const wb = await readWorkbook({ file: 'b.xlsx', caps });
      expect(wb.sheets[0].merges).toEqual([]);
      expect(wb.sheets[0].cells).toEqual([['a', 'b'], [1, 2]]);
    } finally {
      uninstall();
    }
  });
});

test('cell conversion and address lists', () => {
  expect(toGridCell('')).toBeNull();
  expect(toGridCell('#DIV/0!')).toEqual({ error: '#DIV/0!' });
  expect(toGridCell('#不是错误')).toBe('#不是错误');
  expect(splitAddressList("'a,b'!A1:B2,'it''s'!C3")).toEqual(["'a,b'!A1:B2", "'it''s'!C3"]);
});
