/**
 * Issue 19 items 1–3 and 10, each case of the issue as a minimal sheet: the per-unit partition (the
 * one every per-unit workbook is copied by, src/core/per-unit.ts) never guesses a row's unit, gives
 * sheet-level totals and findings that name several units to no unit, and makes error or uncached
 * unit cells findings; a merged amount counts once. The property test over generated sheets is
 * tests/hardening/per-unit.test.ts (item 4).
 */
import ExcelJS from 'exceljs';
import { checkWorkbooks, CheckReport } from '../../src/core/check';
import type { Cell } from '../../src/core/grid';
import { partitionByUnit } from '../../src/core/per-unit';
import { readXlsxStream } from '../../src/io/xlsx-stream';
import { bytesSource } from '../../src/io/source';
import { HEADER } from './fixtures';

const FILE = '部门.xlsx';
const SHEET = '明细';
const line = (code: Cell, name: Cell, econ: string, amount: Cell): Cell[] => [code, name, '人员经费', '2050101', econ, '一般公共预算拨款', amount];
const totalRow = (label: string, amount: Cell): Cell[] => [label, null, null, null, null, null, amount];

function run(cells: Cell[][]): { report: CheckReport; rows: (key: string) => number[]; text: (key: string) => string; keys: string[]; units: Array<{ key: string; code: string; name: string }> } {
  const report = checkWorkbooks([{ file: FILE, sheets: [{ name: SHEET, cells }] }]);
  const p = partitionByUnit(report);
  return {
    report,
    keys: p.units.map((u) => u.key),
    units: p.units.map((u) => ({ key: u.key, code: u.code, name: u.name })),
    rows: (key) => p.byKey.get(key)?.sheets.get(`${FILE}\u0001${SHEET}`) ?? [],
    // Everything a unit's workbook would carry: its rows' cells and its findings.
    text: (key) => {
      const part = p.byKey.get(key);
      if (!part) return '';
      const rows = part.sheets.get(`${FILE}\u0001${SHEET}`) ?? [];
      return JSON.stringify([part.unit, rows.map((r) => cells[r - 1]), part.findings]);
    },
  };
}

describe('item 1: fill-down never mixes departments', () => {
  test('a blank 单位编码 under 县教育局 on 县卫健委’s row: the row is no unit’s, and said', () => {
    const r = run([HEADER, line('101001', '县教育局', '30101', 1000), line(null, '县卫健委', '30101', 777), line('101002', '县卫健委', '30201', 300)]);
    expect(r.rows('101001')).toEqual([1, 2]);
    expect(r.text('101001')).not.toContain('县卫健委');
    expect(r.text('101001')).not.toContain('777');
    expect(r.rows('101002')).not.toContain(3);
    expect(r.report.findings.some((f) => f.rule === 'DATA.UNIT_UNRESOLVED' && f.location.row === 3)).toBe(true);
  });

  test('two names under one code: a finding names both, and no unit’s file holds the other name', () => {
    const r = run([HEADER, line('101001', '县教育局', '30101', 1000), line('101001', '县卫健委', '30201', 555)]);
    const conflict = r.report.findings.filter((f) => f.message.includes('县教育局') && f.message.includes('县卫健委'));
    expect(conflict.length).toBeGreaterThan(0);
    for (const k of r.keys) expect(r.text(k).includes('县教育局') && r.text(k).includes('县卫健委')).toBe(false);
  });

  test('a blank 单位名称 on another code’s row: no file is named after the previous unit with the other code’s rows', () => {
    const r = run([HEADER, line('101001', '县教育局', '30101', 1000), line('101002', null, '30201', 444)]);
    expect(r.rows('101001')).not.toContain(3);
    expect(r.text('101001')).not.toContain('444');
    expect(r.text('101001')).not.toContain('101002');
    // Before the fix 101002 got a file of its own named “101002 县教育局”.
    for (const u of r.units) if (u.code !== '101001') expect(u.name).not.toBe('县教育局');
  });
});

