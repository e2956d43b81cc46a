/**
 * What the review workbook needs to copy an input sheet with its look, read in one light pass over
 * the package instead of loading it whole into exceljs (which cost half of `check --out`, issue 14):
 * each cell's style index (s=), column widths and hidden columns, row heights, the frozen pane, the
 * formula text of cells without a cached value, the input's notes, and styles.xml as text (turned
 * into style objects by src/cli/copy-formats.ts, which may use exceljs). Values are not read here:
 * the grids of the streaming reader (index.ts) carry them.
 */
import type { ByteSource } from '../source';
import { parsePart, readRels, readWorkbookInfo } from './parts';
import { columnOf, decodeRef } from './sheet';
import { attrCursor, attrIs, attrs, decodeText, nextAttr, XmlHandler } from './xml';
import { DEFAULT_INFLATE_LIMITS, inflateEntry, InflateLimits, readZipDirectory, ZipDirectory } from './zip';

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
  /** "row,col" (1-based) → formula text, for formula cells without a cached value only. */
  formulas: Map<string, string>;
  /** The frozen pane of the first sheet view, if any. */
  frozen: { xSplit: number; ySplit: number; topLeftCell?: string } | null;
  /** "row,col" (1-based) → the input's own note on that cell. */
  notes: Map<string, NoteText>;
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
  private views = 0;

  constructor(name: string) {
    this.out = { name, cols: [], heights: new Map(), cells: new Map(), formulas: new Map(), frozen: null, notes: new Map() };
  }

  open(s: string, name: string, a: number, b: number): void {
    if (this.inCell) {
      if (name === 'f') {
        this.inF = true;
        this.fText = '';
      } else if (name === 'v' || name === 'is') this.hasV = true;
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
      this.hasV = false;
      this.fText = '';
    } else if (name === 'row') {
      if (!this.inSheetData) return;
      let r = 0;
      let ht: number | undefined;
      cur.pos = a;
      while (nextAttr(s, b, cur)) {
        if (attrIs(s, cur, 'r')) r = parseInt(s.slice(cur.valueStart, cur.valueEnd), 10);
        else if (attrIs(s, cur, 'ht')) ht = parseFloat(s.slice(cur.valueStart, cur.valueEnd));
      }
      if (!(r > 0)) r = this.row + 1; // a <row> without r= follows the previous one
      this.row = r;
      this.col = 0;
      // A repeated row number replaces the earlier row, as in exceljs.
      this.pairs = null;
      this.out.cells.delete(r);
      if (ht !== undefined && Number.isFinite(ht) && ht > 0) this.out.heights.set(r, ht);
    } else if (name === 'sheetData') {
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
    }
  }

  close(name: string): void {
    if (this.inCell) {
      if (name === 'f') this.inF = false;
      else if (name === 'c') {
        this.inCell = false;
        // Only a formula without a cached value shows its text in the copy (writableValue).
        if (!this.hasV && this.fText !== '') this.out.formulas.set(`${this.row},${this.col}`, decodeText(this.fText));
      }
      return;
    }
    if (name === 'row') this.pairs = null;
    else if (name === 'sheetData') this.inSheetData = false;
  }

  text(s: string, a: number, b: number): void {
    if (this.inF) this.fText += s.slice(a, b);
  }
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
    for (const rel of await readRels(dir, s.part, limits)) {
      if (!rel.external && /\/comments$/.test(rel.type) && dir.entries.has(rel.target)) await readNotes(dir, rel.target, limits, out.notes);
    }
    sheets.push(out);
  }
  return { stylesXml, sheets };
}
