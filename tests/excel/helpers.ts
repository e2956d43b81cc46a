import type { Finding, Severity } from '../../src/core/findings';
import type { StandardTable } from '../../src/core/tables';
import { writeTables } from '../../src/excel/tables';
import type { FakeSheet } from '../../src/testing/fake-excel/model';
import { capsFromVersion, HostCaps } from '../../src/excel/caps';
import { FakeWorkbookModel, installFakeOffice } from '../../src/testing/fake-excel';

/** A fake workbook installed as the Office/Excel globals for one test. */
export function fakeHost(version = 18): { model: FakeWorkbookModel; caps: HostCaps; uninstall: () => void } {
  const model = new FakeWorkbookModel(version);
  const uninstall = installFakeOffice(model);
  return { model, caps: capsFromVersion(version), uninstall };
}

/** Tables written by the pane on a fake host of ExcelApi 1.`version` (caps detected from the host): every sheet, and the syncs it took. */
export async function paneSet(tables: readonly StandardTable[], version = 18): Promise<{ sheets: FakeSheet[]; model: FakeWorkbookModel; syncs: number }> {
  const { model, uninstall } = fakeHost(version);
  try {
    const s0 = model.syncCount;
    const names = await writeTables(tables);
    return { sheets: names.map((n) => model.sheet(n)!), model, syncs: model.syncCount - s0 };
  } finally {
    uninstall();
  }
}

/** One batch of `batch` on a fresh fake host holding a sheet 表 (A1 = "x"): the errors its syncs failed with, and the sheet. */
export async function runOnFake(version: number, batch: (ctx: Excel.RequestContext) => void): Promise<{ failed: string[]; sheet: FakeSheet }> {
  const { model, uninstall } = fakeHost(version);
  try {
    model.put('表', [['x']]);
    await Excel.run(async (ctx) => {
      batch(ctx);
      await ctx.sync();
    }).catch(() => undefined);
    return { failed: model.failedSyncs(), sheet: model.sheet('表')! };
  } finally {
    uninstall();
  }
}

export function finding(sheet: string, cell: string, severity: Severity = 'error', message = '金额无法识别'): Finding {
  const row = Number(cell.replace(/^[A-Z]+/, ''));
  return { rule: severity === 'error' ? 'DATA.BAD_AMOUNT' : 'DATA.NEGATIVE_AMOUNT', severity, location: { file: 'book.xlsx', sheet, cell, row }, message };
}

/** A budget detail sheet of n lines: 单位名称 | 功能科目 | 经济科目 | 金额 … up to `cols` columns. */
export function budgetRows(n: number, cols = 20): (string | number)[][] {
  const header = ['单位名称', '功能分类科目', '部门经济分类科目', '支出类型', '金额'];
  while (header.length < cols) header.push(`备注${header.length}`);
  const rows: (string | number)[][] = [header];
  for (let i = 0; i < n; i++) {
    const row: (string | number)[] = [`单位${i % 50}`, '2010101', '30201', '基本支出', 1000 + (i % 997)];
    while (row.length < cols) row.push(i % 3 === 0 ? `说明${i}` : i);
    rows.push(row);
  }
  return rows;
}
