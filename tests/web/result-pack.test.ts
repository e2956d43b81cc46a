/** The worker's result packed in typed arrays comes back whole on the page, in short slices (issue 12). */
import { checkWorkbooks } from '../../src/core/check';
import { synthSheet } from '../../src/testing/synth';
import type { JobResult } from '../../src/web/check-job';
import { packResult, unpackResult } from '../../src/web/result-pack';

/** What the page receives: a structured clone with the typed arrays moved. */
function post<T>(x: T, transfer: ArrayBuffer[]): T {
  return structuredClone(x, { transfer });
}

function sample(): JobResult {
  const grid = synthSheet({ lines: 2500, units: 4, seed: 7, layout: 'long' }).grid;
  // A ragged row with a hole, a Date, an error cell and odd numbers, as readers can give them.
  const odd: unknown[] = ['文本', -0, NaN, 1e21, true, false, null, new Date(Date.UTC(2024, 0, 2)), { error: '#REF!' }];
  odd[12] = '后';
  const other = { name: '杂项', cells: [odd, [], ['\u0000含空字符\u0000', '😀']] as never, numFmts: new Map([['0,1', '0.00']]) as never };
  const grids = { file: 'a.xlsx', sheets: [grid, { name: '空表', cells: [] }, other] };
  const report = checkWorkbooks([grids]);
  return { ok: [{ name: 'a.xlsx', grids }], bad: [{ file: 'b.xls', reason: '旧版' }], report };
}

test('packed, moved and rebuilt equal to a structured clone of the whole, holes and shared objects kept', async () => {
  const result = sample();
  expect(result.report!.findings.length).toBeGreaterThan(0);
  expect(result.report!.lines.length).toBeGreaterThan(1000);
  const whole = structuredClone(result);

  const { packed, transfer } = packResult(result);
  // Each distinct text crosses once.
  const texts = Array.from(packed.ends, (end, i) => packed.pool.slice(i ? packed.ends[i - 1] : 0, end));
  expect(new Set(texts).size).toBe(texts.length);
  expect(texts.length).toBeLessThan(packed.ops.length / 10);
  // The worker's own result is left as it was.
  expect(result.ok[0].grids.sheets[0].cells.length).toBe(whole.ok[0].grids.sheets[0].cells.length);
  const got = (await unpackResult(post(packed, transfer)))!;
  expect(got).toEqual(whole);
  const odd = got.ok[0].grids.sheets[2].cells[0] as unknown[];
  expect(odd.length).toBe(13);
  expect(10 in odd).toBe(false);
  expect(Object.is(odd[1], -0)).toBe(true);
  expect(odd[7]).toBeInstanceOf(Date);
  // Lines of one sheet share their source again, as they do in the worker.
  const lines = got.report!.lines;
  expect(lines[0].src).toBe(lines[lines.length - 1].src);
  // The typed arrays moved: nothing of them is left on the worker's side.
  expect(packed.ops.length).toBe(0);
});

test('rebuilt in slices: the page gets a turn between them, and the items come in order', async () => {
  const result = sample();
  const whole = structuredClone(result);
  const { packed, transfer } = packResult(result);
  let turns = 0;
  // A zero-length slice: a turn after every 64 items.
  const got = (await unpackResult(post(packed, transfer), 0, async () => {
    turns++;
  }))!;
  expect(turns).toBeGreaterThanOrEqual(Math.floor(whole.report!.lines.length / 64));
  expect(got.report!.lines.map((l) => l.row)).toEqual(whole.report!.lines.map((l) => l.row));
  expect(got).toEqual(whole);
});

test('stopped after a turn (取消 while rebuilding): no result, and no more work', async () => {
  const { packed, transfer } = packResult(sample());
  let turns = 0;
  const got = await unpackResult(post(packed, transfer), 0, async () => {
    turns++;
  }, () => turns >= 3);
  expect(got).toBeNull();
  expect(turns).toBe(3);
});

test('damaged data is an error, not a silent wrong result', async () => {
  const { packed } = packResult(sample());
  packed.ops[0] = -99;
  await expect(unpackResult(packed)).rejects.toThrow('审核结果的数据已损坏');
});
