/**
 * `budget-review demo` (SPEC §5.1): check the bundled example workbooks and write out/review.xlsx and out/tables.xlsx,
 * replacing what an earlier demo wrote there (out/ is the demo's own folder). Exit 0 even when the
 * examples have findings: showing findings is the point of the demo.
 */
import type { Command } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import { UserError } from '../errors';
import { printOut } from '../print';
import { reportRun, runCheck } from './check';
import { planTableSets } from './tables';
import { buildTablesWorkbook } from '../tables-workbook';
import { writeWorkbookAtomic } from '../review-workbook';

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
  // The rules example carries its own 规则设置 sheet, which would set parameters for every input of a
  // run; it is checked on its own so the other examples keep the default parameters.
  const rulesExample = files.filter((f) => path.basename(f).startsWith('规则示例'));
  const others = files.filter((f) => !rulesExample.includes(f));
  let run: Awaited<ReturnType<typeof runCheck>> | null = null;
  for (const [group, name] of [[others, 'review.xlsx'], [rulesExample, 'review-规则示例.xlsx']] as const) {
    if (group.length === 0) continue;
    const out = path.join(outDir, name);
    const opts = { out: path.relative(process.cwd(), out) || out, force: true };
    const r = await runCheck(group, opts);
    await reportRun(r, opts);
    printOut('\n');
    run ??= r;
  }
  // The tables step (SPEC §5.1): the department's standard tables consolidated over the examples.
  if (run && run.report.lines.length) {
    const tablesOut = path.join(outDir, 'tables.xlsx');
    const sets = planTableSets(run.report, {});
    await writeWorkbookAtomic(buildTablesWorkbook(sets), tablesOut, true);
    printOut(`公开表已写入 ${path.relative(process.cwd(), tablesOut) || tablesOut}：${sets[0].tables.length} 张表\n`);
  }
  return 0;
}

export function registerDemoCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('demo')
    .description('检查 examples/ 中的示例工作簿，结果写入 out/review.xlsx 和 out/tables.xlsx')
    .action(async () => {
      setExit(await runDemo());
    });
}
