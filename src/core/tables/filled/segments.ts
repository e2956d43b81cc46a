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

function titleCandidates(cells: ReadonlyArray<ReadonlyArray<Cell>>): Candidate[] {
  const out: Candidate[] = [];
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r] ?? [];
    const texts = new Set<string>();
    let numbers = false;
    let first: Candidate | null = null;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'number') numbers = true;
      if (typeof v !== 'string' || v.trim() === '') continue;
      texts.add(v.trim());
      if (!first) {
        const m = matchTitle(v);
        if (m) first = { r, c, title: v.trim(), match: m };
      }
    }
    // A title stands (nearly) alone on its row: at most the unit line or a page mark beside it.
    if (first && !numbers && texts.size <= 3) out.push(first);
  }
  return out;
}

/** The tables on one sheet. */
export function findSegments(grid: Grid): Segment[] {
  const cells = fillMerges(grid);
  const cands = titleCandidates(cells);
  if (cands.length === 0) {
    const m = matchTitle(grid.name);
    if (!m) return [];
    return [{ grid, cells, match: m, title: grid.name, start: 0, end: cells.length }];
  }
  const spans = cands.map((cand, i) => {
    const end = i + 1 < cands.length ? cands[i + 1].r : cells.length;
    let bare = true;
    for (let r = cand.r + 1; r < end && bare; r++) if (!rowIsBlank(cells[r])) bare = false;
    return { cand, end, bare };
  });
  const bareCount = spans.filter((s) => s.bare).length;
  const kept = bareCount >= MIN_TOC_TITLES ? spans.filter((s) => !s.bare) : spans;
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
