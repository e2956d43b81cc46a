/**
 * Where the tables stand: each recognised title opens a table that runs down to the row before the
 * next title (several tables stacked on one sheet), or the whole sheet when only the sheet name is a
 * title. A sheet that lists titles with nothing under them is a table of contents, not tables.
 */
import { Cell, Grid, cellText, fillMerges } from '../../grid';
import { TitleMatch, matchTitle } from './titles';

export interface Segment {
  readonly grid: Grid;
  /** Cells with merged areas filled with their top-left value. */
  readonly cells: ReadonlyArray<ReadonlyArray<Cell>>;
  readonly match: TitleMatch;
  readonly title: string;
  /** 0-based row and column of the title cell; undefined when the title is the sheet name. */
  readonly titleR?: number;
  readonly titleC?: number;
  /** 0-based rows [start, end) of the table body (below the title). */
  readonly start: number;
  readonly end: number;
}

/** Three bare titles on a sheet make it a contents list. */
const MIN_TOC_TITLES = 3;

function rowIsBlank(row: ReadonlyArray<Cell> | undefined): boolean {
  if (!row) return true;
  for (const v of row) if (cellText(v) !== '') return false;
  return true;
}

interface Candidate {
  r: number;
  c: number;
  title: string;
  match: TitleMatch;
}

/** A cheap test before normalising: titles are short and name a 表. */
function mayBeTitle(v: Cell): v is string {
  if (typeof v !== 'string' || v.length < 4 || v.length > 120) return false;
  const i = v.lastIndexOf('表');
  if (i < 0) return false;
  // The character before 表 (spaces allowed between): 总表, 支出表, 预算表, 目标表, 明细表, 情况表, 统计表.
  const before = v.slice(0, i).replace(/[\s　]+$/, '');
  return /[总出入算标细况计续]$/.test(before);
}

function titleCandidates(cells: ReadonlyArray<ReadonlyArray<Cell>>, limit = Infinity): Candidate[] {
  const out: Candidate[] = [];
  for (let r = 0; r < cells.length && out.length < limit; r++) {
    const row = cells[r];
    if (!row) continue;
    let first: Candidate | null = null;
    for (let c = 0; c < row.length && !first; c++) {
      const v = row[c];
      if (!mayBeTitle(v)) continue;
      const m = matchTitle(v);
      if (m) first = { r, c, title: v.trim(), match: m };
    }
    if (!first) continue;
    // A title stands (nearly) alone on its row: at most the unit line or a page mark beside it.
    const texts = new Set<string>();
    let numbers = false;
    for (const v of row) {
      if (typeof v === 'number') numbers = true;
      else if (typeof v === 'string' && v.trim() !== '') texts.add(v.trim());
    }
    if (!numbers && texts.size <= 3) out.push(first);
  }
  return out;
}

/** Rows searched for a table's own captions when neither a title nor the sheet name names it. */
const STRUCTURE_ROWS = 15;

/**
 * A table recognised by what it holds rather than by a title: the three “三公” items among its
 * captions or row labels (因公出国（境）费, 公务接待费, 公务用车…) make a “三公” table, whatever the
 * sheet is called. Other tables share their captions with one another (支出总表 and 一般公共预算支出表),
 * so only their titles tell them apart.
 */
export function matchStructure(grid: Grid): TitleMatch | null {
  let abroad = false;
  let reception = false;
  let vehicle = false;
  let final = false;
  for (let r = 0; r < Math.min(grid.cells.length, STRUCTURE_ROWS); r++) {
    for (const v of grid.cells[r] ?? []) {
      if (typeof v !== 'string' || v.length > 30) continue;
      if (/因公出国/.test(v)) abroad = true;
      if (/公务接待/.test(v)) reception = true;
      if (/公务用车/.test(v)) vehicle = true;
      if (/决算数/.test(v)) final = true;
    }
  }
  return abroad && reception && vehicle ? { kind: 'threePublic', family: 'national', stage: final ? 'final' : 'budget' } : null;
}

/** How many standard-table titles a sheet shows, counting up to `limit` (cheap: no merge filling). */
export function countTitles(grid: Grid, limit: number): number {
  const n = titleCandidates(grid.cells, limit).length;
  return n > 0 ? n : matchTitle(grid.name) || matchStructure(grid) ? 1 : 0;
}

function sameTable(a: TitleMatch, b: TitleMatch): boolean {
  return a.kind === b.kind && a.family === b.family && a.stage === b.stage;
}

/** The tables on one sheet. */
export function findSegments(grid: Grid): Segment[] {
  // Titles are found in the cells as written (a merged title keeps its text in its top-left cell);
  // merged areas are filled only for sheets that hold tables.
  const cands = titleCandidates(grid.cells);
  if (cands.length === 0) {
    const m = matchTitle(grid.name) ?? matchStructure(grid);
    if (!m) return [];
    const all = fillMerges(grid);
    return [{ grid, cells: all, match: m, title: grid.name, start: 0, end: all.length }];
  }
  const cells = fillMerges(grid);
  const spans = cands.map((cand, i) => {
    const end = i + 1 < cands.length ? cands[i + 1].r : cells.length;
    let bare = true;
    for (let r = cand.r + 1; r < end && bare; r++) if (!rowIsBlank(cells[r])) bare = false;
    return { cand, end, bare };
  });
  const bareCount = spans.filter((s) => s.bare).length;
  // A bare title right above a title of the same table is its section heading (福建 2026 单位预算:
  // "一、收支预算总表" over "2026 年度收支预算总表"): one table, under the second title.
  const heading = (i: number) => spans[i].bare && i + 1 < spans.length && sameTable(spans[i].cand.match, spans[i + 1].cand.match);
  const kept = bareCount >= MIN_TOC_TITLES ? spans.filter((s) => !s.bare) : spans.filter((_, i) => !heading(i));
  return kept.map(({ cand, end }) => ({
    grid,
    cells,
    match: cand.match,
    title: cand.title,
    titleR: cand.r,
    titleC: cand.c,
    start: cand.r + 1,
    end,
  }));
}
