/**
 * Issue 16 under hostile input: the example's 绩效目标 sheets (the national block layout and the
 * indicator list) with cells replaced by any cell at all, rows dropped or repeated and merges added,
 * in or out of range. checkWorkbooks never throws, no rule family fails (which the check would
 * report as “执行出错” rather than crash), every finding is well formed, and the 项目支出绩效目标表 is
 * still generated from what was read.
 */
import fc from 'fast-check';
import { checkWorkbooks } from '../../src/core/check';
import type { Cell, Grid, MergeRange } from '../../src/core/grid';
import { generateTables } from '../../src/core/tables';
import { hostileCellArb } from '../../src/testing/fuzz-grids';
import { performanceExampleWorkbook } from '../../src/testing/performance-example';
import { reportProblem } from './helpers';

const base = performanceExampleWorkbook();

interface Damage {
  cells: Array<{ row: number; col: number; cell: Cell }>;
  drop: number[];
  repeat: number[];
  merges: MergeRange[];
}

const damageArb: fc.Arbitrary<Damage> = fc.record({
  cells: fc.array(fc.record({ row: fc.nat(40), col: fc.nat(12), cell: hostileCellArb }), { maxLength: 25 }),
  drop: fc.array(fc.nat(40), { maxLength: 4 }),
  repeat: fc.array(fc.nat(40), { maxLength: 3 }),
  merges: fc.array(fc.record({ top: fc.integer({ min: -1, max: 42 }), left: fc.integer({ min: -1, max: 12 }), bottom: fc.integer({ min: -1, max: 45 }), right: fc.integer({ min: -1, max: 14 }) }), { maxLength: 4 }),
});

function damaged(g: Grid, d: Damage): Grid {
  const cells = g.cells.map((r) => [...r]);
  for (const { row, col, cell } of d.cells) {
    if (row >= cells.length) continue;
    const r = cells[row];
    while (r.length <= col) r.push(null);
    r[col] = cell;
  }
  for (const r of d.repeat) if (r < cells.length) cells.splice(r, 0, [...cells[r]]);
  const dropped = new Set(d.drop);
  return { ...g, cells: cells.filter((_, i) => !dropped.has(i)), merges: [...(g.merges ?? []), ...d.merges] };
}

test('绩效目标 sheets with hostile cells, rows and merges: no crash, no failed rule family, findings well formed', () => {
  let runs = 0;
  let read = 0;
  fc.assert(
    // The detail sheet is damaged on its own draw, or left whole (the lines PERF checks against).
    fc.property(damageArb, damageArb, fc.option(damageArb, { nil: null }), (block, list, detailDamage) => {
      const [detail, blockSheet, listSheet] = base.sheets;
      const wb = { file: base.file, sheets: [detailDamage ? damaged(detail, detailDamage) : detail, damaged(blockSheet, block), damaged(listSheet, list)] };
      const report = checkWorkbooks([wb]);
      runs++;
      if ((report.performance ?? []).some((g) => g.indicators.length > 0) && report.findings.some((f) => f.rule.startsWith('PERF.'))) read++;
      const problem = reportProblem(report, [wb]);
      if (problem) throw new Error(problem);
      const failed = report.findings.find((f) => /执行出错/.test(f.message));
      if (failed) throw new Error(failed.message);
      const [table] = generateTables(report.lines, { tables: ['projectPerformance'], performance: report.performance });
      if (report.lines.some((l) => l.kind === 'project') && table.rows.length === 0) throw new Error('项目支出绩效目标表 has no rows');
    }),
    { numRuns: 1500 },
  );
  // The damage leaves most sheets readable as 绩效目标: the PERF rules ran on what they held.
  expect(read).toBeGreaterThan(runs * 0.8);
});
