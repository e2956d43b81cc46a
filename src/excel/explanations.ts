/**
 * 审核说明 written from the pane (SPEC §4.3): rows of 规则 | 单位 | 位置 | 说明 in a sheet named
 * 审核说明, which the core reads on the next check. Existing rows for the same key get the new
 * text; other rows (the user's own) are left as they are.
 */
import type { ExplanationKey } from '../core/explain';
import { Batcher, excelRun, jsonBytes } from './run';
import { writeRows } from './flag';
import { asText } from './sheet-names';

export const EXPLANATIONS_SHEET = '审核说明';
export const EXPLANATIONS_HEADER = ['规则', '单位', '位置', '说明'];

export interface ExplanationEntry extends ExplanationKey {
  text: string;
}

export async function saveExplanations(entries: ReadonlyArray<ExplanationEntry>): Promise<number> {
  return excelRun(async (ctx) => {
    let ws = ctx.workbook.worksheets.getItemOrNullObject(EXPLANATIONS_SHEET);
    ws.load('name');
    await ctx.sync();
    const batch = new Batcher(ctx);
    let rows: unknown[][] = [];
    let r0 = 0, c0 = 0;
    if (ws.isNullObject) {
      // No 审核说明 yet: no method may be called on the null object (it would fail with
      // ItemNotFound); make the sheet with its header.
      ws = ctx.workbook.worksheets.add(EXPLANATIONS_SHEET);
      await writeRows(ws, batch, [EXPLANATIONS_HEADER]);
      rows = [EXPLANATIONS_HEADER];
    } else {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('values,rowIndex,columnIndex');
      await ctx.sync();
      if (!used.isNullObject) {
        rows = used.values;
        r0 = used.rowIndex;
        c0 = used.columnIndex;
      }
    }
    // Columns by header (the user may have reordered them); default to our order.
    const header = (rows[0] ?? EXPLANATIONS_HEADER).map((v) => String(v).trim());
    const col = (name: string, i: number) => (header.indexOf(name) >= 0 ? header.indexOf(name) : i);
    const [cr, cu, ca, ct] = [col('规则', 0), col('单位', 1), col('位置', 2), col('说明', 3)];
    let next = r0 + Math.max(rows.length, 1);
    let written = 0;
    for (const e of entries) {
      const i = rows.findIndex((r, k) => k > 0 && String(r[cr]).trim() === e.rule && String(r[cu] ?? '').trim() === e.unit && String(r[ca] ?? '').trim() === e.at);
      // Every text goes through asText: a unit code "001001" written as is would come back as the
      // number 1001 (values are parsed as typed input, office-js#229) and never match again.
      await batch.reserve(600 + jsonBytes([e.rule, e.unit, e.at, e.text]));
      if (i > 0) {
        ws.getRangeByIndexes(r0 + i, c0 + ct, 1, 1).values = [[asText(e.text)]];
      } else {
        const row = ['', '', '', ''];
        row[cr] = asText(e.rule);
        row[cu] = asText(e.unit);
        row[ca] = asText(e.at);
        row[ct] = asText(e.text);
        ws.getRangeByIndexes(next++, c0, 1, 4).values = [row];
        rows.push(row.map((v) => (v.startsWith("'") ? v.slice(1) : v)));
      }
      written++;
    }
    await batch.flush();
    return written;
  });
}
