/**
 * Converts the stored text of published 公开表 (tests/fixtures/published/<id>/source.txt, kept as the
 * page or PDF text gave it) into table.csv, one grid row per table row. The conversion only splits
 * text into cells and places them in columns, as declared in each fixture's source.json; it never
 * changes, drops or adds a figure. tests/core/tables/filled/published.test.ts checks that every
 * committed table.csv is what this script writes today.
 *
 *   npx ts-node --transpile-only scripts/convert-published.ts
 *
 * Layouts of the stored text:
 * - "rows":   one table row per line, cells separated by "|" (HTML tables flattened by the crawler);
 * - "cells":  one cell per "|"-terminated token, `width` cells a row (each cell on its own line);
 * - "spaces": one row per line, cells separated by spaces (pdftotext-like text); rows with figures
 *   are right-aligned to `width` (the label first, the figures in the last columns), since blank
 *   cells leave no trace in such text.
 * `place` puts a line's first cell at a column (a header row below a merged caption); `left` lists
 * lines whose cells start at column 0 without right alignment (header rows).
 */
import * as fs from 'fs';
import * as path from 'path';

export interface ConversionSpec {
  readonly layout: 'rows' | 'cells' | 'spaces';
  /** Columns of the table. */
  readonly width: number;
  /** "cells": 0-based line where the cell tokens start; lines before it are one-cell rows. */
  readonly tableFrom?: number;
  /** 0-based line → 0-based column of its first cell. */
  readonly place?: Readonly<Record<string, number>>;
  /** "spaces": lines not right-aligned. */
  readonly left?: ReadonlyArray<number>;
}

function trimEnd(row: string[]): string[] {
  const out = row.slice();
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

function placed(cells: string[], at: number | undefined): string[] {
  return at ? [...Array<string>(at).fill(''), ...cells] : cells;
}

export function convertPublished(text: string, spec: ConversionSpec): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const rows: string[][] = [];
  if (spec.layout === 'cells') {
    const from = spec.tableFrom ?? 0;
    for (const l of lines.slice(0, from)) rows.push([l.trim()]);
    const tokens = lines.slice(from).join('\n').split('|').map((t) => t.trim());
    if (tokens[tokens.length - 1] === '') tokens.pop();
    for (let i = 0; i < tokens.length; i += spec.width) rows.push(trimEnd(tokens.slice(i, i + spec.width)));
    return rows;
  }
  lines.forEach((line, i) => {
    const at = spec.place?.[String(i)];
    if (spec.layout === 'rows') {
      const cells = line.includes('|') ? trimEnd(line.split('|').map((c) => c.trim())) : [line.trim()];
      rows.push(placed(cells, at));
      return;
    }
    const cells = line.trim() === '' ? [] : line.trim().split(/\s+/);
    if (cells.length >= 2 && !spec.left?.includes(i) && at === undefined) {
      const pad = Math.max(0, spec.width - cells.length);
      rows.push([cells[0], ...Array<string>(pad).fill(''), ...cells.slice(1)]);
    } else rows.push(placed(cells, at));
  });
  return rows;
}

/** RFC 4180 CSV with CRLF line ends, quoting only where needed. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

export const PUBLISHED_DIR = path.join(__dirname, '..', 'tests', 'fixtures', 'published');

/**
 * A whole published set (tests/fixtures/published-sets/<id>/): source.txt is `pdftotext -layout` of the
 * department's PDF, one page per form feed, each page one table. `cuts` are the character columns where
 * the page's table columns begin; a run of text goes to the column its first character falls in, and
 * the runs of one cell keep the spacing the PDF text had between them. Nothing is reordered or changed.
 */
export interface PageSpec {
  readonly cuts: ReadonlyArray<number>;
  /** Non-blank line index (0-based) → its own cuts, where a header line's captions stand off the columns. */
  readonly lines?: Readonly<Record<string, ReadonlyArray<number>>>;
  /**
   * Pairs [a, b] of non-blank line indexes: line b's cells go into line a's empty cells, line b is
   * dropped. A cell whose label wraps over two lines prints its code on one line and its figure on
   * the next (上海 2024 决算 基本支出决算表, right half); both belong to one table row. Two texts
   * for one cell are an error, never merged.
   */
  readonly merge?: ReadonlyArray<readonly [number, number]>;
  /**
   * Cells whose text the PDF wraps over several lines in a narrow cell (长春 2026: “1682.7” over “6”,
   * “0.0” over “0”, “一般公共服务” over “支出”, captions printed one character a line). Each join names
   * non-blank lines `lines` [a, b] (inclusive) and, optionally, the columns `cols` it applies to (all
   * when absent): in each such column the texts of lines a … b are joined top to bottom with nothing
   * between them, as the cell prints them, and stand on line `into` (a when absent). A line left with
   * no text is dropped. A cell (line, column) may belong to one join only, and not to a `merge` pair.
   */
  readonly join?: ReadonlyArray<{ readonly lines: readonly [number, number]; readonly into?: number; readonly cols?: ReadonlyArray<number> }>;
  /** The page continues the table of the page before: its rows are appended to that page's sheet. */
  readonly continues?: boolean;
  /**
   * With `continues`: the page's first `repeats` non-blank lines print again the table's title,
   * header (and 合计 line) as its first page has them (佛山 2019 决算: every page of a table opens
   * with 表N / title / 部门 / captions / 栏次 / 合计). They are not appended; each must be, spaces
   * aside, a line of the table's first page, or the conversion stops.
   */
  readonly repeats?: number;
}

