/**
 * The pane's progress bar for the long writes (issue 14 item 2): flag, clear, 审核结果 and the
 * tables report done/total after the syncs that carry the work, on the strict fake host. The
 * reports grow with syncs, never with rows, and never run ahead of what Excel has done.
 */
import { clearFlags, flagFindings } from '../../src/excel/flag';
import { writeReviewSheets } from '../../src/excel/results';
import { writeTables } from '../../src/excel/tables';
import type { StandardTable } from '../../src/core/tables/model';
import type { FakeWorkbookModel } from '../../src/testing/fake-excel';
import { budgetRows, fakeHost, finding } from './helpers';

interface Report {
  done: number;
  total: number;
  syncs: number;
}

function recorder(model: FakeWorkbookModel): { reports: Report[]; on: (done: number, total: number) => void } {
  const reports: Report[] = [];
  return { reports, on: (done, total) => reports.push({ done, total, syncs: model.syncCount }) };
}

/** Non-decreasing share, an intermediate report, the last one complete, at most one report per sync. */
function expectSteady(reports: Report[], syncsBefore: number, syncsAfter: number): void {
  expect(reports.length).toBeGreaterThanOrEqual(3);
  for (let i = 1; i < reports.length; i++) expect(reports[i].done / reports[i].total).toBeGreaterThanOrEqual(reports[i - 1].done / reports[i - 1].total - 1e-9);
  for (const r of reports) expect(r.done).toBeLessThanOrEqual(r.total);
  expect(reports.some((r) => r.done > 0 && r.done < r.total)).toBe(true);
  const last = reports[reports.length - 1];
  expect(last.done).toBe(last.total);
  // Each report follows a sync (the final one may repeat the last sync's figure).
  expect(reports.length).toBeLessThanOrEqual(syncsAfter - syncsBefore + 1);
  for (const r of reports) expect(r.syncs).toBeGreaterThan(syncsBefore);
}

function manyFindings(n: number): ReturnType<typeof finding>[] {
  const out = [];
  for (let r = 2; out.length < n; r += 3) out.push(finding('明细', `E${r}`, r % 2 ? 'error' : 'warning', `金额无法识别（第 ${r} 行）`));
  return out;
}

describe('progress of the pane writes', () => {
  test('flag and clear: 10,000 cells with notes report after each sync, ending at the total', async () => {
    const { model, caps, uninstall } = fakeHost(18);
    try {
      model.put('明细', budgetRows(31_000, 8));
      const findings = manyFindings(10_000);
      const f = recorder(model);
      const s0 = model.syncCount;
      const r = await flagFindings(findings, caps, f.on);
      expect(r.flaggedCells).toBe(10_000);
      expect(r.notesAdded).toBe(10_000);
      expectSteady(f.reports, s0, model.syncCount);

      const c = recorder(model);
      const s1 = model.syncCount;
      const cleared = await clearFlags(caps, c.on);
      expect(cleared.restoredCells).toBe(10_000);
      expect(cleared.notesRemoved).toBe(10_000);
      expectSteady(c.reports, s1, model.syncCount);
    } finally {
      uninstall();
    }
  });

  test('without notes (ExcelApi 1.7) the fill phases alone still move the bar', async () => {
    const { model, caps, uninstall } = fakeHost(7);
    try {
      model.put('明细', budgetRows(6_100, 6));
      const f = recorder(model);
      const s0 = model.syncCount;
      await flagFindings(manyFindings(2_000), caps, f.on);
      expectSteady(f.reports, s0, model.syncCount);
    } finally {
      uninstall();
    }
  });

  test('审核结果 and 单位汇总: rows written, reported per sync', async () => {
    const { model, caps, uninstall } = fakeHost(18);
    try {
      const findings = manyFindings(20_000).map((x, i) => ({ ...x, unit: { code: `10${i % 40}`, name: `单位${i % 40}` } }));
      const units = Array.from({ length: 40 }, (_, i) => ({ key: `10${i}`, code: `10${i}`, name: `单位${i}` }));
      const p = recorder(model);
      const s0 = model.syncCount;
      const names = await writeReviewSheets(findings, caps, [], units as never, p.on);
      expect(names).toHaveLength(2);
      expect(model.sheet(names[0])!.get(20_000, 0)).not.toBe('');
      expectSteady(p.reports, s0, model.syncCount);
      // Header and every finding of 审核结果, header and every unit of 单位汇总.
      expect(p.reports[p.reports.length - 1].total).toBeGreaterThanOrEqual(20_001);
    } finally {
      uninstall();
    }
  });

  test('tables: a 20,000-row table reports as its row chunks sync', async () => {
    const { model, uninstall } = fakeHost(18);
    try {
      const rows = Array.from({ length: 20_000 }, (_, i) => ({ cells: [`项目${i}（${'说明'.repeat(60)}）`, 100 * (i + 1)], code: '', name: `项目${i}`, level: 1 as const, isTotal: false }));
      const t: StandardTable = {
        id: 'summary', style: 'national', title: '2026年项目支出表', shortName: '项目支出表', preparedBy: '编制部门：县教育局', unitLabel: '单位：万元', amountUnit: 'wan',
        orientation: 'portrait', columns: [{ key: 'name', kind: 'text', width: 20, indent: true }, { key: 'total', kind: 'money', width: 12 }],
        headerRows: 1, header: [{ text: '项目', row: 0, col: 0, rowSpan: 1, colSpan: 1 }, { text: '预算数', row: 0, col: 1, rowSpan: 1, colSpan: 1 }],
        rows, notes: [], empty: false,
      };
      const p = recorder(model);
      const s0 = model.syncCount;
      const [name] = await writeTables([t], '', p.on);
      // 100 × 20,000 分 = 2 万元 in the last row.
      expect(model.sheet(name)!.get(3 + 19_999, 1)).toBe(2);
      expectSteady(p.reports, s0, model.syncCount);
    } finally {
      uninstall();
    }
  });
});
