/**
 * What the review workbook needs to copy an input sheet with its look, read in one light pass over
 * the package instead of loading it whole into exceljs (which cost half of `check --out`, issue 14):
 * each cell's style index (s=), column widths and hidden columns, row heights and hidden rows, the
 * frozen pane, every cell's formula text (shared formulas resolved per cell, array formulas with
 * their range), the input's notes, the sheet's data validations, conditional formatting and print
 * setup (page setup, margins, print options, header/footer, print area and titles), and styles.xml
 * as text (turned into style objects by src/cli/copy-formats.ts, which may use exceljs). Values are
 * not read here: the grids of the streaming reader (index.ts) carry them, and a formula's cached
 * result is its grid value.
 */
import type ExcelJS from 'exceljs';
import { a1 } from '../../core/address';
import type { ByteSource } from '../source';
import { parsePart, readRels, readWorkbookInfo } from './parts';
import { slideFormula } from './shared-formula';
import { columnOf, decodeRef } from './sheet';
import { attrCursor, attrIs, attrs, decodeText, nextAttr, XmlHandler } from './xml';
import { DEFAULT_INFLATE_LIMITS, inflateEntry, InflateLimits, readZipDirectory, ZipDirectory } from './zip';

export { slideFormula };

export interface ColumnFormat {
  /** 1-based, inclusive. */
  min: number;
  max: number;
  width?: number;
  hidden: boolean;
}

export interface NoteText {
  /** The runs of the note's text, in order (their fonts are not kept). */
  texts: string[];
}

export interface SheetFormats {
  /** Name as Excel shows it (the grid's name). */
  name: string;
  cols: ColumnFormat[];
  /** 1-based row → its ht= height. */
  heights: Map<number, number>;
  /**
   * 1-based row → its cells as pairs [col, style, col, style, …] (1-based column, cellXfs index),
   * for every <c> of the row, in the order written: styled empty cells included.
   */
  cells: Map<number, number[]>;
  /**
   * "row,col" (1-based) → formula text, for every formula cell (with or without a cached value); a
   * shared formula's other cells get the master's text moved to them, as Excel reads it. An array
   * formula is listed on its first cell only (see arrays). Data-table formulas are not listed: their
   * cells are copied as their cached values.
   */
  formulas: Map<string, string>;
  /**
   * "row,col" of an array formula's first cell → the range it fills ("C2:C5"; "D2" for a one-cell
   * array formula). Its other cells hold only their cached values, as in the input.
   */
  arrays?: Map<string, string>;
  /** 1-based rows with hidden="1", ascending as written. */
  hiddenRows: number[];
  /** The sheet's data validations, conditional formatting and print setup (absent before issue 21's pass). */
  setup?: SheetSetupFormats;
  /** The frozen pane of the first sheet view, if any. */
  frozen: { xSplit: number; ySplit: number; topLeftCell?: string } | null;
  /** "row,col" (1-based) → the input's own note on that cell. */
  notes: Map<string, NoteText>;
}

/**
 * What a sheet carries besides its cells, read from the sheet XML (and workbook.xml's print names):
 * per sheet, not per cell, so carrying it costs nothing per row of the copy.
 */
export interface SheetSetupFormats {
  /**
   * <pageSetup>, <pageMargins>, <printOptions>, the fitToPage of <sheetPr><pageSetUpPr>, and the
   * sheet's _xlnm.Print_Area / _xlnm.Print_Titles, as the fields exceljs's own load gives them.
   * null when the sheet has none of them.
   */
  pageSetup: Partial<ExcelJS.PageSetup> | null;
  /** <headerFooter>, as exceljs's load gives it; null when absent. */
  headerFooter: Partial<ExcelJS.HeaderFooter> | null;
  /**
   * Each validated range (one sqref may list several) with its validation, in the order written.
   * Ranges are kept whole, not one entry per cell as exceljs's load makes them, so a validation over
   * a whole column costs one entry. Validations kept in <extLst> (x14, lists pointing at another
   * sheet in files from Excel 2010) are not read.
   */
  dataValidations: Array<{ range: string; validation: ExcelJS.DataValidation }>;
  /**
   * Each <conditionalFormatting> element as XML text, for exceljs's own parser on the CLI side,
   * which also resolves the rules' dxf styles from styles.xml. Rules kept in <extLst> (x14 data bars
   * and icon sets with Excel 2010 options) are not read.
   */
  conditionalFormattingXml: string[];
}

