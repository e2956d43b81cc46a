/** --out names what is written and its folder exists, or is made with --mkdir (issue 14). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mkdirCommand } from '../../src/cli/output-path';
import { cli } from './run-cli';

const EXAMPLE = path.join(__dirname, '../../examples/县教育局-明细-元.xlsx');
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-outpath-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it.each([['check'], ['tables']])('%s --out into a missing folder: the exact command, nothing written; --mkdir creates it', async (cmd) => {
  const out = path.join(dir, '结果', '二〇二五', 'r.xlsx');
  let r = await cli(cmd, EXAMPLE, '--out', out);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`输出文件夹 ${path.dirname(out)} 不存在；可先运行 ${mkdirCommand(path.dirname(out))} 创建，或加 --mkdir`);
  expect(fs.readdirSync(dir)).toEqual([]);
  r = await cli(cmd, EXAMPLE, '--out', out, '--mkdir');
  expect([0, 1]).toContain(r.code);
  expect(fs.existsSync(out)).toBe(true);
});

it.each([['check'], ['tables']])('%s --out r.csv is refused: an .xlsx must be named .xlsx', async (cmd) => {
  const r = await cli(cmd, EXAMPLE, '--out', path.join(dir, 'r.csv'));
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('文件名应以 .xlsx 结尾，例如');
  expect(r.stderr).toContain('r.xlsx');
  expect(fs.readdirSync(dir)).toEqual([]);
});

it('mkdirCommand per platform', () => {
  expect(mkdirCommand('out/a', 'linux')).toBe('mkdir -p "out/a"');
  expect(mkdirCommand('out\\a', 'win32')).toBe('mkdir "out\\a"');
});
