/**
 * Review-workbook writing (issue 14 part 2, issue 19 item 9): `check --out` and `--per-unit-out`
 * against `check --json` on the same file in the same run. Targets: --out ≤ 3 × --json;
 * --per-unit-out (400 units) ≤ 6 × --json. `runNode` is bench/run.ts's timed child runner.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface ReviewWriteRow {
  measure: string;
  unit: string;
  values: number[];
  target: number | null;
}

type RunNode = (args: string[], nodeArgs?: string[], env?: NodeJS.ProcessEnv) => { ms: number; stdout: string; status: number | null };

/** The in-memory writer the CLI used before streaming (src/cli/write-outputs.ts reviewWriter), for the before figures. */
const MEMORY = { ...process.env, BUDGET_REVIEW_WRITER: 'memory' };

export function measureReviewWrite(runNode: RunNode, cli: string, file: string, perUnitFile: string | null, runs: number, before = true): ReviewWriteRow[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-review-write-'));
  const json: number[] = [];
  const out: number[] = [];
  const outBefore: number[] = [];
  const perUnit: number[] = [];
  const perUnitBefore: number[] = [];
  const jsonPerUnit: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      json.push(runNode([cli, 'check', file, '--json', '--jobs', '1']).ms);
      const o = path.join(dir, `r${i}.xlsx`);
      out.push(runNode([cli, 'check', file, '--out', o, '--force', '--jobs', '1']).ms);
      if (before) outBefore.push(runNode([cli, 'check', file, '--out', o, '--force', '--jobs', '1'], [], MEMORY).ms);
      if (perUnitFile) {
        jsonPerUnit.push(runNode([cli, 'check', perUnitFile, '--json', '--jobs', '1']).ms);
        perUnit.push(runNode([cli, 'check', perUnitFile, '--per-unit-out', path.join(dir, `u${i}`), '--force', '--jobs', '1']).ms);
        if (before) perUnitBefore.push(runNode([cli, 'check', perUnitFile, '--per-unit-out', path.join(dir, `u${i}`), '--force', '--jobs', '1'], [], MEMORY).ms);
      }
      const ms = (x: number[]) => (x[i] === undefined ? '' : `${Math.round(x[i])} ms`);
      process.stderr.write(`review write ${i + 1}/${runs}: --json ${ms(json)}, --out ${ms(out)} (in memory ${ms(outBefore)})${perUnitFile ? `, per-unit file --json ${ms(jsonPerUnit)}, --per-unit-out ${ms(perUnit)} (in memory ${ms(perUnitBefore)})` : ''}\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const rows: ReviewWriteRow[] = [
    { measure: '`check --out` ÷ `check --json`, same file, same run (streaming writer)', unit: '×', values: out.map((ms, i) => ms / json[i]), target: 3 },
  ];
  if (before) rows.push({ measure: 'before: `check --out` ÷ `check --json` with the in-memory writer', unit: '×', values: outBefore.map((ms, i) => ms / json[i]), target: 3 });
  if (perUnitFile) rows.push({ measure: '`check --per-unit-out` (400 units) ÷ `check --json` on that file (streaming writer)', unit: '×', values: perUnit.map((ms, i) => ms / jsonPerUnit[i]), target: 6 });
  if (perUnitFile && before) rows.push({ measure: 'before: `check --per-unit-out` (400 units) ÷ `check --json` with the in-memory writer', unit: '×', values: perUnitBefore.map((ms, i) => ms / jsonPerUnit[i]), target: 6 });
  rows.push({ measure: '`check --out`, 100,000-line file (streaming writer)', unit: 'ms', values: out, target: null });
  if (before) rows.push({ measure: 'before: `check --out` with the in-memory writer', unit: 'ms', values: outBefore, target: null });
  if (perUnitFile) rows.push({ measure: '`check --per-unit-out`, 400 units (streaming writer)', unit: 'ms', values: perUnit, target: null });
  if (perUnitFile && before) rows.push({ measure: 'before: `check --per-unit-out`, 400 units, in-memory writer', unit: 'ms', values: perUnitBefore, target: null });
  return rows;
}

// Direct run: node dist/bench/review-write.js FILE [PER_UNIT_FILE] (after npm run build:cli).
if (require.main === module) {
  const { spawnSync } = require('child_process') as typeof import('child_process');
  const cli = path.join(__dirname, '..', '..', 'bin', 'budget-review.js');
  const run: RunNode = (args, nodeArgs = [], env = process.env) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [...nodeArgs, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env });
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, stdout: r.stdout, status: r.status };
  };
  const rows = measureReviewWrite(run, cli, process.argv[2], process.argv[3] ?? null, 1);
  process.stdout.write(JSON.stringify(rows) + '\n');
}
