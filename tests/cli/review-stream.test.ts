/**
 * The streamed review workbooks (issue 14 part 2, issue 19 item 9) are the in-memory ones, cell by
 * cell: values, links, styles, merges, notes and their boxes, page setup, print titles, footer,
 * frozen header and filter; and a big review streams and reads back.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCheck } from '../../src/cli/commands/check';
import { createRowsProgress } from '../../src/cli/progress';
import { streamReviewWorkbook } from '../../src/cli/write-outputs';
import { checkWorkbooks } from '../../src/core/check';
import { partitionByUnit } from '../../src/core/per-unit';
import { buildReviewWorkbook, reportUnits } from '../../src/io/review-workbook';
import { synthSheet } from '../../src/testing/synth';
import { workbookDiff } from './workbook-diff';

const EXAMPLES = path.join(__dirname, '../../examples');
let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-stream-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function memoryBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('streamed review workbook', () => {
  it('equals the in-memory one on the examples (all units, and one unit)', async () => {
    const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(EXAMPLES, f));
    const run = await runCheck(files, {});
    const { loadWorkbooks } = await import('../../src/cli/inputs');
    await loadWorkbooks(run.loaded);
    const sources = run.loaded.map((l) => ({ display: l.display, grids: l.grids, workbook: l.workbook, looks: l.looks }));
    expect(run.report.findings.length).toBeGreaterThan(10);
    const out = path.join(dir, 'all.xlsx');
    await streamReviewWorkbook(run.report, sources, {}, out);
    const streamed = fs.readFileSync(out);
    // The example really has what is compared: notes, merges and links.
    const text = streamed.toString('latin1');
    expect(text).toContain('vmlDrawing');
    expect(await workbookDiff(await memoryBuffer(buildReviewWorkbook(run.report, sources)), streamed)).toEqual([]);
    // A broken copy is told apart (the comparison is not blind).
    const other = buildReviewWorkbook(run.report, sources);
    other.worksheets[0].getCell('B2').value = '改过';
    expect((await workbookDiff(await memoryBuffer(other), streamed)).length).toBeGreaterThan(0);

    const partition = partitionByUnit(run.report);
    const unit = reportUnits(run.report).find((u) => (partition.byKey.get(u.key)?.findings.length ?? 0) > 0)!;
    const one = path.join(dir, 'one.xlsx');
    await streamReviewWorkbook(run.report, sources, { unit, partition }, one);
    expect(await workbookDiff(await memoryBuffer(buildReviewWorkbook(run.report, sources, { unit })), fs.readFileSync(one))).toEqual([]);
  }, 120_000);

  it('keeps print setup, print titles, footer, frozen header and filter on 审核结果', async () => {
    const run = await runCheck([path.join(EXAMPLES, '规则示例-县级汇总.xlsx')], {});
    const out = path.join(dir, 'print.xlsx');
    await streamReviewWorkbook(run.report, run.loaded.map((l) => ({ display: l.display, grids: l.grids })), {}, out);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const ws = back.getWorksheet('审核结果')!;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.horizontalCentered).toBe(true);
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    expect(ws.headerFooter.oddFooter).toContain('&P');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getRow(2).height).toBeGreaterThan(0);
  }, 60_000);

  it('streams a 200,000-line review and reads it back, with progress up to the last row', async () => {
    const { grid } = synthSheet({ lines: 200_000, units: 20, seed: 3, layout: 'long' });
    const report = checkWorkbooks([{ file: 'big.xlsx', sheets: [grid] }]);
    const out = path.join(dir, 'big.xlsx');
    const seen: Array<[number, number]> = [];
    await streamReviewWorkbook(report, [{ display: 'big.xlsx', grids: { file: 'big.xlsx', sheets: [grid] } }], {}, out, (d, t) => seen.push([d, t]));
    const total = seen[seen.length - 1][1];
    expect(seen[seen.length - 1][0]).toBe(total);
    expect(total).toBeGreaterThanOrEqual(200_000);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
    // Read back with the streaming reader (the in-memory one would need gigabytes): every row is there.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(out, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
    const rows = new Map<string, number>();
    let lastValue: unknown = null;
    for await (const ws of reader) {
      let n = 0;
      const name = (ws as unknown as { name: string }).name;
      for await (const row of ws) {
        n = row.number;
        if (name === '明细' || name === grid.name) lastValue = row.getCell(1).value;
      }
      rows.set(name, n);
    }
    expect(rows.get('审核结果')).toBe(report.findings.length + 1);
    expect(rows.get(grid.name)).toBe(grid.cells.length);
    const lastGrid = grid.cells[grid.cells.length - 1][0];
    expect(lastValue).toEqual(lastGrid === '' ? null : lastGrid);
  }, 300_000);
});

describe('write progress', () => {
  it('draws the rows written on a terminal, at most once per percent, ending at the total', () => {
    const written: string[] = [];
    const stream = { isTTY: true, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream;
    const bar = createRowsProgress('写出审核工作簿 r.xlsx（行）', stream);
    for (let d = 0; d <= 200_000; d += 1000) bar.update(d, 200_000);
    bar.finish();
    expect(written[0]).toContain('0/200000 写出审核工作簿 r.xlsx（行）');
    expect(written[written.length - 2]).toContain('[########################] 200000/200000');
    expect(written[written.length - 1]).toBe('\r\x1b[K');
    expect(written.length).toBeLessThanOrEqual(103);
    expect(written.length).toBeGreaterThan(50);
  });
});
