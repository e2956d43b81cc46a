import ExcelJS from 'exceljs';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli, Run } from './run-cli';
import { runDemo } from '../../src/cli/commands/demo';

function expectOneSentence(r: Run): void {
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/); // no stack trace
  expect(r.stderr).toMatch(/[\u4e00-\u9fa5]/);
}

let dir: string;

async function budgetXlsx(file: string, rows: Array<Array<string | number>>, sheet = '预算明细'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(['XX县2025年部门预算明细表']);
  ws.addRow(['单位：元']);
  ws.addRow(['单位编码', '单位名称', '支出类型', '功能分类科目', '经济分类科目', '资金来源', '金额']);
  for (const r of rows) ws.addRow(r);
  const p = path.join(dir, file);
  await wb.xlsx.writeFile(p);
  return p;
}

const CLEAN = [
  ['101001', '县教育局', '人员经费', '2050101', '30101', '一般公共预算拨款', 120000],
  ['101001', '县教育局', '公用经费', '2050101', '30201', '一般公共预算拨款', 5000],
];
const DIRTY = [
  ['101001', '县教育局', '人员经费', '2050101', '30101', '一般公共预算拨款', 120000],
  ['101001', '县教育局', '公用经费', '2050101', '30201', '一般公共预算拨款', 'abc'],
];

