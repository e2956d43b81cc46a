/**
 * Issue 7, "Hostile files", through the CLI in-process (tests/cli/run-cli.ts): each file gets one
 * clear Chinese sentence or proper findings, the exit code of SPEC §5.1, never a stack trace, and
 * never a hang (every test has a short timeout). The zip bomb and the 1,048,576-row sheet are tested
 * with the streaming reader in tests/cli/xlsx-stream/ (see docs/reliability.md).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import JSZip from 'jszip';
import * as path from 'path';
import { cli, Run } from '../cli/run-cli';
import { budgetXlsx, CLEAN, DIRTY, oleFile, tempDir } from './fixtures';
import { expectNoCrash, expectOneSentence } from './helpers';

const T = 30_000;
let dir: string;

beforeEach(() => {
  dir = tempDir('hostile');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Findings {
  findings: Array<{ rule: string; location: { file: string; sheet?: string; cell?: string; row?: number }; message: string }>;
  inputs: Array<{ file: string; lines: number }>;
}

function json(r: Run): Findings {
  return JSON.parse(r.stdout) as Findings;
}

/** Every command that reads inputs refuses the file alone with exit 2 and one sentence naming it. */
async function expectRefusedEverywhere(file: string, says: RegExp): Promise<void> {
  const runs = [
    await cli('check', file, '--json'),
    await cli('check', file, '--out', path.join(dir, 'review.xlsx')),
    await cli('tables', file, '--out', path.join(dir, 'tables.xlsx')),
    await cli('figures', file),
  ];
  for (const r of runs) {
    expect(r.code).toBe(2);
    expectOneSentence(r);
    expect(r.stderr).toContain(path.basename(file));
    expect(r.stderr).toMatch(says);
    expect(r.stdout).toBe('');
  }
  expect(fs.existsSync(path.join(dir, 'review.xlsx'))).toBe(false);
  expect(fs.existsSync(path.join(dir, 'tables.xlsx'))).toBe(false);
}