export function convertPage(page: string, spec: PageSpec): string[][] {
  const rows: string[][] = [];
  let n = -1;
  for (const line of page.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') continue;
    n++;
    const cuts = spec.lines?.[String(n)] ?? spec.cuts;
    const cells: string[] = Array<string>(cuts.length).fill('');
    const spans: Array<[number, number] | undefined> = [];
    for (const m of line.matchAll(/\S+/g)) {
      const at = m.index ?? 0;
      let col = 0;
      while (col + 1 < cuts.length && at >= cuts[col + 1]) col++;
      const span = spans[col];
      spans[col] = span ? [span[0], at + m[0].length] : [at, at + m[0].length];
    }
    spans.forEach((span, col) => { if (span) cells[col] = line.slice(span[0], span[1]); });
    rows.push(cells);
  }
  const dropped = new Set<number>();
  const joined = new Set<string>();
  const emptied = new Set<number>();
  for (const { lines: [a, b], into = a, cols } of spec.join ?? []) {
    if (!(a < b) || b >= rows.length || into < a || into > b) throw new Error(`join ${a}–${b} into ${into}: not a range of the page's lines`);
    const width = Math.max(...rows.slice(a, b + 1).map((r) => r.length));
    const columns = cols ?? Array.from({ length: width }, (_, c) => c);
    for (const c of columns) {
      const texts: string[] = [];
      for (let i = a; i <= b; i++) {
        const key = `${i}:${c}`;
        if (joined.has(key)) throw new Error(`join ${a}–${b}: line ${i} column ${c} is already joined`);
        joined.add(key);
        const t = rows[i][c] ?? '';
        if (t === '') continue;
        texts.push(t);
        rows[i][c] = '';
        emptied.add(i);
      }
      while (rows[into].length <= c) rows[into].push('');
      rows[into][c] = texts.join('');
    }
  }
  for (const i of emptied) if (rows[i].every((t) => t === '')) dropped.add(i);
  for (const [a, b] of spec.merge ?? []) {
    if (emptied.has(a) || emptied.has(b)) throw new Error(`merge ${a}+${b}: a line of a join`);
    const into = rows[a];
    rows[b].forEach((t, c) => {
      if (t === '') return;
      if ((into[c] ?? '') !== '') throw new Error(`merge ${a}+${b}: column ${c} holds “${into[c]}” and “${t}”`);
      into[c] = t;
    });
    dropped.add(b);
  }
  return rows.filter((_, i) => !dropped.has(i)).map(trimEnd);
}

export const PUBLISHED_SETS_DIR = path.join(__dirname, '..', 'tests', 'fixtures', 'published-sets');

export function setIds(): string[] {
  if (!fs.existsSync(PUBLISHED_SETS_DIR)) return [];
  return fs.readdirSync(PUBLISHED_SETS_DIR).filter((d) => fs.existsSync(path.join(PUBLISHED_SETS_DIR, d, 'source.json'))).sort();
}

/**
 * The CSVs (one per table, in page order) a set's source.txt converts to. Files are named by the PDF
 * page the table starts on (`firstPage` when source.txt is a page range, `pdftotext -f N`); a page
 * that `continues` its table adds its rows to the sheet of the page before.
 */
export function convertSet(id: string): Array<{ file: string; csv: string }> {
  const dir = path.join(PUBLISHED_SETS_DIR, id);
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'source.json'), 'utf8')) as { pages: PageSpec[]; firstPage?: number };
  const pages = fs.readFileSync(path.join(dir, 'source.txt'), 'utf8').split('\f');
  const out: Array<{ file: string; rows: string[][] }> = [];
  const bare = (l: string) => l.replace(/\s+/g, '');
  let first: Set<string> = new Set();
  meta.pages.forEach((spec, i) => {
    let page = pages[i];
    if (spec.continues && spec.repeats) {
      const lines = page.split('\n');
      let left = spec.repeats;
      const kept = lines.filter((l) => {
        if (left === 0 || l.trim() === '') return true;
        left--;
        if (!first.has(bare(l))) throw new Error(`page ${i + 1}: “${l.trim()}” is not a line of the table's first page`);
        return false;
      });
      page = kept.join('\n');
    }
    const rows = convertPage(page, spec);
    if (spec.continues && out.length > 0) out[out.length - 1].rows.push(...rows);
    else {
      first = new Set(pages[i].split('\n').map(bare).filter((l) => l !== ''));
      out.push({ file: `p${String(i + (meta.firstPage ?? 1)).padStart(2, '0')}.csv`, rows });
    }
  });
  return out.map(({ file, rows }) => ({ file, csv: toCsv(rows) }));
}

export function fixtureIds(): string[] {
  return fs.readdirSync(PUBLISHED_DIR).filter((d) => fs.existsSync(path.join(PUBLISHED_DIR, d, 'source.json'))).sort();
}

/** The CSV a fixture's source.txt converts to. */
export function convertFixture(id: string): string {
  const dir = path.join(PUBLISHED_DIR, id);
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'source.json'), 'utf8')) as { conversion: ConversionSpec };
  return toCsv(convertPublished(fs.readFileSync(path.join(dir, 'source.txt'), 'utf8'), meta.conversion));
}

if (require.main === module) {
  for (const id of fixtureIds()) {
    const file = path.join(PUBLISHED_DIR, id, `${id}.csv`);
    fs.writeFileSync(file, convertFixture(id));
    process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
  }
  for (const id of setIds()) {
    for (const { file, csv } of convertSet(id)) {
      fs.writeFileSync(path.join(PUBLISHED_SETS_DIR, id, file), csv);
      process.stdout.write(`${path.relative(process.cwd(), path.join(PUBLISHED_SETS_DIR, id, file))}\n`);
    }
  }
}
