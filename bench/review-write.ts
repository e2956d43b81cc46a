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

type RunNode = (args: string[]) => { ms: number; stdout: string; status: number | null };

export function measureReviewWrite(runNode: RunNode, cli: string, file: string, perUnitFile: string | null, runs: number): ReviewWriteRow[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-review-write-'));
  const json: number[] = [];
  const out: number[] = [];
  const perUnit: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      json.push(runNode([cli, 'check', file, '--json', '--jobs', '1']).ms);
      const o = path.join(dir, `r${i}.xlsx`);
      out.push(runNode([cli, 'check', file, '--out', o, '--force', '--jobs', '1']).ms);
      if (perUnitFile) perUnit.push(runNode([cli, 'check', perUnitFile, '--per-unit-out', path.join(dir, `u${i}`), '--force', '--jobs', '1']).ms);
      process.stderr.write(`review write ${i + 1}/${runs}: --json ${Math.round(json[i])} ms, --out ${Math.round(out[i])} ms${perUnitFile ? `, --per-unit-out ${Math.round(perUnit[i])} ms` : ''}\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const rows: ReviewWriteRow[] = [
    { measure: '`check --out` ÷ `check --json`, same file, same run', unit: '×', values: out.map((ms, i) => ms / json[i]), target: 3 },
  ];
  if (perUnitFile) rows.push({ measure: '`check --per-unit-out` (400 units) ÷ `check --json`', unit: '×', values: perUnit.map((ms, i) => ms / json[i]), target: 6 });
  return rows;
}

// Direct run: node dist/bench/review-write.js FILE [PER_UNIT_FILE] (after npm run build:cli).
if (require.main === module) {
  const { spawnSync } = require('child_process') as typeof import('child_process');
  const cli = path.join(__dirname, '..', '..', 'bin', 'budget-review.js');
  const run: RunNode = (args) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, stdout: r.stdout, status: r.status };
  };
  const rows = measureReviewWrite(run, cli, process.argv[2], process.argv[3] ?? null, 1);
  process.stdout.write(JSON.stringify(rows) + '\n');
}
