/**
 * The worker's result in pieces (issue 12 part 3). One structured clone of a 100,000-line result
 * (grids, lines, findings) costs the page a ~4 s task to receive; sent as slices of a few thousand
 * rows each, every piece is a short task and the page keeps answering while it arrives.
 *
 * The worker sends the `skeleton` first (the result with those arrays emptied), then the `parts`
 * (slices of the big arrays, in order); the page appends each part where it came from as it arrives,
 * so no single task of the page handles more than one slice.
 */
import type { JobResult } from './check-job';

/** Rows (or lines, or findings) per message: a piece this size is received in well under 50 ms. */
export const CHUNK_ITEMS = 4000;

/** Which big array a part belongs to. */
export type PartTarget =
  | { kind: 'cells'; file: number; sheet: number }
  | { kind: 'lines' }
  | { kind: 'priorLines' }
  | { kind: 'findings' };

export interface ResultPart {
  target: PartTarget;
  items: unknown[];
}

/** Split `result` into parts and a skeleton, without copying the big arrays more than slicing does. */
export function splitResult(result: JobResult, chunk: number = CHUNK_ITEMS): { parts: ResultPart[]; skeleton: JobResult } {
  const parts: ResultPart[] = [];
  const slice = (target: PartTarget, items: ReadonlyArray<unknown>) => {
    for (let i = 0; i < items.length; i += chunk) parts.push({ target, items: items.slice(i, i + chunk) });
  };
  const ok = result.ok.map((f, file) => ({
    ...f,
    grids: {
      ...f.grids,
      sheets: f.grids.sheets.map((g, sheet) => {
        slice({ kind: 'cells', file, sheet }, g.cells);
        return { ...g, cells: [] };
      }),
    },
  }));
  let report = result.report;
  if (report) {
    slice({ kind: 'lines' }, report.lines);
    slice({ kind: 'priorLines' }, report.priorLines);
    slice({ kind: 'findings' }, report.findings);
    report = { ...report, lines: [], priorLines: [], findings: [] };
  }
  return { parts, skeleton: { ...result, ok, report } };
}

/** Rebuilds the result on the page: the skeleton, then each part appended as it arrives. */
export class ResultAssembler {
  private result: JobResult | null = null;

  start(skeleton: JobResult): void {
    this.result = skeleton;
  }

  add(part: ResultPart): void {
    const r = this.result;
    if (!r) throw new Error('审核结果的数据顺序错误');
    const t = part.target;
    const to = (t.kind === 'cells' ? r.ok[t.file].grids.sheets[t.sheet].cells : r.report ? r.report[t.kind] : null) as unknown[] | null;
    if (!to) return;
    for (const x of part.items) to.push(x);
  }

  finish(): JobResult {
    if (!this.result) throw new Error('后台审核线程没有返回结果');
    const r = this.result;
    this.result = null;
    return r;
  }
}