describe('files that cannot be read: one Chinese sentence, exit 2, nothing written', () => {
  test('a truncated .xlsx, cut at several points', async () => {
    const good = fs.readFileSync(await budgetXlsx(path.join(dir, 'good.xlsx'), [{ name: '预算明细', rows: CLEAN }]));
    for (const [name, len] of [['cut-head.xlsx', 30], ['cut-200.xlsx', 200], ['cut-half.xlsx', Math.floor(good.length / 2)], ['cut-tail.xlsx', good.length - 10]] as const) {
      const f = path.join(dir, name);
      fs.writeFileSync(f, good.subarray(0, len));
      await expectRefusedEverywhere(f, /不完整|损坏|不是有效的 \.xlsx/);
    }
  }, T);

  test('a non-zip file named .xlsx: text, HTML saved as .xlsx, random bytes, an empty file', async () => {
    const cases: Array<[string, Buffer | string]> = [
      ['text.xlsx', '单位名称,金额\n县教育局,100\n'],
      ['html.xlsx', '<html><body><table><tr><td>金额</td></tr></table></body></html>'],
      ['noise.xlsx', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))],
      ['empty.xlsx', ''],
    ];
    for (const [name, data] of cases) {
      const f = path.join(dir, name);
      fs.writeFileSync(f, data);
      await expectRefusedEverywhere(f, /不是有效的 \.xlsx|损坏|空的/);
    }
  }, T);

  test('a zip that holds no workbook, and a workbook whose sheet XML is garbage', async () => {
    const noWb = new JSZip();
    noWb.file('hello.txt', '你好');
    fs.writeFileSync(path.join(dir, 'nowb.xlsx'), await noWb.generateAsync({ type: 'nodebuffer' }));
    await expectRefusedEverywhere(path.join(dir, 'nowb.xlsx'), /不是有效的 \.xlsx|损坏/);

    const good = await JSZip.loadAsync(fs.readFileSync(await budgetXlsx(path.join(dir, 'g.xlsx'), [{ name: '预算明细', rows: CLEAN }])));
    good.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99999</v></c></row><row');
    fs.writeFileSync(path.join(dir, 'garbage.xlsx'), await good.generateAsync({ type: 'nodebuffer' }));
    fs.rmSync(path.join(dir, 'g.xlsx'));
    const r = await cli('check', path.join(dir, 'garbage.xlsx'), '--json');
    expect(r.code).toBe(2);
    expectOneSentence(r);
    expect(r.stderr).toContain('garbage.xlsx');
  }, T);

  test('an encrypted .xlsx (OLE2 with EncryptionInfo) says to remove the password', async () => {
    await expectRefusedEverywhere(oleFile(path.join(dir, 'secret.xlsx'), true), /加密/);
  }, T);

  test('.xls, .et and an .xls renamed .xlsx say 另存为 .xlsx', async () => {
    for (const name of ['old.xls', 'wps.et', 'renamed.xlsx']) {
      await expectRefusedEverywhere(oleFile(path.join(dir, name)), /另存为 \.xlsx/);
    }
  }, T);

  test('among several inputs, each unreadable file is DATA.UNREADABLE_FILE and the rest are checked (exit 1)', async () => {
    await budgetXlsx(path.join(dir, 'a-good.xlsx'), [{ name: '预算明细', rows: CLEAN }]);
    oleFile(path.join(dir, 'b-old.xls'));
    oleFile(path.join(dir, 'c-secret.xlsx'), true);
    fs.writeFileSync(path.join(dir, 'd-cut.xlsx'), fs.readFileSync(path.join(dir, 'a-good.xlsx')).subarray(0, 300));
    // A folder is searched for .xlsx and .csv only; name the .xls explicitly.
    const r = await cli('check', dir, path.join(dir, 'b-old.xls'), '--json');
    expectNoCrash(r);
    expect(r.code).toBe(1);
    const j = json(r);
    const unreadable = j.findings.filter((f) => f.rule === 'DATA.UNREADABLE_FILE').map((f) => path.basename(f.location.file)).sort();
    expect(unreadable).toEqual(['b-old.xls', 'c-secret.xlsx', 'd-cut.xlsx']);
    expect(j.inputs.map((i) => path.basename(i.file))).toEqual(['a-good.xlsx']);
    expect(j.inputs[0].lines).toBe(2);
  }, T);
});

function utf32le(text: string): Buffer {
  const cps = [0xfeff, ...Array.from(text, (ch) => ch.codePointAt(0)!)];
  const b = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => b.writeUInt32LE(cp, i * 4));
  return b;
}

