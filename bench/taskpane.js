'use strict';
/**
 * SPEC §6 task-pane figure on the fake Excel host (src/testing/fake-excel): read a 100,000 × 20
 * budget sheet, check it with the core, and flag the 10,000 cells found wrong, counting
 * context.sync() calls and the largest request and response (UTF-8 JSON bytes).
 *
 * The sheet is the synthetic generator's (20 columns: 序号 … 备注) with a text amount ("待核")
 * planted on every 10th line row, so the check genuinely finds 10,000 DATA.BAD_AMOUNT cells.
 * Plain JavaScript on purpose: src/excel is typed against office.js and stays out of
 * tsconfig.build.json, so this file loads the TypeScript sources through ts-node instead of being
 * compiled into dist/. bench/run.ts runs it (`node bench/taskpane.js`); it prints one JSON line.
 */
require('ts-node').register({ transpileOnly: true, project: require('path').join(__dirname, '..', 'tsconfig.json') });
const { checkWorkbooks } = require('../src/core/check');
const { capsFromVersion } = require('../src/excel/caps');
const { flagFindings } = require('../src/excel/flag');
const { readWorkbook } = require('../src/excel/read');
const { FakeWorkbookModel, installFakeOffice } = require('../src/testing/fake-excel');
const { synthSheet } = require('../src/testing/synth');

async function main() {
  const s = synthSheet({ lines: 100000, units: 20, seed: 3, layout: 'long', serialColumn: true, remarkColumn: true, total: 'none' });
  const amountCol = s.expected.amountColumns[0].col;
  const rows = s.grid.cells.map((r) => r.slice());
  let planted = 0;
  for (let r = s.expected.firstDataRow; r < rows.length && planted < 10000; r += 10, planted++) rows[r][amountCol] = '待核';
  const width = Math.max(...rows.map((r) => r.length));

  const model = new FakeWorkbookModel(18);
  const uninstall = installFakeOffice(model);
  try {
    model.put(s.grid.name, rows.map((r) => Array.from({ length: width }, (_, c) => (r[c] === undefined ? null : r[c]))));
    for (const m of s.grid.merges || []) model.sheet(s.grid.name).merges.push(m);
    const caps = capsFromVersion(18);
    model.resetStats();
    const t0 = process.hrtime.bigint();
    const grids = await readWorkbook({ file: 'bench.xlsx', caps });
    const readSyncs = model.syncCount;
    const report = checkWorkbooks([grids]);
    const flagged = await flagFindings(report.findings, caps);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    process.stdout.write(
      JSON.stringify({
        ms,
        cells: rows.length * width,
        findings: report.findings.length,
        badAmounts: report.summary.byRule['DATA.BAD_AMOUNT'] || 0,
        flaggedCells: flagged.flaggedCells,
        readSyncs,
        syncs: model.syncCount,
        maxRequestBytes: model.maxRequestBytes(),
        maxResponseBytes: model.maxResponseBytes(),
        failedSyncs: model.failedSyncs().length,
      }) + '\n',
    );
  } finally {
    uninstall();
  }
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exitCode = 1;
});
