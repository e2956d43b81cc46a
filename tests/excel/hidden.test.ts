/**
 * Issue 19 item 12 in the task pane: hidden rows, filtered-out rows and hidden columns read by
 * src/excel/read.ts on the strict fake host are counted and said once per sheet, in the very words
 * the .xlsx reader gives for the same workbook.
 */
import ExcelJS from 'exceljs';
import { checkWorkbooks } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import { readWorkbook } from '../../src/excel/read';
import { readXlsxStream } from '../../src/io/xlsx-stream';
import { bytesSource } from '../../src/io/source';
import { FakeRichApiError } from '../../src/testing/fake-excel/client';
import { HEADER } from '../hardening/fixtures';
import { fakeHost } from './helpers';

interface SheetSpec {
  name: string;
  rows: Array<Array<string | number | null>>;
  /** 0-based sheet row and column of rows[0][0]. */
  at?: [number, number];
  hiddenRows?: number[]; // 0-based sheet rows
  hiddenCols?: number[]; // 0-based sheet columns
  autoFilter?: string;
}

const line = (code: string, name: string, econ: string, amount: number): Array<string | number> => [code, name, '人员经费', '2050101', econ, '一般公共预算拨款', amount];

const SPECS: SheetSpec[] = [
  {
    name: '隐藏行列',
    rows: [[...HEADER, '备注'], [...line('101001', '县教育局', '30101', 1000), '内部'], line('101001', '县教育局', '30201', 200), line('101001', '县教育局', '30205', 30), line('101001', '县教育局', '31002', 4)],
    hiddenRows: [2, 4],
    hiddenCols: [7],
  },
  {
    name: '筛选',
    rows: [HEADER, line('101001', '县教育局', '30101', 1000), line('101002', '县卫健委', '30101', 500)],
    hiddenRows: [2],
    autoFilter: 'A1:G3',
  },
  // The used range starts at C3: indexes into the grid are relative to it, column letters are not.
  {
    name: '偏移',
    rows: [[...HEADER, '说明'], [...line('101001', '县教育局', '30101', 10), '甲'], line('101001', '县教育局', '30201', 20), line('101001', '县教育局', '30202', 30)],
    at: [2, 2],
    hiddenRows: [4, 5, 40],
    hiddenCols: [1, 9, 30],
  },
  // Hidden but empty: nothing to say.
  { name: '无隐藏', rows: [HEADER, line('101001', '县教育局', '30101', 7)], hiddenCols: [11] },
];

