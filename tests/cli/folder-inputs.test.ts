/**
 * No input is ever dropped (issue 14): every file in a folder of submissions is either read or
 * reported, .xls/.et/.ods get save-as advice as findings, and lock files, hidden files and other
 * files are named with their count in one summary line.
 */
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from './run-cli';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-folder-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function budget(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('预算明细');
  ws.addRow(['单位编码', '单位名称', '支出类型', '功能分类科目', '经济分类科目', '资金来源', '金额']);
  ws.addRow(['101001', '县教育局', '人员经费', '2050101', '30101', '一般公共预算拨款', 120000]);
  await wb.xlsx.writeFile(path.join(dir, file));
}

/** The first bytes of an OLE2 compound file, as every .xls and .et starts. */
const OLE = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);

describe('a folder of mixed submissions', () => {
  it('every file appears in the output: read, reported with advice, or skipped with its reason', async () => {
    await budget('县教育局.xlsx');
    fs.writeFileSync(path.join(dir, '县卫健委.csv'), '单位编码,单位名称,支出类型,功能分类科目,经济分类科目,资金来源,金额\n102001,县卫健委,人员经费,2100101,30101,一般公共预算拨款,5000\n');
    fs.writeFileSync(path.join(dir, '县民政局.xls'), OLE);
    fs.writeFileSync(path.join(dir, '县水利局.et'), OLE);
    fs.writeFileSync(path.join(dir, '县农业局.ods'), zipSync({ 'content.xml': strToU8('<office:document-content/>'), mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet') }));
    fs.writeFileSync(path.join(dir, '~$县教育局.xlsx'), 'lock');
    fs.writeFileSync(path.join(dir, '.DS_Store'), 'x');
    fs.writeFileSync(path.join(dir, '报送说明.docx'), 'x');
    const r = await cli('check', dir, '--json');
    const json = JSON.parse(r.stdout);
    const all = r.stdout + r.stderr;
    for (const f of fs.readdirSync(dir)) expect(all).toContain(f);
    const unreadable = json.findings.filter((f: { rule: string }) => f.rule === 'DATA.UNREADABLE_FILE');
    expect(unreadable.map((f: { location: { file: string } }) => path.basename(f.location.file)).sort()).toEqual(['县农业局.ods', '县民政局.xls', '县水利局.et']);
    for (const f of unreadable) expect(f.message).toContain('另存为 .xlsx');
    expect(r.stderr).toContain('另有 3 个文件未读取');
    expect(r.stderr).toMatch(/1 个 Excel\/WPS 打开文件时生成的临时锁定文件/);
    expect(r.stderr).toMatch(/1 个隐藏文件/);
    expect(r.stderr).toMatch(/1 个不是表格的文件（如 报送说明\.docx）/);
  });

  it('a folder holding only .xls files gives the save-as advice, not "no .xlsx files"', async () => {
    fs.writeFileSync(path.join(dir, '县民政局.xls'), OLE);
    let r = await cli('check', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('县民政局.xls');
    expect(r.stderr).toContain('另存为 .xlsx');
    fs.writeFileSync(path.join(dir, '县水利局.xls'), OLE);
    r = await cli('check', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2 个输入文件都无法读取');
    expect(r.stderr).toContain('另存为 .xlsx');
  });

  it('a detail sheet without an amount column is counted as a 明细表, not a 公开表', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('预算明细');
    ws.addRow(['单位编码', '单位名称', '功能分类科目', '经济分类科目']);
    ws.addRow(['101001', '县教育局', '2050101', '30101']);
    await wb.xlsx.writeFile(path.join(dir, 'bad_no_amount.xlsx'));
    const r = await cli('check', path.join(dir, 'bad_no_amount.xlsx'));
    expect(r.stdout).not.toContain('公开表');
    expect(r.stdout).toMatch(/1 张明细表/);
  });
});
