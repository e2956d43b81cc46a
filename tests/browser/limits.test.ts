/**
 * Issue 19 item 8: the reader's limits hold in the offline page as in the CLI, with the same Chinese
 * sentence. Each hostile file (built as tests/cli/xlsx-stream/limits.test.ts builds them, with the
 * same writer) is refused by the shared reader in Node; the CLI prints that sentence (exit 2), and the
 * offline page (dist/web/budget-review-offline.html, `npm run build:web`), given the file together
 * with a good one, shows the same sentence as the file's DATA.UNREADABLE_FILE and still checks the other.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { readXlsxStream, XlsxReadError } from '../../src/io/xlsx-stream';
import { bytesSource } from '../../src/io/source';
import { cli } from '../cli/run-cli';
import { SHEET_HEAD, SHEET_TAIL, writeXlsx } from '../cli/xlsx-stream/xlsx-writer';
import { ensureBuilt, launch, ROOT, showAll, WEB } from './harness';
import { HEAVY } from './heavy-limit-files';

const MB = 1024 * 1024;
const EXAMPLE = path.join(ROOT, 'examples', '县教育局-明细-元.xlsx');

let browser: Browser;
let dir: string;

beforeAll(async () => {
  ensureBuilt();
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-page-limits-'));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function sheetRows(rows: Iterable<string>): Iterable<string> {
  return (function* () {
    yield SHEET_HEAD;
    yield* rows;
    yield SHEET_TAIL;
  })();
}

/** The hostile files, as the CLI's limit tests make them (default limits). */
const HOSTILE: Array<[string, (file: string) => void]> = [
  [
    'one cell in column XFD per row (widest column / grid area)',
    (file) =>
      writeXlsx(file, [{ name: '预算明细', xml: sheetRows((function* () {
        for (let r = 1; r <= 40_000; r++) yield `<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`;
      })()) }]),
  ],
  [
    'forty 99 MB sheets in a small file (total inflated bytes / whole-workbook ratio)',
    (file) => {
      const piece = '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(100_000);
      const sheet = sheetRows((function* () {
        for (let done = piece.length; done <= 99 * MB; done += piece.length) yield piece;
      })());
      writeXlsx(file, Array.from({ length: 40 }, (_x, i) => (i === 0 ? { name: '表1', xml: sheet } : { name: `表${i + 1}`, xml: '', sameDataAs: 0 })), { level: 9 });
    },
  ],
  [
    'a merged range over the whole sheet (grid area, merged cells)',
    (file) => writeXlsx(file, [{ name: '合并', xml: `${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>` }]),
  ],
  [
    'an unfinished XML tag past 1,048,576 characters (longest XML construct)',
    (file) => writeXlsx(file, [{ name: 'S', xml: sheetRows([`<row r="1"><c r="A1" x="${'a'.repeat(2 * MB)}"><v>1</v></c></row>`]) }]),
  ],
  [
    'a cell of over 1,048,576 characters (longest text of one cell)',
    (file) => writeXlsx(file, [{ name: 'S', xml: sheetRows([`<row r="1"><c r="A1" t="inlineStr"><is><t>${'字'.repeat(2 * MB)}</t></is></c></row>`]) }]),
  ],
  [
    'a sharedStrings bomb (one entry past 100 MB at over 100:1)',
    (file) => {
      const piece = '<si><t>x</t></si>'.repeat(100_000);
      writeXlsx(file, [{ name: '表1', xml: `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}` }], {
        level: 9,
        extraParts: [{ name: 'xl/sharedStrings.xml', body: (function* () {
          yield '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
          for (let done = 0; done <= 150 * MB; done += piece.length) yield piece;
          yield '</sst>';
        })() }],
      });
    },
  ],
];

/** The page, given `file` and a good example: the body text once checked (pageerrors must be none). */
async function pageText(file: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`file://${path.join(WEB, 'budget-review-offline.html')}`);
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  await page.getByTestId('file-input').setInputFiles([file, EXAMPLE]);
  await page.getByTestId('summary').waitFor({ timeout: 300_000 });
  await showAll(page);
  const text = await page.locator('body').innerText();
  await context.close();
  expect(errors).toEqual([]);
  return text;
}

// The limits only a big input reaches, at their default figures: the CLI and the page refuse the file
// with the same sentence (written out here: the figures are the documented defaults), and the page
// still checks the good file chosen with it.
describe.each(HEAVY)('%s, default limits: the same sentence in the CLI and in the offline page', (name, make, reason) => {
  test('refused by the CLI and the page alike', async () => {
    const file = path.join(dir, `heavy-${HEAVY.findIndex(([n]) => n === name)}.xlsx`);
    make(file);
    try {
      const r = await cli('check', file);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(reason);
      const text = await pageText(file);
      expect(text).toContain(reason);
      expect(text).toContain('县教育局-明细-元.xlsx');
    } finally {
      fs.rmSync(file, { force: true });
    }
  }, 600_000);
});

describe.each(HOSTILE)('%s: the same sentence in the CLI and in the offline page', (name, make) => {
  test('refused by the shared reader, the CLI and the page alike', async () => {
    const file = path.join(dir, `${HOSTILE.findIndex(([n]) => n === name)}-${name.slice(0, 12).replace(/\W/g, '_')}.xlsx`);
    make(file);
    let reason = '';
    try {
      await readXlsxStream(bytesSource(new Uint8Array(fs.readFileSync(file))), path.basename(file));
    } catch (e) {
      if (!(e instanceof XlsxReadError)) throw e;
      reason = e.reason;
    }
    expect(reason).toMatch(/已拒绝读取/);
    const r = await cli('check', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(reason);

    expect(await pageText(file)).toContain(reason);
  }, 240_000);
});
