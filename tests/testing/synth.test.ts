import fc from 'fast-check';
import { optionsArb } from './synth-arbitraries';
import { Cell, Grid, cellText, fillMerges } from '../../src/core/grid';
import { AmountUnit, parseAmount } from '../../src/core/money';
import {
  FUND_SOURCES, SYNTH_LAYOUTS, SynthLayout, SynthOptions, mulberry32, synthSheet, synthUnits, synthWorkbook,
} from '../../src/testing/synth';

/**
 * An independent reading of a generated grid: headers found by their text, labels by their words,
 * amounts parsed with parseAmount and summed in 分. It trusts nothing in `expected`.
 */
interface Recomputed {
  headerRow: number;
  firstDataRow: number;
  rowCount: number;
  lineCount: number;
  totalFen: number;
  priorTotalFen: number;
  perUnit: Map<string, number>;
  /** Each 合计/小计 row: the fen in every amount column vs. the sum of the lines it covers. */
  sums: { row: number; label: string; cellFen: number[]; expectedFen: number[] }[];
  /** Wide/kindSplit rows whose 合计 differs from the sum of their parts. */
  badRowTotals: number[];
}

const PART_HEADERS = new Set<string>([...FUND_SOURCES, '人员经费', '公用经费', '项目支出']);

function fen(cell: Cell, unit: AmountUnit): number {
  const r = parseAmount(cell, unit);
  if (!r.ok) throw new Error(`not money: ${String(cell)}`);
  return r.fen;
}

function recompute(grid: Grid, unit: AmountUnit, year = 2025): Recomputed {
  const rows = fillMerges(grid);
  const headerRow = rows.findIndex((r) => r.some((c) => cellText(c) === '单位名称'));
  // A two-row header repeats 单位名称 in its second row once merges are filled.
  const nameCol = rows[headerRow].findIndex((c) => cellText(c) === '单位名称');
  let firstDataRow = headerRow + 1;
  while (cellText(rows[firstDataRow][nameCol] ?? null) === '单位名称') firstDataRow++;
  const width = Math.max(...rows.map((r) => r.length));
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = headerRow; r < firstDataRow; r++) {
      const t = cellText(rows[r][c] ?? null).replace(/（万?元）$/, '');
      if (t && !parts.includes(t)) parts.push(t);
    }
    headers.push(parts.join('/'));
  }
  const last = (h: string) => h.split('/').pop() as string;
  // Headed 本年预算数 / 上年预算数, or by year with yearCaptions.
  const amountCol = headers.findIndex((h) => last(h) === '本年预算数' || last(h) === `${year}年预算数`);
  const totalCol = headers.findIndex((h) => last(h) === '合计');
  const partCols = headers.map((h, i) => (PART_HEADERS.has(last(h)) ? i : -1)).filter((i) => i >= 0);
  const priorCol = headers.findIndex((h) => last(h) === '上年预算数' || last(h) === `${year - 1}年预算数`);
  const unitCol = headers.indexOf('单位编码') >= 0 ? headers.indexOf('单位编码') : headers.indexOf('单位名称');
  const moneyCols = amountCol >= 0 ? [amountCol] : [totalCol, ...partCols];
  const firstMoney = Math.min(...moneyCols);
  const lineCols = amountCol >= 0 ? [amountCol] : partCols;

  const out: Recomputed = { headerRow, firstDataRow, rowCount: 0, lineCount: 0, totalFen: 0, priorTotalFen: 0, perUnit: new Map(), sums: [], badRowTotals: [] };
  const sheetSum = new Array<number>(moneyCols.length + 1).fill(0);
  let block = new Array<number>(moneyCols.length + 1).fill(0);
  let unit0 = '';
  const totals: { row: number; label: string; cellFen: number[] }[] = [];
  for (let r = firstDataRow; r < rows.length; r++) {
    const row = rows[r];
    if (!row.some((c) => c !== null && c !== undefined && cellText(c) !== '')) {
      block = block.map(() => 0);
      continue;
    }
    const label = row.slice(0, firstMoney).map((c) => cellText(c ?? null)).find((t) => /^(合计|小计|其中)/.test(t));
    const amounts = [...moneyCols.map((c) => fen(row[c] ?? null, unit)), priorCol >= 0 ? fen(row[priorCol] ?? null, unit) : 0];
    if (label?.startsWith('其中')) continue;
    if (label?.startsWith('合计')) {
      totals.push({ row: r, label, cellFen: amounts });
      continue;
    }
    if (label?.startsWith('小计')) {
      out.sums.push({ row: r, label, cellFen: amounts, expectedFen: block });
      block = block.map(() => 0);
      continue;
    }
    // A line row. Unit cells written once per block are filled down.
    const u = cellText(row[unitCol] ?? null);
    if (u) unit0 = u;
    const lineFen = lineCols.reduce((s, c) => s + fen(row[c] ?? null, unit), 0);
    out.lineCount += lineCols.filter((c) => fen(row[c] ?? null, unit) !== 0).length;
    if (totalCol >= 0 && fen(row[totalCol], unit) !== lineFen) out.badRowTotals.push(r);
    out.rowCount++;
    out.totalFen += lineFen;
    out.perUnit.set(unit0, (out.perUnit.get(unit0) ?? 0) + lineFen);
    amounts.forEach((v, i) => {
      sheetSum[i] += v;
      block[i] += v;
    });
  }
  out.priorTotalFen = sheetSum[sheetSum.length - 1];
  for (const t of totals) out.sums.push({ ...t, expectedFen: sheetSum });
  return out;
}

