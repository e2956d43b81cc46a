/**
 * The `budget-review` command line (SPEC §5.1). bin/budget-review.js calls main(argv) and exits with
 * the code it returns: 0 no errors, 1 errors found, 2 bad usage or a problem the user must fix
 * (always one Chinese sentence on stderr, never a stack trace).
 */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../core/config';
import { registerCheckCommand } from './commands/check';
import { registerDemoCommand } from './commands/demo';
import { registerFiguresCommand } from './commands/figures';
import { registerTablesCommand } from './commands/tables';
import { UserError } from './errors';
import { printErr, printOut } from './print';

export { UserError };

function commanderMessage(e: CommanderError): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
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