export interface WorkbookFormats {
  /** styles.xml as text ('' when the package has none). */
  stylesXml: string;
  sheets: SheetFormats[];
}

/** Collects one worksheet's formats from its XML events (alone, or beside the values pass: index.ts). */
export class FormatsBuilder implements XmlHandler {
  readonly out: SheetFormats;
  private readonly cur = attrCursor(0);
  private inSheetData = false;
  private row = 0;
  private col = 0;
  private pairs: number[] | null = null;
  private inCell = false;
  private inF = false;
  private hasV = false;
  private fText = '';
  /** The open <f>'s t= ('' for a normal formula), si= (shared formulas) and ref= (array formulas). */
  private fType = '';
  private fSi = '';
  private fRef = '';
  private hasF = false;
  /** Shared formulas of this sheet by si: the master's text and cell. */
  private readonly shared = new Map<string, { text: string; row: number; col: number }>();
  private views = 0;
  private readonly setup: SheetSetupFormats = { pageSetup: null, headerFooter: null, dataValidations: [], conditionalFormattingXml: [] };
  /** Depth inside <extLst> (its x14 copies of validations and rules are not read). */
  private ext = 0;
  /** The <dataValidation> being read, with its sqref. */
  private dv: { sqref: string; validation: ExcelJS.DataValidation } | null = null;
  /** The open <formula1>/<formula2> of a validation, or the open header/footer part. */
  private inPart: string | null = null;
  private partText = '';
  /** The <conditionalFormatting> being copied as XML text, with its depth. */
  private cfXml: string | null = null;
  private cfDepth = 0;

  constructor(name: string) {
    this.out = { name, cols: [], heights: new Map(), cells: new Map(), formulas: new Map(), arrays: new Map(), frozen: null, notes: new Map(), hiddenRows: [], setup: this.setup };
  }

  open(s: string, name: string, a: number, b: number): void {
    if (this.inCell) {
      if (name === 'f') {
        this.inF = true;
        this.hasF = true;
        this.fText = '';
        const x = attrs(s, a, b);
        this.fType = x.t ?? '';
        this.fSi = x.si ?? '';
        this.fRef = x.ref ?? '';
      } else if (name === 'v' || name === 'is') this.hasV = true;
      return;
    }
    if (!this.inSheetData) {
      this.openOutsideData(s, name, a, b);
      return;
    }
    const cur = this.cur;
    if (name === 'c') {
      if (!this.inSheetData || this.row <= 0) return;
      let col = 0;
      let style = 0;
      cur.pos = a;
      while (nextAttr(s, b, cur)) {
        if (cur.nameEnd - cur.nameStart !== 1) continue;
        const n = s.charCodeAt(cur.nameStart);
        if (n === 114 /* r */) col = columnOf(s, cur.valueStart, cur.valueEnd) + 1;
        else if (n === 115 /* s */) style = parseInt(s.slice(cur.valueStart, cur.valueEnd), 10) || 0;
      }
      if (col <= 0) col = this.col + 1; // a <c> without r= follows the previous cell
      this.col = col;
      if (!this.pairs) this.out.cells.set(this.row, (this.pairs = []));
      this.pairs.push(col, style);
      this.inCell = true;
      this.inF = false;
      this.hasF = false;
      this.hasV = false;
      this.fText = '';
    } else if (name === 'row') {
      let r = 0;
      let ht: number | undefined;
      let hidden = false;
      cur.pos = a;
      while (nextAttr(s, b, cur)) {
        if (attrIs(s, cur, 'r')) r = parseInt(s.slice(cur.valueStart, cur.valueEnd), 10);
        else if (attrIs(s, cur, 'ht')) ht = parseFloat(s.slice(cur.valueStart, cur.valueEnd));
        else if (attrIs(s, cur, 'hidden')) {
          const v = s.slice(cur.valueStart, cur.valueEnd);
          hidden = v === '1' || v === 'true';
        }
      }
      if (!(r > 0)) r = this.row + 1; // a <row> without r= follows the previous one
      this.row = r;
      this.col = 0;
      // A repeated row number replaces the earlier row, as in exceljs.
      this.pairs = null;
      this.out.cells.delete(r);
      if (ht !== undefined && Number.isFinite(ht) && ht > 0) this.out.heights.set(r, ht);
      if (hidden) this.out.hiddenRows.push(r);
    }
  }

