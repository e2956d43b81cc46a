/**
 * Issue 19, items 5–6: no output ever replaces a file the run reads — an input, --prior, --rules,
 * --template — however it is reached: directly, through a symbolic link to the file or to a folder
 * above it, as a hard link, or (on a case-insensitive file system) in another case. --force does not
 * change that. And every planned output is checked against every other before anything is written.
 * The symlink and hard-link suite covers check, tables and figures: after every run each file in the
 * folder keeps its bytes, and a refused run leaves no new file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { assertOutputsSafe, canonicalPath, ignoresCase, sameFile } from '../../src/cli/paths';
import { cli, Run } from '../cli/run-cli';
import { budgetXlsx, CLEAN, DIRTY, tempDir } from './fixtures';
import { expectNoCrash, expectOneSentence, sha256 } from './helpers';

const T = 60_000;
let dir: string;

beforeEach(() => {
  dir = tempDir('links');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const RULES_JSON = JSON.stringify({ generalCut: { rate: 0.05 } });

/** A folder `real/` with a budget workbook, a prior-year workbook, a rules file and a template. */
async function setup(): Promise<{ real: string; input: string; prior: string; rules: string; template: string; exec: string }> {
  const real = path.join(dir, 'real');
  fs.mkdirSync(real);
  const input = await budgetXlsx(path.join(real, 'a.xlsx'), [{ name: '预算明细', rows: DIRTY }]);
  const prior = await budgetXlsx(path.join(real, 'prior.xlsx'), [{ name: '预算明细', rows: CLEAN }]);
  const rules = path.join(real, 'rules.json');
  fs.writeFileSync(rules, RULES_JSON);
  const template = path.join(real, 'template.txt');
  fs.writeFileSync(template, '一般公共预算收入完成{一般公共预算收入.本期累计}万元。\n');
  const exec = path.join(real, 'exec.xlsx');
  fs.copyFileSync(path.resolve(__dirname, '../../examples/预算执行-示例.xlsx'), exec);
  return { real, input, prior, rules, template, exec };
}

/** The run was refused as item 5 wants: exit 2, one sentence naming the protected file, no new file, every byte kept. */
async function expectRefused(argv: string[], before: Record<string, string>): Promise<Run> {
  const r = await cli(...argv);
  expect([argv.join(' '), r.code]).toEqual([argv.join(' '), 2]);
  expectOneSentence(r);
  // Named as an input (or, for a budget file a folder argument sweeps in, as a file of the input folder).
  expect(r.stderr).toMatch(/不能覆盖输入文件|位于输入文件夹中/);
  expect(r.stderr).toContain('--force');
  expect(sums()).toEqual(before);
  return r;
}

/** Checksum of every file under the test folder, links recorded as links (their targets are in it too). */
function sums(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isSymbolicLink()) out[rel] = `→ ${fs.readlinkSync(p)}`;
      else if (e.isDirectory()) walk(p);
      else out[rel] = sha256(p);
    }
  };
  walk(dir);
  return out;
}

