/**
 * Writes examples/规则示例-县级汇总.xlsx: the consolidated workbook that triggers every rule family
 * (src/testing/rules-example.ts holds its grids and says where each problem is planted).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { deterministicXlsx } from './deterministic-xlsx';
import type { WorkbookGrids } from '../src/core/grid';
import { rulesExampleWorkbook } from '../src/testing/rules-example';

/** Grids as an exceljs workbook: values as typed, money with two decimals, merges, readable widths. */
export function gridsToWorkbook(wbGrids: WorkbookGrids): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '预算审核助手';
  for (const g of wbGrids.sheets) {
    const ws = wb.addWorksheet(g.name);
    g.cells.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof v === 'object' && !(v instanceof Date)) cell.value = { error: v.error } as ExcelJS.CellErrorValue;
        else cell.value = v;
        if (typeof v === 'number' && Math.abs(v) >= 100) cell.numFmt = '#,##0.00';
      });
    });
    for (const m of g.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    const width = Math.max(...g.cells.map((r) => r.length));
    for (let c = 1; c <= width; c++) {
      let w = 8;
      for (const row of g.cells.slice(0, 40)) {
        const v = row[c - 1];
        if (typeof v === 'string' && v.length < 30) w = Math.max(w, v.length * 2 + 2);
      }
      ws.getColumn(c).width = Math.min(w, 40);
    }
  }
  return wb;
}

export async function writeRulesExample(dir: string): Promise<string> {
  const grids = rulesExampleWorkbook();
  const p = path.join(dir, grids.file);
  fs.writeFileSync(p, await deterministicXlsx(gridsToWorkbook(grids)));
  return p;
}

if (require.main === module) {
  writeRulesExample(path.join(__dirname, '..', 'examples')).then(
    (p) => console.log(`已生成 ${path.relative(process.cwd(), p)}`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
