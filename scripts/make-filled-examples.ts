/**
 * Writes the filled-table examples of examples/ (公开表-*.xlsx): real examples B and C of domain
 * §1.5/§1.6 typed into the published Shanghai layout, and example B in a national-style layout
 * (万元, one 科目编码 column, several tables on one sheet). `budget-review check` recognises them as
 * filled-tables workbooks; all three pass TABLES.* with no finding.
 *
 *   npx ts-node --transpile-only scripts/make-filled-examples.ts [dir]
 *
 * Deterministic: fixed workbook dates and zip entry times, so a rerun reproduces the files.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { deterministicXlsx } from './deterministic-xlsx';
import type { Grid, WorkbookGrids } from '../src/core/grid';
import { exampleBNational, exampleBShanghai } from '../tests/fixtures/filled/example-b';
import { exampleCShanghai } from '../tests/fixtures/filled/example-c';

const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

export const FILLED_EXAMPLES: ReadonlyArray<{ file: string; make: () => WorkbookGrids }> = [
  { file: '公开表-例B-上海格式.xlsx', make: () => exampleBShanghai() },
  { file: '公开表-例C-上海格式.xlsx', make: () => exampleCShanghai() },
  { file: '公开表-例B-全国格式.xlsx', make: () => exampleBNational() },
];

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

function addSheet(wb: ExcelJS.Workbook, grid: Grid): void {
  const ws = wb.addWorksheet(grid.name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const r0 = grid.origin?.row ?? 1;
  const c0 = grid.origin?.col ?? 1;
  const merged = new Set<string>();
  for (const m of grid.merges ?? []) {
    // Titles and notes span the table; they are not part of the ruled body.
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) merged.add(`${r},${c}`);
  }
  const widths: number[] = [];
  grid.cells.forEach((row, r) => {
    const longText = row.some((v) => typeof v === 'string' && width(v) > 40);
    row.forEach((v, c) => {
      if (merged.has(`${r},${c}`)) return;
      const cell = ws.getCell(r0 + r, c0 + c);
      if (v === null || v === undefined) return;
      cell.value = v as ExcelJS.CellValue;
      if (typeof v === 'number') {
        cell.numFmt = '#,##0.00';
        cell.alignment = { horizontal: 'right' };
      }
      if (typeof v === 'string' && !longText && !/单位[:：]|编制/.test(v)) widths[c] = Math.max(widths[c] ?? 6, Math.min(40, width(v) + 2));
      if (typeof v === 'number') widths[c] = Math.max(widths[c] ?? 6, 16);
    });
  });
  for (const m of grid.merges ?? []) ws.mergeCells(r0 + m.top, c0 + m.left, r0 + m.bottom, c0 + m.right);
  widths.forEach((w, c) => {
    ws.getColumn(c0 + c).width = w;
  });
  // Borders on the rows between the first header row and the last row with a figure.
  const isTitle = (r: number) => grid.cells[r]?.filter((v) => v !== null && v !== undefined).length === 1 && (grid.merges ?? []).some((m) => m.top === r && m.bottom === r && m.right - m.left >= 2);
  grid.cells.forEach((row, r) => {
    if (isTitle(r) || row.some((v) => typeof v === 'string' && /单位[:：]|编制/.test(v))) return;
    const wRow = Math.max(...grid.cells.map((x) => x.length));
    for (let c = 0; c < wRow; c++) ws.getCell(r0 + r, c0 + c).border = THIN;
  });
  if (grid.cells[0]) ws.getCell(r0, c0).font = { bold: true, size: 14 };
}

export async function filledExampleBuffer(grids: WorkbookGrids): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '预算审核助手';
  for (const g of grids.sheets) addSheet(wb, g);
  return deterministicXlsx(wb, FIXED_DATE);
}

export async function writeFilledExamples(dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const ex of FILLED_EXAMPLES) {
    const p = path.join(dir, ex.file);
    fs.writeFileSync(p, await filledExampleBuffer(ex.make()));
    out.push(p);
  }
  return out;
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.join(__dirname, '..', 'examples');
  writeFilledExamples(dir).then(
    (files) => files.forEach((f) => console.log(f)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
