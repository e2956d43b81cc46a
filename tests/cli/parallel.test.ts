/**
 * Reading several inputs with worker threads (src/cli/parallel.ts, `check --jobs`) gives exactly the
 * serial result: the same grids in the same order, the same findings JSON.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadInputs } from '../../src/cli/parallel';
import { synthSheet } from '../../src/testing/synth';
import { cli } from './run-cli';

let dir: string;
let files: { path: string; display: string }[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallel-'));
  for (let i = 0; i < 7; i++) {
    const s = synthSheet({ lines: 40 + i * 15, units: 2, seed: 100 + i, firstUnit: i * 2, layout: i % 3 === 0 ? 'wide' : 'long', subtotals: i % 2 === 0 });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(s.grid.name);
    for (const row of s.grid.cells) ws.addRow(row.map((v) => (v === null ? undefined : v)));
    for (const m of s.grid.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    await wb.xlsx.writeFile(path.join(dir, `部门${i + 1}.xlsx`));
  }
  fs.writeFileSync(path.join(dir, '损坏.xlsx'), 'PK\u0003\u0004 not really a zip');
  fs.writeFileSync(path.join(dir, '补充.csv'), '单位名称,功能分类科目,经济分类科目,金额\n县财政局,2010601,30201,1000\n');
  files = fs
    .readdirSync(dir)
    .sort()
    .map((f) => ({ path: path.join(dir, f), display: f }));
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('worker threads and the main thread read the same grids, in input order, as the main thread alone', async () => {
  const seen: string[] = [];
  const stats = { readByWorkers: 0 };
  const parallel = await loadInputs(files, { jobs: 3, stats, onLoaded: (done, display) => seen.push(`${done}:${display}`) });
  expect(stats.readByWorkers).toBeGreaterThan(0);
  const serial = await loadInputs(files, { jobs: 1 });
  expect(parallel).toEqual(serial);
  expect(parallel.map((r) => r.display)).toEqual(files.map((f) => f.display));
  expect(seen.length).toBe(files.length);
  expect(seen[seen.length - 1]).toMatch(new RegExp(`^${files.length}:`));
  // The damaged file is an unreadable input, not a failure of the run.
  expect(parallel.find((r) => r.display === '损坏.xlsx')).toHaveProperty('reason');
}, 60_000);

test('check --jobs 2 prints the same JSON and exit code as --jobs 1', async () => {
  const one = await cli('check', dir, '--json', '--jobs', '1');
  const two = await cli('check', dir, '--json', '--jobs', '2');
  expect(two.code).toBe(one.code);
  expect(two.stdout).toBe(one.stdout);
  const report = JSON.parse(two.stdout) as { inputs: unknown[]; findings: Array<{ rule: string }> };
  expect(report.inputs.length).toBe(8);
  expect(report.findings.some((f) => f.rule === 'DATA.UNREADABLE_FILE')).toBe(true);
}, 60_000);

test('more jobs than files, and a bad --jobs value', async () => {
  const few = files.slice(0, 2);
  expect(await loadInputs(few, { jobs: 8 })).toEqual(await loadInputs(few, { jobs: 1 }));
  const bad = await cli('check', dir, '--json', '--jobs', '0');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/--jobs/);
}, 60_000);
