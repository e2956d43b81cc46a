/**
 * Issue 19, items 7–8: the reader's limits on a workbook as a whole (src/io/xlsx-stream/limits.ts),
 * tested through the reader's own API so that every door reading .xlsx through it runs the same
 * tests and gets the same Chinese sentences. DOORS lists them: the CLI's (readXlsxFile) and the offline
 * page's (readFile of src/web/read-files.ts, bytes in a Blob, run in Node; the page itself in chromium
 * is tests/browser/limits.test.ts).
 * docs/reliability.md lists every limit with its figure and the test that proves it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_READER_LIMITS, ReaderLimits, StreamedXlsx, XlsxReadError } from '../../../src/io/xlsx-stream';
import { readXlsxFile } from '../../../src/cli/file-source';
import { readFile as readInPage } from '../../../src/web/read-files';
import { colName, rssGrowthDuring, SHEET_HEAD, SHEET_TAIL, writeXlsx } from './xlsx-writer';

const MB = 1024 * 1024;

interface Door {
  name: string;
  /** Read an .xlsx given as bytes, as this door does; throws XlsxReadError when refused. */
  read(bytes: Uint8Array, display: string, limits?: Partial<ReaderLimits>): Promise<StreamedXlsx>;
}

let dir: string;

const DOORS: Door[] = [
  {
    name: 'CLI (readXlsxStream)',
    async read(bytes, display, limits) {
      const file = path.join(dir, `door-${process.hrtime.bigint()}.xlsx`);
      fs.writeFileSync(file, bytes);
      try {
        return await readXlsxFile(file, display, { limits });
      } finally {
        fs.rmSync(file, { force: true });
      }
    },
  },
  {
    // The offline page's own entry (src/web/read-files.ts readFile: a File read by Blob.slice, in the
    // page's worker), run here in Node; tests/browser/limits.test.ts runs the page itself in chromium.
    name: 'offline page (readFile of src/web/read-files.ts)',
    async read(bytes, display, limits) {
      const r = await readInPage(Object.assign(new Blob([bytes as Uint8Array<ArrayBuffer>]), { name: display }), undefined, limits);
      if ('grids' in r) return { grids: r.grids } as StreamedXlsx;
      if (!r.problem) throw new Error(`refused by the page, not by the reader: ${r.reason}`);
      throw new XlsxReadError(r.problem, r.reason);
    },
  },
];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-limits-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The bytes of an .xlsx written by the test writer. */
function xlsxBytes(sheets: Parameters<typeof writeXlsx>[1], opts?: Parameters<typeof writeXlsx>[2]): Buffer {
  const file = path.join(dir, `build-${process.hrtime.bigint()}.xlsx`);
  writeXlsx(file, sheets, opts);
  const b = fs.readFileSync(file);
  fs.rmSync(file);
  return b;
}

function* sheetRows(rows: Iterable<string>): Generator<string> {
  yield SHEET_HEAD;
  let batch = '';
  for (const r of rows) {
    batch += r;
    if (batch.length > MB) {
      yield batch;
      batch = '';
    }
  }
  yield batch;
  yield SHEET_TAIL;
}

/** `n` rows of `cols` numbers each, from row `from`. */
function* numberRows(n: number, cols: number, from = 1): Generator<string> {
  for (let r = from; r < from + n; r++) {
    let x = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) x += `<c r="${colName(c)}${r}"><v>${r + c}</v></c>`;
    yield x + '</row>';
  }
}

async function refusal(door: Door, bytes: Uint8Array, limits?: Partial<ReaderLimits>): Promise<XlsxReadError> {
  try {
    await door.read(bytes, 'x.xlsx', limits);
  } catch (e) {
    if (e instanceof XlsxReadError) return e;
    throw e;
  }
  throw new Error('the workbook was read, but should have been refused');
}

/** A refusal is one Chinese sentence: no stack, no English, no line break. */
function expectSentence(e: XlsxReadError): void {
  expect(e.reason).toMatch(/[\u4e00-\u9fa5]/);
  expect(e.reason).not.toMatch(/\n|Error|at .+:\d+/);
}

test('the documented figures are the defaults', () => {
  expect(DEFAULT_READER_LIMITS).toEqual({
    maxEntryBytes: 1024 ** 3,
    maxRatio: 100,
    ratioFloorBytes: 100 * MB,
    maxTotalBytes: 2 * 1024 ** 3,
    maxCells: 30_000_000,
    maxArea: 60_000_000,
    maxPendingChars: MB,
  });
});

