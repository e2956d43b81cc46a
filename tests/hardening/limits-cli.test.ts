/**
 * Issue 19, item 7 through the command line: a file over one of the reader's limits is one clear
 * finding (DATA.UNREADABLE_FILE with the Chinese sentence), and the other files of a folder run are
 * checked and written as usual — with worker threads reading and without.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cli } from '../cli/run-cli';
import { SHEET_HEAD, SHEET_TAIL, writeXlsx } from '../cli/xlsx-stream/xlsx-writer';
import { budgetXlsx, CLEAN, DIRTY, tempDir } from './fixtures';
import { expectNoCrash } from './helpers';

let dir: string;
beforeEach(() => {
  dir = tempDir('limits');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function* xfdRows(n: number): Generator<string> {
  yield SHEET_HEAD;
  let b = '';
  for (let r = 1; r <= n; r++) b += `<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`;
  yield b;
  yield SHEET_TAIL;
}

test.each([['1'], ['2']])('a folder with a good file, a 200 KB file of one cell in XFD per row and a whole-sheet merge (--jobs %s): two findings, the good file checked, --out written', async (jobs) => {
  await budgetXlsx(path.join(dir, 'a-good.xlsx'), [{ name: '预算明细', rows: DIRTY }]);
  await budgetXlsx(path.join(dir, 'd-good.xlsx'), [{ name: '预算明细', rows: CLEAN }]);
  writeXlsx(path.join(dir, 'b-xfd.xlsx'), [{ name: '预算明细', xml: xfdRows(40_000) }], { level: 9 });
  writeXlsx(path.join(dir, 'c-merge.xlsx'), [{ name: '合并', xml: `${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>` }]);
  const out = path.join(dir, 'review.xlsx');
  const r = await cli('check', dir, '--json', '--out', out, '--jobs', jobs);
  expectNoCrash(r);
  expect(r.code).toBe(1);
  const j = JSON.parse(r.stdout) as { inputs: Array<{ file: string; lines: number }>; findings: Array<{ rule: string; location: { file: string }; message: string }> };
  const unreadable = j.findings.filter((f) => f.rule === 'DATA.UNREADABLE_FILE');
  expect(unreadable.map((f) => path.basename(f.location.file)).sort()).toEqual(['b-xfd.xlsx', 'c-merge.xlsx']);
  expect(unreadable.find((f) => f.location.file.endsWith('b-xfd.xlsx'))!.message).toContain('表格过宽或过大，已拒绝读取（工作表“预算明细”第 3662 行用到了 XFD 列');
  expect(unreadable.find((f) => f.location.file.endsWith('c-merge.xlsx'))!.message).toContain('合并单元格区域过大');
  expect(j.inputs.map((i) => [path.basename(i.file), i.lines])).toEqual([['a-good.xlsx', 1], ['d-good.xlsx', 2]]); // a-good's second line has a bad amount
  expect(j.findings.some((f) => f.rule === 'DATA.BAD_AMOUNT' && f.location.file.endsWith('a-good.xlsx'))).toBe(true);
  expect(fs.existsSync(out)).toBe(true);
  // Each is said once on stderr, as one line.
  expect(r.stderr.split('\n').filter((l) => l.includes('b-xfd.xlsx'))).toHaveLength(1);
}, 120_000);

test('the same file alone: exit 2 and the one sentence', async () => {
  const file = path.join(dir, 'xfd.xlsx');
  writeXlsx(file, [{ name: '预算明细', xml: xfdRows(40_000) }], { level: 9 });
  for (const cmd of [['check', file], ['check', file, '--out', path.join(dir, 'r.xlsx')], ['tables', file, '--out', path.join(dir, 't.xlsx')], ['figures', file]]) {
    const r = await cli(...cmd);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('表格过宽或过大');
    expect(fs.readdirSync(dir)).toEqual(['xfd.xlsx']);
  }
}, 120_000);
