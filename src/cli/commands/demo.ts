/**
 * `budget-review demo` (SPEC §5.1): check the bundled example workbooks and write out/review.xlsx and out/tables.xlsx,
 * replacing what an earlier demo wrote there (out/ is the demo's own folder), then fill the example
 * draft's X's from the example 预算执行 sheet into out/工作报告-已填.txt (issue 17). Exit 0 even when the
 * examples have findings: showing findings is the point of the demo.
 */
import type { Command } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import { UserError } from '../errors';
import { printOut } from '../print';
import { reportRun, runCheck } from './check';
import { departmentOutPath, planTablesWorkbooks } from './tables';
import { departmentLabel } from '../../core/tables/departments';
import { listUnits } from '../../core/tables';
import { runFigures } from './figures';
import { buildTablesWorkbook } from '../../io/tables-workbook';
import { writeWorkbookAtomic } from '../write-outputs';

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
  // The examples built to break rules (规则示例 with its own 规则设置 sheet, which sets parameters for
  // every input of its run; 审核公式示例; 绩效示例) are checked together into out/review.xlsx, so the
  // departments' own examples keep the default parameters and their tables stay one per department.
  const rulesExample = files.filter((f) => /^(规则示例|审核公式示例|绩效示例)/.test(path.basename(f)));
  const others = files.filter((f) => !rulesExample.includes(f));
  // out/review.xlsx is the one a new user opens first, so it holds the example built to break the rules.
  const outputs: Array<{ file: string; what: string }> = [];
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  let detailRun: Awaited<ReturnType<typeof runCheck>> | null = null;
  const groups = [
    { files: rulesExample, name: 'review.xlsx', about: '规则示例、审核公式示例和绩效示例' },
    { files: others, name: 'review-明细与公开表.xlsx', about: '各部门明细表、已填公开表和预算执行表' },
  ];
  for (const g of groups) {
    if (g.files.length === 0) continue;
    const out = path.join(outDir, g.name);
    const opts = { out: rel(out), force: true };
    const r = await runCheck(g.files, opts);
    await reportRun(r, opts);
    printOut('\n');
    const s = r.report.summary;
    outputs.push({ file: rel(out), what: `${g.about}${listUnits(r.report.lines).length} 个单位的审核结果：错误 ${s.errors} 条、警告 ${s.warnings} 条、提示 ${s.infos} 条；“审核结果”表逐条链接到单元格` });
    if (g.files === others) detailRun = r;
  }
  // The tables step (SPEC §5.1): each department's standard tables in a workbook of its own, never
  // a merge of the examples' unrelated departments under one 编制部门.
  if (detailRun && detailRun.report.lines.length) {
    const tablesOut = path.join(outDir, 'tables.xlsx');
    const plans = planTablesWorkbooks(detailRun.report, { all: true });
    for (const p of plans) {
      const o = departmentOutPath(tablesOut, plans, p);
      await writeWorkbookAtomic(buildTablesWorkbook(p.sets), o, true);
      const who = p.department ? departmentLabel(p.department) : '';
      outputs.push({ file: rel(o), what: `${who}的部门预算公开表（${p.sets[0].tables.length} 张）` });
    }
  }
  // The figures step: the example draft, X's and all, filled from the example 预算执行 sheet.
  const draft = path.join(examples, '工作报告草稿.txt');
  const execution = path.join(examples, '预算执行-示例.xlsx');
  if (fs.existsSync(draft) && fs.existsSync(execution)) {
    const filledOut = path.join(outDir, '工作报告-已填.txt');
    const f = await runFigures(rel(execution), { fill: rel(draft), out: rel(filledOut), force: true });
    printOut(`\n工作报告草稿：${rel(draft)}\n${f.stdout}`);
    outputs.push({ file: rel(filledOut), what: `工作报告草稿 ${path.basename(draft)} 中的 X 按预算执行表填好（填不了的保留 X 并说明原因）` });
  }
  printOut('\n示例输出：\n');
  for (const o of outputs) printOut(`  ${o.file}\n      ${o.what}\n`);
  return 0;
}

export function registerDemoCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('demo')
    .description('检查 examples/ 中的示例工作簿，审核结果写入 out/review.xlsx，各部门公开表写入 out/tables-<部门>.xlsx，并把示例工作报告草稿中的 X 填好写入 out/工作报告-已填.txt')
    .action(async () => {
      setExit(await runDemo());
    });
}
