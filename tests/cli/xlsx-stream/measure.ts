/**
 * Time and peak RSS of the streaming reader against exceljs's xlsx.readFile on the same files, run
 * alternately, each read in a fresh process (so peak RSS is that read's own), plus `check --json`
 * end to end on the 100,000-line file ("cells" is then its line count). Not a test:
 *   npx ts-node --transpile-only tests/cli/xlsx-stream/measure.ts [runs]
 * Writes the two files (100,000 lines × 20 columns; 1,048,576 rows × 20 columns) to the temp folder.
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readXlsxFile as readXlsxStream } from '../../../src/cli/file-source';
import { BUDGET_STRINGS, budgetSheetXml, writeXlsx } from './xlsx-writer';

async function child(reader: string, file: string): Promise<void> {
  const t0 = process.hrtime.bigint();
  let cells = 0;
  if (reader === 'check') {
    // `budget-review check --json` end to end, in process (SPEC §6 compares it with exceljs's load).
    const { cli } = await import('../run-cli');
    const r = await cli('check', file, '--json');
    cells = (JSON.parse(r.stdout) as { inputs: Array<{ lines: number }> }).inputs[0].lines;
  } else if (reader === 'stream') {
    const r = await readXlsxStream(file, path.basename(file));
    for (const g of r.grids.sheets) for (const row of g.cells) cells += row.length;
  } else {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.eachSheet((ws) => ws.eachRow((row) => (cells += row.cellCount)));
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024, cells }));
}

function run(reader: string, file: string, timeoutMs: number): { ms: number; rssMB: number; cells: number } | string {
  try {
    const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', __filename, 'child', reader, file], {
      timeout: timeoutMs,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 20,
    });
    return JSON.parse(out);
  } catch (e) {
    const err = e as { signal?: string; stderr?: string };
    if (err.signal === 'SIGTERM') return `timed out after ${timeoutMs / 1000} s`;
    const m = /heap out of memory|Invalid string length|RangeError[^\n]*/.exec(err.stderr ?? '');
    return `failed: ${m ? m[0] : (err.stderr ?? '').split('\n').slice(-3).join(' ')}`;
  }
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3);
  const dir = path.join(os.tmpdir(), 'xlsx-stream-measure');
  fs.mkdirSync(dir, { recursive: true });
  const files = [
    { label: '100,000 lines × 20 columns', file: path.join(dir, '100k.xlsx'), rows: 100_000, exceljsRuns: runs },
    { label: '1,048,576 rows × 20 columns', file: path.join(dir, '1m.xlsx'), rows: 1_048_575, exceljsRuns: 1 },
  ];
  for (const f of files) {
    if (!fs.existsSync(f.file)) writeXlsx(f.file, [{ name: '预算明细', xml: budgetSheetXml(f.rows, 20) }], { sharedStrings: BUDGET_STRINGS, level: 6 });
    console.log(`\n${f.label}: ${(fs.statSync(f.file).size / 1024 ** 2).toFixed(1)} MB file`);
    for (let i = 0; i < runs; i++) {
      console.log('  stream ', JSON.stringify(run('stream', f.file, 300_000)));
      if (i < f.exceljsRuns) console.log('  exceljs', JSON.stringify(run('exceljs', f.file, 300_000)));
      if (f.rows <= 100_000) console.log('  check  ', JSON.stringify(run('check', f.file, 300_000)));
    }
  }
}

if (process.argv[2] === 'child') void child(process.argv[3], process.argv[4]);
else void main();
