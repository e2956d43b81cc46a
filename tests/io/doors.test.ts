/**
 * One reader behind every door (issue 12): the page and the CLI give identical findings JSON on every
 * example and fixture workbook (.xlsx and .csv found under examples/ and tests/fixtures/, listed by
 * walking the folders) and on the hardening fixtures. The CLI runs in-process as `check FILE --json`
 * (from the file's folder, so findings name the file as the page does). The page's side goes through
 * the worker's own code path: the request the page posts (jobRequest), the job the worker runs on it
 * (answerJob: the shared streaming reader over Blob.slice, the check with the pane's default settings,
 * the result packed), each message structured-cloned with its typed arrays transferred as
 * postMessage does, and the page's rebuilding of the result (unpackResult).
 */
import * as fs from 'fs';
import * as path from 'path';
import { CheckReport, reportJson } from '../../src/core/check';
import { DEFAULT_SETTINGS } from '../../src/excel/settings';
import { JobMessage, jobRequest } from '../../src/web/check-protocol';
import { unpackResult } from '../../src/web/result-pack';
import { answerJob } from '../../src/web/worker-job';
import { cli } from '../cli/run-cli';
import { budgetXlsx, CLEAN, DIRTY, tempDir } from '../hardening/fixtures';

const ROOT = path.resolve(__dirname, '../..');

/** Every .xlsx and .csv under `dir`, at any depth, in a stable order. */
function workbooksUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? workbooksUnder(path.join(dir, e.name)) : /\.(xlsx|csv)$/i.test(e.name) ? [path.join(dir, e.name)] : []))
    .sort();
}

interface CliSide {
  code: number;
  json: { inputs: unknown[]; findings: unknown[] } | null;
  stderr: string;
}

async function viaCli(file: string): Promise<CliSide> {
  const cwd = process.cwd();
  process.chdir(path.dirname(file));
  try {
    const r = await cli('check', path.basename(file), '--json', '--jobs', '1');
    if (r.code !== 0 && r.code !== 1 && r.code !== 2) throw new Error(`check exited ${r.code}: ${r.stderr}`);
    return { code: r.code, json: r.code === 2 ? null : JSON.parse(r.stdout), stderr: r.stderr };
  } finally {
    process.chdir(cwd);
  }
}

/** The page's report for `file`, through the worker's messages. */
async function viaPage(file: string): Promise<CheckReport> {
  const posted = jobRequest([new File([fs.readFileSync(file)], path.basename(file))], DEFAULT_SETTINGS);
  // The settings cross as a clone; Node's clone of a File drops its name (a browser's keeps it), so the files go as they are.
  const request = { files: posted.files, settings: structuredClone(posted.settings) };
  const received: JobMessage[] = [];
  await answerJob(request, (m, transfer) => received.push(structuredClone(m, { transfer })));
  const last = received[received.length - 1];
  expect(received.slice(0, -1).every((m) => m.type === 'progress')).toBe(true);
  if (last.type === 'error') throw new Error(last.message);
  if (last.type !== 'packed') throw new Error(`worker ended with ${last.type}`);
  const r = (await unpackResult(last.packed))!;
  if (!r.report) throw new Error(r.bad.map((b) => b.reason).join('；'));
  return r.report;
}

/** The page serialises the report as the CLI does (导出 JSON): compare the parsed JSON of both. */
function pageJson(r: CheckReport): unknown {
  return JSON.parse(JSON.stringify(reportJson(r)));
}

const examples = workbooksUnder(path.join(ROOT, 'examples'));
const fixtureFiles = workbooksUnder(path.join(ROOT, 'tests', 'fixtures'));
let hardening: string[] = [];

beforeAll(async () => {
  const dir = tempDir('br-doors-');
  hardening = [
    await budgetXlsx(path.join(dir, 'clean.xlsx'), [{ name: '明细', rows: CLEAN }]),
    await budgetXlsx(path.join(dir, 'dirty.xlsx'), [{ name: '明细', rows: DIRTY }]),
    await budgetXlsx(path.join(dir, 'hidden.xlsx'), [{ name: "it's 明细", rows: DIRTY }, { name: '隐藏', rows: CLEAN, state: 'hidden' }, { name: '很隐藏', rows: DIRTY, state: 'veryHidden' }]),
  ];
});

test('there are workbooks to compare, of both kinds, in both folders', () => {
  expect(examples.filter((f) => f.endsWith('.xlsx')).length).toBeGreaterThanOrEqual(8);
  expect(fixtureFiles.filter((f) => f.endsWith('.csv')).length).toBeGreaterThanOrEqual(10);
});

const all = [...examples, ...fixtureFiles].map((f) => [path.relative(ROOT, f), f]);
let compared = 0;
let withFindings = 0;

test.each(all)('%s: the same findings JSON from the page (through the worker path) and the CLI', async (_name, file) => {
  const [fromCli, report] = [await viaCli(file), await viaPage(file)];
  if (fromCli.code === 2) {
    // Nothing to check: the CLI says so and exits 2; the page's report says the same (no detail sheet).
    expect(fromCli.stderr).toContain('没有可识别的预算明细表');
    expect(report.recognised).toBe(false);
    return;
  }
  expect(report.recognised).toBe(true);
  expect(fromCli.json!.inputs.length).toBe(1);
  expect(pageJson(report)).toEqual(fromCli.json);
  compared++;
  if (fromCli.json!.findings.length > 0) withFindings++;
});

test('hardening fixtures (clean, a bad amount, hidden and very hidden sheets): the same findings JSON', async () => {
  let findings = 0;
  for (const file of hardening) {
    const [fromCli, report] = [await viaCli(file), await viaPage(file)];
    expect(pageJson(report)).toEqual(fromCli.json);
    findings += fromCli.json!.findings.length;
  }
  expect(findings).toBeGreaterThan(0);
});

test('most files were compared finding by finding, and many have findings to compare', () => {
  // Guards against a glob or a reader that quietly compares empty reports.
  expect(compared).toBeGreaterThanOrEqual(all.length - 6);
  expect(withFindings).toBeGreaterThanOrEqual(10);
});
