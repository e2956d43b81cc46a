/** 报告数字 → 报告原文 in the pane: the same filled draft as `figures --fill`, and its highlight pieces. */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { workbookToGrids } from '../../src/io/read-xlsx';
import { DEFAULT_SETTINGS } from '../../src/excel/settings';
import { draftPieces, EXAMPLE_DRAFT, paneFillDraft } from '../../src/taskpane/figures';
import { EXAMPLE_DRAFT as DRAFT_FILE, EXAMPLE_XLSX } from '../../scripts/make-figures-example';
import { cli } from '../cli/run-cli';
import * as fs from 'fs';

async function grids(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return workbookToGrids(wb, path.basename(file));
}

test('the example draft is filled as the CLI fills it, with or without --fix-words', async () => {
  const g = await grids(EXAMPLE_XLSX);
  const draft = fs.readFileSync(DRAFT_FILE, 'utf8');
  for (const fix of [false, true]) {
    const pane = paneFillDraft([g], DEFAULT_SETTINGS, draft.replace(/\n/g, '\r\n'), fix);
    const run = await cli('figures', EXAMPLE_XLSX, '--fill', DRAFT_FILE, '--json', ...(fix ? ['--fix-words'] : []));
    const j = JSON.parse(run.stdout);
    expect(pane.fill.text).toBe(j.text);
    expect(JSON.parse(JSON.stringify(pane.fill.filled))).toEqual(j.filled);
    expect(pane.fill.unresolved.map((u) => u.reason)).toEqual(j.unresolved.map((u: { reason: string }) => u.reason));
  }
});

test('pieces: the filled numbers, the X left and the figure that disagrees are marked, the text is unchanged', async () => {
  const pane = paneFillDraft([await grids(EXAMPLE_XLSX)], DEFAULT_SETTINGS, '全区财政支出XXX万元，同比增长XX%，增长9.9%。', false);
  const pieces = draftPieces(pane.fill);
  expect(pieces.map((l) => l.map((p) => p.text).join('')).join('\n')).toBe(pane.fill.text);
  expect(pieces[0].filter((p) => p.kind !== 'plain').map((p) => [p.kind, p.text])).toEqual([['filled', '118,642.00'], ['unresolved', 'XX'], ['mismatch', '9.9%']]);
  expect(pieces[0].find((p) => p.kind === 'unresolved')!.title).toBe('数据为下降 2.6%，原文为“增长”');
});

test('the box\'s example draft fills completely on the example workbook but for the 增长 of falling spending', async () => {
  const pane = paneFillDraft([await grids(EXAMPLE_XLSX)], DEFAULT_SETTINGS, EXAMPLE_DRAFT, false);
  expect(pane.fill.unresolved.map((u) => u.context)).toEqual(['同比增长XX%']);
  expect(pane.fill.filled.length).toBeGreaterThan(8);
});

test('no 预算执行 sheet: a sentence, not a blank result', () => {
  expect(() => paneFillDraft([{ file: 'a.xlsx', sheets: [{ name: '说明', cells: [['只有说明']] }] }], DEFAULT_SETTINGS, EXAMPLE_DRAFT, false)).toThrow(/没有找到预算执行表/);
});