  /** Elements outside <sheetData>: columns, the pane, and the sheet's validations, rules and print setup. */
  private openOutsideData(s: string, name: string, a: number, b: number): void {
    if (this.cfXml !== null) {
      this.cfXml += `<${name}${s.slice(a, b)}>`;
      this.cfDepth++;
      return;
    }
    if (this.ext > 0 || name === 'extLst') {
      this.ext++;
      return;
    }
    if (this.dv) {
      if (name === 'formula1' || name === 'formula2') {
        this.inPart = name;
        this.partText = '';
      }
      return;
    }
    if (this.inPart === 'headerFooter') {
      this.inPart = `headerFooter/${name}`;
      this.partText = '';
      return;
    }
    if (name === 'sheetData') {
      this.inSheetData = true;
    } else if (name === 'col') {
      const x = attrs(s, a, b);
      const min = parseInt(x.min ?? '', 10);
      const max = parseInt(x.max ?? '', 10);
      if (!(min > 0)) return;
      const width = x.width !== undefined ? parseFloat(x.width) : undefined;
      this.out.cols.push({ min, max: max >= min ? Math.min(max, 16384) : min, width: width !== undefined && Number.isFinite(width) && width > 0 ? width : undefined, hidden: x.hidden === '1' || x.hidden === 'true' });
    } else if (name === 'sheetView') {
      this.views++;
    } else if (name === 'pane') {
      if (this.views !== 1 || this.out.frozen) return;
      const x = attrs(s, a, b);
      if (x.state !== 'frozen') return;
      this.out.frozen = { xSplit: parseFloat(x.xSplit ?? '0') || 0, ySplit: parseFloat(x.ySplit ?? '0') || 0, ...(x.topLeftCell ? { topLeftCell: x.topLeftCell } : {}) };
    } else if (name === 'pageSetUpPr') {
      const v = attrs(s, a, b).fitToPage;
      if (v === '1' || v === 'true') this.page().fitToPage = true;
    } else if (name === 'pageSetup') {
      Object.assign(this.page(), pageSetupModel(attrs(s, a, b)));
    } else if (name === 'pageMargins') {
      const x = attrs(s, a, b);
      const m = (k: string, d: number) => (x[k] !== undefined && Number.isFinite(parseFloat(x[k])) ? parseFloat(x[k]) : d);
      this.page().margins = { left: m('left', 0.7), right: m('right', 0.7), top: m('top', 0.75), bottom: m('bottom', 0.75), header: m('header', 0.3), footer: m('footer', 0.3) };
    } else if (name === 'printOptions') {
      const x = attrs(s, a, b);
      const on = (k: string) => x[k] === '1' || x[k] === 'true';
      Object.assign(this.page(), { showRowColHeaders: on('headings'), showGridLines: on('gridLines'), horizontalCentered: on('horizontalCentered'), verticalCentered: on('verticalCentered') });
    } else if (name === 'headerFooter') {
      const x = attrs(s, a, b);
      const hf: Partial<ExcelJS.HeaderFooter> = {};
      if (x.differentFirst !== undefined) hf.differentFirst = x.differentFirst === '1' || x.differentFirst === 'true';
      if (x.differentOddEven !== undefined) hf.differentOddEven = x.differentOddEven === '1' || x.differentOddEven === 'true';
      this.setup.headerFooter = hf;
      this.inPart = 'headerFooter';
    } else if (name === 'dataValidation') {
      this.dv = dataValidationOpen(attrs(s, a, b));
    } else if (name === 'conditionalFormatting') {
      this.cfXml = `<${name}${s.slice(a, b)}>`;
      this.cfDepth = 1;
    }
  }

  private page(): Partial<ExcelJS.PageSetup> {
    return (this.setup.pageSetup ??= {});
  }

