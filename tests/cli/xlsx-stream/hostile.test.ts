/**
 * Issue 7 through the streaming reader: a zip bomb is refused by the bytes it really inflates to
 * (even when its central directory lies), before memory runs out; truncated, damaged and encrypted
 * zips get a clear Chinese sentence, directly and through the CLI.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isLoaded, loadInput } from '../../../src/cli/inputs';
import { fileSource, readXlsxFile as readXlsxStream } from '../../../src/cli/file-source';
import { XlsxReadError } from '../../../src/io/xlsx-stream';
import { readZipDirectory as readZipSource } from '../../../src/io/xlsx-stream/zip';
import { cli } from '../run-cli';
import { BUDGET_STRINGS, budgetSheetXml, rssGrowthDuring, SHEET_HEAD, SHEET_TAIL, writeXlsx } from './xlsx-writer';

const MB = 1024 * 1024;
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-stream-hostile-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** `mb` megabytes of text made of `unit` repeated, in 4 MB pieces. */
function* repeated(unit: string, mb: number): Generator<string> {
  const piece = unit.repeat(Math.ceil((4 * MB) / unit.length));
  for (let done = 0; done < mb * MB; done += piece.length) yield piece;
}

function sheetOf(body: Iterable<string>): Iterable<string> {
  return (function* () {
    yield SHEET_HEAD;
    yield* body;
    yield SHEET_TAIL;
  })();
}

async function readError(file: string, limits?: Parameters<typeof readXlsxStream>[2]): Promise<XlsxReadError> {
  try {
    await readXlsxStream(file, path.basename(file), limits);
  } catch (e) {
    if (e instanceof XlsxReadError) return e;
    throw e;
  }
  throw new Error(`${file} was read, but should have been refused`);
}

describe('zip bombs', () => {
  test('150 MB of repeated rows at > 100:1 is refused once it passes 100 MB; memory stays bounded', async () => {
    const file = path.join(dir, 'rows-bomb.xlsx');
    writeXlsx(file, [{ name: 'bomb', xml: sheetOf(repeated('<row r="1"><c r="A1"><v>1</v></c></row>', 150)) }], { level: 9 });
    const sheet = (await readZipSource(fileSource(file))).entries.get('xl/worksheets/sheet1.xml')!;
    expect(sheet.uncompressedSize / sheet.compressedSize).toBeGreaterThan(100);
    const { result: e, growthBytes } = await rssGrowthDuring(() => readError(file));
    expect(e?.problem).toBe('bomb');
    expect(e?.reason).toContain('疑似压缩炸弹');
    expect(e?.reason).toContain('xl/worksheets/sheet1.xml');
    expect(e?.reason).toContain('100:1');
    // Inflating 100 MB in chunks into a one-row grid costs little memory.
    expect(growthBytes).toBeLessThan(300 * MB);
  }, 30_000);

  test('a bomb whose central directory declares a tiny size is refused by the bytes actually inflated', async () => {
    const file = path.join(dir, 'liar.xlsx');
    writeXlsx(file, [{ name: 'bomb', xml: sheetOf(repeated(' ', 120)), declaredSize: 1000 }], { level: 9 });
    expect((await readZipSource(fileSource(file))).entries.get('xl/worksheets/sheet1.xml')!.uncompressedSize).toBe(1000);
    const { result: e, growthBytes } = await rssGrowthDuring(() => readError(file));
    expect(e?.problem).toBe('bomb');
    expect(growthBytes).toBeLessThan(300 * MB);
    // The CLI's own zip check trusts the declared sizes and lets it through; the reader does not.
    const r = await loadInput(file, 'liar.xlsx');
    expect(isLoaded(r)).toBe(false);
    expect(!isLoaded(r) && r.reason).toMatch(/^文件解压后过大，疑似压缩炸弹，已拒绝读取/);
    const run = await cli('check', file, '--json');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('liar.xlsx');
    expect(run.stderr).toContain('压缩炸弹');
  }, 30_000);

  test('the size limit is configurable and counts real bytes; a high ratio below 100 MB is accepted', async () => {
    const file = path.join(dir, 'plain.xlsx');
    writeXlsx(file, [{ name: '明细', xml: budgetSheetXml(40_000, 6) }], { sharedStrings: BUDGET_STRINGS });
    const size = (await readZipSource(fileSource(file))).entries.get('xl/worksheets/sheet1.xml')!.uncompressedSize;
    expect(size).toBeGreaterThan(5 * MB);
    const e = await readError(file, { limits: { maxEntryBytes: 5 * MB, maxRatio: 100, ratioFloorBytes: 100 * MB } });
    expect(e.problem).toBe('bomb');
    expect(e.reason).toContain('超过 5 MB');
    // The default limits read it.
    const ok = await readXlsxStream(file, 'plain.xlsx');
    expect(ok.grids.sheets[0].cells).toHaveLength(40_001);

    // 50 MB of whitespace compresses far beyond 100:1 but never grows past the 100 MB floor.
    const airy = path.join(dir, 'airy.xlsx');
    writeXlsx(airy, [{ name: '空白', xml: sheetOf([...repeated(' ', 50), '<row r="2"><c r="B2"><v>7</v></c></row>']) }], { level: 9 });
    const g = (await readXlsxStream(airy, 'airy.xlsx')).grids.sheets[0];
    expect(g.cells).toEqual([[], [null, 7]]);
  }, 30_000);
});

