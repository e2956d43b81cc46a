/**
 * The looks of an input's sheets for the review workbook's copies (src/io/review-workbook.ts
 * SheetLook), from the light format pass of src/io/xlsx-stream/formats.ts rather than from an
 * exceljs load of the whole input (issue 14: that load was half of `check --out`). styles.xml is
 * parsed by exceljs's own StylesXform, so every cell gets the very style object an exceljs load would
 * give it (fills, fonts, borders, number formats, alignment, protection), shared by all cells of one
 * style: exceljs's writer then turns each style into its index once (it caches them by object).
 * It lives in src/cli because it loads that exceljs module by CommonJS require, which src/io (shared
 * with the page) may not.
 */
import type ExcelJS from 'exceljs';
import type { Grid, WorkbookGrids } from '../core/grid';
import type { ArrayFormula, SheetLook, SheetSetup, WorkbookLooks } from '../io/review-workbook';
import type { SheetFormats, WorkbookFormats } from '../io/xlsx-stream/formats';

interface StylesXformLike {
  parseStream(stream: AsyncIterable<string> | Iterable<string>): Promise<unknown>;
  getStyleModel(id: number): Partial<ExcelJS.Style> | null;
  getDxfStyle(id: number): Partial<ExcelJS.Style> | undefined;
}

interface CfXformLike {
  parseStream(stream: Iterable<string>): Promise<ExcelJS.ConditionalFormattingOptions | undefined>;
}

// exceljs ships no types for its xforms; this is the class its own load uses for styles.xml.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform') as new () => StylesXformLike;
// And the one it uses for a sheet's <conditionalFormatting> elements.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CfXform = require('exceljs/lib/xlsx/xform/sheet/cf/conditional-formatting-xform') as new () => CfXformLike;

/**
 * A sheet's validations, conditional formats and print setup from the format pass, per sheet: the
 * conditional formats through exceljs's own parser, each rule's dxf style resolved from styles.xml.
 */
async function sheetSetup(f: SheetFormats, dxf: (id: number) => Partial<ExcelJS.Style> | undefined): Promise<SheetSetup | null> {
  const s = f.setup;
  if (!s) return null;
  const conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] = [];
  for (const xml of s.conditionalFormattingXml) {
    try {
      const cf = await new CfXform().parseStream([xml]);
      if (!cf || !cf.ref || !Array.isArray(cf.rules)) continue;
      for (const rule of cf.rules as Array<{ dxfId?: number; style?: Partial<ExcelJS.Style> }>) {
        if (rule.dxfId !== undefined) {
          const style = dxf(rule.dxfId);
          if (style) rule.style = style;
          delete rule.dxfId;
        }
      }
      conditionalFormattings.push(cf);
    } catch {
      // A rule exceljs cannot read: left out, the cells keep their values and styles.
    }
  }
  return { pageSetup: s.pageSetup, headerFooter: s.headerFooter, dataValidations: s.dataValidations, conditionalFormattings };
}

