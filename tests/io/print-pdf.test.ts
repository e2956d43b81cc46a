/**
 * Review workbooks made to be printed (issue 14 part 1): the xlsx carries A4 landscape, fit to one
 * page wide, repeated header rows, a footer and computed row heights; and LibreOffice renders
 * 审核结果, 单位汇总 and a per-unit workbook to A4 landscape PDF pages, one page wide (no page holds
 * only spill-over columns).
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { partitionByUnit } from '../../src/core/per-unit';
import { resultsSheet } from '../../src/core/review';
import { buildReviewWorkbook } from '../../src/io/review-workbook';
import { sampleReport, sampleSource } from './review-sample';

const SOFFICE = '/usr/bin/soffice';
const haveSoffice = fs.existsSync(SOFFICE);
// CI installs LibreOffice (.ci/run) and sets BUDGET_REVIEW_REQUIRE_PDF, so a missing soffice fails there
// instead of skipping the print check unseen.
if (!haveSoffice && process.env.BUDGET_REVIEW_REQUIRE_PDF) throw new Error('print-pdf: /usr/bin/soffice is absent (install libreoffice-calc)');
if (!haveSoffice) console.warn('print-pdf: /usr/bin/soffice is absent, PDF checks skipped (install libreoffice-calc)');

function bigReport() {
  const r = sampleReport();
  // Enough findings for several pages, each with a long wrapped 说明.
  for (let i = 0; i < 60; i++) {
    r.findings.push({ rule: 'DATA.BAD_AMOUNT', severity: i % 3 === 0 ? 'error' : 'warning', unit: { code: '101001', name: '县教育局' }, location: { file: 'a.xlsx', sheet: '明细', cell: `C${10 + i}`, row: 10 + i }, message: `第 ${10 + i} 行金额无法识别为金额，请改为数字。`.repeat(1 + (i % 4)), figures: { actualFen: 1_564_000_000 + i, share: 0.192 } });
  }
  return r;
}

/** Keep only one sheet (LibreOffice prints every sheet; one sheet per PDF keeps the checks exact). */
async function onlySheet(wb: ExcelJS.Workbook, name: string, file: string): Promise<void> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  for (const ws of [...back.worksheets]) if (ws.name !== name) back.removeWorksheet(ws.id);
  await back.xlsx.writeFile(file);
}

function toPdf(xlsx: string, dir: string): string {
  execFileSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'pipe', timeout: 120_000 });
  return xlsx.replace(/\.xlsx$/, '.pdf');
}

function pages(pdf: string): Array<{ w: number; h: number; text: string }> {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf]).toString();
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ w: Number(m[1]), h: Number(m[2]) }));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().split('\f');
  return sizes.map((s, i) => ({ ...s, text: text[i] ?? '' }));
}

describe('review workbook page setup (xlsx)', () => {
  test('审核结果 and 单位汇总: A4 landscape, one page wide, header repeated, footer, row heights from wrapped text', async () => {
    const report = bigReport();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await buildReviewWorkbook(report, [await sampleSource()]).xlsx.writeBuffer());
    const res = back.getWorksheet('审核结果')!;
    expect(res.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(res.headerFooter.oddFooter).toBe('&L&F&R第 &P 页');
    const model = resultsSheet(report.findings);
    for (let r = 2; r <= res.rowCount; r++) expect(res.getRow(r).height).toBe(model.heights[r - 1]);
    expect(Math.max(...model.heights)).toBeGreaterThan(30);
    const units = back.getWorksheet('单位汇总')!;
    expect(units.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '1:1' });
    const print = back.getWorksheet('单位汇总（打印版）')!;
    expect(print.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
  });
});

(haveSoffice ? describe : describe.skip)('LibreOffice renders the review workbooks to A4, one page wide', () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-pdf-'))));
  afterAll(() => void (process.env.BR_KEEP_PDF || fs.rmSync(dir, { recursive: true, force: true })));

  const cases: Array<[string, string, boolean]> = [['审核结果', 'results', true], ['单位汇总', 'units', false], ['单位汇总（打印版）', 'units-print', false]];
  test.each(cases)('%s', async (sheet, file, landscape) => {
    const report = bigReport();
    const xlsx = path.join(dir, `${file}.xlsx`);
    await onlySheet(buildReviewWorkbook(report, [await sampleSource()]), sheet, xlsx);
    const ps = pages(toPdf(xlsx, dir));
    expect(ps.length).toBeGreaterThan(0);
    for (const p of ps) {
      // A4 is 595 × 842 pt.
      expect([Math.round(Math.min(p.w, p.h)), Math.round(Math.max(p.w, p.h))]).toEqual([595, 842]);
      expect(p.w > p.h).toBe(landscape);
      // One page wide: every page starts with the first columns (the header repeats; no page of spill-over columns).
      expect(p.text).toContain(sheet === '审核结果' ? '序号' : '单位编码');
      expect(p.text).toMatch(/第\s*\d+\s*页/);
    }
    if (sheet === '审核结果') {
      // The rule ID (the last column) is on the same page as the first.
      for (const p of ps) expect(p.text).toContain('规则编号');
      if (!fs.existsSync('docs/images/审核结果-打印.png') && process.env.BR_WRITE_PRINT_PNG) {
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', xlsx.replace(/\.xlsx$/, '.pdf'), 'docs/images/审核结果-打印']);
      }
    }
    if (sheet === '单位汇总（打印版）') expect(ps).toHaveLength(1);
  }, 180_000);

  test('a per-unit workbook: every sheet prints on A4, its 审核结果 landscape and one page wide', async () => {
    const report = bigReport();
    const unit = partitionByUnit(report).units.find((u) => u.name === '县教育局')!;
    const xlsx = path.join(dir, 'unit.xlsx');
    await onlySheet(buildReviewWorkbook(report, [await sampleSource()], { unit }), '审核结果', xlsx);
    const ps = pages(toPdf(xlsx, dir));
    expect(ps.length).toBeGreaterThan(0);
    for (const p of ps) {
      expect(p.w > p.h).toBe(true);
      expect(Math.round(p.w)).toBe(842);
      expect(p.text).toContain('序号');
      expect(p.text).toContain('规则编号');
      expect(p.text).not.toContain('县卫健委');
    }
  }, 180_000);
});
