'use strict';
/**
 * Issue 11's two bench rows on the strict fake Excel host (src/testing/fake-excel, Excel on the web
 * profile: 5 MB per request and response, GeneralException as one face of it, getRanges limits):
 *
 *   node bench/taskpane-limits.js clear    clear 20,000 flags (fills with original formats of several
 *                                          kinds, and notes with real-length Chinese messages)
 *   node bench/taskpane-limits.js results  write 审核结果 with 40,000 findings
 *
 * Only the measured action is counted: context.sync() calls, the largest accepted request and
 * response (UTF-8 JSON bytes, with office.js's per-op overhead), failed syncs. Prints one JSON line.
 * Plain JavaScript loading the TypeScript sources through ts-node, like bench/taskpane.js.
 */
require('ts-node').register({ transpileOnly: true, project: require('path').join(__dirname, '..', 'tsconfig.json') });
const { capsFromVersion } = require('../src/excel/caps');
const { clearFlags, flagFindings } = require('../src/excel/flag');
const { writeResultsSheet } = require('../src/excel/results');
const { FakeWorkbookModel, installFakeOffice } = require('../src/testing/fake-excel');

const UNITS = ['县教育局机关', '县第一中学', '县实验小学', '县教师进修学校', '县职业技术学校'];

/** As long as the core's real messages: about 90–140 characters of Chinese. */
function message(i) {
  return `单位“${UNITS[i % UNITS.length]}”（编码 ${String(101001 + (i % 97)).padStart(6, '0')}）第 ${i + 2} 行：功能分类科目 2050201（学前教育）、经济分类科目 30201（办公费）的预算数 ${(1234.5 + i).toFixed(2)} 万元，较上年执行数增长 ${(i % 40) + 11}%，超过一般性支出压减要求，请核实测算依据，并在“审核说明”中写明原因。`;
}

function finding(sheet, cell, i) {
  return { rule: i % 4 ? 'GENERAL_CUT.INSUFFICIENT' : 'DATA.NEGATIVE_AMOUNT', severity: i % 4 ? 'error' : 'warning', location: { file: 'bench.xlsx', sheet, cell, row: Number(cell.slice(1)) }, message: message(i), unit: { code: String(101001 + (i % 97)).padStart(6, '0'), name: UNITS[i % UNITS.length] } };
}

function sheetRows(n) {
  const rows = [['单位名称', '功能分类科目', '部门经济分类科目', '支出类型', '金额', '备注']];
  for (let i = 0; i < n; i++) rows.push([UNITS[i % UNITS.length], '2050201', '30201', '基本支出', 1000 + (i % 997), i % 3 ? '' : '按上年实际测算']);
  return rows;
}

async function main() {
  const kind = process.argv[2];
  const model = FakeWorkbookModel.forHost('web');
  const caps = capsFromVersion(model.apiVersion);
  const uninstall = installFakeOffice(model);
  try {
    let detail;
    let t0;
    if (kind === 'clear') {
      const s = model.put('明细', sheetRows(200_000));
      for (let i = 0; i < 20_000; i += 7) s.setFill(1 + i * 10, 4, i % 2 ? { color: '#00B050', pattern: 'Solid', tintAndShade: 0 } : { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000', tintAndShade: 0.4, patternTintAndShade: -0.2 });
      const findings = [];
      for (let i = 0; i < 20_000; i++) findings.push(finding('明细', `E${2 + i * 10}`, i));
      const flagged = await flagFindings(findings, caps);
      model.resetStats();
      t0 = process.hrtime.bigint();
      const r = await clearFlags(caps);
      detail = { flaggedCells: flagged.flaggedCells, restoredCells: r.restoredCells, notesRemoved: r.notesRemoved, fillsLeft: s.fills.size };
    } else if (kind === 'results') {
      model.put('明细', sheetRows(10));
      const findings = [];
      for (let i = 0; i < 40_000; i++) findings.push(finding('明细', `E${2 + i}`, i));
      model.resetStats();
      t0 = process.hrtime.bigint();
      await writeResultsSheet(findings, caps, []);
      detail = { rows: model.sheet('审核结果').rows.length };
    } else throw new Error('usage: taskpane-limits.js clear|results');
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (process.env.BENCH_SYNCS) console.error(JSON.stringify(model.syncs));
    process.stdout.write(JSON.stringify({ kind, ms, syncs: model.syncCount, maxRequestBytes: model.maxRequestBytes(), maxResponseBytes: model.maxResponseBytes(), failedSyncs: model.failedSyncs().length, ...detail }) + '\n');
  } finally {
    uninstall();
  }
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exitCode = 1;
});
