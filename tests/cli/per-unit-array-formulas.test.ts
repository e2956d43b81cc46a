/**
 * Array formulas in a unit's review workbook (src/io/review-workbook.ts copySheet): a unit's copy
 * keeps only its own rows, so an array formula is written only when every row of its range is kept;
 * otherwise the cells kept hold their cached values, never a formula over cells that are not copied,
 * and a note on the first kept cell says so. Through `check --per-unit-out` (the streaming writer
 * from the format pass), the page's path (an exceljs load, in memory and streamed), and a look that
 * lists no arrays (only formulas whose first cell is copied are known then).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { streamReviewWorkbook } from '../../src/cli/write-outputs';
import { checkWorkbooks } from '../../src/core/check';
import type { CheckReport } from '../../src/core/check';
import { partitionByUnit } from '../../src/core/per-unit';
import { readXlsxBuffer } from '../../src/io/read-xlsx';
import { buildReviewWorkbook, partialArrayNote, worksheetLook } from '../../src/io/review-workbook';
import type { ReviewSource, SheetLook } from '../../src/io/review-workbook';
import { cli } from './run-cli';
import { SHEET_HEAD, SHEET_TAIL, writeXlsx, xmlFormula as fml, xmlNum as num, xmlStr as str } from './xlsx-stream/xlsx-writer';

const SHEET = '明细';
let dir: string;
let input: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-unit-arrays-'));
  input = path.join(dir, 'input.xlsx');
  writeInput(input);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const arr = (ref: string, range: string, f: string, v: number) => fml(ref, `<f t="array" ref="${range}">${f}</f>`, v);

/**
 * Rows 2–3 are 101001 县教育局's, rows 4–5 102001 县卫健委's (amounts in G: 100, 200, 300, 400).
 * Array formulas: H2:H3 (101001's rows only), I3:I4 (one row of each), J2:J5 (all four), K4 one cell
 * (102001's).
 */
function writeInput(file: string): void {
  const head = ['单位编码', '单位名称', '支出类型', '功能分类科目编码', '经济分类科目编码', '资金来源', '本年预算数', '辅助一', '辅助二', '辅助三', '辅助四'];
  const line = (r: number, code: string, name: string, fn: string, econ: string, fen: number) =>
    str(`A${r}`, code) + str(`B${r}`, name) + str(`C${r}`, '人员经费') + str(`D${r}`, fn) + str(`E${r}`, econ) + str(`F${r}`, '一般公共预算拨款') + num(`G${r}`, fen);
  const rows = [
    `<row r="1">${head.map((h, i) => str(`${'ABCDEFGHIJK'[i]}1`, h)).join('')}</row>`,
    `<row r="2">${line(2, '101001', '县教育局', '2050101', '30101', 100)}${arr('H2', 'H2:H3', 'G2:G3*2', 200)}${arr('J2', 'J2:J5', 'G2:G5+1', 101)}</row>`,
    `<row r="3">${line(3, '101001', '县教育局', '2050101', '30102', 200)}${num('H3', 400)}${arr('I3', 'I3:I4', 'G3:G4*3', 600)}${num('J3', 201)}</row>`,
    `<row r="4">${line(4, '102001', '县卫健委', '2100101', '30101', 300)}${num('I4', 900)}${num('J4', 301)}${arr('K4', 'K4', 'SUM(G4:G5*2)', 1400)}</row>`,
    `<row r="5">${line(5, '102001', '县卫健委', '2100101', '30102', 400)}${num('J5', 401)}</row>`,
  ];
  writeXlsx(file, [{ name: SHEET, xml: SHEET_HEAD + rows.join('') + SHEET_TAIL }]);
}

interface Want {
  value?: number;
  formula?: string;
  ref?: string;
  note?: string;
}
/** Each unit's copy of 明细 in columns H–K: the array formulas kept whole, the values and notes of the others. */
const WANT: Record<string, Record<string, Want>> = {
  '101001': {
    H2: { formula: 'G2:G3*2', ref: 'H2:H3', value: 200 },
    H3: { value: 400 },
    I3: { value: 600, note: partialArrayNote('I3:I4') },
    J2: { value: 101, note: partialArrayNote('J2:J5') },
    J3: { value: 201 },
  },
  '102001': {
    I4: { value: 900, note: partialArrayNote('I3:I4') },
    J4: { value: 301, note: partialArrayNote('J2:J5') },
    J5: { value: 401 },
    K4: { formula: 'SUM(G4:G5*2)', ref: 'K4', value: 1400 },
  },
};
const CELLS = ['H2', 'H3', 'H4', 'H5', 'I2', 'I3', 'I4', 'I5', 'J2', 'J3', 'J4', 'J5', 'K2', 'K3', 'K4', 'K5'];