function sheetLook(f: SheetFormats, grid: Grid | undefined, styleOf: (id: number) => Partial<ExcelJS.Style> | undefined, setup: SheetSetup | null): SheetLook {
  const hiddenRows = new Set(f.hiddenRows ?? []);
  const columns: Array<{ col: number; width?: number; hidden?: boolean }> = [];
  for (const c of f.cols) {
    if (!c.width && !c.hidden) continue;
    // A span such as min=1 max=16384 ("all columns") is cut after 1,024 columns: every unit's copy
    // makes one column object each, and nobody scrolls that far right in a budget table.
    const last = Math.min(c.max, c.min + 1023);
    for (let col = c.min; col <= last; col++) columns.push({ col, width: c.width, hidden: c.hidden || undefined });
  }
  let rows: number[] | null = null;
  // Notes and formula texts by row, then column: a row's cells then look them up by number, not
  // by a "row,col" key string made per cell (two million cells on a big sheet).
  const notes = byRow(f.notes, (n) => ({ texts: n.texts.map((text) => ({ text })) }) as unknown as ExcelJS.Comment);
  const formulas = byRow(f.formulas, (t) => t);
  const arrays = byRow(f.arrays ?? new Map<string, string>(), (ref) => ref);
  let arrayList: ArrayFormula[] | null = null;
  // Notes on cells the sheet XML has no <c> for (an empty cell may carry a note), by row.
  const loneNotes = new Map<number, number[]>();
  for (const [r, rowNotes] of notes) {
    const pairs = f.cells.get(r);
    for (const c of rowNotes.keys()) {
      let has = false;
      for (let i = 0; pairs && i < pairs.length && !has; i += 2) has = pairs[i] === c;
      if (has) continue;
      const list = loneNotes.get(r);
      if (list) list.push(c);
      else loneNotes.set(r, [c]);
    }
  }
  return {
    frozen: f.frozen ? { state: 'frozen', xSplit: f.frozen.xSplit, ySplit: f.frozen.ySplit, ...(f.frozen.topLeftCell ? { topLeftCell: f.frozen.topLeftCell } : {}) } as Partial<ExcelJS.WorksheetView> : null,
    columns,
    merges: () => (grid?.merges ?? []).map((m) => ({ top: m.top + 1, left: m.left + 1, bottom: m.bottom + 1, right: m.right + 1 })),
    rows() {
      if (!rows) {
        // Rows with a value (the grid's), as the copy from exceljs did: a row whose cells carry only
        // a style is left out, for exceljs's streaming writer drops such rows (no value, no height)
        // and both writers must give the same workbook. Its styled blanks beside values are kept.
        const set = new Set<number>(loneNotes.keys());
        grid?.cells.forEach((row, i) => {
          if (row && row.some((v) => v !== null && v !== undefined)) set.add(i + 1);
        });
        rows = [...set].sort((a, b) => a - b);
      }
      return rows;
    },
    height: (r) => f.heights.get(r),
    hidden: (r) => hiddenRows.has(r),
    setup: () => setup,
    arrays() {
      if (!arrayList) {
        arrayList = [];
        for (const [row, cols] of arrays) for (const [col, ref] of cols) arrayList.push({ row, col, ref });
      }
      return arrayList;
    },
    eachCell(r, visit) {
      const rowNotes = notes.get(r);
      const rowFormulas = formulas.get(r);
      const rowArrays = arrays.get(r);
      for (const c of loneNotes.get(r) ?? []) visit(c, undefined, undefined, rowNotes?.get(c));
      const pairs = f.cells.get(r);
      if (pairs) {
        for (let i = 0; i < pairs.length; i += 2) {
          const c = pairs[i];
          visit(c, pairs[i + 1] > 0 ? styleOf(pairs[i + 1]) : undefined, rowFormulas?.get(c), rowNotes?.get(c), rowArrays?.get(c));
        }
        return;
      }
      // A row the grid has but the pass saw no cells of (not in a well-formed file): values still copied.
      const gridRow = grid?.cells[r - 1];
      gridRow?.forEach((v, i) => {
        if (v !== null && v !== undefined) visit(i + 1, undefined, undefined, rowNotes?.get(i + 1));
      });
    },
  };
}

/** Entries keyed "row,col" (as the format pass keeps them) regrouped by row, then column, each value mapped. */
function byRow<T, U>(m: ReadonlyMap<string, T>, map: (v: T) => U): Map<number, Map<number, U>> {
  const out = new Map<number, Map<number, U>>();
  for (const [k, v] of m) {
    const comma = k.indexOf(',');
    const r = Number(k.slice(0, comma));
    let row = out.get(r);
    if (row === undefined) out.set(r, (row = new Map()));
    row.set(Number(k.slice(comma + 1)), map(v));
  }
  return out;
}

/** Turn a workbook's formats into the looks its sheet copies use (sheets matched to grids by name). */
export async function workbookLooks(formats: WorkbookFormats, grids: WorkbookGrids): Promise<WorkbookLooks> {
  const styles = new StylesXform();
  let parsed = false;
  if (formats.stylesXml) {
    try {
      await styles.parseStream([formats.stylesXml]);
      parsed = true;
    } catch {
      // A styles part exceljs cannot read: the copies keep values and layout, without cell styles.
    }
  }
  const cache = new Map<number, Partial<ExcelJS.Style> | undefined>();
  const styleOf = (id: number): Partial<ExcelJS.Style> | undefined => {
    if (!parsed) return undefined;
    if (cache.has(id)) return cache.get(id);
    let st: Partial<ExcelJS.Style> | undefined;
    try {
      st = styles.getStyleModel(id) ?? undefined;
    } catch {
      st = undefined;
    }
    if (st && Object.keys(st).length === 0) st = undefined;
    cache.set(id, st);
    return st;
  };
  const byName = new Map<string, SheetLook>();
  for (const f of formats.sheets) {
    if (byName.has(f.name)) continue;
    const dxf = (id: number) => {
      if (!parsed) return undefined;
      try {
        return styles.getDxfStyle(id);
      } catch {
        return undefined;
      }
    };
    byName.set(f.name, sheetLook(f, grids.sheets.find((g) => g.name === f.name), styleOf, await sheetSetup(f, dxf)));
  }
  return { sheet: (name) => byName.get(name) };
}
