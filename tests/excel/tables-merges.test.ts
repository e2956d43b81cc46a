/**
 * The pane writes the 项目支出绩效目标表 with the merges of its body layout (national layout, issue
 * 16): the project cells down the indicator rows, the 一级/二级 runs, the 合计 label — exactly the
 * model's areas, in batched syncs that grow with payload chunks, never with projects. Other tables
 * have no body merges: only the title, unit line, header and note merges (their look, the CLI's, is
 * compared in tables-look.test.ts).
 */
import type { StandardTable } from '../../src/core/tables';
import { generateTables } from '../../src/core/tables';
import { bodyLayoutOf } from '../../src/core/tables/project-performance-grid';
import { unitLineSplit } from '../../src/core/tables/sheet-geometry';
import { capsFromVersion } from '../../src/excel/caps';
import { writeTables } from '../../src/excel/tables';
import type { Area, FakeSheet } from '../../src/testing/fake-excel/model';
import { SCHOOL, gridTable, perfGoal, projectLine } from '../core/tables/perf-grid-fixtures';
import { fakeHost } from './helpers';

/** n projects of one unit; every third has no indicators (one row, nothing merged down). */
function projects(n: number) {
  const lines = [];
  const goals = [];
  for (let i = 0; i < n; i++) {
    const code = `P${String(i + 1).padStart(4, '0')}`;
    const name = `项目${i + 1}`;
    lines.push(projectLine('101', '县教育局', code, name, '一般公共预算拨款', 1_000_000 + i));
    if (i % 3 !== 2) lines.push(projectLine('101', '县教育局', code, name, '事业收入', 12_345));
    if (i % 3 !== 1) goals.push(perfGoal('101', '县教育局', code, name, SCHOOL.slice(0, 3 + (i % 4))));
  }
  return { lines, goals };
}

const byArea = (a: Area, b: Area) => a.top - b.top || a.left - b.left;

/** Sheet areas (0-based) of the table's body merges: the body starts under the title, unit and header rows. */
function modelMerges(t: StandardTable): Area[] {
  const body = 2 + t.headerRows;
  return (bodyLayoutOf(t)?.merges ?? []).map((m) => ({ top: body + m.row, left: m.col, bottom: body + m.row + m.rowSpan - 1, right: m.col + m.colSpan - 1 }));
}

/** The merges of every table outside its body: title, the unit line's two parts, header spans, notes. */
function frameMerges(t: StandardTable): Area[] {
  const n = t.columns.length;
  const out: Area[] = [];
  if (n > 1) out.push({ top: 0, left: 0, bottom: 0, right: n - 1 });
  const split = unitLineSplit(n);
  if (split > 1) out.push({ top: 1, left: 0, bottom: 1, right: split - 1 });
  if (n > split + 1) out.push({ top: 1, left: split, bottom: 1, right: n - 1 });
  for (const h of t.header) if (h.rowSpan > 1 || h.colSpan > 1) out.push({ top: 2 + h.row, left: h.col, bottom: 2 + h.row + h.rowSpan - 1, right: h.col + h.colSpan - 1 });
  const notesAt = 2 + t.headerRows + t.rows.length;
  if (n > 1) t.notes.forEach((_note, i) => out.push({ top: notesAt + i, left: 0, bottom: notesAt + i, right: n - 1 }));
  return out;
}

const bodyMergesOf = (s: FakeSheet, t: StandardTable) => {
  const body = 2 + t.headerRows;
  return s.merges.filter((m) => m.top >= body && m.top < body + t.rows.length).sort(byArea);
};

async function writeGrid(n: number): Promise<{ t: StandardTable; sheet: FakeSheet; syncs: number; failed: string[] }> {
  const { model, uninstall } = fakeHost(18);
  try {
    const { lines, goals } = projects(n);
    const t = gridTable(lines, goals, '某县教育系统');
    const s0 = model.syncCount;
    const [name] = await writeTables([t]);
    return { t, sheet: model.sheet(name)!, syncs: model.syncCount - s0, failed: model.failedSyncs() };
  } finally {
    uninstall();
  }
}

