/**
 * One review model behind every door (issue 12 part 4): the same findings written by the exceljs
 * writer (CLI and offline page) and by the pane on the strict fake host give the same 审核结果 and
 * 单位汇总, cell by cell (values, link formulas and fills).
 */
import ExcelJS from 'exceljs';
import { partitionByUnit } from '../../src/core/per-unit';
import { compareFindings, figuresText, resultsSheet, RESULTS_COLUMNS, wrappedLines } from '../../src/core/review';
import { writeReviewSheets } from '../../src/excel/results';
import { buildReviewWorkbook } from '../../src/io/review-workbook';
import { fillFace } from '../../src/testing/fake-excel';
import { fakeHost } from '../excel/helpers';
import { SHEET, sampleReport, sampleSource } from './review-sample';


type Drawn = { value: string | number; formula: string; fill: string };

function exceljsCells(ws: ExcelJS.Worksheet, width: number): Drawn[][] {
  const out: Drawn[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: Drawn[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      const v = cell.value as ExcelJS.CellValue;
      let value: string | number = '';
      let formula = '';
      if (v && typeof v === 'object' && 'formula' in v) {
        formula = `=${(v as ExcelJS.CellFormulaValue).formula}`;
        value = String((v as ExcelJS.CellFormulaValue).result ?? '');
      } else if (v !== null && v !== undefined) value = v as string | number;
      const f = cell.fill as ExcelJS.FillPattern | undefined;
      const argb = f && f.type === 'pattern' ? f.fgColor?.argb : undefined;
      row.push({ value, formula, fill: argb ? `#${argb.slice(2)}` : '' });
    }
    out.push(row);
  }
  return out;
}

function fakeCells(model: ReturnType<typeof fakeHost>['model'], name: string, width: number): Drawn[][] {
  const s = model.sheet(name)!;
  const out: Drawn[][] = [];
  for (let r = 0; r < s.rows.length; r++) {
    const row: Drawn[] = [];
    for (let c = 0; c < width; c++) {
      const face = fillFace(s, r, c);
      row.push({ value: s.get(r, c) as string | number, formula: s.formulas.get(`${r},${c}`) ?? '', fill: s.fills.has(`${r},${c}`) ? String(face.color) : '' });
    }
    out.push(row);
  }
  return out;
}

describe('one review model', () => {
  test('the exceljs workbook and the pane on the fake host draw identical 审核结果 and 单位汇总', async () => {
    const report = sampleReport();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await buildReviewWorkbook(report, [await sampleSource()]).xlsx.writeBuffer());

    const { model, caps, uninstall } = fakeHost(18);
    try {
      model.put(SHEET, [['XX县部门预算明细表']]);
      const names = await writeReviewSheets(report.findings, caps, [], partitionByUnit(report).units);
      expect(names).toEqual(['审核结果', '单位汇总']);
      expect(model.failedSyncs()).toEqual([]);
      for (const [sheet, width] of [['审核结果', RESULTS_COLUMNS.length], ['单位汇总', 7]] as const) {
        const a = exceljsCells(back.getWorksheet(sheet)!, width);
        const b = fakeCells(model, sheet, width);
        expect(b.length).toBe(a.length);
        for (let r = 0; r < a.length; r++) for (let c = 0; c < width; c++) expect({ sheet, r, c, ...b[r][c] }).toEqual({ sheet, r, c, ...a[r][c] });
      }
      // The pane got the model's page setup (ExcelApi 1.9+) and row heights.
      const pl = model.sheet('审核结果')!.pageLayout;
      expect(pl).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$1:$1', 'footer.rightFooter': '第 &P 页', 'footer.leftFooter': '&F' });
      const drawn = resultsSheet(report.findings);
      expect(model.sheet('审核结果')!.formats.get('2,0')!.rowHeight).toBe(drawn.heights[2]);
    } finally {
      uninstall();
    }
  });

  test('rows sorted by severity, then unit, then location; Chinese columns first, rule ID last', () => {
    const sheet = resultsSheet(sampleReport().findings);
    expect(sheet.columns.map((c) => c.header)).toEqual(['序号', '级别', '单位', '位置', '说明', '规则名称', '数据', '已说明', '说明内容', '规则编号']);
    expect(sheet.rows.map((r) => [r[1].value, r[2].value, r[3].value])).toEqual([
      ['错误', '101001 县教育局', '明细!第3行'],
      ['错误', '101001 县教育局', '明细!C4'],
      ['警告', '101001 县教育局', '明细!C3'],
      ['警告', '102001 县卫健委', '明细!B5'],
      ['提示', '', 'a.xlsx （整个文件）'],
    ]);
    expect(sheet.rows[0][9].value).toBe('THREE_PUBLIC.OVER_LIMIT');
    const f = sampleReport().findings;
    expect(compareFindings(f[2], f[0])).toBeLessThan(0);
  });

  test('figures in Chinese with thousands separators, never an English key', () => {
    expect(figuresText({ totalFen: 15_640_000_000, share: 0.192 })).toBe('合计 15,640.00 万元；占比 19.2%');
    expect(figuresText({ actualFen: 12_600_000, limitFen: 12_000_000 })).toBe('实际数 12.60 万元；上限 12.00 万元');
    expect(figuresText({ someNewFen: 100, weird: 1234.5 })).toBe('金额 0.00 万元；数值 1,234.5');
  });

  test('row heights follow the wrapped text: CJK counts 2, Latin 1, per column width', () => {
    expect(wrappedLines('a'.repeat(49), 50)).toBe(1);
    expect(wrappedLines('a'.repeat(50), 50)).toBe(2);
    expect(wrappedLines('中'.repeat(25), 50)).toBe(2);
    expect(wrappedLines('中'.repeat(24), 50)).toBe(1);
    expect(wrappedLines('x\ny', 50)).toBe(2);
    const sheet = resultsSheet(sampleReport().findings);
    // The long 三公 message: 6 × 15 CJK = 180 units in a 50-wide column → 4 lines.
    expect(sheet.heights[1]).toBe(4 * 15 + 3);
    expect(sheet.heights[2]).toBe(15);
  });
});
