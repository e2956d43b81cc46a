/**
 * Standard tables written into new sheets of the open workbook ("1 部门收支总表", suffixed when
 * the name is taken — a generated sheet never replaces a user's sheet). Money cells hold exact
 * values in the display unit; only the number format rounds, so totals tie as the core made them.
 *
 * A table with a body layout (the 项目支出绩效目标表, bodyLayoutOf) gets its body merges too — the
 * project's cells down its indicator rows, the 一级/二级 runs — and the body alignment of the xlsx
 * writer (src/io/tables-workbook.ts, tables-body-layout.ts): vertically centred, text wrapped, money
 * right. Merges are queued like every other op, so they add syncs only as payload chunks fill, never
 * one per project. The page breaks of the xlsx writer are a print concern and are not drawn here.
 */
import { FEN_PER_UNIT } from '../core/money';
import type { StandardTable } from '../core/tables/model';
import { bodyLayoutOf } from '../core/tables/project-performance-grid';
import { detectCaps, type HostCaps } from './caps';
import { Batcher, excelRun, jsonBytes, OnProgress, PAYLOAD_BUDGET, ProgressMeter } from './run';
import { asText, uniqueSheetName } from './sheet-names';
import { a1 } from '../core/address';

/** Range.merge is ExcelApi 1.2 (typings, Excel.Range.merge). */
const MERGE_MINOR = 2;

export const MONEY_FORMAT = '#,##0.00';

/**
 * The table as a grid of values, number formats and merges (0-based, [top, left, bottom, right]),
 * starting at A1. The body starts at row `headerEnd`; the body layout's merges are among `merges`.
 */
export function tableLayout(t: StandardTable): { values: (string | number)[][]; formats: string[][]; merges: Array<[number, number, number, number]>; headerEnd: number } {
  const n = t.columns.length;
  const blank = (): (string | number)[] => Array(n).fill('');
  const values: (string | number)[][] = [];
  const merges: Array<[number, number, number, number]> = [];
  values.push(blank());
  values[0][0] = asText(t.title);
  if (n > 1) merges.push([0, 0, 0, n - 1]);
  values.push(blank());
  values[1][0] = asText(t.preparedBy);
  if (n > 1) values[1][n - 1] = t.unitLabel;
  else values[1][0] = `${t.preparedBy}    ${t.unitLabel}`;
  const h0 = values.length;
  for (let i = 0; i < t.headerRows; i++) values.push(blank());
  for (const h of t.header) {
    values[h0 + h.row][h.col] = asText(h.text);
    if (h.rowSpan > 1 || h.colSpan > 1) merges.push([h0 + h.row, h.col, h0 + h.row + h.rowSpan - 1, h.col + h.colSpan - 1]);
  }
  for (const row of t.rows) {
    values.push(row.cells.map((v, c) => {
      if (v === null) return '';
      if (t.columns[c].kind === 'money' && typeof v === 'number') return v / FEN_PER_UNIT[t.amountUnit];
      const s = String(v);
      const indent = t.columns[c].indent && t.style === 'national' && row.level > 1 ? '\u3000'.repeat(row.level - 1) : '';
      return asText(indent + s);
    }));
  }
  const body = h0 + t.headerRows;
  for (const m of bodyLayoutOf(t)?.merges ?? []) {
    if (m.rowSpan > 1 || m.colSpan > 1) merges.push([body + m.row, m.col, body + m.row + m.rowSpan - 1, m.col + m.colSpan - 1]);
  }
  for (const note of t.notes) {
    const r = blank();
    r[0] = asText(note);
    values.push(r);
    if (n > 1) merges.push([values.length - 1, 0, values.length - 1, n - 1]);
  }
  const formats = values.map((_, r) => t.columns.map((c) => (r >= h0 + t.headerRows && r < h0 + t.headerRows + t.rows.length ? (c.kind === 'money' ? MONEY_FORMAT : '@') : 'General')));
  return { values, formats, merges, headerEnd: h0 + t.headerRows };
}

/**
 * Queues the xlsx writer's body alignment for a table with a body layout: one op per column and
 * property over the whole body (never per row), plus the 合计 label centred.
 */