function noteText(c: ExcelJS.Cell): string | undefined {
  const n = c.note as ExcelJS.Comment | string | undefined;
  if (!n) return undefined;
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}

async function copyOf(buf: Buffer): Promise<Record<string, Want>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET)!;
  const out: Record<string, Want> = {};
  for (const at of CELLS) {
    const c = ws.getCell(at);
    const v = c.value as ExcelJS.CellValue & { formula?: string; ref?: string; result?: number };
    if (v === null || v === undefined) continue;
    const w: Want = {};
    if (typeof v === 'object' && v.formula !== undefined) {
      w.formula = v.formula;
      w.ref = v.ref;
      w.value = v.result;
    } else w.value = v as number;
    const n = noteText(c);
    if (n) w.note = n;
    out[at] = w;
  }
  return out;
}

/** What a look that lists no arrays can know: no note where the formula's first row is not copied. */
function withoutArrayList(want: Record<string, Want>): Record<string, Want> {
  const out: Record<string, Want> = {};
  for (const [at, w] of Object.entries(want)) out[at] = at === 'I4' || at === 'J4' ? { value: w.value } : w;
  return out;
}

let report: CheckReport;
let page: ReviewSource;
beforeAll(async () => {
  const { grids, workbook } = await readXlsxBuffer(fs.readFileSync(input), 'input.xlsx');
  report = checkWorkbooks([grids]);
  page = { display: 'input.xlsx', grids, workbook };
});

test('the fixture: two units, rows 2–3 and 4–5', () => {
  const p = partitionByUnit(report);
  expect(p.units.map((u) => u.key)).toEqual(['101001', '102001']);
  expect(p.byKey.get('101001')!.sheets.get(`input.xlsx\u0001${SHEET}`)).toEqual([1, 2, 3]);
  expect(p.byKey.get('102001')!.sheets.get(`input.xlsx\u0001${SHEET}`)).toEqual([1, 4, 5]);
});

test('check --per-unit-out: each unit’s file keeps whole array formulas, and values with a note for the others', async () => {
  const out = path.join(dir, 'units');
  const run = await cli('check', input, '--per-unit-out', out);
  expect(run.stderr).toBe('');
  const files = fs.readdirSync(out);
  for (const code of Object.keys(WANT)) {
    const file = files.find((f) => f.startsWith(code))!;
    expect({ code, cells: await copyOf(fs.readFileSync(path.join(out, file))) }).toEqual({ code, cells: WANT[code] });
  }
});

describe.each([
  ['the page (an exceljs load), in memory', 'memory', false],
  ['the page (an exceljs load), streamed', 'stream', false],
  ['a look that lists no arrays', 'memory', true],
])('%s', (_what, how, noList) => {
  test.each(Object.keys(WANT))('unit %s', async (code) => {
    const unit = partitionByUnit(report).units.find((u) => u.key === code)!;
    let source: ReviewSource = page;
    if (noList) {
      const look = worksheetLook(page.workbook!.getWorksheet(SHEET)!);
      const bare: SheetLook = { ...look, arrays: undefined };
      source = { display: page.display, grids: page.grids, looks: { sheet: (n) => (n === SHEET ? bare : undefined) } };
    }
    let buf: Buffer;
    if (how === 'memory') buf = Buffer.from(await buildReviewWorkbook(report, [source], { unit }).xlsx.writeBuffer());
    else {
      const file = path.join(dir, `${code}-streamed.xlsx`);
      await streamReviewWorkbook(report, [source], { unit }, file);
      buf = fs.readFileSync(file);
    }
    expect(await copyOf(buf)).toEqual(noList ? withoutArrayList(WANT[code]) : WANT[code]);
  });
});

test('the bureau’s workbook (every row) keeps every array formula whole, without a note', async () => {
  const cells = await copyOf(Buffer.from(await buildReviewWorkbook(report, [page]).xlsx.writeBuffer()));
  expect(Object.entries(cells).filter(([, w]) => w.formula).map(([at, w]) => [at, w.ref])).toEqual([['H2', 'H2:H3'], ['I3', 'I3:I4'], ['J2', 'J2:J5'], ['K4', 'K4']]);
  expect(Object.values(cells).filter((w) => w.note)).toEqual([]);
});