describe('项目支出绩效目标表 in the pane: body merges', () => {
  test('merges exactly the areas of the model (and the title/header/note merges), nothing else', async () => {
    const { t, sheet, failed } = await writeGrid(12);
    expect(failed).toEqual([]);
    const want = modelMerges(t);
    expect(want.length).toBeGreaterThan(12);
    expect(bodyMergesOf(sheet, t)).toEqual([...want].sort(byArea));
    expect([...sheet.merges].sort(byArea)).toEqual([...want, ...frameMerges(t)].sort(byArea));
    // The project's values sit in the top cell of each merged area; the cells under it stay blank.
    const body = 2 + t.headerRows;
    for (const m of want) {
      const r = m.top - body;
      const v = t.rows[r].cells[m.left];
      if (typeof v === 'string') expect(sheet.get(m.top, m.left)).toBe(v);
      for (let rr = m.top; rr <= m.bottom; rr++) for (let c = m.left; c <= m.right; c++) if (rr !== m.top || c !== m.left) expect(sheet.get(rr, c)).toBe('');
    }
  });

  test('body alignment as the xlsx writer: vertically centred, text wrapped, money right, 合计 centred', async () => {
    const { t, sheet } = await writeGrid(4);
    const body = 2 + t.headerRows;
    for (let r = body; r < body + t.rows.length; r++) {
      t.columns.forEach((col, c) => {
        const f = sheet.formats.get(`${r},${c}`)!;
        expect(f.verticalAlignment).toBe('Center');
        expect(f.wrapText).toBe(col.kind !== 'money');
        if (col.kind === 'money') expect(f.horizontalAlignment).toBe('Right');
      });
    }
    const total = body + t.rows.findIndex((r) => r.isTotal);
    expect(sheet.formats.get(`${total},0`)!.horizontalAlignment).toBe('Center');
    expect(sheet.formats.get(`${body},0`)!.horizontalAlignment).toBe('Left');
  });

  test('syncs do not grow with projects: 10 and 500 projects differ only by payload chunks', async () => {
    const small = await writeGrid(10);
    const large = await writeGrid(500);
    expect(small.failed).toEqual([]);
    expect(large.failed).toEqual([]);
    expect(bodyMergesOf(large.sheet, large.t)).toEqual(modelMerges(large.t).sort(byArea));
    expect(modelMerges(large.t).length).toBeGreaterThan(2500);
    // One sync per 3.4 MB chunk at most: a few for the whole sheet, far below one per project.
    expect(large.syncs).toBeLessThanOrEqual(small.syncs + 2);
    expect(large.syncs).toBeLessThan(10);
  });

  test('a host without Range.merge (below ExcelApi 1.2): written unmerged, values kept in the top cells', async () => {
    const { model, uninstall } = fakeHost(18);
    try {
      const { lines, goals } = projects(3);
      const t = gridTable(lines, goals);
      const [name] = await writeTables([t], '', undefined, capsFromVersion(1));
      const s = model.sheet(name)!;
      expect(s.merges).toEqual([]);
      expect(s.get(2 + t.headerRows, 0)).toBe('项目1');
      expect(model.failedSyncs()).toEqual([]);
    } finally {
      uninstall();
    }
  });
});

describe('other tables', () => {
  test('every other standard table: only its title/unit line/header/note merges, none in the body', async () => {
    const { model, uninstall } = fakeHost(18);
    try {
      const { lines, goals } = projects(6);
      const tables = generateTables(lines, { performance: goals, year: 2026 });
      const others = tables.filter((t) => !bodyLayoutOf(t));
      expect(others.length).toBeGreaterThan(3);
      expect(tables.length - others.length).toBe(1);
      const names = await writeTables(tables);
      expect(model.failedSyncs()).toEqual([]);
      tables.forEach((t, i) => {
        if (bodyLayoutOf(t)) return;
        const s = model.sheet(names[i])!;
        expect([...s.merges].sort(byArea)).toEqual(frameMerges(t).sort(byArea));
        expect(bodyMergesOf(s, t)).toEqual([]);
      });
    } finally {
      uninstall();
    }
  });
});