async function alignLaidOutBody(ws: Excel.Worksheet, t: StandardTable, bodyStart: number, batch: Batcher): Promise<void> {
  const nrow = t.rows.length;
  if (nrow === 0) return;
  await batch.reserve(t.columns.length * 600 + 300);
  t.columns.forEach((col, c) => {
    const f = ws.getRangeByIndexes(bodyStart, c, nrow, 1).format;
    f.verticalAlignment = 'Center';
    f.horizontalAlignment = col.kind === 'money' ? 'Right' : col.kind === 'code' ? 'Center' : 'Left';
    f.wrapText = col.kind !== 'money';
  });
  t.rows.forEach((r, i) => {
    if (r.isTotal) ws.getRangeByIndexes(bodyStart + i, 0, 1, 1).format.horizontalAlignment = 'Center';
  });
}

/**
 * Write each table to a new sheet; returns the sheet names used. `label` prefixes names (a unit).
 * On a host without Range.merge (below ExcelApi 1.2) the sheets are written unmerged: each merged
 * value stays in the top cell of its area, so nothing is lost or counted twice.
 */
export async function writeTables(tables: ReadonlyArray<StandardTable>, label = '', onProgress?: OnProgress, caps: Pick<HostCaps, 'version'> = detectCaps()): Promise<string[]> {
  const canMerge = caps.version >= MERGE_MINOR;
  const layouts = tables.map(tableLayout);
  // Progress in table rows written: the values are nearly all of the work.
  const meter = new ProgressMeter(layouts.reduce((n, l) => n + l.values.length, 0), onProgress);
  return excelRun(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    const taken = sheets.items.map((s) => s.name);
    const names: string[] = [];
    const batch = new Batcher(ctx, PAYLOAD_BUDGET, meter);
    for (const [i, t] of tables.entries()) {
      const name = uniqueSheetName(`${label ? label + '-' : ''}${i + 1} ${t.shortName}`, taken);
      taken.push(name);
      names.push(name);
      await batch.reserve(600);
      const ws = ctx.workbook.worksheets.add(name);
      const { values, formats, merges, headerEnd } = layouts[i];
      const n = t.columns.length;
      // Values and formats in row chunks: a 3,000-row 绩效目标表 is about 5.7 MB as one op, over
      // Excel's 5 MB request limit (office-js-docs-pr#2846). Formats go first, so '@' cells keep text.
      const maxOp = Math.floor(batch.budget / 3);
      for (let i = 0; i < values.length;) {
        let bytes = 0;
        let j = i;
        while (j < values.length && (j === i || bytes + jsonBytes(values[j]) + jsonBytes(formats[j]) < maxOp)) bytes += jsonBytes(values[j]) + jsonBytes(formats[j++]);
        await batch.reserve(bytes + 800);
        const part = ws.getRangeByIndexes(i, 0, j - i, n);
        part.numberFormat = formats.slice(i, j);
        part.values = values.slice(i, j);
        meter.add(j - i);
        i = j;
      }
      // All merges of the sheet queued; the batcher syncs only when a payload chunk is full.
      if (canMerge) {
        for (const [r1, c1, r2, c2] of merges) {
          await batch.reserve(300);
          ws.getRange(`${a1(r1 + 1, c1 + 1)}:${a1(r2 + 1, c2 + 1)}`).merge(false);
        }
      }
      if (bodyLayoutOf(t)) await alignLaidOutBody(ws, t, headerEnd, batch);
      await batch.reserve(3000 + n * 300);
      const title = ws.getRange('A1');
      title.format.font.bold = true;
      title.format.font.size = 16;
      ws.getRange(`A1:${a1(1, n)}`).format.horizontalAlignment = 'Center';
      const head = ws.getRange(`A3:${a1(headerEnd, n)}`);
      head.format.font.bold = true;
      head.format.horizontalAlignment = 'Center';
      head.format.wrapText = true;
      head.format.fill.color = '#F2F2F2';
      t.columns.forEach((c, j) => (ws.getRange(`${a1(1, j + 1)}`).format.columnWidth = Math.min(60, c.width) * 7));
      ws.freezePanes.freezeRows(headerEnd);
    }
    await batch.flush();
    meter.finish();
    return names;
  });
}
