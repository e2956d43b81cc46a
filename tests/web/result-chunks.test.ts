/** The worker's result sent in pieces comes back whole, each piece small (issue 12 part 3). */
import { checkWorkbooks } from '../../src/core/check';
import { synthSheet } from '../../src/testing/synth';
import type { JobResult } from '../../src/web/check-job';
import { ResultAssembler, splitResult } from '../../src/web/result-chunks';

test('split into slices of at most the chunk size, sent as separate clones, and put back equal to the whole', () => {
  const grid = synthSheet({ lines: 2500, units: 4, seed: 7, layout: 'long' }).grid;
  const grids = { file: 'a.xlsx', sheets: [grid, { name: '空表', cells: [] }] };
  const report = checkWorkbooks([grids]);
  expect(report.findings.length).toBeGreaterThan(0);
  const result: JobResult = { ok: [{ name: 'a.xlsx', grids }], bad: [{ file: 'b.xls', reason: '旧版' }], report };
  const whole = structuredClone(result);

  const { parts, skeleton } = splitResult(result, 500);
  for (const p of parts) expect(p.items.length).toBeLessThanOrEqual(500);
  expect(parts.filter((p) => p.target.kind === 'cells').length).toBe(Math.ceil(grid.cells.length / 500));
  expect(parts.filter((p) => p.target.kind === 'lines').length).toBe(Math.ceil(report.lines.length / 500));
  // The worker's own result is left as it was.
  expect(result.ok[0].grids.sheets[0].cells.length).toBe(grid.cells.length);

  const a = new ResultAssembler();
  a.start(structuredClone(skeleton));
  for (const p of parts) a.add(structuredClone(p));
  expect(a.finish()).toEqual(whole);
});

test('a part before the skeleton is an error, not a silent loss', () => {
  const a = new ResultAssembler();
  expect(() => a.add({ target: { kind: 'lines' }, items: [1] })).toThrow('审核结果的数据顺序错误');
  expect(() => a.finish()).toThrow('后台审核线程没有返回结果');
});