describe('damaged files', () => {
  let good: string;
  beforeAll(() => {
    good = path.join(dir, 'good.xlsx');
    writeXlsx(good, [{ name: '明细', xml: budgetSheetXml(20_000, 5) }], { sharedStrings: BUDGET_STRINGS, level: 6 });
  });

  test('a file cut short (no central directory) is 文件不完整', async () => {
    const bytes = fs.readFileSync(good);
    for (const len of [10, 200, Math.floor(bytes.length / 2), bytes.length - 10]) {
      const f = path.join(dir, `cut-${len}.xlsx`);
      fs.writeFileSync(f, bytes.subarray(0, len));
      const e = await readError(f);
      expect(e.problem).toBe('truncated');
      expect(e.reason).toContain('文件不完整');
    }
  });

  test('damaged deflate data inside an intact zip is refused, never half-read', async () => {
    const f = path.join(dir, 'damaged.xlsx');
    const bytes = Buffer.from(fs.readFileSync(good));
    const sheet = (await readZipSource(fileSource(good))).entries.get('xl/worksheets/sheet1.xml')!;
    const start = sheet.localHeaderOffset + 30 + Buffer.byteLength('xl/worksheets/sheet1.xml');
    bytes.fill(0xff, start + Math.floor(sheet.compressedSize / 2), start + Math.floor(sheet.compressedSize / 2) + 64);
    fs.writeFileSync(f, bytes);
    const e = await readError(f);
    expect(['corrupt', 'truncated']).toContain(e.problem);
    expect(e.reason).toMatch(/文件已损坏|文件不完整/);
  });

  test('sheet XML cut in the middle (the zip itself is fine) is 文件已损坏', async () => {
    const f = path.join(dir, 'cut-xml.xlsx');
    writeXlsx(f, [{ name: '明细', xml: SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row' }], { sharedStrings: BUDGET_STRINGS });
    const e = await readError(f);
    expect(e.problem).toBe('corrupt');
    expect(e.reason).toMatch(/^文件已损坏（XML 不完整）/);
  });

  test('a shared-string index past the table is 文件已损坏 (exceljs fails on it too)', async () => {
    const f = path.join(dir, 'bad-index.xlsx');
    writeXlsx(f, [{ name: '明细', xml: SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>99999</v></c></row>' + SHEET_TAIL }], { sharedStrings: BUDGET_STRINGS });
    expect((await readError(f)).problem).toBe('corrupt');
  });

  test('an entry flagged as encrypted asks to remove the password', async () => {
    const f = path.join(dir, 'zipcrypto.xlsx');
    const bytes = Buffer.from(fs.readFileSync(good));
    const d = (await readZipSource(fileSource(good)));
    // Set bit 0 (encrypted) in the sheet's central-directory record.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const at = bytes.lastIndexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]), bytes.lastIndexOf(name));
    expect(at).toBeGreaterThan(d.entries.get('xl/worksheets/sheet1.xml')!.localHeaderOffset);
    bytes.writeUInt16LE(bytes.readUInt16LE(at + 8) | 1, at + 8);
    fs.writeFileSync(f, bytes);
    const e = await readError(f);
    expect(e.problem).toBe('encrypted');
    expect(e.reason).toContain('加密');
  });

  test('a DTD (the way entity-expansion attacks arrive) is refused', async () => {
    const f = path.join(dir, 'dtd.xlsx');
    const xml = '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">]>' + SHEET_HEAD.replace(/^<\?xml[^>]*>/, '') + '<row r="1"><c r="A1" t="inlineStr"><is><t>&a;</t></is></c></row>' + SHEET_TAIL;
    writeXlsx(f, [{ name: '明细', xml }]);
    expect((await readError(f)).problem).toBe('corrupt');
  });
});