async function xlsxBytes(specs: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of specs) {
    const ws = wb.addWorksheet(s.name);
    const [r0, c0] = s.at ?? [0, 0];
    s.rows.forEach((row, i) => row.forEach((v, j) => {
      if (v !== null) ws.getCell(r0 + i + 1, c0 + j + 1).value = v;
    }));
    for (const r of s.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
    for (const c of s.hiddenCols ?? []) ws.getColumn(c + 1).hidden = true;
    if (s.autoFilter) ws.autoFilter = s.autoFilter;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function arrange(model: ReturnType<typeof fakeHost>['model'], specs: SheetSpec[]): void {
  for (const s of specs) {
    const [r0, c0] = s.at ?? [0, 0];
    const sheet = model.put(s.name, s.rows, r0, c0);
    for (const r of s.hiddenRows ?? []) sheet.hiddenRows.add(r);
    for (const c of s.hiddenCols ?? []) sheet.hiddenCols.add(c);
    if (s.autoFilter) {
      const [a, b] = s.autoFilter.split(':');
      const rc = (x: string) => ({ r: Number(x.replace(/^[A-Z]+/, '')) - 1, c: x.charCodeAt(0) - 65 });
      sheet.autoFilter = { top: rc(a).r, left: rc(a).c, bottom: rc(b).r, right: rc(b).c };
    }
  }
}

const said = (fs: ReadonlyArray<Finding>) =>
  fs.filter((f) => f.rule === 'DATA.HIDDEN_CELLS').map((f) => ({ sheet: f.location.sheet, severity: f.severity, message: f.message })).sort((a, b) => a.sheet!.localeCompare(b.sheet!));

describe('item 12 in the task pane (fake host)', () => {
  test('the fake host reports hidden rows and columns only as Excel does: true all, false none, null some; AutoFilter needs 1.9', async () => {
    const { model, uninstall } = fakeHost(18);
    try {
      const s = model.put('明细', [[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
      s.hiddenRows.add(1);
      s.hiddenCols.add(0);
      s.hiddenCols.add(1);
      const faces = await Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('明细');
        const ranges = [ws.getRange('A1:C3'), ws.getRange('A2:C2'), ws.getRange('A3:C3'), ws.getRange('A1:B1'), ws.getRange('C1:C3')];
        for (const r of ranges) r.load('rowHidden,columnHidden');
        await ctx.sync();
        return ranges.map((r) => [r.rowHidden, r.columnHidden]);
      });
      expect(faces).toEqual([[null, null], [true, null], [false, null], [false, true], [null, false]]);
    } finally {
      uninstall();
    }
    const old = fakeHost(8);
    try {
      old.model.put('明细', [[1]]);
      await expect(Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('明细').autoFilter.load('enabled');
        await ctx.sync();
      })).rejects.toMatchObject({ code: 'ApiNotFound' } as Partial<FakeRichApiError>);
    } finally {
      old.uninstall();
    }
  });

  test('hidden rows, filtered rows and hidden columns: the same flags and the same one sentence per sheet as the .xlsx reader', async () => {
    const xlsx = (await readXlsxStream(bytesSource(await xlsxBytes(SPECS)), 'hidden.xlsx')).grids;
    const { model, caps, uninstall } = fakeHost(18);
    try {
      arrange(model, SPECS);
      const pane = await readWorkbook({ file: 'hidden.xlsx', caps });
      const [a, b, c, d] = pane.sheets;
      expect([a.hiddenRows, a.hiddenCols, a.filtered]).toEqual([[2, 4], [7], false]);
      expect([b.hiddenRows, b.filtered]).toEqual([[2], true]);
      // Relative to the used range C3:J6 (sheet rows 40 and column 30 lie outside it).
      expect(c.origin).toEqual({ row: 3, col: 3 });
      expect([c.hiddenRows, c.hiddenCols]).toEqual([[2, 3], [7]]);
      expect([d.hiddenRows, d.hiddenCols]).toEqual([[], []]);

      const fromPane = checkWorkbooks([pane]);
      const fromXlsx = checkWorkbooks([xlsx]);
      // Every line is counted, hidden or not.
      const amounts = (r: typeof fromPane) => r.lines.map((l) => `${l.src.sheet}:${l.amountFen}`);
      expect(amounts(fromPane)).toEqual(['隐藏行列:100000', '隐藏行列:20000', '隐藏行列:3000', '隐藏行列:400', '筛选:100000', '筛选:50000', '偏移:1000', '偏移:2000', '偏移:3000', '无隐藏:700']);
      expect(amounts(fromPane)).toEqual(amounts(fromXlsx));
      const paneSaid = said(fromPane.findings);
      expect(paneSaid.map((f) => f.sheet)).toEqual(['偏移', '筛选', '隐藏行列'].sort((x, y) => x.localeCompare(y)));
      expect(paneSaid.find((f) => f.sheet === '隐藏行列')!.message).toMatch(/2 行被隐藏（第 \d+、\d+ 行）、1 列被隐藏（H）/);
      expect(paneSaid.find((f) => f.sheet === '筛选')!.message).toContain('1 行被隐藏或被筛选掉');
      expect(paneSaid.find((f) => f.sheet === '偏移')!.message).toContain('1 列被隐藏（J）');
      expect(paneSaid).toEqual(said(fromXlsx.findings));
    } finally {
      uninstall();
    }
  });

  test('scattered hidden rows over 30,000 lines are all found in a few syncs; a sheet that hides nothing costs no extra sync', async () => {
    const rows: Array<Array<string | number>> = [HEADER];
    for (let i = 0; i < 30_000; i++) rows.push(line('101001', '县教育局', '30101', 1 + (i % 50)));
    const hidden = new Set<number>();
    for (let r = 5; r <= 30_000; r += 997) hidden.add(r);
    for (let r = 12_000; r < 12_400; r++) hidden.add(r);
    const { model, caps, uninstall } = fakeHost(18);
    try {
      model.put('明细', rows);
      model.put('干净', rows.slice(0, 200));
      for (const r of hidden) model.sheet('明细')!.hiddenRows.add(r);
      model.resetStats();
      const wb = await readWorkbook({ file: 'big.xlsx', caps });
      expect(wb.sheets[0].hiddenRows).toEqual([...hidden].sort((x, y) => x - y));
      expect(wb.sheets[1].hiddenRows).toEqual([]);
      const withHidden = model.syncCount;
      // log16(30,001) rounds of narrowing at most, all sheets together.
      expect(model.failedSyncs()).toEqual([]);

      const clean = fakeHost(18);
      try {
        clean.model.put('明细', rows);
        clean.model.put('干净', rows.slice(0, 200));
        clean.model.resetStats();
        await readWorkbook({ file: 'big.xlsx', caps: clean.caps });
        expect(withHidden - clean.model.syncCount).toBeLessThanOrEqual(Math.ceil(Math.log(30_001) / Math.log(16)) + 1);
        expect(withHidden).toBeGreaterThan(clean.model.syncCount);
      } finally {
        clean.uninstall();
      }
      const said1 = said(checkWorkbooks([wb]).findings);
      expect(said1).toHaveLength(1);
      expect(said1[0].message).toContain(`${hidden.size} 行被隐藏（第 `);
    } finally {
      uninstall();
    }
  });

  test('Office 2019 (ExcelApi 1.8, no AutoFilter API): hidden rows are still found, and said as hidden or filtered', async () => {
    const { model, caps, uninstall } = fakeHost(8);
    try {
      arrange(model, SPECS.slice(0, 1));
      const wb = await readWorkbook({ file: 'hidden.xlsx', caps });
      expect(wb.sheets[0].hiddenRows).toEqual([2, 4]);
      expect(wb.sheets[0].hiddenCols).toEqual([7]);
      const s = said(checkWorkbooks([wb]).findings);
      expect(s).toHaveLength(1);
      expect(s[0].message).toContain('2 行被隐藏或被筛选掉');
    } finally {
      uninstall();
    }
  });
});
