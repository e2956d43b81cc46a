/**
 * Issue 19 item 7: the look at the zip directory before reading (src/io/zip-inspect.ts) checks the sum
 * of the declared uncompressed sizes against the workbook budget (src/io/xlsx-stream/limits.ts), not
 * only each entry's own size: forty sheets of 99 MB each pass the per-entry limits, their total does not.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_ZIP_LIMITS, inspectZip } from '../../src/io/zip-inspect';
import { DEFAULT_READER_LIMITS } from '../../src/io/xlsx-stream/limits';
import { bytesSource } from '../../src/io/source';
import { SHEET_HEAD, SHEET_TAIL, writeXlsx } from '../cli/xlsx-stream/xlsx-writer';
import { sniffFile } from '../../src/cli/inputs';

const MB = 1024 * 1024;
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-total-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function sheets(n: number, declared?: number) {
  return Array.from({ length: n }, (_x, i) => ({ name: `S${i + 1}`, xml: SHEET_HEAD + '<row r="1"><c r="A1"><v>1</v></c></row>' + SHEET_TAIL, declaredSize: declared }));
}

test('the declared total is the workbook budget: each of forty 99 MB sheets passes, the total is refused', async () => {
  expect(DEFAULT_ZIP_LIMITS.maxTotalBytes).toBe(DEFAULT_READER_LIMITS.maxTotalBytes);
  const file = path.join(dir, 'forty.xlsx');
  writeXlsx(file, sheets(40, 99 * MB));
  const bytes = new Uint8Array(fs.readFileSync(file));
  // The per-entry limits alone pass it (the check as it was before the total).
  const perEntryOnly = await inspectZip(bytesSource(bytes), { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: Number.MAX_SAFE_INTEGER, ratioFloorBytes: Number.MAX_SAFE_INTEGER });
  expect(perEntryOnly.ok).toBe(true);
  expect(await inspectZip(bytesSource(bytes))).toMatchObject({ ok: false, problem: 'bomb', detail: 'total' });
  // The same sentence as the reader's own refusal (the page reads without this look first).
  expect(await sniffFile(file)).toEqual({ kind: 'refused', reason: '文件解压后过大，疑似压缩炸弹，已拒绝读取（全部内容解压超过 100 MB 后，已超过文件本身大小的 100 倍）' });
});

test('the total against the file size: three 99 MB sheets in a file of a few KB are past 100:1 together', async () => {
  const file = path.join(dir, 'three.xlsx');
  writeXlsx(file, sheets(3, 99 * MB));
  expect(await inspectZip(bytesSource(new Uint8Array(fs.readFileSync(file))))).toMatchObject({ ok: false, problem: 'bomb', detail: 'total' });
  // Below the 100 MB floor the ratio is not applied, and the declared total of a real file passes.
  const small = path.join(dir, 'small.xlsx');
  writeXlsx(small, sheets(3, 30 * MB));
  expect((await inspectZip(bytesSource(new Uint8Array(fs.readFileSync(small))))).ok).toBe(true);
  const real = path.join(dir, 'real.xlsx');
  writeXlsx(real, sheets(3));
  expect(await sniffFile(real)).toEqual({ kind: 'xlsx' });
});

test('the total is configurable', async () => {
  const file = path.join(dir, 'two.xlsx');
  writeXlsx(file, sheets(2, 10 * MB));
  const src = () => bytesSource(new Uint8Array(fs.readFileSync(file)));
  expect((await inspectZip(src(), { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 21 * MB })).ok).toBe(true);
  expect(await inspectZip(src(), { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 19 * MB })).toMatchObject({ ok: false, problem: 'bomb', detail: 'total' });
});
