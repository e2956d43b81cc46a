import ExcelJS from 'exceljs';
import { readXlsxBuffer, toCell } from '../../src/io/read-xlsx';
import type { Grid } from '../../src/core/grid';

async function roundTrip(build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const { grids } = await readXlsxBuffer(buf, 'test.xlsx');
  expect(grids.file).toBe('test.xlsx');
  return [...grids.sheets];
}

describe('readXlsx', () => {
  it('reads plain values, rich text, hyperlinks, booleans, dates and errors', async () => {
    const date = new Date(Date.UTC(2025, 0, 15));
    const [g] = await roundTrip((wb) => {
      const ws = wb.addWorksheet('明细');
      ws.getCell('A1').value = '单位名称';
      ws.getCell('B1').value = { richText: [{ text: '金额' }, { font: { bold: true }, text: '（万元）' }] };
      ws.getCell('A2').value = 'XX局';
      ws.getCell('B2').value = 12.5;
      ws.getCell('C2').value = true;
      ws.getCell('D2').value = date;
      ws.getCell('E2').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      ws.getCell('F2').value = { text: '政策文件', hyperlink: 'https://example.invalid/a' };
    });
    expect(g.name).toBe('明细');
    expect(g.origin).toEqual({ row: 1, col: 1 });
    expect(g.cells[0]).toEqual(['单位名称', '金额（万元）']);
    expect(g.cells[1].slice(0, 3)).toEqual(['XX局', 12.5, true]);
    expect(g.cells[1][3]).toBeInstanceOf(Date);
    expect((g.cells[1][3] as Date).getTime()).toBe(date.getTime());
    expect(g.cells[1][4]).toEqual({ error: '#REF!' });
    expect(g.cells[1][5]).toBe('政策文件');
    expect(g.hidden).toBe(false);
    expect(g.protected).toBe(false);
  });

  it('reads formulas as their cached result, including 0, errors and shared formulas; no cache is #NO_CACHE', async () => {
    const [g] = await roundTrip((wb) => {
      const ws = wb.addWorksheet('公式');
      ws.getCell('A1').value = 1;
      ws.getCell('A2').value = 2;
      ws.getCell('B1').value = { formula: 'A1+A2', result: 3 } as ExcelJS.CellFormulaValue;
      ws.getCell('B2').value = { formula: 'A1-A1', result: 0 } as ExcelJS.CellFormulaValue;
      ws.getCell('B3').value = { formula: 'SUM(A1:A2)' } as ExcelJS.CellFormulaValue;
      ws.getCell('B4').value = { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell('B5').value = { formula: '"文字"', result: '文字' } as ExcelJS.CellFormulaValue;
      ws.getCell('C1').value = { formula: 'A1*10', result: 10, shareType: 'shared', ref: 'C1:C2' } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell('C2').value = { sharedFormula: 'C1', result: 20 } as unknown as ExcelJS.CellSharedFormulaValue;
    });
    const col = (c: number) => g.cells.map((r) => r[c] ?? null);
    expect(col(1)).toEqual([3, 0, { error: '#NO_CACHE' }, { error: '#DIV/0!' }, '文字']);
    expect(col(2).slice(0, 2)).toEqual([10, 20]);
  });

  it('reports merges 0-based with only the top-left cell holding the value', async () => {
    const [g] = await roundTrip((wb) => {
      const ws = wb.addWorksheet('合并');
      ws.getCell('A1').value = 'XX单位2025年部门预算明细表';
      ws.mergeCells('A1:D1');
      ws.getCell('B3').value = '县教育局';
      ws.mergeCells('B3:B5');
      ws.getCell('C3').value = 100;
    });
    expect(g.merges).toEqual(expect.arrayContaining([{ top: 0, left: 0, bottom: 0, right: 3 }, { top: 2, left: 1, bottom: 4, right: 1 }]));
    expect(g.merges).toHaveLength(2);
    expect(g.cells[0]).toEqual(['XX单位2025年部门预算明细表']);
    expect(g.cells[1]).toEqual([]);
    expect(g.cells[2]).toEqual([null, '县教育局', 100]);
    expect(g.cells[3] ?? []).toEqual([]);
  });

  it('flags hidden and protected sheets and keeps names with quotes and spaces', async () => {
    const grids = await roundTrip(async (wb) => {
      wb.addWorksheet("it's 明细 表").getCell('A1').value = 'x';
      const hidden = wb.addWorksheet('隐藏');
      hidden.state = 'hidden';
      hidden.getCell('A1').value = 'y';
      const prot = wb.addWorksheet('保护');
      prot.getCell('A1').value = 'z';
      await prot.protect('pw', {});
    });
    expect(grids.map((g) => g.name)).toEqual(["it's 明细 表", '隐藏', '保护']);
    expect(grids.map((g) => g.hidden)).toEqual([false, true, false]);
    expect(grids.map((g) => g.protected)).toEqual([false, false, true]);
  });

  it('converts stray exceljs values defensively', () => {
    expect(toCell({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' })).toBe('ab');
    expect(toCell(Number.NaN)).toEqual({ error: '#NUM!' });
    expect(toCell({ formula: 'A1' })).toEqual({ error: '#NO_CACHE' });
    expect(toCell(undefined)).toBeNull();
  });
});
