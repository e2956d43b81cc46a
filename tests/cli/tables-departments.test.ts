/** `tables` never merges unrelated departments under one 编制部门 (issue 14). */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from './run-cli';

let dir: string;
let input: string;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-tables-dept-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('预算明细');
  ws.addRow(['单位编码', '单位名称', '支出类型', '功能分类科目', '经济分类科目', '资金来源', '金额']);
  ws.addRow(['101001', '县教育局', '人员经费', '2050101', '30101', '一般公共预算拨款', 120000]);
  ws.addRow(['101002', '县第一中学', '人员经费', '2050203', '30101', '一般公共预算拨款', 80000]);
  ws.addRow(['102001', '县卫健委', '人员经费', '2100101', '30101', '一般公共预算拨款', 50000]);
  input = path.join(dir, '县级汇总.xlsx');
  await wb.xlsx.writeFile(input);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function deptOf(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const texts: string[] = [];
  wb.worksheets[0].eachRow((r) => r.eachCell((c) => texts.push(String(c.value ?? ''))));
  return texts.find((t) => t.startsWith('编制')) ?? '';
}

it('several departments without --dept or --all: refused, naming them, nothing written', async () => {
  const r = await cli('tables', input, '--out', path.join(dir, 't.xlsx'));
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('输入中有 2 个部门（101 县教育局；102 县卫健委）');
  expect(r.stderr).toContain('--dept 101');
  expect(fs.readdirSync(dir)).toEqual(['县级汇总.xlsx']);
});

it('--dept writes that department alone, its units consolidated', async () => {
  const out = path.join(dir, 't.xlsx');
  const r = await cli('tables', input, '--out', out, '--dept', '101');
  expect(r.code).toBe(0);
  expect(await deptOf(out)).toContain('县教育局');
  expect(await deptOf(out)).not.toContain('县卫健委');
});

it('--all writes one workbook per department, named after it', async () => {
  const r = await cli('tables', input, '--out', path.join(dir, 't.xlsx'), '--all');
  expect(r.code).toBe(0);
  expect(fs.readdirSync(dir).sort()).toEqual(['t-101 县教育局.xlsx', 't-102 县卫健委.xlsx', '县级汇总.xlsx']);
  expect(await deptOf(path.join(dir, 't-102 县卫健委.xlsx'))).toContain('县卫健委');
  expect(await deptOf(path.join(dir, 't-101 县教育局.xlsx'))).toContain('县教育局');
});

describe('--all: every per-department workbook is guarded like --out (issue 19 item 5)', () => {
  const sha = (f: string) => require('crypto').createHash('sha256').update(fs.readFileSync(f)).digest('hex');
  test.each([
    ['a symbolic link to the input', (target: string, link: string) => fs.symlinkSync(target, link), 'input'],
    ['a hard link to the input', (target: string, link: string) => fs.linkSync(target, link), 'input'],
    ['a symbolic link to the --rules file', (target: string, link: string) => fs.symlinkSync(target, link), 'rules'],
  ] as const)('a department workbook name that is %s: refused before anything is written, even with --force', async (_what, makeLink, which) => {
    const rules = path.join(dir, 'rules.json');
    fs.writeFileSync(rules, JSON.stringify({ generalCut: { rate: 0.05 } }));
    const target = which === 'input' ? input : rules;
    makeLink(target, path.join(dir, 't-102 县卫健委.xlsx'));
    const before = [sha(input), sha(rules)];
    const r = await cli('tables', input, '--rules', rules, '--out', path.join(dir, 't.xlsx'), '--all', '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不能覆盖输入文件');
    expect(r.stderr).toContain('公开表（102 县卫健委）');
    expect([sha(input), sha(rules)]).toEqual(before);
    expect(fs.existsSync(path.join(dir, 't-101 县教育局.xlsx'))).toBe(false);
    expect(fs.lstatSync(path.join(dir, 't-102 县卫健委.xlsx')).isSymbolicLink()).toBe(makeLink.toString().includes('symlink'));
  });
});