function checkAgainstGrid(opts: SynthOptions): void {
  const { grid, expected } = synthSheet(opts);
  const re = recompute(grid, expected.amountUnit, opts.year ?? 2025);
  expect(re.headerRow).toBe(expected.headerRow);
  expect(re.firstDataRow).toBe(expected.firstDataRow);
  expect(re.rowCount).toBe(opts.lines);
  expect(re.rowCount).toBe(expected.rowCount);
  expect(re.lineCount).toBe(expected.lineCount);
  expect(re.totalFen).toBe(expected.totalFen);
  expect(re.perUnit).toEqual(new Map(expected.perUnitTotalFen));
  if (expected.priorTotalFen !== null) expect(re.priorTotalFen).toBe(expected.priorTotalFen);
  expect(re.badRowTotals).toEqual([]);
  // Every 合计/小计 row equals the lines it covers, in every amount column.
  for (const s of re.sums) expect([s.label, s.cellFen]).toEqual([s.label, s.expectedFen]);
  const totalRows = re.sums.filter((s) => s.label === '合计').map((s) => s.row);
  expect(totalRows).toEqual(expected.totalRow === null ? [] : [expected.totalRow]);
  expect(re.sums.filter((s) => s.label.startsWith('小计')).map((s) => s.row)).toEqual(expected.subtotalRows);
  // The other per-line figures add up to the same total.
  const sum = (m: Iterable<number>) => [...m].reduce((a, b) => a + b, 0);
  expect(sum(expected.perUnitTotalFen.values())).toBe(expected.totalFen);
  expect(sum(Object.values(expected.perKindTotalFen))).toBe(expected.totalFen);
  expect(sum(expected.perFundTotalFen.values())).toBe(expected.totalFen);
  expect(sum(expected.perFunctionClassTotalFen.values())).toBe(expected.totalFen);
}

