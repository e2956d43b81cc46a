/**
 * Issue 7, "No data loss": the CLI never writes to its inputs, writes every output to a temporary
 * name in the target folder and renames it into place, leaves nothing behind when writing fails,
 * refuses an existing --out without --force and refuses an --out that is one of its inputs even with
 * --force. (The add-in's flag/clear round trip and its sheet naming are tested in tests/excel/.)
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { cli } from '../cli/run-cli';
import { budgetXlsx, CLEAN, DIRTY, tempDir } from './fixtures';
import { expectNoCrash, expectOneSentence, folderChecksums, sha256 } from './helpers';

/** The fs module object itself (ts-jest's `import * as` gives a read-only copy that cannot be spied on). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs: typeof fs = require('fs');

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(ROOT, 'examples');
const T = 60_000;
let dir: string;

beforeEach(() => {
  dir = tempDir('loss');
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every fs call that could change a file, with the paths it touches (absolute). */
interface FsWrite {
  fn: string;
  paths: string[];
}

const WRITE_FLAGS = /[wa+]/;

/** Record every writing fs call (and still perform it). */
function recordWrites(): FsWrite[] {
  const log: FsWrite[] = [];
  const abs = (p: unknown) => (typeof p === 'string' || p instanceof URL || Buffer.isBuffer(p) ? path.resolve(String(p instanceof URL ? p.pathname : p)) : String(p));
  const wrap = (obj: Record<string, unknown>, fn: string, isWrite: (args: unknown[]) => boolean, nPaths = 1) => {
    const orig = obj[fn] as (...a: unknown[]) => unknown;
    if (typeof orig !== 'function') return;
    jest.spyOn(obj as never, fn as never).mockImplementation(((...args: unknown[]) => {
      if (isWrite(args)) log.push({ fn, paths: args.slice(0, nPaths).map(abs) });
      return orig.apply(obj, args);
    }) as never);
  };
  const openIsWrite = (a: unknown[]) => typeof a[1] === 'string' ? WRITE_FLAGS.test(a[1]) : typeof a[1] === 'number' ? (a[1] & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0 : false;
  const always = () => true;
  const f = nodeFs as unknown as Record<string, unknown>;
  wrap(f, 'openSync', openIsWrite);
  wrap(f, 'open', openIsWrite);
  wrap(f, 'createWriteStream', always);
  for (const fn of ['writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'truncateSync', 'truncate', 'unlinkSync', 'unlink', 'rmSync', 'rm', 'copyFileSync', 'copyFile', 'utimesSync', 'chmodSync']) wrap(f, fn, always);
  wrap(f, 'renameSync', always, 2);
  wrap(f, 'rename', always, 2);
  const p = nodeFs.promises as unknown as Record<string, unknown>;
  wrap(p, 'open', openIsWrite);
  for (const fn of ['writeFile', 'appendFile', 'truncate', 'unlink', 'rm', 'copyFile']) wrap(p, fn, always);
  wrap(p, 'rename', always, 2);
  return log;
}

function copyExamples(to: string, names: string[]): void {
  for (const n of names) fs.copyFileSync(path.join(EXAMPLES, n), path.join(to, n));
}

function leftovers(d: string): string[] {
  return Object.keys(folderChecksums(d)).filter((f) => /\.tmp$|(^|\/)\.[^/]+/.test(f));
}

describe('the CLI never writes to its inputs', () => {
  test('check, tables and figures with their outputs in the inputs’ own folder: every input is byte-identical and never opened for writing', async () => {
    copyExamples(dir, ['县教育局-明细-元.xlsx', '县卫健委-明细-万元-宽表.xlsx', '预算执行-示例.xlsx', '工作报告模板.txt']);
    await budgetXlsx(path.join(dir, '第三单位.xlsx'), [{ name: '预算明细', rows: DIRTY }]);
    fs.writeFileSync(path.join(dir, '第四单位.csv'), '单位：元\n单位名称,功能分类科目,经济分类科目,金额\n县文旅局,2070101,30201,100\n');
    const before = folderChecksums(dir);
    const inputs = new Set(Object.keys(before).map((f) => path.join(dir, f)));
    const writes = recordWrites();

    const runs = [
      await cli('check', dir, '--json', '--out', path.join(dir, 'review.xlsx'), '--per-unit-out', path.join(dir, 'units')),
      await cli('check', dir, '--out', path.join(dir, 'review.xlsx'), '--force'),
      await cli('tables', path.join(dir, '县教育局-明细-元.xlsx'), path.join(dir, '县卫健委-明细-万元-宽表.xlsx'), '--out', path.join(dir, 'tables.xlsx'), '--per-unit', '--all'),
      await cli('figures', path.join(dir, '预算执行-示例.xlsx'), '--template', path.join(dir, '工作报告模板.txt'), '--json'),
    ];
    for (const r of runs) {
      expectNoCrash(r);
      expect([0, 1]).toContain(r.code);
    }
    jest.restoreAllMocks();

    const after = folderChecksums(dir);
    for (const [f, sum] of Object.entries(before)) expect([f, after[f]]).toEqual([f, sum]);
    const produced = Object.keys(after).filter((f) => !(f in before)).sort();
    expect(produced).toContain('review.xlsx');
    // Two departments: one tables workbook each (tables-<部门>.xlsx), never one merged tables.xlsx.
    expect(produced.filter((f) => /^tables-.+\.xlsx$/.test(f))).toHaveLength(2);
    expect(produced.filter((f) => f.startsWith(`units${path.sep}`)).length).toBeGreaterThanOrEqual(3);
    expect(produced.every((f) => f === 'review.xlsx' || /^tables-.+\.xlsx$/.test(f) || f.startsWith(`units${path.sep}`))).toBe(true);
    expect(leftovers(dir)).toEqual([]);

    // Not one writing call touched an input.
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((w) => w.paths.some((p) => inputs.has(p)))).toEqual([]);
  }, T);

  test('outputs go to a temporary name in the target folder and are renamed into place', async () => {
    const input = await budgetXlsx(path.join(dir, 'a.xlsx'), [{ name: '预算明细', rows: CLEAN }]);
    const writes = recordWrites();
    const review = path.join(dir, 'review.xlsx');
    const tables = path.join(dir, 'tables.xlsx');
    expect((await cli('check', input, '--out', review)).code).toBe(0);
    expect((await cli('tables', input, '--out', tables)).code).toBe(0);
    jest.restoreAllMocks();
    for (const out of [review, tables]) {
      const renames = writes.filter((w) => w.fn.startsWith('rename') && w.paths[1] === out);
      expect(renames).toHaveLength(1);
      const tmp = renames[0].paths[0];
      expect(path.dirname(tmp)).toBe(path.dirname(out));
      expect(tmp).not.toBe(out);
      // The final name is never opened for writing: it appears only by the rename.
      expect(writes.filter((w) => !w.fn.startsWith('rename') && w.paths.includes(out))).toEqual([]);
      expect(fs.existsSync(tmp)).toBe(false);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(review);
    expect(wb.getWorksheet('审核结果')).toBeDefined();
  }, T);
});

describe('a failing writer leaves no partial file', () => {
  test('--out names an existing folder (rename fails): exit 2, one sentence, the folder and its contents untouched, no temp file', async () => {
    const input = await budgetXlsx(path.join(dir, 'a.xlsx'), [{ name: '预算明细', rows: DIRTY }]);
    const target = path.join(dir, 'review.xlsx');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep.txt'), 'keep');
    for (const argv of [['check', input, '--out', target, '--force'], ['tables', input, '--out', target, '--force']]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expectOneSentence(r);
      expect(fs.statSync(target).isDirectory()).toBe(true);
      expect(fs.readdirSync(target)).toEqual(['keep.txt']);
      expect(leftovers(dir)).toEqual([]);
    }
  }, T);

  test('the workbook writer throws after writing part of the file: exit 2, no output and no temp file', async () => {
    const input = await budgetXlsx(path.join(dir, 'a.xlsx'), [{ name: '预算明细', rows: DIRTY }]);
    const before = sha256(input);
    jest.spyOn(ExcelJS.Workbook.prototype, 'xlsx', 'get').mockImplementation(function (this: ExcelJS.Workbook) {
      return {
        writeFile: async (file: string) => {
          fs.writeFileSync(file, 'PK\u0003\u0004 half a workbook');
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
        writeBuffer: async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
      } as unknown as ExcelJS.Xlsx;
    });
    // Review workbooks are streamed (src/cli/write-outputs.ts): its writer fails the same way.
    jest.spyOn(ExcelJS.stream.xlsx.WorkbookWriter.prototype, 'commit').mockImplementation(async function (this: { stream: NodeJS.WritableStream }) {
      this.stream.write('PK\u0003\u0004 half a workbook');
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    for (const [cmd, out] of [['check', 'review.xlsx'], ['tables', 'tables.xlsx']]) {
      const r = await cli(cmd, input, '--out', path.join(dir, out));
      expect(r.code).toBe(2);
      expectOneSentence(r);
      expect(fs.existsSync(path.join(dir, out))).toBe(false);
    }
    jest.restoreAllMocks();
    expect(fs.readdirSync(dir)).toEqual(['a.xlsx']);
    expect(sha256(input)).toBe(before);
  }, T);

  test('the rename fails (e.g. EXDEV, EPERM): exit 2, the temp file is removed, an existing --out keeps its bytes', async () => {
    const input = await budgetXlsx(path.join(dir, 'a.xlsx'), [{ name: '预算明细', rows: CLEAN }]);
    const out = path.join(dir, 'review.xlsx');
    fs.writeFileSync(out, 'the previous review');
    const rename = nodeFs.renameSync;
    jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
      if (path.resolve(String(to)) === out) throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
      return rename(from, to);
    });
    const r = await cli('check', input, '--out', out, '--force');
    jest.restoreAllMocks();
    expect(r.code).toBe(2);
    expectOneSentence(r);
    expect(fs.readFileSync(out, 'utf8')).toBe('the previous review');
    expect(fs.readdirSync(dir).sort()).toEqual(['a.xlsx', 'review.xlsx']);
  }, T);

  const rootOnly = typeof process.getuid === 'function' && process.getuid() === 0;
  (rootOnly ? test.skip : test)('a read-only target folder: exit 2, one sentence, nothing written (skipped as root, who may write anywhere)', async () => {
    const input = await budgetXlsx(path.join(dir, 'a.xlsx'), [{ name: '预算明细', rows: CLEAN }]);
    const ro = path.join(dir, 'ro');
    fs.mkdirSync(ro);
    fs.chmodSync(ro, 0o555);
    try {
      const r = await cli('check', input, '--out', path.join(ro, 'review.xlsx'));
      expect(r.code).toBe(2);
      expectOneSentence(r);
      expect(fs.readdirSync(ro)).toEqual([]);
    } finally {
      fs.chmodSync(ro, 0o755);
    }
  }, T);
});

describe('existing files are not overwritten', () => {
  test('an existing --out without --force: exit 2, the file unchanged (check and tables)', async () => {
    const input = await budgetXlsx(path.join(dir, 'a.xlsx'), [{ name: '预算明细', rows: DIRTY }]);
    const out = path.join(dir, 'out.xlsx');
    fs.writeFileSync(out, 'keep me');
    for (const cmd of ['check', 'tables']) {
      const r = await cli(cmd, input, '--out', out);
      expect(r.code).toBe(2);
      expectOneSentence(r);
      expect(r.stderr).toContain('--force');
      expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
    }
    expect(leftovers(dir)).toEqual([]);
  }, T);

  test('an existing per-unit file without --force: exit 2 before anything is written, --out included', async () => {
    const input = await budgetXlsx(path.join(dir, 'a.xlsx'), [{ name: '预算明细', rows: DIRTY }]);
    fs.mkdirSync(path.join(dir, 'units'));
    fs.writeFileSync(path.join(dir, 'units', '101001 县教育局.xlsx'), 'keep me');
    const r = await cli('check', input, '--out', path.join(dir, 'review.xlsx'), '--per-unit-out', path.join(dir, 'units'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force');
    expect(fs.existsSync(path.join(dir, 'review.xlsx'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'units', '101001 县教育局.xlsx'), 'utf8')).toBe('keep me');
  }, T);

  test('--out naming an input is refused even with --force, however the path is spelled (check and tables)', async () => {
    const input = await budgetXlsx(path.join(dir, 'a.xlsx'), [{ name: '预算明细', rows: DIRTY }]);
    fs.mkdirSync(path.join(dir, 'sub'));
    const before = sha256(input);
    const spellings = [input, path.join(dir, 'sub', '..', 'a.xlsx'), path.relative(process.cwd(), input)];
    for (const cmd of ['check', 'tables']) {
      for (const out of spellings) {
        const r = await cli(cmd, input, '--out', out, '--force');
        expect(r.code).toBe(2);
        expectOneSentence(r);
        expect(r.stderr).toContain('不能覆盖输入文件');
        expect(sha256(input)).toBe(before);
      }
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['a.xlsx', 'sub']);
  }, T);

  // Given a folder, the CLI leaves --out out of its inputs (it may be its own earlier review
  // workbook); --force must still never replace a budget file that merely sits at that path.
  test('--out naming a budget file inside an input folder is refused even with --force', async () => {
    const input = await budgetXlsx(path.join(dir, 'a.xlsx'), [{ name: '预算明细', rows: DIRTY }]);
    await budgetXlsx(path.join(dir, 'b.xlsx'), [{ name: '预算明细', rows: CLEAN }]);
    const before = sha256(input);
    const r = await cli('check', dir, '--out', input, '--force');
    expect(sha256(input)).toBe(before);
    expect(r.code).toBe(2);
    expectOneSentence(r);
  }, T);

  test('re-runs over a folder replace only what the tool wrote: review and tables workbooks with --force, per-unit files only if ours', async () => {
    await budgetXlsx(path.join(dir, 'a.xlsx'), [{ name: '预算明细', rows: DIRTY }]);
    const review = path.join(dir, 'review.xlsx');
    const tables = path.join(dir, 'tables.xlsx');
    for (let i = 0; i < 2; i++) {
      const r = await cli('check', dir, '--out', review, '--force', '--json');
      expect(r.code).toBe(1);
      // The review workbook is never read back; a tables workbook is, as filled tables to check.
      expect(JSON.parse(r.stdout).inputs.map((x: { file: string }) => x.file)).toEqual(i === 0 ? ['a.xlsx'] : ['a.xlsx', 'tables.xlsx']);
      const t = await cli('tables', path.join(dir, 'a.xlsx'), '--out', tables, '--force');
      expect(t.code).toBe(0);
    }
    // A workbook of the user's own that shares a unit file's name is not replaced, even with --force.
    const units = path.join(dir, 'units');
    fs.mkdirSync(units);
    const theirs = await budgetXlsx(path.join(units, '101001 县教育局.xlsx'), [{ name: '预算明细', rows: CLEAN }]);
    const before = sha256(theirs);
    const r = await cli('check', path.join(dir, 'a.xlsx'), '--per-unit-out', units, '--force');
    expect(r.code).toBe(2);
    expectOneSentence(r);
    expect(r.stderr).toContain('不是本工具写出的审核文件');
    expect(sha256(theirs)).toBe(before);
    // Its own per-unit files from an earlier run are replaced with --force.
    fs.rmSync(theirs);
    expect((await cli('check', path.join(dir, 'a.xlsx'), '--per-unit-out', units)).code).toBe(1);
    expect((await cli('check', path.join(dir, 'a.xlsx'), '--per-unit-out', units, '--force')).code).toBe(1);
  }, T);

  test('--out through a symbolic link to an input, with --force: refused (issue 19), the link and the input keep their bytes', async () => {
    const input = await budgetXlsx(path.join(dir, 'a.xlsx'), [{ name: '预算明细', rows: DIRTY }]);
    const before = sha256(input);
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(input, link);
    const r = await cli('check', input, '--out', link, '--force');
    expect(r.code).toBe(2);
    expectOneSentence(r);
    expect(r.stderr).toContain('不能覆盖输入文件');
    expect(sha256(input)).toBe(before);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  }, T);
});