function sha(p: string): string {
  return createHash('sha256').update(fs.readFileSync(p)).digest('hex');
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-cli-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('usage errors (exit 2, one Chinese sentence)', () => {
  it('no arguments prints the help on stderr', async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('check');
  });

  it('unknown option, unknown command, missing input', async () => {
    for (const argv of [['check', 'a.xlsx', '--bogus'], ['frobnicate'], ['check']]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expectOneSentence(r);
      expect(r.stdout).toBe('');
    }
  });

  it('--help exits 0', async () => {
    const r = await cli('check', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--per-unit-out');
  });

  it('a missing file', async () => {
    const r = await cli('check', path.join(dir, 'none.xlsx'));
    expect(r.code).toBe(2);
    expectOneSentence(r);
    expect(r.stderr).toContain('找不到文件或文件夹');
  });

  it('a single .xls, a non-zip .xlsx, a truncated .xlsx, an encrypted .xlsx', async () => {
    const ole = Buffer.alloc(2048, 0);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    fs.writeFileSync(path.join(dir, 'old.xls'), ole);
    const enc = Buffer.from(ole);
    Buffer.from('EncryptionInfo', 'utf16le').copy(enc, 1024);
    fs.writeFileSync(path.join(dir, 'secret.xlsx'), enc);
    fs.writeFileSync(path.join(dir, 'fake.xlsx'), 'hello');
    const good = await budgetXlsx('good.xlsx', CLEAN);
    fs.writeFileSync(path.join(dir, 'cut.xlsx'), fs.readFileSync(good).subarray(0, 200));
    const expected: Record<string, string> = {
      'old.xls': '另存为 .xlsx',
      'secret.xlsx': '文件已加密，请先取消密码',
      'fake.xlsx': '不是有效的 .xlsx 文件',
      'cut.xlsx': '文件不完整',
    };
    for (const [name, text] of Object.entries(expected)) {
      const r = await cli('check', path.join(dir, name), '--json');
      expect(r.code).toBe(2);
      expectOneSentence(r);
      expect(r.stderr).toContain(name);
      expect(r.stderr).toContain(text);
      expect(r.stdout).toBe('');
    }
  });

  it('an invalid rules file names the parameter', async () => {
    const good = await budgetXlsx('good.xlsx', CLEAN);
    const rules = path.join(dir, 'rules.json');
    fs.writeFileSync(rules, JSON.stringify({ generalCut: { rate: 5 } }));
    let r = await cli('check', good, '--rules', rules);
    expect(r.code).toBe(2);
    expectOneSentence(r);
    expect(r.stderr).toContain('generalCut.rate');
    fs.writeFileSync(rules, '{ not json');
    r = await cli('check', good, '--rules', rules);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是有效的 JSON');
    r = await cli('check', good, '--rules', path.join(dir, 'missing.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到规则文件');
  });

  it('an existing --out without --force is refused before anything is read or written', async () => {
    const good = await budgetXlsx('good.xlsx', CLEAN);
    const out = path.join(dir, 'review.xlsx');
    fs.writeFileSync(out, 'keep me');
    const r = await cli('check', good, '--out', out);
    expect(r.code).toBe(2);
    expectOneSentence(r);
    expect(r.stderr).toContain('--force');
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
  });

  it('--out naming an input is refused even with --force', async () => {
    const good = await budgetXlsx('good.xlsx', CLEAN);
    const before = sha(good);
    const r = await cli('check', good, '--out', good, '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不能覆盖输入文件');
    expect(sha(good)).toBe(before);
  });

  it('demo without example workbooks says how to make them', async () => {
    await expect(runDemo(dir)).rejects.toThrow(/npm run examples/);
  });
});

describe('check with the core', () => {
  it('exit 0 on a clean sheet, with a Chinese summary', async () => {
    const good = await budgetXlsx('good.xlsx', CLEAN);
    const r = await cli('check', good);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('预算审核完成');
    expect(r.stdout).toMatch(/错误 0 条/);
    expect(r.code).toBe(0);
  });

  it('exit 1 with errors; --json prints the findings JSON of SPEC §4.1', async () => {
    const bad = await budgetXlsx('bad.xlsx', DIRTY);
    const r = await cli('check', bad, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.version).toBe(1);
    expect(json.findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ rule: 'DATA.BAD_AMOUNT', severity: 'error', location: expect.objectContaining({ file: expect.stringContaining('bad.xlsx'), sheet: '预算明细', cell: 'G5', row: 5 }) }),
    ]));
    expect(json.summary.errors).toBeGreaterThan(0);
    expect(json.config).toBeUndefined();
    expect(json.lines).toBeUndefined();
  });

  it('writes the review workbook with --out, never touching the inputs', async () => {
    const bad = await budgetXlsx('bad.xlsx', DIRTY);
    const before = sha(bad);
    const out = path.join(dir, 'out', 'review.xlsx');
    fs.mkdirSync(path.dirname(out));
    const r = await cli('check', dir, '--out', out, '--per-unit-out', path.join(dir, 'units'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('审核工作簿已写入');
    expect(sha(bad)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const res = wb.getWorksheet('审核结果')!;
    const rules: unknown[] = [];
    res.eachRow((row, n) => n > 1 && rules.push(row.getCell(10).value));
    expect(rules).toContain('DATA.BAD_AMOUNT');
    const copy = wb.getWorksheet('预算明细')!;
    expect((copy.getCell('G5').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(fs.readdirSync(path.join(dir, 'units'))).toEqual(['101001 县教育局.xlsx']);
    // A second run into the same folder does not pick up its own outputs as inputs, and needs --force.
    const again = await cli('check', dir, '--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    const forced = await cli('check', dir, '--out', out, '--force', '--json');
    expect(forced.code).toBe(1);
    expect(JSON.parse(forced.stdout).inputs).toHaveLength(1);
    expect(forced.stderr).toContain('审核工作簿已写入');
  });

  it('several inputs: an unreadable one becomes DATA.UNREADABLE_FILE and the rest are checked', async () => {
    await budgetXlsx('good.xlsx', CLEAN);
    fs.writeFileSync(path.join(dir, 'broken.xlsx'), 'not a zip');
    fs.writeFileSync(path.join(dir, '~$good.xlsx'), 'lock file');
    const r = await cli('check', dir, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'DATA.UNREADABLE_FILE', location: expect.objectContaining({ file: expect.stringContaining('broken.xlsx') }) })]));
    expect(json.inputs.map((i: { file: string }) => path.basename(i.file))).toEqual(['good.xlsx']);
    expect(r.stderr).toContain('已跳过无法读取的文件');
  });

  it('nothing recognised is exit 2 with one sentence and no JSON', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('随便').addRow(['你好', '世界']);
    const p = path.join(dir, 'none.xlsx');
    await wb.xlsx.writeFile(p);
    const r = await cli('check', p, '--json');
    expect(r.code).toBe(2);
    expectOneSentence(r);
    expect(r.stdout).toBe('');
  });

  it('reads .csv in GB18030', async () => {
    const iconv = await import('iconv-lite');
    const text = '单位：元\n单位编码,单位名称,支出类型,功能分类科目,经济分类科目,金额\n101001,县教育局,人员经费,2050101,30101,"1,200.00"\n';
    fs.writeFileSync(path.join(dir, 'gbk.csv'), iconv.encode(text, 'gb18030'));
    const r = await cli('check', path.join(dir, 'gbk.csv'), '--json');
    const json = JSON.parse(r.stdout);
    expect(json.inputs[0].lines).toBe(1);
    expect(r.code).toBe(0);
  });
});