describe('item 5: --out never replaces what the run reads, even with --force', () => {
  test('check: --out naming the --prior file, or the --rules file (directly and through a link)', async () => {
    const { input, prior, rules } = await setup();
    fs.symlinkSync(rules, path.join(dir, 'rules-link.json'));
    fs.symlinkSync(prior, path.join(dir, 'prior-link.xlsx'));
    const before = sums();
    let r = await expectRefused(['check', input, '--prior', prior, '--out', prior, '--force'], before);
    expect(r.stderr).toContain('上年数据文件');
    r = await expectRefused(['check', input, '--rules', rules, '--out', rules, '--force'], before);
    expect(r.stderr).toContain('规则文件');
    await expectRefused(['check', input, '--rules', rules, '--out', path.join(dir, 'rules-link.json'), '--force'], before);
    await expectRefused(['check', input, '--prior', path.join(dir, 'prior-link.xlsx'), '--out', prior, '--force'], before);
  }, T);

  test('tables: --out reaching the --rules file through a link', async () => {
    const { input, rules } = await setup();
    const link = path.join(dir, 'tables.xlsx');
    fs.symlinkSync(rules, link);
    const before = sums();
    const r = await expectRefused(['tables', input, '--rules', rules, '--out', link, '--force'], before);
    expect(r.stderr).toContain('符号链接');
  }, T);

  test('an input reached through a symbolically linked folder (check and tables)', async () => {
    const { real, input } = await setup();
    const linked = path.join(dir, 'linked');
    fs.symlinkSync(real, linked, 'dir');
    const before = sums();
    // The folder given through its link, --out naming the real file, and the other way round.
    await expectRefused(['check', linked, '--out', input, '--force'], before);
    await expectRefused(['check', real, '--out', path.join(linked, 'a.xlsx'), '--force'], before);
    await expectRefused(['check', path.join(linked, 'a.xlsx'), '--out', input, '--force'], before);
    await expectRefused(['tables', path.join(linked, 'a.xlsx'), '--out', input, '--force'], before);
    await expectRefused(['tables', input, '--out', path.join(linked, 'a.xlsx'), '--force'], before);
  }, T);

  test('an input reached through a symbolic link to the file (check and tables)', async () => {
    const { input } = await setup();
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(input, link);
    const before = sums();
    for (const cmd of ['check', 'tables']) {
      await expectRefused([cmd, link, '--out', input, '--force'], before);
      const r = await expectRefused([cmd, input, '--out', link, '--force'], before);
      expect(r.stderr).toContain('符号链接');
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    }
  }, T);

  test('an input reached through a hard link (check and tables; --prior and --rules too)', async () => {
    const { input, prior, rules } = await setup();
    const hard = path.join(dir, 'hard.xlsx');
    fs.linkSync(input, hard);
    const hardRules = path.join(dir, 'hard-rules.xlsx');
    fs.linkSync(rules, hardRules);
    const hardPrior = path.join(dir, 'hard-prior.xlsx');
    fs.linkSync(prior, hardPrior);
    const before = sums();
    for (const cmd of ['check', 'tables']) {
      const r = await expectRefused([cmd, input, '--out', hard, '--force'], before);
      expect(r.stderr).toContain('硬链接');
      await expectRefused([cmd, hard, '--out', input, '--force'], before);
      await expectRefused([cmd, input, '--rules', rules, '--out', hardRules, '--force'], before);
    }
    await expectRefused(['check', input, '--prior', prior, '--out', hardPrior, '--force'], before);
  }, T);

  test('--out inside a linked folder that holds an input', async () => {
    const { real, input } = await setup();
    const linked = path.join(dir, 'linked');
    fs.symlinkSync(real, linked, 'dir');
    const before = sums();
    await expectRefused(['check', input, '--out', path.join(linked, '..', 'linked', 'a.xlsx'), '--force'], before);
  }, T);

  test('another case of an input’s name: refused where the file system ignores case, a different file where it does not', async () => {
    const { real, input } = await setup();
    const upper = path.join(real, 'A.XLSX');
    const before = sums();
    if (ignoresCase(real)) {
      await expectRefused(['check', input, '--out', upper, '--force'], before);
    } else {
      const r = await cli('check', input, '--out', upper, '--force');
      expect(r.code).toBe(1);
      expect(fs.existsSync(upper)).toBe(true);
      const after = sums();
      for (const [f, s] of Object.entries(before)) expect(after[f]).toBe(s);
    }
  }, T);

  test('a re-run over a linked folder still replaces its own review workbook, and only that', async () => {
    const { real } = await setup();
    const linked = path.join(dir, 'linked');
    fs.symlinkSync(real, linked, 'dir');
    const review = path.join(real, 'review.xlsx');
    expect((await cli('check', real, '--out', review, '--jobs', '1')).code).toBe(1);
    // Given through the link, the folder's review.xlsx is still recognised as the output (not read as an input).
    const r = await cli('check', linked, '--out', review, '--force', '--json', '--jobs', '1');
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).inputs.map((x: { file: string }) => path.basename(x.file)).sort()).toEqual(['a.xlsx', 'exec.xlsx', 'prior.xlsx']);
  }, T);
});

describe('item 6: every planned output is checked against every other before anything is written', () => {
  test('--out named like a unit’s file inside --per-unit-out: exit 2, nothing written', async () => {
    const { input } = await setup();
    const units = path.join(dir, 'units');
    fs.mkdirSync(units);
    for (const name of ['101001 县教育局.xlsx', '101001 县教育局.XLSX']) {
      const before = sums();
      const r = await cli('check', input, '--per-unit-out', units, '--out', path.join(units, name), '--force');
      expect(r.code).toBe(2);
      expectOneSentence(r);
      expect(r.stderr).toContain('同一个文件');
      expect(fs.readdirSync(units)).toEqual([]);
      expect(sums()).toEqual(before);
    }
  }, T);

  test('--out naming the --per-unit-out folder itself, directly or through a link: exit 2, nothing written', async () => {
    const { input } = await setup();
    const units = path.join(dir, 'units');
    fs.mkdirSync(units);
    fs.symlinkSync(units, path.join(dir, 'units-link'), 'dir');
    const before = sums();
    for (const out of [units, path.join(dir, 'units-link')]) {
      const r = await cli('check', input, '--per-unit-out', units, '--out', out, '--force');
      expect(r.code).toBe(2);
      expectOneSentence(r);
      expect(sums()).toEqual(before);
      expect(fs.readdirSync(units)).toEqual([]);
    }
  }, T);

  test('a per-unit file that is an input (the --per-unit-out folder linked to the inputs’ folder): exit 2, nothing written', async () => {
    const { real } = await setup();
    const unitInput = await budgetXlsx(path.join(real, '101001 县教育局.xlsx'), [{ name: '预算明细', rows: DIRTY }]);
    const link = path.join(dir, 'units');
    fs.symlinkSync(real, link, 'dir');
    const before = sums();
    const r = await cli('check', unitInput, '--per-unit-out', link, '--out', path.join(dir, 'review.xlsx'), '--force');
    expect(r.code).toBe(2);
    expectOneSentence(r);
    expect(r.stderr).toContain('不能覆盖输入文件');
    expect(sums()).toEqual(before);
  }, T);

  test('the guard itself: outputs that are one file, by case, by link, by `..`', () => {
    const a = path.join(dir, 'x', 'A.xlsx');
    expect(() => assertOutputsSafe([{ path: a, label: '甲' }, { path: path.join(dir, 'x', 'a.XLSX'), label: '乙' }], [])).toThrow(/同一个文件/);
    expect(() => assertOutputsSafe([{ path: a, label: '甲' }, { path: path.join(dir, 'x', 'y', '..', 'A.xlsx'), label: '乙' }], [])).toThrow(/同一个文件/);
    fs.mkdirSync(path.join(dir, 'x'));
    fs.symlinkSync(path.join(dir, 'x'), path.join(dir, 'x-link'), 'dir');
    expect(() => assertOutputsSafe([{ path: a, label: '甲' }, { path: path.join(dir, 'x-link', 'A.xlsx'), label: '乙' }], [])).toThrow(/同一个文件/);
    expect(() => assertOutputsSafe([{ path: a, label: '甲' }, { path: path.join(dir, 'x', 'B.xlsx'), label: '乙' }], [])).not.toThrow();
    // Identity of paths that do not exist yet: the real path of the nearest existing folder.
    expect(canonicalPath(path.join(dir, 'x-link', 'new', 'f.xlsx'))).toBe(canonicalPath(path.join(dir, 'x', 'new', 'f.xlsx')));
    expect(sameFile(path.join(dir, 'x-link', 'f.xlsx'), path.join(dir, 'x', 'f.xlsx'))).toBe(true);
  });
});