  close(name: string): void {
    if (this.inCell) {
      if (name === 'f') this.inF = false;
      else if (name === 'c') {
        this.inCell = false;
        if (this.hasF) this.cellFormula();
      }
      return;
    }
    if (this.inSheetData) {
      if (name === 'row') this.pairs = null;
      else if (name === 'sheetData') this.inSheetData = false;
      return;
    }
    if (this.cfXml !== null) {
      this.cfXml += `</${name}>`;
      if (--this.cfDepth === 0) {
        this.setup.conditionalFormattingXml.push(this.cfXml);
        this.cfXml = null;
      }
      return;
    }
    if (this.ext > 0) {
      this.ext--;
      return;
    }
    if (this.dv) {
      if (name === this.inPart) {
        this.dv.validation.formulae.push(validationFormula(this.dv.validation.type, decodeText(this.partText)));
        this.inPart = null;
      } else if (name === 'dataValidation') {
        const { sqref, validation } = this.dv;
        this.dv = null;
        if (validation.formulae.length === 0) {
          delete (validation as { operator?: string }).operator;
          delete (validation as { formulae?: unknown }).formulae;
        }
        // A date bound that is not a serial number (a reference) cannot be written by exceljs (it
        // writes dateToExcel(new Date(text))): such a validation is left out rather than garbled.
        if (validation.type === 'date' && (validation.formulae ?? []).some((f) => !(f instanceof Date))) return;
        for (const range of sqref.split(/\s+/)) if (range) this.setup.dataValidations.push({ range, validation });
      }
      return;
    }
    if (this.inPart?.startsWith('headerFooter')) {
      if (name === 'headerFooter') this.inPart = null;
      else if (this.inPart !== 'headerFooter') {
        (this.setup.headerFooter as Record<string, unknown>)[name] = decodeText(this.partText);
        this.inPart = 'headerFooter';
      }
    }
  }

  text(s: string, a: number, b: number): void {
    if (this.inF) this.fText += s.slice(a, b);
    else if (this.cfXml !== null) this.cfXml += s.slice(a, b);
    else if (this.inPart !== null && this.inPart !== 'headerFooter') this.partText += s.slice(a, b);
  }

  /** The closed cell's formula text, by its kind: normal, shared (master or other cell), array. */
  private cellFormula(): void {
    const text = this.fText !== '' ? decodeText(this.fText) : '';
    const at = `${this.row},${this.col}`;
    let formula = '';
    if (this.fType === '' || this.fType === 'normal') formula = text;
    else if (this.fType === 'shared') {
      if (text !== '') {
        formula = text;
        if (this.fSi !== '') this.shared.set(this.fSi, { text, row: this.row, col: this.col });
      } else {
        const m = this.shared.get(this.fSi);
        if (m) formula = slideFormula(m.text, m.row, m.col, this.row, this.col);
      }
    } else if (this.fType === 'array' && text !== '') {
      // Kept as an array formula over its range: written as a normal one it would compute another
      // thing (implicit intersection in older Excel, a spill blocked by its own cells in newer).
      formula = text;
      this.out.arrays?.set(at, this.fRef !== '' ? this.fRef : a1(this.row, this.col));
    }
    // Data-table formulas (t="dataTable", what-if tables) are left out: their cells keep their
    // cached values, since neither exceljs writer can write one.
    if (formula !== '') this.out.formulas.set(at, formula);
  }
}

/** <pageSetup>'s attributes as exceljs's PageSetupXform parses them (paper size only when given). */
function pageSetupModel(x: Record<string, string>): Partial<ExcelJS.PageSetup> {
  const int = (k: string, d: number) => {
    const v = parseInt(x[k] ?? '', 10);
    return Number.isFinite(v) ? v : d;
  };
  const out = {
    orientation: (x.orientation === 'landscape' ? 'landscape' : 'portrait'),
    horizontalDpi: int('horizontalDpi', 4294967295),
    verticalDpi: int('verticalDpi', 4294967295),
    pageOrder: (x.pageOrder === 'overThenDown' ? 'overThenDown' : 'downThenOver'),
    blackAndWhite: x.blackAndWhite === '1',
    draft: x.draft === '1',
    cellComments: (x.cellComments ?? 'None') as ExcelJS.PageSetup['cellComments'],
    errors: (x.errors ?? 'displayed') as ExcelJS.PageSetup['errors'],
    scale: int('scale', 100),
    fitToWidth: int('fitToWidth', 1),
    fitToHeight: int('fitToHeight', 1),
    firstPageNumber: int('firstPageNumber', 1),
    useFirstPageNumber: x.useFirstPageNumber === '1',
    usePrinterDefaults: x.usePrinterDefaults === '1',
    copies: int('copies', 1),
  } as Partial<ExcelJS.PageSetup>;
  if (x.paperSize !== undefined && Number.isFinite(parseInt(x.paperSize, 10))) out.paperSize = parseInt(x.paperSize, 10) as unknown as ExcelJS.PageSetup['paperSize'];
  return out;
}

