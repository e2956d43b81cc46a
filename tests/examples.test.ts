import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readXlsx } from '../src/cli/file-source';
import { checkWorkbooks } from '../src/core/check';
import { parseAmount } from '../src/core/money';
import { synthSheet } from '../src/testing/synth';
import { EXAMPLES, writeExamples } from '../scripts/make-examples';

const DIR = path.join(__dirname, '..', 'examples');

describe('example workbooks', () => {
  let fresh: string;
  beforeAll(async () => {
    fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'examples-'));
    await writeExamples(fresh);
  });
  afterAll(() => fs.rmSync(fresh, { recursive: true, force: true }));

  test.each(EXAMPLES.map((e) => [e.file]))('%s is committed and regenerates byte for byte', (file) => {
    const committed = path.join(DIR, file);
    expect(fs.existsSync(committed)).toBe(true);
    expect(fs.readFileSync(path.join(fresh, file)).equals(fs.readFileSync(committed))).toBe(true);
  });

  test.each(EXAMPLES.map((e) => [e.file, e]))('%s holds the generated cells as real numbers, merges and a correct 合计', async (_file, spec) => {
    const { grid, expected } = synthSheet(spec.options);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(DIR, spec.file));
    const ws = wb.worksheets[0];
    const covered = new Set<string>();
    for (const m of grid.merges ?? []) {
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    }
    grid.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || covered.has(`${r},${c}`)) return;
        expect([r, c, ws.getCell(r + 1, c + 1).value]).toEqual([r, c, v]);
      }),
    );
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges.length).toBe(grid.merges?.length ?? 0);
    const amountCol = (expected.amountColumns.find((a) => a.role !== 'fund' && a.role !== 'kind') ?? expected.amountColumns[0]).col;
    const total = ws.getCell((expected.totalRow as number) + 1, amountCol + 1);
    expect(typeof total.value).toBe('number');
    expect(total.numFmt).toBe('#,##0.00');
    const parsed = parseAmount(total.value as number, expected.amountUnit);
    expect(parsed.ok && parsed.fen).toBe(expected.totalFen);
  });

  test('the three layouts are what examples/README.md describes', () => {
    const [a, b, c] = EXAMPLES.map((e) => synthSheet(e.options));
    expect(a.grid.cells[a.expected.headerRow].slice(0, 12)).toEqual([
      '单位编码', '单位名称', '单位性质', '支出类型', '项目编码', '项目名称', '功能分类科目编码', '功能分类科目名称',
      '经济分类科目编码', '经济分类科目名称', '资金来源', '本年预算数',
    ]);
    expect(a.expected).toMatchObject({ amountUnit: 'yuan', headerRowCount: 1, totalRow: a.expected.firstDataRow + a.expected.rowCount });
    expect(a.expected.units.map((u) => u.name)).toEqual(['县教育局', '县第一中学', '县实验小学']);
    expect(b.expected).toMatchObject({ layout: 'wide', amountUnit: 'wan', headerRowCount: 2 });
    expect(b.expected.subtotalRows).toHaveLength(3);
    expect(b.expected.blankRows.length).toBeGreaterThanOrEqual(2);
    expect(b.expected.breakdownRows.length).toBeGreaterThanOrEqual(1);
    expect(b.grid.cells[b.expected.subtotalRows[0]][0]).toBe('小计（县卫健委机关）');
    expect(b.grid.cells[b.expected.firstDataRow]).toContain('2100101 行政运行');
    expect(c.expected).toMatchObject({ layout: 'split', amountUnit: 'yuan', headerRowCount: 2 });
    const fc = c.expected.columns.functionClass as number;
    expect(c.grid.cells[c.expected.firstDataRow].slice(fc, fc + 3)).toEqual(['207', '01', '01']);
  });

  test.each(EXAMPLES.map((e) => [e.file]))('%s checks clean: no errors or warnings', async (file) => {
    const { grids } = await readXlsx(path.join(DIR, file), file);
    const report = checkWorkbooks([grids]);
    const problems = report.findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.location?.cell, f.message]);
    expect(problems).toEqual([]);
    expect(report.inputs[0].lines).toBe(synthSheet(EXAMPLES.find((e) => e.file === file)!.options).expected.lineCount);
  });
});

describe('`npm run examples`', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  // Every script that writes into examples/ must run from `npm run examples`, or a regenerated
  // checkout silently keeps a stale workbook.
  const writers = fs.readdirSync(path.join(__dirname, '..', 'scripts')).filter((f) => /^make-.*examples?\.ts$/.test(f));

  test.each(writers.map((f) => [f]))('runs scripts/%s', (file) => {
    expect(pkg.scripts.examples.split('&&').map((s) => s.trim())).toContain(`ts-node --transpile-only scripts/${file}`);
  });

  test('the performance example is committed and regenerates byte for byte', async () => {
    const { writePerformanceExample } = await import('../scripts/make-performance-example');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-example-'));
    try {
      const p = await writePerformanceExample(dir);
      expect(fs.readFileSync(p).equals(fs.readFileSync(path.join(DIR, path.basename(p))))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
