import type { Cell, Grid, MergeRange } from '../../../src/core/grid';
import { checkWorkbooks, CheckOptions, CheckReport } from '../../../src/core/check';
import type { Finding } from '../../../src/core/findings';

export function grid(name: string, cells: Cell[][], merges: MergeRange[] = []): Grid {
  return { name, cells, merges };
}

export function check(grids: Grid[], opts: CheckOptions = {}, file = 'a.xlsx'): CheckReport {
  return checkWorkbooks([{ file, sheets: grids }], opts);
}

/** Flattened findings for table-style assertions: [rule, cell or row or '', severity]. */
export function flat(findings: Finding[], prefix = 'DATA.'): [string, string, string][] {
  return findings
    .filter((f) => f.rule.startsWith(prefix))
    .map((f) => [f.rule, f.location.cell ?? (f.location.row ? `row ${f.location.row}` : f.location.sheet ?? ''), f.severity] as [string, string, string]);
}
