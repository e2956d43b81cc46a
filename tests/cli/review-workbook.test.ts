import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readXlsxBuffer } from '../../src/io/read-xlsx';
import { readCsvBuffer } from '../../src/cli/read-csv';
import { buildReviewWorkbook, FILL_ARGB, hyperlinkFormula, ReviewSource, SheetNamer } from '../../src/io/review-workbook';
import { assertWritable, planPerUnit, writePerUnit, writeWorkbookAtomic } from '../../src/cli/write-outputs';
import type { CheckReport } from '../../src/core/check';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { Finding, summarize } from '../../src/core/findings';
import type { BudgetLine, LineSource } from '../../src/core/lines';
import { UserError } from '../../src/cli/errors';

const QUOTED = "it's 明细 表";

function line(src: LineSource, row: number, unitCode: string, unitName: string, amountFen: number): BudgetLine {
  return {
    src, row, amountCol: 3, unitCode, unitName, unitKind: '行政单位', projectCode: '', projectName: '', kind: 'public',
    declaredKind: 'public', functionCode: '2010101', functionName: '', economicCode: '30201', economicName: '', govEconomicCode: '',
    fundSource: '一般公共预算拨款', amountFen, priorFen: null, priorActualFen: null, execRate: null, perfScore: null, perfGoal: '',
    basis: '', sanbao: null, ppp: false, approved: false,
  };
}

/** Input: one sheet with a quote and spaces in its name, two units, a title row and a header row. */
async function makeSource(): Promise<ReviewSource> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(QUOTED);
  ws.getCell('A1').value = 'XX县2025年部门预算明细表';
  ws.mergeCells('A1:C1');
  ws.addRow(['单位名称', '经济分类科目', '金额']);
  ws.addRow(['县教育局', '30201', 1200.5]);
  ws.addRow(['县教育局', '30202', 'abc']);
  ws.addRow(['县卫健委', '30201', 300]);
  ws.addRow(['合计', '', 1500.5]);
  ws.getColumn(1).width = 21;
  ws.getCell('C3').numFmt = '#,##0.00';
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const { grids, workbook } = await readXlsxBuffer(buf, 'a.xlsx');
  return { display: 'a.xlsx', grids, workbook };
}

function makeReport(): CheckReport {
  const src: LineSource = { file: 'a.xlsx', sheet: QUOTED, columns: { unitName: 1, economicCode: 2, amount: 3 }, amountUnit: 'yuan', prior: false };
  const lines = [line(src, 3, '', '县教育局', 120050), line(src, 4, '', '县教育局', 0), line(src, 5, '', '县卫健委', 30000)];
  const findings: Finding[] = [
    { rule: 'DATA.BAD_AMOUNT', severity: 'error', unit: { name: '县教育局' }, location: { file: 'a.xlsx', sheet: QUOTED, cell: 'C4', row: 4 }, message: '县教育局第 4 行金额“abc”无法识别为金额' },
    { rule: 'DATA.CODE_LEVEL', severity: 'warning', unit: { name: '县卫健委' }, location: { file: 'a.xlsx', sheet: QUOTED, cell: 'B5', row: 5 }, message: '县卫健委经济分类科目级次不正确' },
    { rule: 'THREE_PUBLIC.OVER_LIMIT', severity: 'error', unit: { name: '县教育局' }, location: { file: 'a.xlsx', sheet: QUOTED, row: 3 }, message: '县教育局“三公”经费超过上限', figures: { actualFen: 12_600_000, limitFen: 12_000_000, priorFen: 12_000_000, excessFen: 600_000 }, explained: true, explanation: '新增外事任务' },
    { rule: 'LIVELIHOOD.NOT_CHECKED', severity: 'info', location: { file: 'a.xlsx' }, message: '单位少于 3 个，未检查民生支出占比' },
  ];
  return { version: 1, inputs: [{ file: 'a.xlsx', sheets: [QUOTED], lines: 3, unit: '元' }], findings, summary: summarize(findings), config: DEFAULT_CONFIG, lines, priorLines: [], recognised: true, year: 2025 };
}

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f && f.type === 'pattern' ? f.fgColor?.argb : undefined;
}

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as unknown;
  if (!n) return '';
  if (typeof n === 'string') return n;
  return ((n as ExcelJS.Comment).texts ?? []).map((t) => t.text).join('');
}

