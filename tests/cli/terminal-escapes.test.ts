/**
 * Issue 19, item 14: cell text, sheet names and file names can carry terminal control sequences
 * (ESC [2J clears the screen, OSC 0 retitles the window, OSC 8 hides a link, BEL rings, C1 CSI acts
 * like ESC [). Nothing the CLI prints may carry them: human output has them removed; JSON keeps them
 * as data, written as \u escapes. A static test keeps every printing call in src/cli/print.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { jsonSafe, terminalSafe } from '../../src/cli/print';
import { createProgress } from '../../src/cli/progress';
import { cli, Run } from './run-cli';
import { colName, SHEET_HEAD, SHEET_TAIL, writeXlsx } from './xlsx-stream/xlsx-writer';

// Anything a terminal acts on: C0 but tab and line feed, DEL, C1, and bidirectional overrides.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const ESC = '\u001b';
const BEL = '\u0007';
const UNIT = `${ESC}]0;pwned${BEL}县教育局${ESC}]8;;http://evil.example/${ESC}\\点我${ESC}]8;;${ESC}\\`;
const AMOUNT = `${ESC}[2J${ESC}[31mabc\u009b2J`;
const SHEET = '明细';

let dir: string;
let file: string;

/** Excel's escape for characters XML cannot carry: _x001B_. */
function excelEscaped(s: string): string {
  return s.replace(/[\u0000-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-escapes-'));
  file = path.join(dir, `预算${ESC}[2J${BEL}.xlsx`);
  const strings = ['单位编码', '单位名称', '支出类型', '功能分类科目', '经济分类科目', '资金来源', '金额', excelEscaped(UNIT), '人员经费', '一般公共预算拨款', excelEscaped(AMOUNT), '公用经费'];
  const row = (r: number, cells: Array<[number, 's' | 'n']>) => `<row r="${r}">${cells.map(([v, t], c) => (t === 's' ? `<c r="${colName(c)}${r}" t="s"><v>${v}</v></c>` : `<c r="${colName(c)}${r}"><v>${v}</v></c>`)).join('')}</row>`;
  const xml = [
    SHEET_HEAD,
    row(1, [0, 1, 2, 3, 4, 5, 6].map((i) => [i, 's'])),
    row(2, [[101001, 'n'], [7, 's'], [8, 's'], [2050101, 'n'], [30101, 'n'], [9, 's'], [1000, 'n']]),
    row(3, [[101001, 'n'], [7, 's'], [11, 's'], [2050101, 'n'], [30201, 'n'], [9, 's'], [10, 's']]),
    SHEET_TAIL,
  ].join('');
  writeXlsx(file, [{ name: SHEET, xml }], { sharedStrings: strings });
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function expectClean(r: Run): void {
  expect(JSON.stringify(r.stdout.match(CONTROL))).toBe('null');
  expect(JSON.stringify(r.stderr.match(CONTROL))).toBe('null');
}

describe('nothing printed carries a terminal control sequence', () => {
  test('check: the human summary, from cell text and the file name', async () => {
    const r = await cli('check', file, '--jobs', '1');
    expect(r.code).toBe(1);
    expectClean(r);
    // The file name and the cell text are shown without their sequences.
    expect(r.stdout).toContain('预算.xlsx 明细!G3');
    expect(r.stdout).toContain('“abc”');
  });

  test('check --json: the control characters stay data, escaped', async () => {
    const r = await cli('check', file, '--json', '--jobs', '1');
    expect(r.code).toBe(1);
    expectClean(r);
    const j = JSON.parse(r.stdout) as { findings: Array<{ rule: string; message: string; unit?: { name?: string } }> };
    const bad = j.findings.find((f) => f.rule === 'DATA.BAD_AMOUNT');
    expect(bad?.message).toContain(`${ESC}[2J`);
    expect(bad?.message).toContain('\u009b2J');
    expect(r.stdout).toContain('\\u001b[2J');
    expect(r.stdout).toContain('\\u009b2J');
  });

  test('tables, --out and --per-unit-out messages, an unreadable file and a missing file', async () => {
    const runs = [
      await cli('tables', file, '--out', path.join(dir, `表${ESC}]0;x${BEL}.xlsx`)),
      await cli('check', file, '--out', path.join(dir, `审核${ESC}[2J.xlsx`), '--per-unit-out', path.join(dir, `单位${BEL}`), '--jobs', '1'),
      await cli('check', path.join(dir, `不存在${ESC}[2J.xlsx`)),
    ];
    const broken = path.join(dir, `坏${ESC}]0;t${BEL}.xlsx`);
    fs.writeFileSync(broken, 'PK\u0003\u0004 not a zip');
    runs.push(await cli('check', broken), await cli('check', broken, file, '--jobs', '1'), await cli('figures', broken), await cli('check', file, `--bogus${ESC}[2J`));
    for (const r of runs) expectClean(r);
    expect(runs[0].code).toBe(0);
    expect(runs[1].code).toBe(1);
    expect(runs[2].stderr).toContain('找不到文件');
    expect(runs[3].stderr).toContain('坏.xlsx'); // the OSC sequence, payload and all, is gone
  }, 60_000);

  test('the progress bar draws its own \\r and erase-line, and nothing from the file name', () => {
    const written: string[] = [];
    const stream = { isTTY: true, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream;
    const p = createProgress(2, stream);
    p.update(1, `已读取 a${ESC}]0;x${BEL}${ESC}[2J.xlsx`);
    p.finish();
    expect(written[0]).toBe('\r[############------------] 1/2 已读取 a.xlsx\x1b[K');
  });

  test('in a terminal: the progress lines of reading, of --out and of --per-unit-out carry only the bar’s own \\r and erase-line', async () => {
    const other = path.join(dir, `第二${ESC}]0;t${BEL}.xlsx`);
    fs.copyFileSync(file, other);
    const units = path.join(dir, `分单位${ESC}[2J`);
    const desc = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    let r: Run;
    try {
      r = await cli('check', file, other, '--out', path.join(dir, `审核${ESC}]0;x${BEL}.xlsx`), '--per-unit-out', units, '--jobs', '2', '--force');
    } finally {
      if (desc) Object.defineProperty(process.stderr, 'isTTY', desc);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
    expect(r.code).toBe(1);
    // The bar was drawn (reading, the review workbook, the unit files) …
    expect(r.stderr).toContain('已读取 预算.xlsx');
    expect(r.stderr).toContain('写出审核工作簿 审核.xlsx');
    expect(r.stderr).toContain('写出各单位审核工作簿');
    // The unit file is named without any remains of the sequences in the unit name.
    expect(r.stderr).toContain('1/1 已写出 101001 县教育局点我.xlsx');
    // … and once its own \r and ESC [K are taken out, nothing a terminal acts on is left.
    const bare = r.stderr.replace(/\r/g, '').split(`${ESC}[K`).join('');
    expect(JSON.stringify(bare.match(CONTROL))).toBe('null');
    expect(JSON.stringify(r.stdout.match(CONTROL))).toBe('null');
    fs.rmSync(other);
  }, 60_000);

  test('error messages from the reader, in the main thread and in worker threads, name sheets and files without their sequences', async () => {
    // A sheet named with OSC and BEL, over the area limit (one cell in XFD per row): the refusal names the sheet.
    const wide = path.join(dir, `宽${ESC}[2J.xlsx`);
    writeXlsx(wide, [{ name: `宽表${ESC}]0;x${BEL}`, xml: SHEET_HEAD + Array.from({ length: 4000 }, (_x, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join('') + SHEET_TAIL }]);
    const runs = [await cli('check', wide), await cli('check', wide, file, '--jobs', '1'), await cli('check', wide, file, '--jobs', '2'), await cli('check', wide, file, '--jobs', '2', '--json')];
    for (const r of runs) expectClean(r);
    expect(runs[0].code).toBe(2);
    expect(runs[0].stderr).toContain('工作表“宽表”第 3662 行用到了 XFD 列');
    expect(runs[0].stderr).toContain('宽.xlsx');
    for (const r of runs.slice(1, 3)) expect(r.stdout + r.stderr).toContain('工作表“宽表”第 3662 行用到了 XFD 列');
    // In JSON the sheet name stays data, escaped.
    expect(runs[3].stdout).toContain('\\u001b]0;x\\u0007');
    fs.rmSync(wide);
  }, 60_000);

  test('terminalSafe and jsonSafe', () => {
    expect(terminalSafe(`a${ESC}[2Jb${ESC}]0;title${BEL}c${ESC}]8;;http://x${ESC}\\link${ESC}]8;;${ESC}\\d${BEL}e\u009b31mf\u202eg\r\nh`)).toBe('abclinkdefg\nh');
    // An unterminated OSC ends at the line's end: the next lines are kept.
    expect(terminalSafe(`x${ESC}]0;never ends\n下一行\n`)).toBe('x\n下一行\n');
    expect(terminalSafe('普通文字\t制表\n')).toBe('普通文字\t制表\n');
    const j = jsonSafe(JSON.stringify({ a: '\u0085\u007f\u202e', b: ESC }));
    expect(j).toBe('{"a":"\\u0085\\u007f\\u202e","b":"\\u001b"}');
    expect(JSON.parse(j)).toEqual({ a: '\u0085\u007f\u202e', b: ESC });
  });
});

test('every write to stdout or stderr under src/cli goes through src/cli/print.ts', () => {
  const root = path.resolve(__dirname, '../../src/cli');
  const offenders: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name) && p !== path.join(root, 'print.ts')) {
        const text = fs.readFileSync(p, 'utf8');
        if (/process\.(stdout|stderr)\.write|console\.(log|error|warn|info)/.test(text)) offenders.push(path.relative(root, p));
      }
    }
  };
  walk(root);
  expect(offenders).toEqual([]);
});
