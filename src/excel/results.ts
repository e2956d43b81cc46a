/**
 * The 审核结果 sheet in the open workbook: one row per finding with a HYPERLINK to its cell (works in
 * Excel, WPS and LibreOffice), frozen header and autofilter. A sheet of that name made by the user is
 * never replaced: ours gets a suffix. Our own earlier 审核结果 is replaced.
 */
import { quoteSheet } from '../core/address';
import type { Finding } from '../core/findings';
import { ruleTitle, SEVERITY_ZH } from '../core/findings';
import type { HostCaps } from './caps';
import { writeRows } from './flag';
import { Batcher, excelRun } from './run';
import { asText, ourEarlierSheet, uniqueSheetName } from './sheet-names';

export const RESULTS_SHEET = '审核结果';
export const RESULTS_HEADER = ['序号', '级别', '规则', '规则编号', '单位', '位置', '说明', '审核说明', '数据（万元）'];
const WIDTHS = [6, 6, 22, 26, 18, 16, 70, 30, 30];

function unitText(f: Finding): string {
  return [f.unit?.code, f.unit?.name].filter(Boolean).join(' ');
}

/** "实际 12.60；上限 12.00" from the figures (分 → 万元; ratios as percentages). */
export function figuresText(f: Finding): string {
  const names: Record<string, string> = { actualFen: '实际', limitFen: '上限', priorFen: '上年', excessFen: '超出', expectedFen: '应为', share: '占比', minShare: '下限', maxShare: '上限', execRate: '执行率', score: '得分' };
  const parts: string[] = [];
  for (const [k, v] of Object.entries(f.figures ?? {})) {
    const label = names[k] ?? k;
    if (k.endsWith('Fen')) parts.push(`${label} ${(v / 1_000_000).toFixed(2)}`);
    else if (/share|Rate/i.test(k)) parts.push(`${label} ${(v * 100).toFixed(1)}%`);
    else parts.push(`${label} ${v}`);
  }
  return parts.join('；');
}

export function hyperlinkFormula(sheet: string, cell: string, text: string): string {
  const target = `#${quoteSheet(sheet)}!${cell}`.replace(/"/g, '""');
  return `=HYPERLINK("${target}","${text.replace(/"/g, '""')}")`;
}

/** The rows written (header included); exported for tests. */
export function resultRows(findings: ReadonlyArray<Finding>): string[][] {
  const rows: string[][] = [RESULTS_HEADER];
  findings.forEach((f, i) => {
    const loc = f.location;
    const where = loc.sheet ? (loc.cell ? `${loc.sheet}!${loc.cell}` : loc.row ? `${loc.sheet}!第${loc.row}行` : loc.sheet) : loc.file;
    const link = loc.sheet ? hyperlinkFormula(loc.sheet, loc.cell ?? `A${loc.row ?? 1}`, where) : asText(where);
    rows.push([String(i + 1), SEVERITY_ZH[f.severity], ruleTitle(f.rule), f.rule, asText(unitText(f)), link, asText(f.message), asText(f.explanation ?? ''), figuresText(f)]);
  });
  return rows;
}

/**
 * Write the sheet. `ours` names the sheets this add-in generated earlier (from the saved settings);
 * returns the name used.
 */
export async function writeResultsSheet(findings: ReadonlyArray<Finding>, caps: HostCaps, ours: ReadonlyArray<string>): Promise<string> {
  return excelRun(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    const existing = sheets.items.map((s) => s.name);
    const mine = ourEarlierSheet(RESULTS_SHEET, existing, ours);
    if (mine) ctx.workbook.worksheets.getItem(mine).delete();
    const name = uniqueSheetName(RESULTS_SHEET, existing.filter((n) => n !== mine));
    const ws = ctx.workbook.worksheets.add(name);
    const batch = new Batcher(ctx);
    const rows = resultRows(findings);
    await writeRows(ws, batch, rows, 1, 1, true);
    // Budgeted before the format ops are queued (Batcher.reserve comes first, never after).
    await batch.reserve(3000);
    const header = ws.getRangeByIndexes(0, 0, 1, RESULTS_HEADER.length);
    header.format.font.bold = true;
    header.format.fill.color = '#D9E1F2';
    WIDTHS.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * 7));
    ws.freezePanes.freezeRows(1);
    if (caps.rangeAreas && rows.length > 1) ws.autoFilter.apply(ws.getRangeByIndexes(0, 0, rows.length, RESULTS_HEADER.length));
    ws.activate();
    await batch.flush();
    return name;
  });
}
