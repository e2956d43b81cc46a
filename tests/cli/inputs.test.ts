import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expandInputs, isLoaded, loadInput, loadWorkbooks, sniffFile, SAVE_AS_XLSX, ENCRYPTED } from '../../src/cli/inputs';
import { UserError } from '../../src/cli/errors';

let dir: string;
let xlsxBuf: Buffer;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function write(name: string, data: Buffer | string): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, data);
  return p;
}

/** A fake OLE2 compound file: magic, padding, and optionally the directory names of an encrypted package. */
function oleFile(encrypted: boolean): Buffer {
  const body = Buffer.alloc(4096, 0);
  OLE_MAGIC.copy(body, 0);
  const name = Buffer.from(encrypted ? 'EncryptionInfo' : 'Workbook', 'utf16le');
  name.copy(body, 2048);
  if (encrypted) Buffer.from('EncryptedPackage', 'utf16le').copy(body, 2176);
  return body;
}

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('明细');
  ws.addRow(['单位名称', '金额']);
  ws.addRow(['XX局', 100]);
  xlsxBuf = Buffer.from(await wb.xlsx.writeBuffer());
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-inputs-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sniffFile', () => {
  it('accepts a real .xlsx by its zip content, whatever the name', async () => {
    expect(await sniffFile(write('a.xlsx', xlsxBuf))).toEqual({ kind: 'xlsx' });
    expect(await sniffFile(write('renamed.dat', xlsxBuf))).toEqual({ kind: 'xlsx' });
  });

  it('refuses .xls / .et (OLE2) with the advice to save as .xlsx', async () => {
    for (const name of ['old.xls', 'wps.et', 'disguised.xlsx']) {
      const s = await sniffFile(write(name, oleFile(false)));
      expect(s.kind).toBe('refused');
      if (s.kind === 'refused') expect(s.reason).toContain(SAVE_AS_XLSX);
    }
  });

  it('recognises an encrypted .xlsx (OLE2 with EncryptionInfo)', async () => {
    expect(await sniffFile(write('secret.xlsx', oleFile(true)))).toEqual({ kind: 'refused', reason: ENCRYPTED });
  });

  it('refuses a non-zip file named .xlsx', async () => {
    const s = await sniffFile(write('fake.xlsx', '<html><body>不是表格</body></html>'));
    expect(s).toEqual({ kind: 'refused', reason: expect.stringContaining('不是有效的 .xlsx 文件') });
  });

  it('says a truncated zip is incomplete', async () => {
    const s = await sniffFile(write('cut.xlsx', xlsxBuf.subarray(0, Math.floor(xlsxBuf.length / 2))));
    expect(s).toEqual({ kind: 'refused', reason: expect.stringContaining('文件不完整') });
  });

  it('refuses a zip without a workbook and a zip whose entries expand past the limit', async () => {
    // A zip whose central directory is fine but whose content is not an .xlsx: cut out xl/workbook.xml by renaming.
    const renamed = Buffer.from(xlsxBuf.toString('latin1').split('xl/workbook.xml').join('xl/workbooX.xml'), 'latin1');
    expect(await sniffFile(write('noworkbook.xlsx', renamed))).toEqual({ kind: 'refused', reason: expect.stringContaining('没有工作簿') });
    const s = await sniffFile(write('big.xlsx', xlsxBuf), { maxEntryBytes: 100, maxRatio: 100, ratioFloorBytes: 1e9 });
    expect(s).toEqual({ kind: 'refused', reason: expect.stringContaining('压缩炸弹') });
  });

  it('accepts .csv by name and refuses unknown types', async () => {
    expect(await sniffFile(write('a.csv', 'a,b\n'))).toEqual({ kind: 'csv' });
    expect(await sniffFile(write('a.txt', 'a,b\n'))).toEqual({ kind: 'refused', reason: expect.stringContaining('不支持') });
  });
});

describe('loadInput', () => {
  it('loads xlsx and csv, and turns bad files into unreadable entries', async () => {
    const a = await loadInput(write('a.xlsx', xlsxBuf), 'a.xlsx');
    expect(isLoaded(a) && a.grids.sheets[0].cells[1]).toEqual(['XX局', 100]);
    // Grids come from the streaming reader; the formats are read only for a review workbook, by the
    // light format pass (no exceljs load).
    expect(isLoaded(a) && (a.workbook || a.looks)).toBeFalsy();
    if (isLoaded(a)) await loadWorkbooks([a]);
    expect(isLoaded(a) && a.workbook).toBeFalsy();
    expect(isLoaded(a) && a.looks?.sheet(a.grids.sheets[0].name)?.rows()).toContain(2);
    const c = await loadInput(write('c.csv', '单位名称,金额\nXX局,100\n'), 'c.csv');
    expect(isLoaded(c) && c.grids.sheets[0].cells[1]).toEqual(['XX局', '100']);
    const e = await loadInput(write('empty.xlsx', ''), 'empty.xlsx');
    expect(isLoaded(e)).toBe(false);
    const x = await loadInput(write('old.xls', oleFile(false)), 'old.xls');
    expect(!isLoaded(x) && x.reason).toContain(SAVE_AS_XLSX);
  });
});

describe('expandInputs', () => {
  it('walks folders recursively for .xlsx/.csv, skipping ~$ lock files, hidden entries and excluded outputs', () => {
    write('a.xlsx', xlsxBuf);
    write('sub/b.csv', 'a\n');
    write('sub/deeper/c.xlsx', xlsxBuf);
    write('~$a.xlsx', 'lock');
    write('.hidden/d.xlsx', xlsxBuf);
    write('notes.txt', 'x');
    write('review.xlsx', xlsxBuf);
    const files = expandInputs([dir], [path.join(dir, 'review.xlsx')]).map((f) => path.relative(dir, f).split(path.sep).join('/'));
    expect(files).toEqual(['a.xlsx', 'sub/b.csv', 'sub/deeper/c.xlsx']);
  });

  it('keeps explicit files of any name and de-duplicates', () => {
    const f = write('x.xls', oleFile(false));
    expect(expandInputs([f, f])).toEqual([path.resolve(f)]);
  });

  it('throws a Chinese UserError for a missing path or an empty folder', () => {
    expect(() => expandInputs([path.join(dir, 'nope.xlsx')])).toThrow(UserError);
    expect(() => expandInputs([path.join(dir, 'nope.xlsx')])).toThrow(/找不到文件或文件夹/);
    fs.mkdirSync(path.join(dir, 'empty'));
    expect(() => expandInputs([path.join(dir, 'empty')])).toThrow(/没有 \.xlsx 或 \.csv 文件/);
  });
});