describe('item 2: rows above a sheet’s first budget line go to no unit', () => {
  test('a top 合计 of two units is in neither unit’s file', () => {
    const r = run([HEADER, totalRow('合计', 1500), line('101001', '县教育局', '30101', 1000), line('101002', '县卫健委', '30101', 500)]);
    expect(r.keys.sort()).toEqual(['101001', '101002']);
    for (const k of r.keys) {
      expect(r.rows(k)).not.toContain(2);
      expect(r.text(k)).not.toContain('1500');
    }
  });

  test('a wrong top 合计: its unit-less TOTAL_MISMATCH, with both sums, goes to no unit’s file', () => {
    const r = run([HEADER, totalRow('合计', 1600), line('101001', '县教育局', '30101', 1000), line('101002', '县卫健委', '30101', 500)]);
    const mismatch = r.report.findings.filter((f) => f.rule === 'DATA.TOTAL_MISMATCH');
    expect(mismatch).toHaveLength(1);
    for (const k of r.keys) {
      expect(r.text(k)).not.toContain('DATA.TOTAL_MISMATCH');
      expect(r.text(k)).not.toMatch(/1,?600/);
    }
  });

  test('“小计（县卫健委）” above its block is in no other unit’s file (between blocks, and above the first block)', () => {
    const between = run([HEADER, line('101001', '县教育局', '30101', 1000), totalRow('小计（县卫健委）', 500), line('101002', '县卫健委', '30101', 500)]);
    expect(between.rows('101001')).not.toContain(3);
    expect(between.text('101001')).not.toContain('县卫健委');
    // Before the fix this one leaked: the 小计 above the sheet's first line went to every unit.
    const first = run([HEADER, totalRow('小计（县卫健委）', 500), line('101002', '县卫健委', '30101', 500), line('101001', '县教育局', '30101', 1000)]);
    expect(first.rows('101001')).not.toContain(2);
    expect(first.text('101001')).not.toContain('县卫健委');
    expect(first.text('101001')).not.toContain('500');
  });

  test('another unit’s BAD_AMOUNT on the first data row goes to that unit’s file only', () => {
    const r = run([HEADER, line('101002', '县卫健委', '30101', '12..5'), line('101001', '县教育局', '30101', 1000), line('101001', '县教育局', '30201', 20)]);
    const bad = r.report.findings.find((f) => f.rule === 'DATA.BAD_AMOUNT')!;
    expect(bad.location.row).toBe(2);
    expect(r.rows('101001')).not.toContain(2);
    expect(r.text('101001')).not.toContain('12..5');
    expect(r.text('101001')).not.toContain('县卫健委');
    expect(r.text('101002')).toContain('12..5');
  });
});

describe('item 3: error and uncached cells in a unit column are findings, and their rows no unit’s', () => {
  const NAME_HEADER = HEADER.slice(1);
  const nameLine = (name: Cell, econ: string, amount: number): Cell[] => line(null, name, econ, amount).slice(1);

  test('an uncached name formula and a cached #N/A (no code column): no unit “#NO_CACHE” or “#N/A”, no shared file, a finding each', () => {
    const r = run([NAME_HEADER, nameLine('县教育局', '30101', 1000), nameLine({ error: '#NO_CACHE' }, '30101', 321), nameLine({ error: '#NO_CACHE' }, '30201', 654), nameLine({ error: '#N/A' }, '30201', 987)]);
    expect(r.keys).toEqual(['县教育局']);
    expect(r.rows('县教育局')).toEqual([1, 2]);
    for (const x of ['321', '654', '987', '#NO_CACHE', '#N/A']) expect(r.text('县教育局')).not.toContain(x);
    const unresolvedRows = r.report.findings.filter((f) => f.rule === 'DATA.UNIT_UNRESOLVED').map((f) => f.location.row);
    expect(unresolvedRows.length).toBeGreaterThan(0);
    // Every such row is named by some finding (the message lists the rows).
    const said = r.report.findings.filter((f) => f.rule === 'DATA.UNIT_UNRESOLVED').map((f) => f.message).join('\n');
    for (const row of [3, 4, 5]) expect(said).toMatch(new RegExp(`(?<!\\d)${row}(?!\\d)`));
  });
});

describe('item 10: a merged amount counts once, on its first row', () => {
  const cells = (): Cell[][] => [HEADER, line('101001', '县教育局', '30101', 1000), line('101001', '县教育局', '30201', 2500), line('101001', '县教育局', '30202', null), line('101001', '县教育局', '30205', 70)];
  const expectOnce = (report: CheckReport): void => {
    expect(report.lines.map((l) => l.amountFen)).toEqual([100000, 250000, 0, 7000]);
    const merged = report.findings.filter((f) => f.rule === 'DATA.MERGED_AMOUNT');
    expect(merged.map((f) => [f.severity, f.location.cell])).toEqual([['warning', 'G4']]);
    expect(merged[0].message).toContain('G3:G4');
  };

  test('in the grid (G3:G4 merged): 2,500 元 once, G4 warned', () => {
    expectOnce(checkWorkbooks([{ file: FILE, sheets: [{ name: SHEET, cells: cells(), merges: [{ top: 2, left: 6, bottom: 3, right: 6 }] }] }]));
  });

  test('through the .xlsx reader (a workbook written by exceljs with G3:G4 merged)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SHEET);
    for (const row of cells()) ws.addRow(row as ExcelJS.CellValue[]);
    ws.mergeCells('G3:G4');
    const grids = (await readXlsxStream(bytesSource(new Uint8Array(await wb.xlsx.writeBuffer())), FILE)).grids;
    expectOnce(checkWorkbooks([grids]));
  });
});