describe('review workbook', () => {
  it('lists every finding in 审核结果 with links to the copied cell, even for a sheet name with a quote', async () => {
    const wb = await reload(buildReviewWorkbook(makeReport(), [await makeSource()]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['审核结果', '单位汇总', '单位汇总（打印版）', QUOTED]);
    const res = wb.getWorksheet('审核结果')!;
    expect(res.getRow(1).values).toEqual([undefined, '序号', '级别', '单位', '位置', '说明', '规则名称', '数据', '已说明', '说明内容', '规则编号']);
    expect(res.rowCount).toBe(5);
    const rows = [2, 3, 4, 5].map((r) => res.getRow(r));
    // Sorted by severity, then unit, then location.
    expect(rows.map((r) => r.getCell(10).value)).toEqual(['THREE_PUBLIC.OVER_LIMIT', 'DATA.BAD_AMOUNT', 'DATA.CODE_LEVEL', 'LIVELIHOOD.NOT_CHECKED']);
    expect(rows.map((r) => r.getCell(2).value)).toEqual(['错误', '错误', '警告', '提示']);
    // A finding of no unit leaves 单位 empty: no value (not an empty text, which inline strings would not keep).
    expect(rows.map((r) => r.getCell(3).value)).toEqual(['县教育局', '县教育局', '县卫健委', null]);
    const link = rows[1].getCell(4).value as ExcelJS.CellFormulaValue;
    expect(link.formula).toBe(`HYPERLINK("#'it''s 明细 表'!C4","it's 明细 表!C4")`);
    expect(link.result).toBe("it's 明细 表!C4");
    // A unit finding without a cell links to column A of its row.
    expect((rows[0].getCell(4).value as ExcelJS.CellFormulaValue).formula).toBe(`HYPERLINK("#'it''s 明细 表'!A3","it's 明细 表!第3行")`);
    // A workbook-level finding has no link.
    expect(rows[3].getCell(4).value).toBe('a.xlsx （整个文件）');
    // Figures labelled in Chinese, in 万元 with thousands separators; explanation columns.
    expect(rows[0].getCell(7).value).toBe('实际数 12.60 万元；上限 12.00 万元；上年数 12.00 万元；超出 0.60 万元');
    expect(rows[0].getCell(8).value).toBe('是');
    expect(rows[0].getCell(9).value).toBe('新增外事任务');
    expect(fillOf(rows[0].getCell(2))).toBe(FILL_ARGB.error);
    expect(res.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(res.autoFilter).toBeTruthy();
  });

  it('copies the input sheet with values, merges, widths and formats, and flags offending cells', async () => {
    const wb = await reload(buildReviewWorkbook(makeReport(), [await makeSource()]));
    const copy = wb.getWorksheet(QUOTED)!;
    expect(copy.getCell('A1').value).toBe('XX县2025年部门预算明细表');
    expect(copy.getCell('B1').isMerged).toBe(true);
    expect(copy.getColumn(1).width).toBe(21);
    expect(copy.getCell('C3').value).toBe(1200.5);
    expect(copy.getCell('C3').numFmt).toBe('#,##0.00');
    expect(fillOf(copy.getCell('C4'))).toBe(FILL_ARGB.error);
    expect(noteText(copy.getCell('C4'))).toContain('金额“abc”无法识别');
    expect(fillOf(copy.getCell('B5'))).toBe(FILL_ARGB.warning);
    expect(noteText(copy.getCell('B5'))).toContain('级次不正确');
    // A finding of a row (no cell) is flagged at column A of that row, where its link points.
    expect(fillOf(copy.getCell('A3'))).toBe(FILL_ARGB.error);
    expect(noteText(copy.getCell('A3'))).toContain('县教育局“三公”经费超过上限');
    expect(fillOf(copy.getCell('B3'))).toBeUndefined();
    // Unflagged cells are untouched.
    expect(fillOf(copy.getCell('C3'))).toBeUndefined();
    expect(noteText(copy.getCell('C3'))).toBe('');
  });

  it('counts findings per unit in 单位汇总', async () => {
    const wb = await reload(buildReviewWorkbook(makeReport(), [await makeSource()]));
    const ws = wb.getWorksheet('单位汇总')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ['单位编码', '单位名称', '错误', '警告', '提示', '已说明', '合计'],
      [undefined, '县教育局', 2, 0, 0, 1, 2],
      [undefined, '县卫健委', 0, 1, 0, 0, 1],
      [undefined, '（未归属单位，如整个文件的问题）', 0, 0, 1, 0, 1],
      [undefined, '合计', 2, 1, 1, 1, 4],
    ]);
  });

  it('prefixes copied sheets by file when several files are given, keeping names unique and ≤ 31 characters', async () => {
    const a = await makeSource();
    const csv = readCsvBuffer(Buffer.from('单位名称,金额\n县教育局,5\n'), 'b.csv');
    const report = makeReport();
    report.findings.push({ rule: 'DATA.NEGATIVE_AMOUNT', severity: 'warning', location: { file: 'b.csv', sheet: 'b', cell: 'B2', row: 2 }, message: '负数' });
    const wb = await reload(buildReviewWorkbook(report, [a, { display: 'b.csv', grids: csv }]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['审核结果', '单位汇总', '单位汇总（打印版）', `a-${QUOTED}`, 'b-b']);
    const res = wb.getWorksheet('审核结果')!;
    expect((res.getRow(3).getCell(4).value as ExcelJS.CellFormulaValue).formula).toBe(`HYPERLINK("#'a-it''s 明细 表'!C4","a.xlsx it's 明细 表!C4")`);
    const last = res.getRow(res.rowCount - 1);
    expect((last.getCell(4).value as ExcelJS.CellFormulaValue).formula).toBe(`HYPERLINK("#'b-b'!B2","b.csv b!B2")`);
    expect(fillOf(wb.getWorksheet('b-b')!.getCell('B2'))).toBe(FILL_ARGB.warning);
    expect(wb.getWorksheet('b-b')!.getCell('A2').value).toBe('县教育局');
  });

  it('names sheets validly', () => {
    const n = new SheetNamer(['审核结果']);
    expect(n.name('审核结果')).toBe('审核结果(2)');
    expect(n.name("'quoted'")).toBe("_quoted_");
    expect(n.name('a/b[c]:d*e?')).toBe('a_b_c__d_e_');
    const long = n.name('很长的文件名很长的文件名很长的文件名', '县财政局2025年部门预算明细汇总表');
    expect(long.length).toBeLessThanOrEqual(31);
    expect(n.name('SHEET')).toBe('SHEET');
    expect(n.name('sheet')).toBe('sheet(2)');
    expect(n.name('History')).toBe('History(2)');
    expect(hyperlinkFormula('a"b', 'A1', 'x"y')).toBe(`HYPERLINK("#'a""b'!A1","x""y")`);
  });

  it('writes per-unit workbooks with only that unit’s findings and rows', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-review-'));
    try {
      const report = makeReport();
      const plan = planPerUnit(report, path.join(dir, 'units'), false);
      const written = await writePerUnit(report, [await makeSource()], plan);
      expect(written.map((f) => path.basename(f)).sort()).toEqual(['县卫健委.xlsx', '县教育局.xlsx']);
      const edu = new ExcelJS.Workbook();
      await edu.xlsx.readFile(path.join(dir, 'units', '县教育局.xlsx'));
      const res = edu.getWorksheet('审核结果')!;
      expect(res.rowCount).toBe(3);
      expect([2, 3].map((r) => res.getRow(r).getCell(10).value)).toEqual(['THREE_PUBLIC.OVER_LIMIT', 'DATA.BAD_AMOUNT']);
      const copy = edu.getWorksheet(QUOTED)!;
      expect(copy.getCell('A2').value).toBe('单位名称'); // header kept
      expect(copy.getCell('A3').value).toBe('县教育局');
      expect(copy.getCell('C4').value).toBe('abc');
      expect(fillOf(copy.getCell('C4'))).toBe(FILL_ARGB.error);
      expect(copy.getCell('A5').value).toBeNull(); // other unit's row left out
      expect(copy.getCell('C5').value).toBeNull();
      expect(copy.getCell('C6').value).toBeNull(); // the sheet's 合计 covers other units too
      // Existing per-unit files are not overwritten without --force.
      expect(() => planPerUnit(report, path.join(dir, 'units'), false)).toThrow(/--force/);
      expect(planPerUnit(report, path.join(dir, 'units'), true).files).toHaveLength(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes atomically and refuses to overwrite without force or to write over an input', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-review-'));
    try {
      const out = path.join(dir, 'review.xlsx');
      const wb = buildReviewWorkbook(makeReport(), [await makeSource()]);
      await writeWorkbookAtomic(wb, out, false);
      expect(fs.readdirSync(dir)).toEqual(['review.xlsx']);
      const before = fs.readFileSync(out);
      expect(() => assertWritable(out, false)).toThrow(UserError);
      await expect(writeWorkbookAtomic(wb, out, false)).rejects.toThrow(/已存在/);
      expect(fs.readFileSync(out).equals(before)).toBe(true);
      expect(fs.readdirSync(dir)).toEqual(['review.xlsx']); // no temp file left behind
      expect(() => assertWritable(out, true, [out])).toThrow(/不能覆盖输入文件/);
      await writeWorkbookAtomic(wb, out, true);
      expect(fs.readdirSync(dir)).toEqual(['review.xlsx']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
