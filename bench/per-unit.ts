/**
 * Issue 19 item 17: `--per-unit-out` with 10,000 units. Measures the per-unit part of a check run
 * in-process: planning the names (src/io/file-name.ts), the partition (src/core/per-unit.ts) and one
 * review workbook per unit (buildReviewWorkbook, written to a buffer, as writePerUnit does per file).
 *
 *   npx ts-node --transpile-only bench/per-unit.ts [units] [linesPerUnit]
 *
 * To hook into bench/run.ts: `import { benchPerUnit } from './per-unit';` and record
 * `(await benchPerUnit(10_000)).totalMs` as a row (target: < 60 s for 10,000 units).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkWorkbooks } from '../src/core/check';
import { planPerUnit, writePerUnit } from '../src/cli/write-outputs';
import { partitionByUnit } from '../src/core/per-unit';
import { buildReviewWorkbook, reportUnits } from '../src/io/review-workbook';
import { uniqueFileNames, unitFileName } from '../src/io/file-name';
import { synthSheet } from '../src/testing/synth';

/** BENCH_ZIP_LEVEL=1 measures a faster deflate level (the default is JSZip's level 6). */
const ZIP_OPTIONS = process.env.BENCH_ZIP_LEVEL ? { zip: { compression: "DEFLATE", compressionOptions: { level: Number(process.env.BENCH_ZIP_LEVEL) } } } : {};

export interface PerUnitBench {
  units: number;
  lines: number;
  checkMs: number;
  planMs: number;
  partitionMs: number;
  /** Building and serialising every unit's workbook. */
  workbooksMs: number;
  msPerUnit: number;
  totalMs: number;
}

/**
 * `writer`: 'memory' is the old way (each unit's workbook built in memory, the partition recomputed
 * per unit, written to a buffer); 'stream' is writePerUnit's (the partition once, each workbook
 * streamed to its own file in a temp folder).
 */
export async function benchPerUnit(units = 10_000, linesPerUnit = 5, sample = units, writer: 'memory' | 'stream' = 'stream'): Promise<PerUnitBench> {
  const { grid } = synthSheet({ lines: units * linesPerUnit, units, seed: 7, layout: 'long' });
  const workbook = { file: 'per-unit.xlsx', sheets: [grid] };
  let t = Date.now();
  const report = checkWorkbooks([workbook]);
  const checkMs = Date.now() - t;
  t = Date.now();
  const list = reportUnits(report);
  uniqueFileNames(list.map((u) => unitFileName(u)));
  const planMs = Date.now() - t;
  t = Date.now();
  partitionByUnit(report);
  const partitionMs = Date.now() - t;
  t = Date.now();
  const sources = [{ display: workbook.file, grids: workbook }];
  const n = Math.min(sample, list.length);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-per-unit-'));
  try {
    if (writer === 'stream') {
      const plan = planPerUnit(report, dir, false);
      await writePerUnit(report, sources, { ...plan, files: plan.files.slice(0, n) });
    } else for (let i = 0; i < n; i++) await buildReviewWorkbook(report, sources, { unit: list[i] }).xlsx.writeBuffer(ZIP_OPTIONS as never);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const sampledMs = Date.now() - t;
  const workbooksMs = Math.round((sampledMs * list.length) / Math.max(1, n));
  return { units: list.length, lines: report.lines.length, checkMs, planMs, partitionMs, workbooksMs, msPerUnit: sampledMs / Math.max(1, n), totalMs: checkMs + planMs + partitionMs + workbooksMs };
}

if (require.main === module) {
  const [u, l, s] = process.argv.slice(2, 5).map(Number);
  const writer = process.argv[5] === 'memory' ? 'memory' : 'stream';
  benchPerUnit(u || 10_000, l || 5, s || u || 10_000, writer).then((r) => console.log(JSON.stringify(r)));
}