/** A <dataValidation>'s attributes as exceljs's DataValidationsXform parses them. */
function dataValidationOpen(x: Record<string, string>): { sqref: string; validation: ExcelJS.DataValidation } {
  // 'any' (no type=) is a validation that only shows its prompt; exceljs's types leave it out.
  const type = (x.type ?? 'any') as string;
  const v: Record<string, unknown> = { type, formulae: [] };
  const bool = (k: string) => {
    if (x[k] !== undefined) v[k] = x[k] === '1' || x[k] === 'true';
  };
  if (x.type !== undefined) bool('allowBlank');
  bool('showInputMessage');
  bool('showErrorMessage');
  if (type !== 'any' && type !== 'list' && type !== 'custom') v.operator = x.operator ?? 'between';
  for (const k of ['promptTitle', 'prompt', 'errorStyle', 'errorTitle', 'error']) if (x[k] !== undefined) v[k] = x[k];
  return { sqref: x.sqref ?? '', validation: v as unknown as ExcelJS.DataValidation };
}

/** A validation bound as exceljs keeps it: numbers for whole/decimal/textLength, dates for date. */
function validationFormula(type: string, text: string): ExcelJS.DataValidation['formulae'][number] {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) return text;
  if (type === 'whole' || type === 'textLength' || type === 'decimal') return n;
  if (type === 'date') return new Date(Math.round((n - 25569) * 86400000));
  return text;
}

/** A comments part (xl/commentsN.xml): each <comment ref=…> with the text of its runs. */
async function readNotes(dir: ZipDirectory, part: string, limits: InflateLimits, into: Map<string, NoteText>): Promise<void> {
  let ref = '';
  let texts: string[] | null = null;
  let inT = false;
  let t = '';
  let phonetic = 0;
  await parsePart(dir, part, limits, {
    open(s, name, a, b) {
      if (name === 'comment') {
        ref = attrs(s, a, b).ref ?? '';
        texts = [];
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && texts && phonetic === 0) {
        inT = true;
        t = '';
      }
    },
    close(name) {
      if (name === 't' && inT) {
        inT = false;
        texts?.push(decodeText(t));
      } else if (name === 'rPh') phonetic--;
      else if (name === 'comment' && texts) {
        const at = decodeRef(ref);
        if (at) into.set(`${at.row + 1},${at.col + 1}`, { texts });
        texts = null;
      }
    },
    text(s, a, b) {
      if (inT) t += s.slice(a, b);
    },
    cdata(v) {
      if (inT) t += v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    },
  });
}

/**
 * The print area and print titles of each sheet, by sheet name, from workbook.xml's _xlnm names, in
 * the form exceljs's load gives them (printArea "A1:L20", several joined by "&&"; printTitlesRow
 * "1:3"; printTitlesColumn "A:B"). localSheetId counts every <sheet> of workbook.xml.
 */
