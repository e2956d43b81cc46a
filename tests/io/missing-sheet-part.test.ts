/**
 * A sheet that workbook.xml lists but whose part the .xlsx lacks: it is reported with its name and
 * file (DATA.UNREADABLE_FILE at the sheet), never skipped silently. When the sheet is a 绩效目标 sheet
 * by its name, the file's projects are not called uncovered (PERF.NOT_COVERED): the goals it held are
 * unknown, so PERF.NOT_CHECKED says so. Same in the CLI and in the page's job.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkWorkbooks } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import { DEFAULT_SETTINGS } from '../../src/excel/settings';
import { isLoaded, loadInput, unreadableForCheck } from '../../src/cli/inputs';
import { readXlsxStream } from '../../src/io/xlsx-stream';
import { bytesSource } from '../../src/io/source';
import { readAndCheck } from '../../src/web/check-job';
import { cli } from '../cli/run-cli';
import { tempDir } from '../hardening/fixtures';

const EXAMPLE = path.resolve(__dirname, '../../examples/绩效示例-县级项目.xlsx');
const GOALS = '项目支出绩效目标表';

/** The example with some entries dropped and others rewritten. */
function repack(drop: string[], edit: Record<string, (xml: string) => string> = {}, from = EXAMPLE): Uint8Array {
  const entries = unzipSync(new Uint8Array(fs.readFileSync(from)));
  const out: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(entries)) {
    if (drop.includes(name) || name.endsWith('/')) continue;
    out[name] = edit[name] ? strToU8(edit[name](strFromU8(bytes))) : bytes;
  }
  return zipSync(out);
}

const withoutGoalsPart = () => repack(['xl/worksheets/sheet2.xml']);
const flat = (fs: ReadonlyArray<Finding>) => fs.map((f) => [f.rule, f.location.sheet ?? null]);

describe('the streaming reader', () => {
  test('names the sheet whose part is missing, and still reads the others', async () => {
    const r = await readXlsxStream(bytesSource(withoutGoalsPart()), 'a.xlsx');
    expect(r.grids.sheets.map((s) => s.name)).toEqual(['预算明细', '绩效指标清单']);
    expect(r.unreadableSheets).toEqual([{ sheet: GOALS, reason: '文件中缺少该表的数据' }]);
  });

  test('a sheet whose relationship is missing is named too', async () => {
    const bytes = repack([], { 'xl/_rels/workbook.xml.rels': (x) => x.replace(/<Relationship [^>]*Id="rId5"[^>]*\/>/, '') });
    const r = await readXlsxStream(bytesSource(bytes), 'a.xlsx');
    expect(r.unreadableSheets.map((s) => s.sheet)).toEqual([GOALS]);
  });

  test('a whole file lists no unreadable sheet', async () => {
    const r = await readXlsxStream(bytesSource(new Uint8Array(fs.readFileSync(EXAMPLE))), 'a.xlsx');
    expect(r.unreadableSheets).toEqual([]);
  });
});

describe('the check', () => {
  test('a DATA.UNREADABLE_FILE at the sheet, and no NOT_COVERED for projects whose goals may be in it', async () => {
    const r = await readXlsxStream(bytesSource(withoutGoalsPart()), 'a.xlsx');
    const report = checkWorkbooks([r.grids], { unreadable: r.unreadableSheets.map((s) => ({ file: 'a.xlsx', ...s })) });
    const unread = report.findings.filter((f) => f.rule === 'DATA.UNREADABLE_FILE');
    expect(flat(unread)).toEqual([['DATA.UNREADABLE_FILE', GOALS]]);
    expect(unread[0].location.file).toBe('a.xlsx');
    expect(unread[0].message).toContain(`「${GOALS}」表无法读取（文件中缺少该表的数据），该表未检查`);
    expect(report.findings.filter((f) => f.rule === 'PERF.NOT_COVERED' || f.rule === 'PERF.COVERAGE')).toEqual([]);
    const notChecked = report.findings.filter((f) => f.rule === 'PERF.NOT_CHECKED');
    expect(notChecked).toHaveLength(1);
    expect(notChecked[0].message).toContain(GOALS);
    expect(notChecked[0].message).toContain('不视为通过');
    // The goals the file still holds are checked as before.
    expect(report.findings.some((f) => f.rule === 'PERF.VAGUE_VALUE' && f.location.sheet === '绩效指标清单')).toBe(true);
  });

  test('a sheet that is no 绩效目标 sheet by its name: reported, and the PERF findings stand', async () => {
    const bytes = repack(['xl/worksheets/sheet2.xml'], { 'xl/workbook.xml': (x) => x.replace(`name="${GOALS}"`, 'name="附表"') });
    const r = await readXlsxStream(bytesSource(bytes), 'a.xlsx');
    const report = checkWorkbooks([r.grids], { unreadable: r.unreadableSheets.map((s) => ({ file: 'a.xlsx', ...s })) });
    expect(flat(report.findings.filter((f) => f.rule === 'DATA.UNREADABLE_FILE'))).toEqual([['DATA.UNREADABLE_FILE', '附表']]);
    expect(report.findings.filter((f) => f.rule === 'PERF.NOT_COVERED').length).toBeGreaterThan(0);
  });
});

describe('every door', () => {
  const dir = tempDir('missing-part');
  const file = path.join(dir, '绩效缺表.xlsx');
  beforeAll(() => fs.writeFileSync(file, withoutGoalsPart()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the CLI loader carries the sheet to the check', async () => {
    const loaded = await loadInput(file, '绩效缺表.xlsx');
    if (!isLoaded(loaded)) throw new Error(loaded.reason);
    expect(unreadableForCheck([], [loaded])).toEqual([{ file: '绩效缺表.xlsx', sheet: GOALS, reason: '文件中缺少该表的数据' }]);
  });

  test('check --json names the sheet; exit 1 for it', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await cli('check', '绩效缺表.xlsx', '--json', '--jobs', '1');
      expect(r.code).toBe(1);
      const findings = JSON.parse(r.stdout).findings as Finding[];
      expect(findings.filter((f) => f.rule === 'DATA.UNREADABLE_FILE').map((f) => f.location)).toEqual([{ file: '绩效缺表.xlsx', sheet: GOALS }]);
      expect(findings.filter((f) => f.rule === 'PERF.NOT_COVERED')).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });

  test('a file whose only detail sheet is missing: exit 2, and the sheet is named', async () => {
    const only = path.join(dir, '无明细.xlsx');
    fs.writeFileSync(only, repack(['xl/worksheets/sheet1.xml'], {}, path.resolve(__dirname, '../../examples/县教育局-明细-元.xlsx')));
    const r = await cli('check', only, '--json', '--jobs', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('「预算明细」表无法读取（文件中缺少该表的数据）');
  });

  test('the page’s job says the same', async () => {
    const job = await readAndCheck([new File([fs.readFileSync(file)], '绩效缺表.xlsx')], DEFAULT_SETTINGS);
    const findings = job.report?.findings ?? [];
    expect(findings.filter((f) => f.rule === 'DATA.UNREADABLE_FILE').map((f) => f.location)).toEqual([{ file: '绩效缺表.xlsx', sheet: GOALS }]);
    expect(findings.filter((f) => f.rule === 'PERF.NOT_COVERED')).toEqual([]);
    expect(job.bad).toEqual([]);
  });
});
