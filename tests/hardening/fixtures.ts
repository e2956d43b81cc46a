/** Small input files for the hardening suite's CLI tests, written with exceljs into a temp folder. */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const HEADER = ['单位编码', '单位名称', '支出类型', '功能分类科目', '经济分类科目', '资金来源', '金额'];
export const CLEAN: Array<Array<string | number>> = [
  ['101001', '县教育局', '人员经费', '2050101', '30101', '一般公共预算拨款', 120000],
  ['101001', '县教育局', '公用经费', '2050101', '30201', '一般公共预算拨款', 5000],
];
/** Row 5 (the second line) holds an unreadable amount in G5. */
export const DIRTY: Array<Array<string | number>> = [CLEAN[0], ['101001', '县教育局', '公用经费', '2050101', '30201', '一般公共预算拨款', 'abc']];

export interface SheetSpec {
  name: string;
  rows: Array<Array<string | number>>;
  state?: 'visible' | 'hidden' | 'veryHidden';
}

/** A budget workbook: each sheet has a title, a unit line, the header (row 3) and its rows from row 4. */
export async function budgetXlsx(file: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.state ? { state: s.state } : undefined);
    ws.addRow(['XX县2025年部门预算明细表']);
    ws.addRow(['单位：元']);
    ws.addRow(HEADER);
    for (const r of s.rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(file);
  return file;
}

/** An OLE2 compound file header (.xls, .et, or an encrypted .xlsx when `encrypted`). */
export function oleFile(file: string, encrypted = false): string {
  const buf = Buffer.alloc(4096, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf);
  buf.writeUInt16LE(0x003e, 0x18); // minor version
  buf.writeUInt16LE(0x0003, 0x1a); // major version 3
  buf.writeUInt16LE(0xfffe, 0x1c); // byte order
  if (encrypted) {
    // Directory entries of an Office-encrypted package (MS-OFFCRYPTO): EncryptionInfo, EncryptedPackage.
    Buffer.from('EncryptionInfo', 'utf16le').copy(buf, 1024);
    Buffer.from('EncryptedPackage', 'utf16le').copy(buf, 1152);
  } else {
    Buffer.from('Workbook', 'utf16le').copy(buf, 1024);
  }
  fs.writeFileSync(file, buf);
  return file;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `br-hard-${prefix}-`));
}