describe('figures reads through links and writes nothing', () => {
  test('the workbook, --template and --rules through symbolic links, a linked folder and hard links: the same figures, every byte kept, no new file', async () => {
    const { real, exec, template, rules } = await setup();
    const linked = path.join(dir, 'linked');
    fs.symlinkSync(real, linked, 'dir');
    fs.symlinkSync(exec, path.join(dir, 'exec-link.xlsx'));
    fs.linkSync(template, path.join(dir, 'template-hard.txt'));
    fs.linkSync(rules, path.join(dir, 'rules-hard.json'));
    const before = sums();
    const direct = await cli('figures', exec, '--template', template, '--rules', rules, '--json');
    expectNoCrash(direct);
    expect(direct.code).toBe(0);
    for (const argv of [
      [path.join(dir, 'exec-link.xlsx'), '--template', path.join(dir, 'template-hard.txt'), '--rules', path.join(dir, 'rules-hard.json')],
      [path.join(linked, 'exec.xlsx'), '--template', path.join(linked, 'template.txt'), '--rules', path.join(linked, 'rules.json')],
      // One file given as both template and rules is read, never written (the rules file is then not JSON: exit 2).
    ]) {
      const r = await cli('figures', ...argv, '--json');
      expectNoCrash(r);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).text).toBe(JSON.parse(direct.stdout).text);
      expect(JSON.parse(r.stdout).figures).toEqual(JSON.parse(direct.stdout).figures);
    }
    const same = await cli('figures', exec, '--template', rules, '--rules', path.join(dir, 'rules-hard.json'));
    expectNoCrash(same);
    expect(sums()).toEqual(before);
  }, T);
});

describe('figures --fill … --out never replaces what the run reads, even with --force', () => {
  test('--out naming the workbook, the draft, the --rules or the --words file, directly, through symbolic links (file and folder) or as a hard link: exit 2, every byte kept', async () => {
    const { real, exec, rules } = await setup();
    const draft = path.join(real, 'draft.txt');
    fs.writeFileSync(draft, '一般公共预算收入完成X万元。\n');
    const words = path.join(real, 'words.json');
    fs.writeFileSync(words, '{}');
    const linked = path.join(dir, 'linked');
    fs.symlinkSync(real, linked, 'dir');
    fs.symlinkSync(draft, path.join(dir, 'draft-link.txt'));
    fs.linkSync(draft, path.join(dir, 'draft-hard.txt'));
    fs.linkSync(rules, path.join(dir, 'rules-hard.json'));
    const base = ['figures', exec, '--fill', draft, '--rules', rules, '--words', words, '--force', '--out'];
    // The run itself works: a new --out is written.
    const ok = await cli(...base, path.join(dir, 'filled.txt'));
    expectNoCrash(ok);
    expect(fs.existsSync(path.join(dir, 'filled.txt'))).toBe(true);
    fs.rmSync(path.join(dir, 'filled.txt'));
    const before = sums();
    for (const out of [
      draft,
      rules,
      words,
      path.join(linked, 'draft.txt'),
      path.join(linked, 'exec.xlsx'),
      path.join(linked, 'rules.json'),
      path.join(dir, 'draft-link.txt'),
      path.join(dir, 'draft-hard.txt'),
      path.join(dir, 'rules-hard.json'),
    ]) {
      const r = await expectRefused([...base, out], before);
      expect(r.stderr).toContain(out);
    }
  }, T);
});
