/**
 * Explanations typed on the offline page travel in the downloaded review workbook (审核说明 sheet),
 * and a re-check of that workbook — or of the original with the sheet added — finds them.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { workbookToGrids } from '../../src/io/read-xlsx';
import { checkWorkbooks } from '../../src/core/check';
import { explanationKeyString } from '../../src/core/explain';
import type { Finding } from '../../src/core/findings';
import type { WorkbookGrids } from '../../src/core/grid';
import { DEFAULT_SETTINGS } from '../../src/excel/settings';
import { reviewWorkbook, unitsOf } from '../../src/web/downloads';
import { isLoaded, LoadedFile, readFile } from '../../src/web/read-files';
import { runCheck, withExplanations } from '../../src/taskpane/model';

const EXAMPLE = path.resolve(__dirname, '../../examples/规则示例-县级汇总.xlsx');

async function load(file: string, name = path.basename(file)): Promise<LoadedFile> {
  const r = await readFile(new File([fs.readFileSync(file)], name));
  if (!isLoaded(r)) throw new Error(r.reason);
  return r;
}

async function reread(wb: ExcelJS.Workbook, name: string): Promise<{ wb: ExcelJS.Workbook; grids: WorkbookGrids }> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return { wb: back, grids: workbookToGrids(back, name) };
}

/** The example has its own 审核说明 sheet (copied into the review workbook): ours is the last one. */
const explanationSheets = (wb: ExcelJS.Workbook) => wb.worksheets.filter((w) => w.name.startsWith('审核说明'));

function explanationRows(wb: ExcelJS.Workbook): string[][] {
  const ws = explanationSheets(wb).pop();
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

const same = (a: Finding) => (b: Finding) => explanationKeyString(a) === explanationKeyString(b);

test('one file: the 审核说明 row keys the finding; re-checking the download and the original finds it', async () => {
  const file = await load(EXAMPLE);
  const report = runCheck([file.grids], DEFAULT_SETTINGS);
  const cellFinding = report.findings.find((f) => f.location.cell && f.unit)!;
  const unitFinding = report.findings.find((f) => !f.location.cell && f.unit && f.rule !== cellFinding.rule);
  expect(cellFinding).toBeDefined();
  const typed = new Map([[explanationKeyString(cellFinding), { finding: cellFinding, text: '已与单位核实，属实' }]]);
  if (unitFinding) typed.set(explanationKeyString(unitFinding), { finding: unitFinding, text: '按县政府文件执行' });
  const shown = withExplanations(report, typed);

  const down = await reread(await reviewWorkbook(shown, [file], undefined, [...typed.values()]), '审核结果.xlsx');
  // The input's 审核说明 is copied as it is; ours never replaces it: 审核说明(2).
  expect(explanationSheets(down.wb).map((w) => w.name)).toEqual(['审核说明', '审核说明(2)']);
  const rows = explanationRows(down.wb);
  expect(rows[0]).toEqual(['规则', '单位', '位置', '说明']);
  expect(rows).toContainEqual([cellFinding.rule, cellFinding.unit!.code || cellFinding.unit!.name!, `${cellFinding.location.sheet}!${cellFinding.location.cell}`, '已与单位核实，属实']);
  expect(rows).toHaveLength(typed.size + 1);

  // The downloaded workbook, re-checked.
  const again = checkWorkbooks([down.grids]).findings.find(same(cellFinding));
  expect(again).toMatchObject({ explained: true, explanation: '已与单位核实，属实', severity: cellFinding.severity });
  if (unitFinding) expect(checkWorkbooks([down.grids]).findings.find(same(unitFinding))).toMatchObject({ explained: true, explanation: '按县政府文件执行' });

  // The original, with the 审核说明 sheet copied in.
  const sheet = down.grids.sheets.find((s) => s.name === '审核说明(2)')!;
  const original = { ...file.grids, sheets: [...file.grids.sheets, sheet] };
  expect(checkWorkbooks([original]).findings.find(same(cellFinding))).toMatchObject({ explained: true, explanation: '已与单位核实，属实' });
  // Without it, not explained.
  expect(checkWorkbooks([file.grids]).findings.find(same(cellFinding))!.explained).toBeFalsy();
});

test('no typed explanations: no 审核说明 sheet is added (the input\'s own is copied)', async () => {
  const file = await load(EXAMPLE);
  const report = runCheck([file.grids], DEFAULT_SETTINGS);
  const down = await reread(await reviewWorkbook(report, [file]), 'x.xlsx');
  expect(explanationSheets(down.wb).map((w) => w.name)).toEqual(['审核说明']);
});

test('several files: 位置 names the copied sheet, and a second row names the original sheet', async () => {
  const a = await load(EXAMPLE, '甲.xlsx');
  const b = await load(EXAMPLE, '乙.xlsx');
  const report = runCheck([a.grids, b.grids], DEFAULT_SETTINGS);
  const f = report.findings.find((x) => x.location.file === '乙.xlsx' && x.location.cell && x.unit)!;
  const typed = [{ finding: f, text: '说明乙' }];
  const down = await reread(await reviewWorkbook(withExplanations(report, new Map([['k', typed[0]]])), [a, b], undefined, typed), '审核结果.xlsx');
  const rows = explanationRows(down.wb).slice(1);
  const at = rows.map((r) => r[2]);
  expect(at).toContain(`${f.location.sheet}!${f.location.cell}`);
  const copied = at.find((x) => x !== `${f.location.sheet}!${f.location.cell}`)!;
  expect(copied.startsWith('乙-')).toBe(true);
  expect(down.wb.getWorksheet(copied.split('!')[0])).toBeDefined();
  // The original 乙 with the sheet added: explained.
  const sheet = down.grids.sheets.find((s) => s.name === '审核说明')!;
  expect(explanationRows(down.wb).length).toBeGreaterThan(1);
  expect(checkWorkbooks([{ ...b.grids, sheets: [...b.grids.sheets, sheet] }]).findings.find(same(f))).toMatchObject({ explained: true, explanation: '说明乙' });
});

test("per-unit workbooks carry only their unit's explanations", async () => {
  const file = await load(EXAMPLE);
  const report = runCheck([file.grids], DEFAULT_SETTINGS);
  const units = unitsOf(report);
  expect(units.length).toBeGreaterThan(1);
  const f = report.findings.find((x) => x.unit && x.location.cell)!;
  const typed = [{ finding: f, text: '本单位说明' }];
  let withRow = 0;
  for (const u of units) {
    const wb = (await reread(await reviewWorkbook(report, [file], u, typed), 'u.xlsx')).wb;
    if (explanationRows(wb).some((r) => r[3] === '本单位说明')) withRow++;
  }
  expect(withRow).toBe(1);
});
