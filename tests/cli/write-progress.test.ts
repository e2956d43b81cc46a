/** Writing per-unit workbooks reports each file as it is written, so the bar moves (issue 14). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCheck } from '../../src/cli/commands/check';
import { planPerUnit, writePerUnit } from '../../src/cli/write-outputs';

it('writePerUnit reports every written unit file in order', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-wprog-'));
  try {
    const run = await runCheck([path.join(__dirname, '../../examples/规则示例-县级汇总.xlsx')], {});
    const plan = planPerUnit(run.report, dir, false);
    expect(plan.files.length).toBeGreaterThanOrEqual(3);
    const seen: Array<[number, string]> = [];
    const written = await writePerUnit(run.report, run.loaded.map((l) => ({ display: l.display, grids: l.grids })), plan, (n, f) => seen.push([n, f]));
    expect(seen).toEqual(written.map((f, i) => [i + 1, f]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
