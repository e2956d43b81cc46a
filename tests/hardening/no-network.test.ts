/**
 * Issue 7, "Security": the core and the CLI make no network calls. Two traps:
 * - in-process: http, https, net, tls, dns, dgram, http2 and globalThis.fetch throw (and are logged)
 *   while checkWorkbooks, and the CLI's check, tables, figures and demo run on the bundled examples;
 * - out of process: the built CLI (bin/budget-review.js) runs with tests/hardening/trap-network.js
 *   preloaded through NODE_OPTIONS, which reaches worker threads and child processes as well.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runDemo } from '../../src/cli/commands/demo';
import { loadInput } from '../../src/cli/inputs';
import { checkWorkbooks } from '../../src/core/check';
import { cli } from '../cli/run-cli';
import { tempDir } from './fixtures';
import { expectNoCrash } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(ROOT, 'examples');
const TRAP = path.join(__dirname, 'trap-network.js');
const T = 120_000;

const exampleFiles = (): string[] => fs.readdirSync(EXAMPLES).filter((f) => /\.xlsx$/.test(f)).sort().map((f) => path.join(EXAMPLES, f));

/** Replace every network entry point of this process with a function that logs and throws. */
function trapNetwork(): string[] {
  const calls: string[] = [];
  const trap = (what: string) => (): never => {
    calls.push(what);
    throw new Error(`network call blocked: ${what}`);
  };
  const mods: Array<[string, string[]]> = [
    ['http', ['request', 'get']], ['https', ['request', 'get']], ['net', ['connect', 'createConnection']], ['tls', ['connect']],
    ['dns', ['lookup', 'resolve', 'resolve4', 'resolve6']], ['dgram', ['createSocket']], ['http2', ['connect']],
  ];
  for (const [name, fns] of mods) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require(name) as Record<string, unknown>;
    for (const fn of fns) jest.spyOn(m as never, fn as never).mockImplementation(trap(`${name}.${fn}`) as never);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  jest.spyOn(require('net').Socket.prototype, 'connect').mockImplementation(trap('net.Socket.connect') as never);
  jest.spyOn(globalThis, 'fetch').mockImplementation(trap('fetch') as never);
  return calls;
}

afterEach(() => jest.restoreAllMocks());

test('the trap works: a network call made under it is blocked and logged', async () => {
  const calls = trapNetwork();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(() => require('https').get('https://example.invalid/')).toThrow(/blocked/);
  await expect(async () => fetch('https://example.invalid/')).rejects.toThrow(/blocked/);
  expect(calls).toEqual(['https.get', 'fetch']);
});

test('checkWorkbooks and the CLI (check, tables, figures, demo) on the examples make no network call', async () => {
  const calls = trapNetwork();
  const dir = tempDir('net');
  try {
    // The core on every example, all at once.
    const grids = [];
    for (const f of exampleFiles()) {
      const r = await loadInput(f, path.basename(f));
      if (!('grids' in r)) throw new Error(`example not readable: ${f}`);
      grids.push(r.grids);
    }
    const report = checkWorkbooks(grids);
    expect(report.lines.length).toBeGreaterThan(0);

    const detail = exampleFiles().filter((f) => /明细/.test(f));
    const runs = [
      await cli('check', EXAMPLES, '--json', '--out', path.join(dir, 'review.xlsx'), '--per-unit-out', path.join(dir, 'units')),
      await cli('tables', ...detail, '--out', path.join(dir, 'tables.xlsx'), '--per-unit', '--all'),
      await cli('figures', path.join(EXAMPLES, '预算执行-示例.xlsx'), '--template', path.join(EXAMPLES, '工作报告模板.txt'), '--json'),
    ];
    for (const r of runs) {
      expectNoCrash(r);
      expect([0, 1]).toContain(r.code);
    }
    // demo, on a copy of the examples (it writes into <root>/out/).
    fs.mkdirSync(path.join(dir, 'root', 'examples'), { recursive: true });
    for (const f of exampleFiles()) fs.copyFileSync(f, path.join(dir, 'root', 'examples', path.basename(f)));
    expect(await runDemo(path.join(dir, 'root'))).toBe(0);
    expect(fs.existsSync(path.join(dir, 'root', 'out', 'review.xlsx'))).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expect(calls).toEqual([]);
}, T);

describe('the built CLI under a preloaded network trap (reaches worker threads and child processes)', () => {
  const bin = path.join(ROOT, 'bin', 'budget-review.js');
  const built = fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js'));

  function run(args: string[], log: string, cwd = ROOT) {
    return spawnSync(process.execPath, [bin, ...args], {
      cwd,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${TRAP}`.trim(), BR_NETWORK_TRAP_LOG: log },
    });
  }

  test('the preload trap blocks and logs, in the main thread and in a worker thread', () => {
    const dir = tempDir('trap');
    const log = path.join(dir, 'trap.log');
    const script = "const { Worker } = require('worker_threads'); try { require('https').get('https://example.invalid/'); } catch {}"
      + " new Worker(\"try { fetch('https://example.invalid/'); } catch {}\", { eval: true });";
    execFileSync(process.execPath, ['-e', script], { env: { ...process.env, NODE_OPTIONS: `--require ${TRAP}`, BR_NETWORK_TRAP_LOG: log } });
    expect(fs.readFileSync(log, 'utf8').trim().split('\n').sort()).toEqual(['fetch', 'https.get']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  (built ? test : test.skip)('check, tables, figures and demo on the examples: no call reaches the trap (needs `npm run build`)', () => {
    const dir = tempDir('trapcli');
    const log = path.join(dir, 'trap.log');
    const detail = exampleFiles().filter((f) => /明细/.test(f));
    const runs = [
      run(['check', EXAMPLES, '--json', '--out', path.join(dir, 'review.xlsx')], log),
      run(['tables', ...detail, '--out', path.join(dir, 'tables.xlsx'), '--all'], log),
      run(['figures', path.join(EXAMPLES, '预算执行-示例.xlsx'), '--template', path.join(EXAMPLES, '工作报告模板.txt')], log),
      run(['demo'], log),
    ];
    try {
      for (const r of runs) {
        expect(r.error).toBeUndefined();
        expect(r.stderr).not.toMatch(/blocked|内部错误/);
        expect([0, 1]).toContain(r.status);
      }
      expect(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '').toBe('');
      expect(fs.existsSync(path.join(dir, 'review.xlsx'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, T);
});
