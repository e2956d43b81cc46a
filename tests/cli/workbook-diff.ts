/**
 * Two .xlsx files compared as a reader sees them (exceljs load): sheets in order, every cell's value,
 * the styles that matter (font, fill, alignment, number format, border), notes, merges, row heights,
 * column widths, views, filter, page setup, footer and print titles; and the note boxes in the VML.
 * Returns the differences, empty when the workbooks agree.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

function noteText(n: unknown): string {
  if (!n) return '';
  if (typeof n === 'string') return n;
  const t = (n as { texts?: Array<{ text: string }> }).texts;
  return t ? t.map((x) => x.text).join('') : '';
}

const j = (x: unknown): string => JSON.stringify(x ?? null);

function styleOf(c: ExcelJS.Cell): string {
  const s = c.style ?? {};
  return j({ font: s.font, fill: s.fill, alignment: s.alignment, numFmt: s.numFmt, border: s.border });
}

/** The note boxes (style width/height and anchor) of every VML part, in sheet order of the notes' cells. */
async function noteBoxes(buf: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buf);
  const out: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /vmlDrawing\d*\.vml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    for (const m of xml.matchAll(/<v:shape [^>]*style="[^"]*?(width:[\d.]+pt;height:[\d.]+pt)[^"]*"[\s\S]*?<x:Anchor>([^<]*)<\/x:Anchor>[\s\S]*?<x:Row>(\d+)<\/x:Row>\s*<x:Column>(\d+)<\/x:Column>/g)) {
      out.push(`${m[3]},${m[4]} ${m[1]} ${m[2].replace(/\s+/g, '')}`);
    }
  }
  return out.sort();
}

export async function workbookDiff(a: Buffer, b: Buffer, limit = 20): Promise<string[]> {
  const diffs: string[] = [];
  const push = (s: string) => {
    if (diffs.length < limit) diffs.push(s);
  };
  const wa = new ExcelJS.Workbook();
  const wb = new ExcelJS.Workbook();
  await wa.xlsx.load(a as unknown as ArrayBuffer);
  await wb.xlsx.load(b as unknown as ArrayBuffer);
  const names = (w: ExcelJS.Workbook) => w.worksheets.map((s) => s.name);
  if (j(names(wa)) !== j(names(wb))) push(`sheets: ${j(names(wa))} vs ${j(names(wb))}`);
  for (const sa of wa.worksheets) {
    const sb = wb.getWorksheet(sa.name);
    if (!sb) continue;
    const at = (what: string, x: unknown, y: unknown) => {
      if (j(x) !== j(y)) push(`${sa.name} ${what}: ${j(x)} vs ${j(y)}`);
    };
    const { printTitlesRow: ta, ...pa } = sa.pageSetup;
    const { printTitlesRow: tb, ...pb } = sb.pageSetup;
    at('pageSetup', pa, pb);
    at('printTitlesRow', ta, tb);
    at('headerFooter', sa.headerFooter, sb.headerFooter);
    at('views', (sa.views ?? []).map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit, xSplit: (v as { xSplit?: number }).xSplit })), (sb.views ?? []).map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit, xSplit: (v as { xSplit?: number }).xSplit })));
    at('autoFilter', sa.autoFilter, sb.autoFilter);
    at('merges', Object.keys((sa as unknown as { _merges: object })._merges).sort(), Object.keys((sb as unknown as { _merges: object })._merges).sort());
    const cols = Math.max(sa.columnCount, sb.columnCount);
    for (let c = 1; c <= cols; c++) {
      at(`column ${c} width`, sa.getColumn(c).width, sb.getColumn(c).width);
      at(`column ${c} hidden`, sa.getColumn(c).hidden, sb.getColumn(c).hidden);
    }
    const rows = Math.max(sa.rowCount, sb.rowCount);
    for (let r = 1; r <= rows; r++) {
      const ra = sa.getRow(r);
      const rb = sb.getRow(r);
      at(`row ${r} height`, ra.height, rb.height);
      const n = Math.max(ra.cellCount, rb.cellCount);
      for (let c = 1; c <= n; c++) {
        const ca = ra.getCell(c);
        const cb = rb.getCell(c);
        at(`${ca.address} value`, ca.value, cb.value);
        if (styleOf(ca) !== styleOf(cb)) push(`${sa.name} ${ca.address} style: ${styleOf(ca)} vs ${styleOf(cb)}`);
        at(`${ca.address} note`, noteText(ca.note), noteText(cb.note));
      }
    }
  }
  const na = await noteBoxes(a);
  const nb = await noteBoxes(b);
  if (j(na) !== j(nb)) push(`note boxes: ${na.length} vs ${nb.length}: ${j(na.filter((x) => !nb.includes(x)).slice(0, 3))} vs ${j(nb.filter((x) => !na.includes(x)).slice(0, 3))}`);
  return diffs;
}
