/**
 * The `budget-review` command line (SPEC §5.1). bin/budget-review.js calls main(argv) and exits with
 * the code it returns: 0 no errors, 1 errors found, 2 bad usage or a problem the user must fix
 * (always one Chinese sentence on stderr, never a stack trace).
 */
import { Command, CommanderError, Help } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../core/config';
import { displayWidth } from '../core/text';
import { registerCheckCommand } from './commands/check';
import { packageRoot, registerDemoCommand } from './commands/demo';
import { registerFiguresCommand } from './commands/figures';
import { registerTablesCommand } from './commands/tables';
import { UserError } from './errors';
import { printErr, printOut } from './print';

export { UserError };

/** Commander prints these English words in help; the reader of this tool reads Chinese. */
const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** Usage placeholders commander writes in English. */
function chineseUsage(s: string): string {
  return s.replace(/\[options\]/g, '[选项]').replace(/\[command\]/g, '[命令]');
}

/** Argument names as the user should read them in a message ("缺少参数 inputs" mixed English in). */
const ARGUMENT_NAMES: Record<string, string> = {
  inputs: '输入文件或文件夹',
  file: '文件',
  command: '命令',
};

/** One worked example per command, shown at the end of its --help. */
const EXAMPLES: Record<string, string[]> = {
  check: [
    'budget-review check 预算/ --out 审核结果.xlsx          审核文件夹中的全部工作簿，写出审核工作簿',
    'budget-review check 县教育局.xlsx --json > 结果.json     打印审核结果 JSON',
    'budget-review check 2025.xlsx --prior 2024.xlsx          与上年数据比较（压减、只增不减）',
    'budget-review check 预算/ --per-unit-out 退回/           每个单位一个只含本单位内容的审核工作簿',
  ],
  tables: [
    'budget-review tables 县教育局.xlsx --out 公开表.xlsx     生成该部门的全部公开表',
    'budget-review tables 预算/ --unit 101001 --out 公开表.xlsx --style shanghai',
  ],
  figures: ['budget-review figures 预算执行.xlsx --template 模板.txt   按模板填写工作报告中的数字'],
  demo: ['budget-review demo                                         审核 examples/ 中的示例并写出 out/'],
};

/** The version in package.json, found from this file whether run from src (tests) or dist. */
export function packageVersion(from: string = __dirname): string {
  try {
    const j = JSON.parse(fs.readFileSync(path.join(packageRoot(from), 'package.json'), 'utf8'));
    return j.name === 'budget-review' && typeof j.version === 'string' ? j.version : '未知';
  } catch {
    return '未知';
  }
}

function commanderMessage(e: CommanderError): string {
  const raw = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  const quoted = ARGUMENT_NAMES[raw] ?? raw;
  switch (e.code) {
    case 'commander.unknownOption':
      return `未知选项 ${quoted}，请用 budget-review --help 查看用法。`;
    case 'commander.unknownCommand':
      return `未知命令 ${quoted}，可用命令见 budget-review --help。`;
    case 'commander.missingArgument':
      return `缺少参数 ${quoted}，例如：budget-review check 预算.xlsx`;
    case 'commander.optionMissingArgument':
      return `选项 ${quoted} 需要一个值。`;
    case 'commander.excessArguments':
      return '参数过多，请用 budget-review --help 查看用法。';
    default:
      return `用法有误：${e.message.replace(/^error:\s*/, '')}`;
  }
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('budget-review')
    .description('预算审核助手：审核部门预算明细表，生成审核工作簿与公开表')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示命令的帮助')
    .version(`budget-review ${packageVersion()}`, '-V, --version', '显示版本号')
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({
      writeOut: (s) => printOut(s),
      writeErr: (s) => printErr(s),
      // Commander's own English error lines are replaced by the Chinese sentence in main().
      outputError: () => undefined,
    });
  registerCheckCommand(program, setExit);
  registerDemoCommand(program, setExit);
  registerFiguresCommand(program, setExit);
  registerTablesCommand(program, setExit);
  const help: Partial<Help> = {
    styleTitle: (t: string) => HELP_TITLES[t] ?? t,
    styleUsage: chineseUsage,
    // Terms are localised before commander measures them, and widths count CJK as two columns,
    // so the description column stays aligned in a terminal.
    subcommandTerm: (cmd) => chineseUsage(Help.prototype.subcommandTerm.call(help, cmd)),
    displayWidth: (str: string) => displayWidth(str.replace(/\x1b\[[0-9;]*m/g, '')),
  };
  program.configureHelp(help);
  program.addHelpText('after', `\n示例：\n  budget-review check 预算/ --out 审核结果.xlsx\n  budget-review check --help      查看一个命令的用法和示例\n`);
  for (const c of program.commands) {
    c.configureHelp(help);
    const examples = EXAMPLES[c.name()];
    if (examples) c.addHelpText('after', `\n示例：\n${examples.map((l) => `  ${l}`).join('\n')}\n`);
  }
  return program;
}

/**
 * Marked on the stream itself, not in a module variable: main() may run from
 * several fresh module instances in one process (tests, embedding), and each
 * must not add another listener.
 */
const PIPE_GUARD = Symbol.for('budget-review.pipe-guard');

/** `budget-review check … --json | head` closes stdout early: end quietly instead of crashing. */
function guardPipes(): void {
  const out = process.stdout as NodeJS.WriteStream & { [PIPE_GUARD]?: true };
  if (out[PIPE_GUARD]) return;
  out[PIPE_GUARD] = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

export async function main(argv: string[]): Promise<number> {
  guardPipes();
  let code: number | undefined;
  const setExit = (c: number) => {
    code = c;
  };
  const before = process.exitCode;
  try {
    const program = buildProgram(setExit);
    if (argv.length === 0) {
      printErr(program.helpInformation());
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
    if (code !== undefined) return code;
    // A command registered by another module may report its result through process.exitCode.
    const c = process.exitCode;
    if (typeof c === 'number' && c !== before) {
      process.exitCode = before;
      return c;
    }
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return e.exitCode === 0 || e.code !== 'commander.help' ? 0 : 2;
      printErr(commanderMessage(e) + '\n');
      return 2;
    }
    if (e instanceof UserError) {
      printErr(e.message + '\n');
      return e.exitCode;
    }
    if (e instanceof ConfigError) {
      printErr(`规则参数有误：${e.message}。\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    printErr(`内部错误：${msg}。请把这条信息和出错的文件（如可以）反馈给开发者。\n`);
    if (process.env.BUDGET_REVIEW_DEBUG && e instanceof Error && e.stack) printErr(e.stack + '\n');
    return 2;
  }
}