describe('synthSheet', () => {
  test('mulberry32 is deterministic and spread over [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.filter((x) => x < 0.5).length).toBeGreaterThan(430);
    expect(xs.filter((x) => x < 0.5).length).toBeLessThan(570);
  });

  test.each(SYNTH_LAYOUTS)('the same seed gives the same %s grid, another seed another', (layout) => {
    const opts: SynthOptions = { lines: 500, units: 5, seed: 99, layout, amountText: 0.2, subtotals: true, unitCells: 'merged', breakdownRows: 0.2, shuffleColumns: true };
    const a = synthSheet(opts);
    const b = synthSheet(opts);
    expect(b.grid).toEqual(a.grid);
    expect(b.expected).toEqual(a.expected);
    const c = synthSheet({ ...opts, seed: 100 });
    expect(c.grid.cells).not.toEqual(a.grid.cells);
  });

  test.each(SYNTH_LAYOUTS)('expected totals equal a reading of the %s grid cells', (layout) => {
    for (const unit of ['yuan', 'wan'] as const) {
      checkAgainstGrid({ lines: 300, units: 4, seed: 7, layout, amountUnit: unit, subtotals: true, amountText: 0.3, breakdownRows: 0.1, blankRows: true });
      checkAgainstGrid({ lines: 120, units: 3, seed: 8, layout, amountUnit: unit, twoRowHeader: true, unitCells: 'once', total: 'top', codeStyle: 'bracket' });
    }
  });

  test('the independent reading notices a wrong 小计 and a wrong row 合计', () => {
    const { grid, expected } = synthSheet({ lines: 40, units: 2, layout: 'wide', subtotals: true });
    const cells = grid.cells.map((r) => r.slice());
    const total = expected.amountColumns.find((a) => a.role === 'total')?.col as number;
    const sub = expected.subtotalRows[0];
    cells[sub][total] = (cells[sub][total] as number) + 0.01;
    cells[expected.firstDataRow][total] = (cells[expected.firstDataRow][total] as number) + 1;
    const re = recompute({ ...grid, cells }, 'yuan');
    expect(re.badRowTotals).toEqual([expected.firstDataRow]);
    const s = re.sums.find((x) => x.row === sub);
    expect(s?.cellFen).not.toEqual(s?.expectedFen);
  });

  test('the long layout has the documented header in order', () => {
    const { grid, expected } = synthSheet({ lines: 10, units: 2, department: 'education' });
    expect(grid.cells[expected.headerRow]).toEqual([
      '单位编码', '单位名称', '单位性质', '支出类型', '项目编码', '项目名称', '功能分类科目编码', '功能分类科目名称',
      '经济分类科目编码', '经济分类科目名称', '资金来源', '本年预算数', '上年预算数', '上年执行率', '上年绩效评价得分',
      '测算依据', '绩效目标', '三保类型',
    ]);
    expect(grid.cells[0][0]).toBe('2025年县教育局部门预算明细表');
    expect(grid.cells[expected.unitNoteRow as number]).toContain('单位：元');
    expect(expected.columns).toMatchObject({ unitCode: 0, amount: 11, priorAmount: 12, sanbao: 17 });
  });

  test('the split layout writes 类/款/项 as text under a merged 功能分类科目编码', () => {
    const { grid, expected } = synthSheet({ lines: 40, units: 2, layout: 'split', department: 'urban' });
    const h = expected.headerRow;
    const c = expected.columns.functionClass as number;
    expect(grid.cells[h][c]).toBe('功能分类科目编码');
    expect(grid.cells[h + 1].slice(c, c + 3)).toEqual(['类', '款', '项']);
    expect(grid.merges).toContainEqual({ top: h, left: c, bottom: h, right: c + 2 });
    const data = grid.cells.slice(expected.firstDataRow, expected.firstDataRow + expected.rowCount);
    for (const row of data) {
      expect(row[c]).toMatch(/^2\d\d$/);
      expect(row[c + 1]).toMatch(/^\d\d$/);
      expect(row[c + 2]).toMatch(/^\d\d$/);
    }
  });

  test('codes are valid and consistent with the kind of the line', () => {
    const { grid, expected } = synthSheet({ lines: 3000, units: 30, seed: 5, codeStyle: 'separate' });
    const k = expected.columns.kind as number;
    const f = expected.columns.functionCode as number;
    const e = expected.columns.economicCode as number;
    const seen = new Set<string>();
    for (const row of grid.cells.slice(expected.firstDataRow, expected.firstDataRow + expected.rowCount)) {
      expect(row[f]).toMatch(/^2\d{6}$/);
      expect(row[e]).toMatch(/^3\d{4}$/);
      const econ = String(row[e]);
      if (row[k] === '人员经费') expect(['301', '303']).toContain(econ.slice(0, 3));
      if (row[k] === '公用经费') expect(['302', '310']).toContain(econ.slice(0, 3));
      seen.add(String(row[k]));
    }
    expect([...seen].sort()).toEqual(['人员经费', '公用经费', '项目支出'].sort());
    // kindSplit: 人员经费 parts only on 301/303 rows, 公用经费 parts on 302/303/310 rows.
    const ks = synthSheet({ lines: 3000, units: 30, seed: 5, layout: 'kindSplit' });
    const [pc, qc] = ['personnel', 'public'].map((kind) => ks.expected.amountColumns.find((a) => a.kind === kind)?.col as number);
    const ec = ks.expected.columns.economicCode as number;
    for (const row of ks.grid.cells.slice(ks.expected.firstDataRow, ks.expected.firstDataRow + ks.expected.rowCount)) {
      const cls = String(row[ec]).slice(0, 3);
      if (fen(row[pc], 'yuan') !== 0) expect(['301', '303']).toContain(cls);
      if (fen(row[qc], 'yuan') !== 0) expect(['302', '303', '310']).toContain(cls);
    }
  });

  test('unit cells merged down a block are real merges over that block', () => {
    const { grid, expected } = synthSheet({ lines: 60, units: 3, unitCells: 'merged', subtotals: true });
    const nameCol = expected.columns.unitName as number;
    for (const u of expected.units) {
      expect(grid.merges).toContainEqual({ top: u.firstRow, left: nameCol, bottom: u.lastRow, right: nameCol });
      expect(grid.cells[u.firstRow][nameCol]).toBe(u.name);
      expect(grid.cells[u.lastRow][nameCol]).toBeNull();
      expect(grid.cells[u.subtotalRow as number][0]).toBe(`小计（${u.name}）`);
    }
  });

  test('rejects a line count that is not a positive integer', () => {
    expect(() => synthSheet({ lines: 0 })).toThrow(RangeError);
    expect(() => synthSheet({ lines: 1.5 })).toThrow(/lines must be an integer/);
  });

  test('synthUnits names units per department and beyond the named ones', () => {
    const us = synthUnits(12, 'education');
    expect(us[0]).toMatchObject({ code: '105001', name: '县教育局', kind: '行政单位' });
    expect(new Set(us.map((u) => u.code)).size).toBe(12);
    expect(new Set(us.map((u) => u.name)).size).toBe(12);
    expect(us[7].name).toBe('城关镇中心学校');
    const mixed = synthUnits(14);
    expect(new Set(mixed.map((u) => u.sector)).size).toBe(7);
  });

  test('synthWorkbook gives each sheet its own name, seed and units', () => {
    const { workbook, expected } = synthWorkbook({ file: '汇总.xlsx', sheets: [{ lines: 50, units: 3 }, { lines: 80, units: 2, layout: 'wide' }] });
    expect(workbook.file).toBe('汇总.xlsx');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['预算明细1', '预算明细2']);
    const keys = expected.flatMap((e) => [...e.perUnitTotalFen.keys()]);
    expect(new Set(keys).size).toBe(5);
    expected.forEach((e, i) => expect(recompute(workbook.sheets[i], e.amountUnit).totalFen).toBe(e.totalFen));
  });

  test('合计 and 小计 rows equal the sums of their lines in every layout (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SYNTH_LAYOUTS).chain(optionsArb), (opts) => {
        checkAgainstGrid(opts);
      }),
      { numRuns: 30 },
    );
  });

  test('builds a 1,000,000-line sheet', () => {
    // Speed is measured by npm run bench, not here: a timed test fails on a loaded machine.
    const { grid, expected } = synthSheet({ lines: 1_000_000, units: 200, seed: 11 });
    expect(expected.rowCount).toBe(1_000_000);
    expect(expected.lineCount).toBe(1_000_000);
    expect(grid.cells.length).toBe(expected.firstDataRow + 1_000_000 + 1);
    const col = expected.columns.amount as number;
    let total = 0;
    for (let r = expected.firstDataRow; r < expected.firstDataRow + expected.rowCount; r++) total += fen(grid.cells[r][col], 'yuan');
    expect(total).toBe(expected.totalFen);
    expect(fen(grid.cells[expected.totalRow as number][col], 'yuan')).toBe(expected.totalFen);
  }, 120_000);
});
