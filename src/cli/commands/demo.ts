/**
 * `budget-review demo` (SPEC §5.1): check the bundled example workbooks and write out/review.xlsx,
 * replacing what an earlier demo wrote there (out/ is the demo's own folder). Exit 0 even when the
 * examples have findings: showing findings is the point of the demo.
 */
import type { Command } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import { UserError } from '../errors';
import { reportRun, runCheck } from './check';

/** The package root: the nearest folder above this file holding package.json with our name. */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const pj = path.join(dir, 'package.json');
    if (fs.existsSync(pj)) {
      try {
        if (JSON.parse(fs.readFileSync(pj, 'utf8')).name === 'budget-review') return dir;
      } catch {
        // keep looking
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

export async function runDemo(root: string = packageRoot()): Promise<number> {
  const examples = path.join(root, 'examples');
  const files = fs.existsSync(examples)
    ? fs.readdirSync(examples).filter((f) => /\.xlsx$/i.test(f) && !f.startsWith('~$')).sort().map((f) => path.join(examples, f))
    : [];
  if (files.length === 0) throw new UserError('examples/ 中没有示例工作簿，请先运行 npm run examples 生成。');
  const outDir = path.join(root, 'out');
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, 'review.xlsx');
  const opts = { out: path.relative(process.cwd(), out) || out, force: true };
  const run = await runCheck(files, opts);
  await reportRun(run, opts);
  // The tables step of the demo (SPEC §5.1) belongs to the tables command; wire it here when it exists.
  return 0;
}

export function registerDemoCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('demo')
    .description('检查 examples/ 中的示例工作簿，结果写入 out/review.xlsx')
    .action(async () => {
      setExit(await runDemo());
    });
}