describe('files that must be accepted', () => {
  const csvText = '单位：元\n单位编码,单位名称,支出类型,功能分类科目,经济分类科目,资金来源,金额\n'
    + '101001,县教育局,人员经费,2050101,30101,一般公共预算拨款,"1,200.00"\n'
    + '101001,县教育局,公用经费,2050101,30201,一般公共预算拨款,１２３．４５\n'
    + '101001,县教育局,公用经费,2050101,30205,一般公共预算拨款,－５０．００\n'
    + '101001,县教育局,公用经费,2050101,30202,一般公共预算拨款,abc\n';

  test.each([
    ['UTF-8', 'utf8.csv', Buffer.from(csvText, 'utf8')],
    ['UTF-8 with BOM', 'bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText, 'utf8')])],
    ['GB18030', 'gbk.csv', iconv.encode(csvText, 'gb18030')],
    // Issue 19, item 16: Excel's "Unicode text" and other exports write UTF-16 with a byte-order mark.
    ['UTF-16 LE with BOM', 'utf16le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText, 'utf16le')])],
    ['UTF-16 BE with BOM', 'utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(csvText, 'utf16le').swap16()])],
    ['UTF-16 LE without BOM', 'utf16le-nobom.csv', Buffer.from(csvText, 'utf16le')],
    ['UTF-32 LE with BOM', 'utf32le.csv', utf32le(csvText)],
    // Semicolons and tabs under a lone first line ("单位：元"): the delimiter comes from the header line.
    ['UTF-8, semicolons, a title line first', 'semicolon.csv', Buffer.from(csvText.replace(/,(?![\d]{3}\.)/g, ';'), 'utf8')],
    ['UTF-8, tabs, a title line first', 'tab.csv', Buffer.from(csvText.replace(/,(?![\d]{3}\.)/g, '\t'), 'utf8')],
    ['UTF-16 LE with BOM, tabs (Excel’s “Unicode text”)', 'unicode.txt.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText.replace(/,(?![\d]{3}\.)/g, '\t'), 'utf16le')])],
  ])('.csv in %s is read: lines, full-width digits, the Chinese minus and a bad amount at its cell', async (_enc, name, bytes) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, bytes);
    const r = await cli('check', f, '--json');
    expectNoCrash(r);
    expect(r.code).toBe(1);
    const j = json(r);
    expect(j.inputs[0].lines).toBe(3);
    const bad = j.findings.filter((f) => f.rule === 'DATA.BAD_AMOUNT');
    expect(bad).toHaveLength(1);
    expect(bad[0].location.cell).toBe('G6');
    expect(bad[0].message).toContain('abc');
    // "－５０．００" is −50.00 元 of 县教育局: the Chinese text and the look-alike characters survived decoding.
    const neg = j.findings.filter((f) => f.rule === 'DATA.NEGATIVE_AMOUNT');
    expect(neg.map((f) => f.location.cell)).toEqual(['G5']);
    expect(neg[0].message).toContain('县教育局');
    expect(neg[0].message).toContain('50.00');
  }, T);

  test('hidden and very hidden sheets are still checked', async () => {
    const f = await budgetXlsx(path.join(dir, 'hidden.xlsx'), [
      { name: '封面', rows: [] },
      { name: '隐藏明细', rows: DIRTY, state: 'hidden' },
      { name: '深度隐藏', rows: DIRTY, state: 'veryHidden' },
    ]);
    const r = await cli('check', f, '--json');
    expectNoCrash(r);
    expect(r.code).toBe(1);
    const at = json(r).findings.filter((x) => x.rule === 'DATA.BAD_AMOUNT').map((x) => `${x.location.sheet}!${x.location.cell}`).sort();
    expect(at).toEqual(['深度隐藏!G5', '隐藏明细!G5']);
  }, T);

  test('sheet names with quotes and spaces: finding addresses and the review workbook’s HYPERLINK formulas are right', async () => {
    const names = ["O'Brien 预算 明细", '县"教育"局 明细', "it''s  two"];
    const f = await budgetXlsx(path.join(dir, 'quoted.xlsx'), names.map((name) => ({ name, rows: DIRTY })));
    const out = path.join(dir, 'review.xlsx');
    const r = await cli('check', f, '--json', '--out', out);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    const bad = json(r).findings.filter((x) => x.rule === 'DATA.BAD_AMOUNT');
    expect(bad.map((x) => [x.location.sheet, x.location.cell, x.location.row]).sort()).toEqual(names.map((n) => [n, 'G5', 5]).sort());

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const results = wb.getWorksheet('审核结果')!;
    const targets: Array<[string, string]> = [];
    results.eachRow((row, n) => {
      if (n === 1 || row.getCell(10).value !== 'DATA.BAD_AMOUNT') return;
      const v = row.getCell(4).value as ExcelJS.CellFormulaValue;
      const m = /^HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/.exec(v.formula);
      expect(m).not.toBeNull();
      const target = m![1].replace(/""/g, '"');
      const ref = /^#'((?:[^']|'')*)'!([A-Z]+\d+)$/.exec(target);
      expect(ref).not.toBeNull();
      targets.push([ref![1].replace(/''/g, "'"), ref![2]]);
    });
    expect(targets.sort()).toEqual(names.map((n) => [n, 'G5']).sort());
    for (const [sheet, cell] of targets) {
      const copy = wb.getWorksheet(sheet);
      expect(copy).toBeDefined();
      expect(copy!.getCell(cell).value).toBe('abc');
      expect((copy!.getCell(cell).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    }
  }, T);
});