describe.each(DOORS)('$name', (door) => {
  test('one cell in column XFD per row (a 200 KB file): refused after a few thousand rows, in bounded memory, naming the column', async () => {
    const bytes = xlsxBytes([{ name: '预算明细', xml: sheetRows((function* () {
      for (let r = 1; r <= 40_000; r++) yield `<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`;
    })()) }], { level: 9 });
    expect(bytes.length).toBeLessThan(300 * 1024);
    const t0 = Date.now();
    const { result: e, growthBytes } = await rssGrowthDuring(() => refusal(door, bytes));
    expect(e?.problem).toBe('limit');
    expect(e?.reason).toBe(
      '表格过宽或过大，已拒绝读取（工作表“预算明细”第 3662 行用到了 XFD 列；各行从 A 列到实际用到的最右一列的单元格，全部工作表合计超过 6,000 万个）；请删除远处列中的内容或拆分文件后再检查',
    );
    // Sparse rows are not allocated densely while reading: the refusal costs little memory.
    expect(growthBytes).toBeLessThan(300 * MB);
    expect(Date.now() - t0).toBeLessThan(20_000);
  }, 60_000);

  test('a few far cells in a sheet within the limits: read, rows as wide as their widest used column, null-filled', async () => {
    const bytes = xlsxBytes([{ name: 'S', xml: sheetRows(['<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>', '<row r="3"><c r="C3"><v>3</v></c></row>']) }]);
    const r = await door.read(bytes, 'x.xlsx');
    const cells = r.grids.sheets[0].cells;
    expect(cells).toHaveLength(3);
    expect(cells[0]).toHaveLength(16384);
    expect(cells[0][0]).toBe(1);
    expect(cells[0][16383]).toBe(2);
    expect(cells[0].slice(1, 16383).every((v) => v === null)).toBe(true);
    expect(Object.keys(cells[0])).toHaveLength(16384); // no holes: every index holds a value
    expect(cells[1]).toEqual([]);
    expect(cells[2]).toEqual([null, null, 3]);
  });

  test('one entry past the bytes one entry may inflate to, counted as inflated (limit set to 5 MB)', async () => {
    const bytes = xlsxBytes([{ name: '表1', xml: sheetRows(numberRows(50_000, 4)) }]); // about 7 MB of XML
    const e = await refusal(door, bytes, { maxEntryBytes: 5 * MB });
    expect(e.problem).toBe('bomb');
    expect(e.reason).toBe('文件解压后过大，疑似压缩炸弹，已拒绝读取（其中 xl/worksheets/sheet1.xml 解压后超过 5 MB）');
    expectSentence(e);
    expect((await door.read(bytes, 'x.xlsx')).grids.sheets[0].cells).toHaveLength(50_000);
  }, 60_000);

  test('one entry past 100:1 once it has inflated past the floor (floor set to 10 MB)', async () => {
    const bytes = xlsxBytes([{ name: '表1', xml: sheetRows((function* () {
      for (let i = 0; i < 400_000; i++) yield '<row r="1"><c r="A1"><v>1</v></c></row>'; // 15 MB, one cell
    })()) }], { level: 9 });
    const e = await refusal(door, bytes, { ratioFloorBytes: 10 * MB, maxTotalBytes: 2 * 1024 ** 3 });
    expect(e.problem).toBe('bomb');
    expect(e.reason).toContain('xl/worksheets/sheet1.xml');
    expect(e.reason).toContain('100:1');
    expectSentence(e);
  }, 60_000);

  test('total inflated bytes: each sheet passes the per-entry limit, the workbook does not', async () => {
    const sheet = () => sheetRows(numberRows(25_000, 4)); // about 3.5 MB of XML
    const bytes = xlsxBytes([0, 1, 2, 3, 4].map((i) => ({ name: `表${i + 1}`, xml: sheet() })));
    const limits = { maxEntryBytes: 5 * MB, maxTotalBytes: 10 * MB };
    const e = await refusal(door, bytes, limits);
    expect(e.problem).toBe('bomb');
    expect(e.reason).toBe('文件解压后过大，疑似压缩炸弹，已拒绝读取（全部内容解压后超过 10 MB）');
    expectSentence(e);
    // Each sheet alone is within the per-entry limit, and the whole is read without the total.
    const r = await door.read(bytes, 'x.xlsx', { maxEntryBytes: 5 * MB });
    expect(r.grids.sheets).toHaveLength(5);
  }, 60_000);

  test('the ratio for the whole workbook: many sheets below the 100 MB floor each, past 100:1 of the file together', async () => {
    const sheet = () => sheetRows((function* () {
      for (let i = 0; i < 250_000; i++) yield '<row r="1"><c r="A1"><v>1</v></c></row>'; // 9 MB, one cell
    })());
    const bytes = xlsxBytes([0, 1, 2, 3, 4, 5].map((i) => ({ name: `表${i + 1}`, xml: sheet() })), { level: 9 });
    const e = await refusal(door, bytes, { ratioFloorBytes: 20 * MB });
    expect(e.problem).toBe('bomb');
    expect(e.reason).toBe('文件解压后过大，疑似压缩炸弹，已拒绝读取（全部内容解压超过 20 MB 后，已超过文件本身大小的 100 倍）');
  }, 60_000);

  test('forty 99 MB sheets in a small file (overlapping entries), default limits: refused after about 100 MB, quickly', async () => {
    const row = '<row r="1"><c r="A1"><v>1</v></c></row>';
    const sheet = sheetRows((function* () {
      const piece = row.repeat(100_000);
      for (let done = piece.length; done <= 99 * MB; done += piece.length) yield piece; // just under 99 MB
    })());
    const sheets = Array.from({ length: 40 }, (_x, i) => (i === 0 ? { name: '表1', xml: sheet } : { name: `表${i + 1}`, xml: '', sameDataAs: 0 }));
    const bytes = xlsxBytes(sheets, { level: 9 });
    expect(bytes.length).toBeLessThan(2 * MB);
    const t0 = Date.now();
    const e = await refusal(door, bytes);
    expect(e.problem).toBe('bomb');
    expect(e.reason).toBe('文件解压后过大，疑似压缩炸弹，已拒绝读取（全部内容解压超过 100 MB 后，已超过文件本身大小的 100 倍）');
    expect(Date.now() - t0).toBeLessThan(30_000);
  }, 120_000);

  test('cells with a value, counted over all sheets', async () => {
    const bytes = xlsxBytes([{ name: '一', xml: sheetRows(numberRows(100, 6)) }, { name: '二', xml: sheetRows(numberRows(100, 6)) }]);
    const e = await refusal(door, bytes, { maxCells: 1000 });
    expect(e.problem).toBe('limit');
    expect(e.reason).toBe('单元格过多，已拒绝读取（读到工作表“二”第 67 行时，全部工作表中有内容的单元格已超过 1,000 个）；请删去无关的工作表或拆分文件后再检查');
    expect((await door.read(bytes, 'x.xlsx', { maxCells: 1200 })).grids.sheets).toHaveLength(2);
  });

  test('a merged range over the whole sheet (the core would fill it in): refused, default limits', async () => {
    const bytes = xlsxBytes([{ name: '合并', xml: `${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>` }]);
    const e = await refusal(door, bytes);
    expect(e.problem).toBe('limit');
    expect(e.reason).toBe('合并单元格区域过大，已拒绝读取（工作表“合并”的合并区域 A1:XFD1048576 使全部工作表的单元格合计超过 6,000 万个）；请取消这些合并后再检查');
  });

  test('rows below the last one with a value cost the area budget too (empty rows up to row 1,048,576, sheet after sheet)', async () => {
    const far = `${SHEET_HEAD}<row r="1048576"><c r="A1048576"><v>1</v></c></row>${SHEET_TAIL}`;
    const bytes = xlsxBytes(Array.from({ length: 3 }, (_x, i) => ({ name: `S${i + 1}`, xml: far })));
    const e = await refusal(door, bytes, { maxArea: 6_000_000 });
    expect(e.problem).toBe('limit');
    expect(e.reason).toBe('表格过宽或过大，已拒绝读取（工作表“S2”第 1048576 行用到了 A 列；各行从 A 列到实际用到的最右一列的单元格，全部工作表合计超过 600 万个）；请删除远处列中的内容或拆分文件后再检查');
  }, 60_000);

  test('shared strings: no more entries than cells allowed', async () => {
    const strings = Array.from({ length: 200 }, (_x, i) => `s${i}`);
    const bytes = xlsxBytes([{ name: 'S', xml: sheetRows(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>']) }], { sharedStrings: strings });
    const e = await refusal(door, bytes, { maxCells: 100 });
    expect(e.problem).toBe('limit');
    expect(e.reason).toBe('共享字符串过多，已拒绝读取（超过 100 条）；请在 Excel 中另存一次或拆分文件后再检查');
  });

  test('an unfinished XML tag carried over chunks past 1,048,576 characters, and a cell of over 1,048,576 characters: refused', async () => {
    const longTag = xlsxBytes([{ name: 'S', xml: sheetRows([`<row r="1"><c r="A1" x="${'a'.repeat(2 * MB)}"><v>1</v></c></row>`]) }]);
    const e = await refusal(door, longTag);
    expect(e.problem).toBe('limit');
    expect(e.reason).toBe('文件中有过长的 XML 标记，已拒绝读取（一个标记超过 1,048,576 个字符），文件可能已损坏或是恶意构造的');
    const longText = xlsxBytes([{ name: 'S', xml: sheetRows([`<row r="1"><c r="A1" t="inlineStr"><is><t>${'字'.repeat(2 * MB)}</t></is></c></row>`]) }]);
    const f = await refusal(door, longText);
    expect(f.problem).toBe('limit');
    expect(f.reason).toBe('文件中有过长的内容，已拒绝读取（工作表“S”第 1 行的文字超过 1,048,576 个字符，Excel 单元格最多 32,767 个）');
    const longShared = xlsxBytes([{ name: 'S', xml: sheetRows(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>']) }], { sharedStrings: ['字'.repeat(2 * MB)] });
    const g = await refusal(door, longShared);
    expect(g.reason).toBe('文件中有过长的内容，已拒绝读取（第 1 条共享字符串的文字超过 1,048,576 个字符，Excel 单元格最多 32,767 个）');
    // Excel's own longest cell is read.
    const excelMax = xlsxBytes([{ name: 'S', xml: sheetRows([`<row r="1"><c r="A1" t="inlineStr"><is><t>${'字'.repeat(32_767)}</t></is></c></row>`]) }]);
    expect(((await door.read(excelMax, 'x.xlsx')).grids.sheets[0].cells[0][0] as string).length).toBe(32_767);
  }, 60_000);
});
