/**
 * One reader behind every door (issue 12): the page and the CLI give identical findings JSON on every
 * example workbook and on the hardening fixtures. The CLI runs in-process as `check FILE --json`
 * (from the file's folder, so findings name the file as the page does); the page's side is the job its
 * Web Worker runs (src/web/check-job.ts: the shared streaming reader over Blob.slice, then the check
 * with the pane's default settings), given the same bytes as a File.
 */
import * as fs from 'fs';
import * as path from 'path';
import { reportJson } from '../../src/core/check';
import { DEFAULT_SETTINGS } from '../../src/excel/settings';
import { readAndCheck } from '../../src/web/check-job';
import { cli } from '../cli/run-cli';
import { budgetXlsx, CLEAN, DIRTY, tempDir } from '../hardening/fixtures';

const EXAMPLES = path.resolve(__dirname, '../../examples');

async function viaCli(file: string): Promise<unknown> {
  const cwd = process.cwd();
  process.chdir(path.dirname(file));
  try {
    const r = await cli('check', path.basename(file), '--json', '--jobs', '1');
    if (r.code !== 0 && r.code !== 1) throw new Error(`check exited ${r.code}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  } finally {
    process.chdir(cwd);
  }
}

async function viaPage(file: string): Promise<unknown> {
  const r = await readAndCheck([new File([fs.readFileSync(file)], path.basename(file))], DEFAULT_SETTINGS);
  if (!r.report) throw new Error(r.bad.map((b) => b.reason).join('；'));
  // The page serialises the report as the CLI does (导出 JSON): compare the parsed JSON of both.
  return JSON.parse(JSON.stringify(reportJson(r.report)));
}

const examples = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(EXAMPLES, f));
let fixtures: string[] = [];

beforeAll(async () => {
  const dir = tempDir('br-doors-');
  fixtures = [
    await budgetXlsx(path.join(dir, 'clean.xlsx'), [{ name: '明细', rows: CLEAN }]),
    await budgetXlsx(path.join(dir, 'dirty.xlsx'), [{ name: '明细', rows: DIRTY }]),
    await budgetXlsx(path.join(dir, 'hidden.xlsx'), [{ name: "it's 明细", rows: DIRTY }, { name: '隐藏', rows: CLEAN, state: 'hidden' }, { name: '很隐藏', rows: DIRTY, state: 'veryHidden' }]),
  ];
});

test('there are workbooks to compare', () => {
  expect(examples.length).toBeGreaterThanOrEqual(8);
});

test.each(examples.map((f) => [path.basename(f), f]))('examples/%s: the same findings JSON from the page and the CLI', async (_name, file) => {
  const [fromCli, fromPage] = [await viaCli(file), await viaPage(file)];
  expect((fromCli as { inputs: unknown[] }).inputs.length).toBe(1);
  expect(fromPage).toEqual(fromCli);
});

test('hardening fixtures (clean, a bad amount, hidden and very hidden sheets): the same findings JSON', async () => {
  let findings = 0;
  for (const file of fixtures) {
    const [fromCli, fromPage] = [await viaCli(file), await viaPage(file)];
    expect(fromPage).toEqual(fromCli);
    findings += (fromCli as { findings: unknown[] }).findings.length;
  }
  expect(findings).toBeGreaterThan(0);
});