async function readPrintNames(dir: ZipDirectory, part: string, limits: InflateLimits): Promise<Map<string, Partial<ExcelJS.PageSetup>>> {
  const sheets: string[] = [];
  const names: Array<{ name: string; local: number; text: string }> = [];
  let cur: { name: string; local: number; text: string } | null = null;
  await parsePart(dir, part, limits, {
    open(s, name, a, b) {
      if (name === 'sheet') sheets.push(exceljsName(attrs(s, a, b).name ?? ''));
      else if (name === 'definedName') {
        const x = attrs(s, a, b);
        cur = x.localSheetId !== undefined && (x.name === '_xlnm.Print_Area' || x.name === '_xlnm.Print_Titles') ? { name: x.name, local: parseInt(x.localSheetId, 10), text: '' } : null;
      }
    },
    close(name) {
      if (name === 'definedName' && cur) {
        names.push({ ...cur, text: decodeText(cur.text) });
        cur = null;
      }
    },
    text(s, a, b) {
      if (cur) cur.text += s.slice(a, b);
    },
  });
  const out = new Map<string, Partial<ExcelJS.PageSetup>>();
  for (const n of names) {
    const sheet = sheets[n.local];
    if (sheet === undefined) continue;
    let setup = out.get(sheet);
    if (!setup) out.set(sheet, (setup = {}));
    // Each range is "'name'!$A$1:$L$20" (or sheet unquoted); the sheet part is dropped, $ too.
    const ranges = n.text.split(',').map((r) => r.slice(r.lastIndexOf('!') + 1).replace(/\$/g, '').trim()).filter(Boolean);
    if (n.name === '_xlnm.Print_Area') {
      const areas = ranges.filter((r) => /^[A-Za-z]{1,3}\d+(:[A-Za-z]{1,3}\d+)?$/.test(r));
      if (areas.length) setup.printArea = [setup.printArea, ...areas].filter(Boolean).join('&&');
    } else {
      const rows = ranges.find((r) => /^\d+:\d+$/.test(r));
      const cols = ranges.find((r) => /^[A-Za-z]{1,3}:[A-Za-z]{1,3}$/.test(r));
      if (rows) setup.printTitlesRow = rows;
      if (cols) setup.printTitlesColumn = cols;
    }
  }
  return out;
}

/** A sheet name decoded as readWorkbookInfo gives it (exceljs decodes entities twice). */
function exceljsName(s: string): string {
  return s.replace(/&([a-z]*);/g, (c, n: string) => ({ lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' } as Record<string, string>)[n] ?? c);
}

async function readText(dir: ZipDirectory, part: string | null, limits: InflateLimits): Promise<string> {
  if (!part) return '';
  const entry = dir.entries.get(part);
  if (!entry) return '';
  const decoder = new TextDecoder('utf-8');
  let out = '';
  await inflateEntry(dir, entry, limits, (chunk) => (out += decoder.decode(chunk, { stream: true })));
  return out + decoder.decode();
}

/**
 * Read the formats of every worksheet (in workbook order, as the grids) of an .xlsx package.
 * `collected`, when given, holds the sheets' formats gathered by the streaming reader in its own pass
 * over the sheet XML (index.ts `formats`): then only styles.xml and the notes are read here, and no
 * worksheet is inflated a second time. It is used when it has one entry per worksheet, in order.
 */
export async function readXlsxFormats(source: ByteSource, limits: InflateLimits = DEFAULT_INFLATE_LIMITS, collected?: ReadonlyArray<SheetFormats>): Promise<WorkbookFormats> {
  const dir = await readZipDirectory(source, limits);
  const info = await readWorkbookInfo(dir, limits);
  const stylesXml = await readText(dir, info.stylesPart, limits);
  const reuse = collected !== undefined && collected.length === info.sheets.length && collected.every((f, i) => f.name === info.sheets[i].name);
  const printNames = await readPrintNames(dir, info.part, limits);
  const sheets: SheetFormats[] = [];
  for (let i = 0; i < info.sheets.length; i++) {
    const s = info.sheets[i];
    let out: SheetFormats;
    if (reuse) {
      // Notes are read here, into a copy: the collected formats are left as they came.
      out = { ...collected[i], notes: new Map() };
    } else {
      const b = new FormatsBuilder(s.name);
      await parsePart(dir, s.part, limits, b);
      out = b.out;
    }
    const names = printNames.get(s.name);
    if (names) out.setup = { ...(out.setup ?? { pageSetup: null, headerFooter: null, dataValidations: [], conditionalFormattingXml: [] }), pageSetup: { ...(out.setup?.pageSetup ?? {}), ...names } };
    for (const rel of await readRels(dir, s.part, limits)) {
      if (!rel.external && /\/comments$/.test(rel.type) && dir.entries.has(rel.target)) await readNotes(dir, rel.target, limits, out.notes);
    }
    sheets.push(out);
  }
  return { stylesXml, sheets };
}
