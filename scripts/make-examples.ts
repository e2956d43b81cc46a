/**
 * Writes the example workbooks of examples/ (npm run examples). Deterministic: the sheets come from
 * the seeded generator (src/testing/synth.ts), the workbook dates are fixed and the zip entries carry
 * a fixed time, so running it again reproduces the committed files byte for byte.
 *
 * The three examples are clean: every 合计/小计 adds up, codes are valid for their kind, and the
 * prior-year figures pass the year-on-year rules. Deliberately faulty examples are added elsewhere.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { deterministicXlsx } from './deterministic-xlsx';
import { Grid } from '../src/core/grid';
import { SynthExpected, SynthOptions, synthSheet } from '../src/testing/synth';

export interface ExampleSpec {
  readonly file: string;
  readonly options: SynthOptions;
}

export const EXAMPLES: ReadonlyArray<ExampleSpec> = [
  {
    file: '县教育局-明细-元.xlsx',
    options: {
      lines: 96, units: 3, seed: 2025, department: 'education', layout: 'long', amountUnit: 'yuan', perfStyle: 'plain',
    },
  },
  {
    file: '县卫健委-明细-万元-宽表.xlsx',
    options: {
      lines: 48, units: 3, seed: 2031, department: 'health', layout: 'wide', amountUnit: 'wan', twoRowHeader: true, codeStyle: 'space',
      unitCells: 'merged', subtotals: true, blankRows: true, breakdownRows: 0.12, total: 'bottom',
    },
  },
  {
    file: '上海-单位预算-类款项.xlsx',
    options: {
      lines: 72, units: 3, seed: 2026, year: 2026, department: 'culture', layout: 'split', amountUnit: 'yuan', sanbaoColumn: false,
      unitNames: ['上海市示例区文化和旅游局', '上海市示例区图书馆', '上海市示例区文化馆'],
      departmentName: '上海市示例区文化和旅游局', title: '上海市示例区文化和旅游局2026年单位预算明细表', perfStyle: 'plain',
    },
  },
];


const WIDE_TEXT = new Set(['测算依据', '绩效目标', '项目名称']);

/** A generated grid as an exceljs worksheet: numeric cells with two-decimal formats, real merges. */
export function addGridSheet(wb: ExcelJS.Workbook, grid: Grid, expected: SynthExpected): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(grid.name, {
    views: [{ state: 'frozen', ySplit: expected.firstDataRow, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const money = new Set(expected.amountColumns.map((a) => a.col));
  if (expected.columns.priorAmount !== undefined) money.add(expected.columns.priorAmount);
  const rate = expected.columns.priorExecRate;
  const width = Math.max(...grid.cells.map((r) => r.length));
  const header = (c: number) => String(grid.cells[expected.headerRow + expected.headerRowCount - 1][c] ?? grid.cells[expected.headerRow][c] ?? '');
  for (let c = 0; c < width; c++) {
    const h = header(c).replace(/（万?元）$/, '');
    ws.getColumn(c + 1).width = WIDE_TEXT.has(h) ? 36 : money.has(c) ? 16 : /名称|科目$/.test(h) ? 24 : /^[类款项]$/.test(h) ? 6 : 14;
  }
  const sums = new Set<number>([...expected.subtotalRows, ...(expected.totalRow === null ? [] : [expected.totalRow])]);
  grid.cells.forEach((row, r) => {
    const xr = ws.getRow(r + 1);
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = xr.getCell(c + 1);
      cell.value = v as ExcelJS.CellValue;
      if (typeof v === 'number' && money.has(c)) cell.numFmt = '#,##0.00';
      else if (typeof v === 'number' && c === rate && v <= 1) cell.numFmt = '0%';
    });
    const isHeader = r >= expected.headerRow && r < expected.firstDataRow;
    if (isHeader || sums.has(r)) xr.font = { bold: true };
    if (isHeader) xr.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  for (const m of grid.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  // Title: large and centred; the unit note at the right.
  if (expected.headerRow > 0 && typeof grid.cells[0][0] === 'string' && !String(grid.cells[0][0]).startsWith('编制')) {
    const t = ws.getCell(1, 1);
    t.font = { bold: true, size: 16 };
    t.alignment = { horizontal: 'center' };
  }
  if (expected.unitNoteRow !== null) ws.getCell(expected.unitNoteRow + 1, width).alignment = { horizontal: 'right' };
  return ws;
}

interface ZipLike {
  files: Record<string, { date: Date; dir: boolean }>;
  generateAsync(o: { type: 'nodebuffer'; compression: 'DEFLATE'; compressionOptions: { level: number } }): Promise<Buffer>;
}
interface JSZipStatic {
  loadAsync(data: Buffer): Promise<ZipLike>;
}

/** The .xlsx bytes of one example. */
export async function exampleBuffer(spec: ExampleSpec): Promise<Buffer> {
  const { grid, expected } = synthSheet(spec.options);
  const wb = new ExcelJS.Workbook();
  wb.creator = '预算审核助手';
  addGridSheet(wb, grid, expected);
  return deterministicXlsx(wb);
}

/** Write every example into `dir` (examples/README.md describes them and is kept by hand); returns the written paths. */
export async function writeExamples(dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const spec of EXAMPLES) {
    const p = path.join(dir, spec.file);
    fs.writeFileSync(p, await exampleBuffer(spec));
    out.push(p);
  }
  return out;
}

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'examples');
  writeExamples(dir).then(
    (paths) => paths.forEach((p) => console.log(`已生成 ${path.relative(process.cwd(), p)}`)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
