/** `tables` on inputs with errors says so, with the count and the first error (issue 14). */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from './run-cli';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-tables-warn-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function budget(rows: Array<Array<string | number>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('预算明细');
  ws.addRow(['单位编码', '单位名称', '支出类型', '功能分类科目', '经济分类科目', '资金来源', '金额']);
  for (const r of rows) ws.addRow(r);
  const p = path.join(dir, 'a.xlsx');
  await wb.xlsx.writeFile(p);
  return p;
}

it('warns with the count of errors in its inputs', async () => {
  const input = await budget([
    ['101001', '县教育局', '人员经费', '2050101', '30101', '一般公共预算拨款', 120000],
    ['101001', '县教育局', '公用经费', '2050101', '30201', '一般公共预算拨款', '12..5'],
  ]);
  const check = await cli('check', input, '--json');
  const errors = JSON.parse(check.stdout).summary.errors as number;
  expect(errors).toBeGreaterThan(0);
  const r = await cli('tables', input, '--out', path.join(dir, 't.xlsx'));
  expect(r.code).toBe(0);
  expect(r.stderr).toContain(`注意：输入中有 ${errors} 条错误`);
  expect(r.stderr).toContain('a.xlsx 预算明细!');
});

it('says nothing when the inputs are clean', async () => {
  const input = await budget([['101001', '县教育局', '人员经费', '2050101', '30101', '一般公共预算拨款', 120000]]);
  const check = await cli('check', input, '--json');
  expect(JSON.parse(check.stdout).summary.errors).toBe(0);
  const r = await cli('tables', input, '--out', path.join(dir, 't.xlsx'));
  expect(r.code).toBe(0);
  expect(r.stderr).not.toContain('注意');
});
