/** Note boxes sized to the text (issue 14 part 1): a note of 5 findings gets a box taller than the default. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import '../../src/cli/write-outputs';
import { noteBox } from '../../src/core/review';
import { buildReviewWorkbook } from '../../src/io/review-workbook';
import { sampleReport, sampleSource } from '../io/review-sample';

test('a cell noted with five findings, one per line, gets a box sized to its text', async () => {
  const report = sampleReport();
  for (let i = 0; i < 5; i++) report.findings.push({ rule: 'DATA.BAD_AMOUNT', severity: 'error', location: { file: 'a.xlsx', sheet: '明细', cell: 'A5', row: 5 }, message: `第 ${i + 1} 条：金额无法识别为金额，请改为数字后重新审核。` });
  const wb = buildReviewWorkbook(report, [await sampleSource()]);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const vml = Object.keys(zip.files).filter((n) => /vmlDrawing\d*\.vml$/.test(n));
  const text = (await Promise.all(vml.map((n) => zip.file(n)!.async('string')))).join('\n');
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  const note = back.getWorksheet('明细')!.getCell('A5').note as unknown as { texts: Array<{ text: string }> } | string;
  const noteText = typeof note === 'string' ? note : note.texts.map((t) => t.text).join('');
  expect(noteText.split('\n')).toHaveLength(5);
  const box = noteBox(noteText);
  expect(box.height).toBeGreaterThan(59.1);
  expect(text).toContain(`width:${box.width}pt;height:${box.height}pt`);
  // Single-line notes keep a small box, not the big one.
  expect(text).toMatch(/width:\d+pt;height:25pt/);
});
