import type { Finding, Severity } from '../../src/core/findings';
import { capsFromVersion, HostCaps } from '../../src/excel/caps';
import { FakeWorkbookModel, installFakeOffice } from '../../src/testing/fake-excel';

/** A fake workbook installed as the Office/Excel globals for one test. */
export function fakeHost(version = 18): { model: FakeWorkbookModel; caps: HostCaps; uninstall: () => void } {
  const model = new FakeWorkbookModel(version);
  const uninstall = installFakeOffice(model);
  return { model, caps: capsFromVersion(version), uninstall };
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
