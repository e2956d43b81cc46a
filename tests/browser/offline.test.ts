/**
 * The offline page in a real browser (Debian chromium): served under the CSP (no 'unsafe-eval',
 * connect-src 'self') with office.js unreachable, and as the single file opened from disk.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import * as iconv from 'iconv-lite';
import { readCsvBuffer } from '../../src/cli/read-csv';
import { workbookToGrids } from '../../src/io/read-xlsx';
import { checkWorkbooks } from '../../src/core/check';
import { explanationKey } from '../../src/core/explain';
import { findingUnitKey } from '../../src/core/per-unit';
import { PARAM_LABEL_ZH } from '../../src/core/config';
import { ROW_METRICS, WORKBOOK_FIGURES } from '../../src/core/figures/figures';
import { reportUnits } from '../../src/io/review-workbook';
import { unitFileName, uniqueFileNames } from '../../src/io/file-name';
import { cli } from '../cli/run-cli';
import { EXAMPLE_DRAFT } from '../../scripts/make-figures-example';
import { BUDGET_STRINGS, budgetSheetXml, writeXlsx } from '../cli/xlsx-stream/xlsx-writer';
import { artifact, ensureBuilt, launch, OFFICE_JS, ROOT, serve, showAll, WEB } from './harness';

const EXAMPLE = path.join(ROOT, 'examples', '县教育局-明细-元.xlsx');
const RULES_EXAMPLE = path.join(ROOT, 'examples', '规则示例-县级汇总.xlsx');
const FIGURES_EXAMPLE = path.join(ROOT, 'examples', '预算执行-示例.xlsx');
const FIGURES_TEMPLATE = path.join(ROOT, 'examples', '工作报告模板.txt');

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  ensureBuilt();
  server = await serve();
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(): Promise<{ page: Page; violations: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const violations: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  // Nothing may leave the machine: every request outside the page's own origin fails.
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(server.url) || u.startsWith('file:') || u.startsWith('blob:') || u.startsWith('data:')) return route.continue();
    return route.abort('internetdisconnected');
  });
  return { page, violations, errors };
}

/** Wait until `fn` gives `want` (focus moves and re-checks finish a moment after the click). */
async function poll<T>(fn: () => Promise<T>, want: T, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  let got = await fn();
  while (got !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    got = await fn();
  }
  expect(got).toBe(want);
}

async function summaryCount(page: Page): Promise<number> {
  const text = await page.getByTestId('summary').innerText();
  const m = /共\s*([\d,]+)\s*条/.exec(text);
  if (!m) throw new Error(`no summary in "${text}"`);
  return Number(m[1].replace(/,/g, ''));
}

test('served page without internet: falls back to files within seconds, checks an example, downloads the review workbook', async () => {
  const { page, violations, errors } = await newPage();
  const t0 = Date.now();
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  expect(Date.now() - t0).toBeLessThan(8000);
  await page.getByTestId('file-input').setInputFiles(EXAMPLE);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  const total = await summaryCount(page);
  expect(total).toBeGreaterThan(0);
  await showAll(page);
  // Rows are added a few dozen per frame after the first: wait for the whole page of them.
  await poll(() => page.getByTestId('finding').count(), Math.min(total, 200 * 40));
  await page.screenshot({ path: artifact('offline-check.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载审核工作簿' }).click()]);
  const file = artifact('offline-审核结果.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const results = wb.getWorksheet('审核结果');
  expect(results).toBeDefined();
  // One row per finding under the header.
  let rows = 0;
  results!.eachRow((_r, n) => void (n > 1 && rows++));
  expect(rows).toBe(total);
  expect(wb.getWorksheet('单位汇总')).toBeDefined();
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
  expect(OFFICE_JS).toContain('appsforoffice');
}, 120_000);

test('cell text is shown as text, never as HTML', async () => {
  const { page, errors } = await newPage();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('明细');
  ws.addRow(['单位名称', '功能分类科目', '部门经济分类科目', '支出类型', '金额']);
  ws.addRow(['教育局', '2010101', '30201', '基本支出', '<img src=x onerror="window.__pwned=1">']);
  ws.addRow(['教育局', '2010101', '30202', '基本支出', '<b>abc</b>']);
  ws.addRow(['教育局', '2010101', '30201', '基本支出', 100]);
  const file = artifact('hostile.xlsx');
  await wb.xlsx.writeFile(file);
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  await page.getByLabel('按单位').check();
  await showAll(page);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('main img').count()).toBe(0);
  const text = await page.locator('main').innerText();
  expect(text).toContain('<img src=x onerror=');
  expect(text).toContain('<b>abc</b>');
  expect(errors).toEqual([]);
}, 120_000);

test('the single-file offline page works from file://', async () => {
  const { page, errors } = await newPage();
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const file = path.join(WEB, 'budget-review-offline.html');
  expect(fs.statSync(file).size).toBeGreaterThan(100_000);
  await page.goto(`file://${file}`);
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  await page.getByTestId('file-input').setInputFiles(EXAMPLE);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  expect(await summaryCount(page)).toBeGreaterThan(0);
  // The inlined worker read and checked the file, started from a blob: URL.
  expect(workers.length).toBeGreaterThan(0);
  expect(workers[0]).toMatch(/^blob:/);
  await page.getByRole('tab', { name: '报表' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载报表工作簿' }).click()]);
  const out = artifact('offline-报表.xlsx');
  await download.saveAs(out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.length).toBeGreaterThanOrEqual(9);
  await page.screenshot({ path: artifact('offline-file-tables.png'), fullPage: true });
  expect(errors).toEqual([]);
}, 120_000);

// ---- .csv, 报告数字, 审核说明 round trip, keyboard --------------------------------------------------

const CSV_ROWS = [
  ['单位名称', '项目名称', '功能分类科目', '部门经济分类科目', '支出类型', '金额'],
  ['县教育局', '', '2050201', '30101', '基本支出', '120000'],
  ['县教育局', '', '2050201', '30201', '基本支出', '一百元'],
  ['县第二中学', '', '2050202', '30201', '基本支出', '-500'],
  ['县第二中学', '校舍维修', '2050202', '31006', '项目支出', '"80,000.00"'],
];

test('.csv in GB18030 and in UTF-8: decoded, checked and in the review workbook, as the CLI reads them', async () => {
  const { page, errors } = await newPage();
  const text = CSV_ROWS.map((r) => r.join(',')).join('\r\n') + '\r\n';
  const gbFile = artifact('明细-GB18030.csv');
  const utfFile = artifact('明细-UTF8.csv');
  fs.writeFileSync(gbFile, iconv.encode(text, 'gb18030'));
  fs.writeFileSync(utfFile, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
  // What the CLI's reader and the core make of the same bytes.
  const expected = checkWorkbooks([readCsvBuffer(fs.readFileSync(gbFile), '明细-GB18030.csv'), readCsvBuffer(fs.readFileSync(utfFile), '明细-UTF8.csv')]);
  expect(expected.summary.errors).toBeGreaterThan(0);

  await page.goto(`${server.url}/taskpane.html`);
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  expect(await page.getByTestId('file-input').getAttribute('accept')).toContain('.csv');
  await page.getByTestId('file-input').setInputFiles([gbFile, utfFile]);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  expect(await summaryCount(page)).toBe(expected.findings.length);
  await page.getByLabel('按单位').check();
  await showAll(page);
  const shown = await page.locator('main').innerText();
  // Chinese cells decoded right in both encodings: the unit names and the bad amount's text.
  for (const name of ['县第二中学', '一百元', '明细-GB18030!', '明细-UTF8!']) expect(shown).toContain(name);
  expect(shown).not.toContain('\uFFFD');
  // Errors were found: the banner is a warning with the counts, not a green success.
  expect(await page.getByTestId('status').getAttribute('data-intent')).toBe('warning');
  expect(await page.getByTestId('status').innerText()).toContain(`错误 ${expected.summary.errors} 条`);
  await page.screenshot({ path: artifact('offline-csv.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载审核工作簿' }).click()]);
  const out = artifact('offline-csv-审核结果.xlsx');
  await download.saveAs(out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  let rows = 0;
  wb.getWorksheet('审核结果')!.eachRow((_r, n) => void (n > 1 && rows++));
  expect(rows).toBe(expected.findings.length);
  // Both CSVs are copied as sheets, Chinese intact.
  const copied = wb.worksheets.filter((w) => /明细-(GB18030|UTF8)/.test(w.name));
  expect(copied).toHaveLength(2);
  for (const w of copied) expect(w.getCell('A2').value).toBe('县教育局');
  expect(errors).toEqual([]);
}, 120_000);

test('报表 → 报告数字 on files: the paragraph of the example template equals `budget-review figures`, figures .xlsx downloads', async () => {
  const { page, errors, violations } = await newPage();
  const cliRun = await cli('figures', FIGURES_EXAMPLE, '--template', FIGURES_TEMPLATE, '--json');
  const want = JSON.parse(cliRun.stdout) as { text: string; figures: Record<string, { value: number }> };
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  // An execution workbook alone: no budget lines to check, and the page says where its figures are.
  await page.getByTestId('file-input').setInputFiles(FIGURES_EXAMPLE);
  await page.getByTestId('status').filter({ hasText: '报告数字' }).waitFor({ timeout: 30_000 });
  await page.getByRole('tab', { name: '报表' }).click();
  await page.getByRole('tab', { name: '报告数字' }).waitFor();
  expect(await page.getByRole('tab', { name: '报告数字' }).getAttribute('aria-selected')).toBe('true');
  // Without a 模板 sheet the tab opens on 报告原文 (issue 17); the placeholder template is one click away.
  await page.getByRole('radio', { name: '占位符模板' }).check();
  const box = page.getByRole('textbox', { name: /段落模板/ });
  expect(await box.inputValue()).toContain('{一般公共预算收入.本期累计:万元}');
  await box.fill(fs.readFileSync(FIGURES_TEMPLATE, 'utf8'));
  await page.getByRole('button', { name: '计算报告数字' }).click();
  await page.getByTestId('figures-paragraph').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('figures-paragraph').innerText()).toBe(want.text);
  expect(await page.getByTestId('figures-unresolved').count()).toBe(0);
  await page.screenshot({ path: artifact('offline-figures.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载数字表' }).click()]);
  const out = artifact('offline-报告数字.xlsx');
  await download.saveAs(out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('报告数字')!;
  const byName = new Map<string, unknown>();
  ws.eachRow((r) => void byName.set(String(r.getCell(1).value), r.getCell(2).value));
  expect(byName.get('一般公共预算收入.本期累计')).toBe(want.figures['一般公共预算收入.本期累计'].value);
  expect(byName.get('一般公共预算收入.超序时')).toBeCloseTo(want.figures['一般公共预算收入.超序时'].value, 9);
  let paragraph = '';
  ws.eachRow((r) => void (r.getCell(1).value === want.text && (paragraph = want.text)));
  expect(paragraph).toBe(want.text);

  // A placeholder that cannot be filled is listed, and kept in the paragraph.
  await box.fill('土地出让收入同比{土地出让收入.同比:%}。');
  await page.getByRole('button', { name: '计算报告数字' }).click();
  await page.getByTestId('figures-unresolved').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('figures-paragraph').innerText()).toBe('土地出让收入同比{土地出让收入.同比:%}。');
  expect(await page.getByTestId('figures-unresolved').innerText()).toContain('{土地出让收入.同比:%}');
  expect(await page.getByTestId('status').getAttribute('data-intent')).toBe('warning');
  await page.screenshot({ path: artifact('offline-figures-unresolved.png'), fullPage: true });
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
}, 120_000);

test('an explanation typed on the page is in the downloaded workbook, and re-checking it finds it explained', async () => {
  const { page, errors } = await newPage();
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  await page.getByTestId('file-input').setInputFiles(RULES_EXAMPLE);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  await showAll(page);
  // The first finding keyed by its cell (not a unit-level one), found the same way in Node.
  const original = new ExcelJS.Workbook();
  await original.xlsx.readFile(RULES_EXAMPLE);
  const expected = checkWorkbooks([workbookToGrids(original, path.basename(RULES_EXAMPLE))]).findings;
  const all = page.getByTestId('finding');
  const keys = await all.evaluateAll((els) => els.map((e) => [e.getAttribute('data-rule'), e.getAttribute('data-at')]));
  const index = keys.findIndex(([r, at]) => expected.some((f) => f.rule === r && f.location.cell && `${f.location.sheet}!${f.location.cell}` === at && explanationKey(f).at === at));
  expect(index).toBeGreaterThanOrEqual(0);
  const row = all.nth(index);
  const [rule, at] = keys[index] as [string, string];
  const [sheet, cell] = at.split('!');
  await row.getByRole('button', { name: '填写说明' }).click();
  // A labelled dialog with a title; the editor takes focus; saving brings focus back to the row's button.
  const dialog = page.getByRole('dialog', { name: `审核说明：${path.basename(RULES_EXAMPLE)} · ${at}` });
  await dialog.getByText('填写审核说明').waitFor();
  const box = dialog.getByRole('textbox');
  await poll(() => box.evaluate((el) => el === document.activeElement), true);
  await page.keyboard.type('已与单位核实，按县政府文件执行');
  await dialog.getByRole('button', { name: '保存说明' }).click();
  await dialog.waitFor({ state: 'detached' });
  await row.getByText('已说明：已与单位核实，按县政府文件执行').waitFor();
  await poll(() => row.getByRole('button', { name: '修改说明' }).evaluate((el) => el === document.activeElement), true);
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifact('offline-explained.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载审核工作簿' }).click()]);
  const out = artifact('offline-explained-审核结果.xlsx');
  await download.saveAs(out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  // The example has its own 审核说明 (copied as is); the typed one is in ours.
  const ours = wb.worksheets.filter((w) => w.name.startsWith('审核说明')).pop()!;
  expect(ours.name).toBe('审核说明(2)');
  const rows: string[][] = [];
  ours.eachRow((r) => rows.push([1, 2, 3, 4].map((c) => String(r.getCell(c).value ?? ''))));
  expect(rows[0]).toEqual(['规则', '单位', '位置', '说明']);
  expect(rows).toContainEqual([rule, expect.any(String), `${sheet}!${cell}`, '已与单位核实，按县政府文件执行']);

  const report = checkWorkbooks([workbookToGrids(wb, '审核结果.xlsx')]);
  const again = report.findings.find((f) => f.rule === rule && f.location.sheet === sheet && f.location.cell === cell);
  expect(again).toMatchObject({ explained: true, explanation: '已与单位核实，按县政府文件执行' });
  expect(errors).toEqual([]);
}, 120_000);

test('keyboard: Tab walks the page in reading order and never lands on the hidden file input', async () => {
  const { page, errors } = await newPage();
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  await page.getByTestId('file-input').setInputFiles(RULES_EXAMPLE);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const seen: Array<{ label: string; after: boolean; hiddenInput: boolean }> = [];
  await page.evaluate(() => ((window as unknown as { __prev: Element | null }).__prev = null));
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => {
      const w = window as unknown as { __prev: Element | null };
      const el = document.activeElement!;
      const after = !w.__prev || !!(w.__prev.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
      w.__prev = el;
      return { label: (el.getAttribute('aria-label') || (el as HTMLElement).innerText || el.tagName).trim().slice(0, 20), after, hiddenInput: el.getAttribute('type') === 'file' };
    }));
  }
  const labels = seen.map((s) => s.label);
  // Reading order: the tabs, the file button, the downloads, the filters, then the findings.
  const at = (re: RegExp) => labels.findIndex((l) => re.test(l));
  expect(at(/^审核$/)).toBeGreaterThanOrEqual(0);
  expect(at(/选择 \.xlsx/)).toBeGreaterThan(at(/^审核$/));
  expect(at(/下载审核工作簿/)).toBeGreaterThan(at(/选择 \.xlsx/));
  expect(at(/^错误 \d+/)).toBeGreaterThan(at(/导出 JSON/));
  expect(seen.every((s) => s.after)).toBe(true);
  expect(seen.some((s) => s.hiddenInput)).toBe(false);
  expect(errors).toEqual([]);
}, 120_000);

// ---- 报告数字 → 报告原文 (issue 17): paste a draft as written, X's and all -------------------------

test('报表 → 报告数字 → 报告原文: paste a draft, get the filled text beside it with the figures highlighted, as the CLI fills it', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort('internetdisconnected')));
  const draft = fs.readFileSync(EXAMPLE_DRAFT, 'utf8');
  const want = JSON.parse((await cli('figures', FIGURES_EXAMPLE, '--fill', EXAMPLE_DRAFT, '--json')).stdout);
  const wantFixed = JSON.parse((await cli('figures', FIGURES_EXAMPLE, '--fill', EXAMPLE_DRAFT, '--json', '--fix-words')).stdout);

  await page.goto(`${server.url}/taskpane.html`);
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  await page.getByTestId('file-input').setInputFiles(FIGURES_EXAMPLE);
  await page.getByTestId('status').filter({ hasText: '报告数字' }).waitFor({ timeout: 30_000 });
  await page.getByRole('tab', { name: '报表' }).click();
  expect(await page.getByRole('radio', { name: '报告原文（含 X）' }).isChecked()).toBe(true);
  const box = page.getByRole('textbox', { name: /报告原文/ });
  expect(await box.inputValue()).toContain('XXX万元');
  await box.fill(draft);
  await page.getByRole('button', { name: '填写 X 并核对数字' }).click();
  const filled = page.getByTestId('draft-filled');
  await filled.waitFor({ timeout: 30_000 });

  expect(await filled.innerText()).toBe(want.text);
  expect(await page.getByTestId('draft-original').innerText()).toBe(draft);
  // Every filled figure is highlighted, in order; the X's left and the 3.6% are marked apart.
  const marked = (kind: string) => filled.locator(`mark[data-kind="${kind}"]`).allInnerTexts();
  expect(await marked('filled')).toEqual(want.filled.map((f: { value: string }) => f.value.replace(/(万元|亿元|%|个百分点|月)$/, '')));
  expect(await marked('unresolved')).toEqual(['XX', 'X', 'XXX', 'XX']);
  expect(await marked('mismatch')).toEqual(['3.6%']);
  expect(await filled.locator('mark[data-kind="unresolved"]').first().getAttribute('title')).toBe('数据为下降 2.6%，原文为“增长”');
  expect(await page.getByTestId('draft-unresolved').innerText()).toContain('第4行「全区教育支出完成XXX万元」：预算执行表中没有“教育支出”行');
  expect(await page.getByTestId('draft-mismatches').innerText()).toContain('原文 3.6%，数据 2.8%');
  expect(await page.getByTestId('status').getAttribute('data-intent')).toBe('warning');
  // Side by side on a wide page.
  const [a, b] = [await page.getByTestId('draft-original').boundingBox(), await filled.boundingBox()];
  expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
  await page.screenshot({ path: artifact('offline-draft-fill.png'), fullPage: true });

  await page.getByRole('checkbox', { name: /改写词语/ }).check();
  await page.getByRole('button', { name: '填写 X 并核对数字' }).click();
  await filled.filter({ hasText: '同比下降2.6%，低于序时进度0.4个百分点' }).waitFor({ timeout: 30_000 });
  expect(await filled.innerText()).toBe(wantFixed.text);
  expect(await marked('unresolved')).toEqual(['XXX', 'XX']);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);

test('reading and checking run in a Web Worker: progress with a ProgressBar, and 取消 stops the job', async () => {
  const { page, violations, errors } = await newPage();
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const big = artifact('大文件-300000行.xlsx');
  if (!fs.existsSync(big)) writeXlsx(big, [{ name: '明细', xml: budgetSheetXml(300_000, 8) }], { sharedStrings: BUDGET_STRINGS });
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  await page.getByTestId('file-input').setInputFiles(big);
  // The served page starts dist/web/check-worker.js (same origin, allowed by its CSP).
  await page.getByTestId('cancel').waitFor({ timeout: 30_000 });
  await page.getByText(/正在(读取|审核)/).first().waitFor({ timeout: 30_000 });
  expect(await page.getByRole('progressbar').count()).toBeGreaterThan(0);
  expect(workers.some((u) => u.endsWith('/check-worker.js'))).toBe(true);
  // The page answers while the worker reads: a click on the tab list goes through at once.
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  expect(Date.now() - t0).toBeLessThan(1000);
  await page.getByTestId('cancel').click();
  await page.getByText('已取消读取和审核。').waitFor({ timeout: 10_000 });
  expect(await page.getByTestId('summary').count()).toBe(0);
  // A new choice after 取消 starts afresh and completes.
  await page.getByTestId('file-input').setInputFiles(EXAMPLE);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  expect(await summaryCount(page)).toBeGreaterThan(0);
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
}, 180_000);

test('offline page: 规则 → 审核公式 试算 on the chosen file, add, and the next check reports it', async () => {
  const { page, violations, errors } = await newPage();
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByTestId('file-input').setInputFiles(EXAMPLE);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: '规则' }).click();
  const panel = page.getByRole('region', { name: '审核公式' });
  await panel.getByRole('textbox', { name: '编号' }).fill('离线01');
  await panel.getByRole('textbox', { name: '公式' }).fill('本年(功能分类="205*") <= 上年(功能分类="205*") 按单位');
  await panel.getByRole('button', { name: '试算' }).click();
  await page.getByTestId('formula-trial').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('formula-trial').innerText()).toMatch(/县教育局：左边 [\d.,]+ 万元，右边 [\d.,]+ 万元，相差 -?[\d.,]+ 万元：(不)?成立/);
  await panel.getByRole('textbox', { name: '公式' }).fill('本年() < 0');
  await panel.getByRole('button', { name: '添加公式' }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByRole('tab', { name: '审核' }).click();
  await page.getByTestId('file-input').setInputFiles(EXAMPLE);
  await page.getByText('审核公式 离线01').first().waitFor({ timeout: 60_000 });
  await page.screenshot({ path: artifact('offline-formulas.png'), fullPage: true });
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
}, 180_000);

// ---- issue 14 part 6: the page for a reviewer with many units ---------------------------------------

/** The rows of a sheet as objects keyed by its header row (columns may move; the header names them). */
function sheetRecords(ws: ExcelJS.Worksheet): Array<Record<string, string>> {
  const header: string[] = [];
  ws.getRow(1).eachCell((c, n) => (header[n] = String(c.value ?? '')));
  const out: Array<Record<string, string>> = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const rec: Record<string, string> = {};
    header.forEach((h, i) => {
      if (!h) return;
      const v = r.getCell(i).value as unknown;
      rec[h] = v && typeof v === 'object' && 'result' in (v as object) ? String((v as { result: unknown }).result) : String(v ?? '');
    });
    out.push(rec);
  });
  return out;
}

test('各单位审核工作簿 come as one .zip; each workbook in it holds only its unit; 按单位 has a per-unit download', async () => {
  const { page, errors } = await newPage();
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  await page.getByTestId('file-input').setInputFiles(RULES_EXAMPLE);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载各单位审核工作簿（.zip）' }).click()]);
  await page.getByText(/个单位的审核工作簿（一个 \.zip 文件）/).waitFor({ timeout: 60_000 });
  expect(download.suggestedFilename()).toBe('各单位审核工作簿.zip');
  const zipPath = artifact('offline-各单位审核工作簿.zip');
  await download.saveAs(zipPath);
  expect(downloads).toEqual(['各单位审核工作簿.zip']); // one download, not one per unit

  const { unzipSync } = await import('fflate');
  const entries = unzipSync(new Uint8Array(fs.readFileSync(zipPath)));
  const names = Object.keys(entries);
  // The same units as the core's partition of the same file, in the CLI's per-unit names.
  const original = new ExcelJS.Workbook();
  await original.xlsx.readFile(RULES_EXAMPLE);
  const report = checkWorkbooks([workbookToGrids(original, path.basename(RULES_EXAMPLE))]);
  const units = reportUnits(report);
  expect(units.length).toBeGreaterThan(1);
  expect(names).toEqual(uniqueFileNames(units.map((u) => unitFileName(u))));

  // Open every workbook: its 审核结果 rows are exactly its unit's findings.
  const seen = new Set<string>();
  for (const [i, u] of units.entries()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(entries[names[i]].slice().buffer as ArrayBuffer);
    const rows = sheetRecords(wb.getWorksheet('审核结果')!);
    const mine = report.findings.filter((f) => findingUnitKey(f.unit) === u.key);
    expect(rows.length).toBe(mine.length);
    const labels = new Set(rows.map((r) => r['单位']));
    if (rows.length > 0) {
      expect(labels.size).toBe(1);
      const label = [...labels][0];
      expect(label).toContain(u.name || u.code);
      expect(seen.has(label)).toBe(false);
      seen.add(label);
    }
  }
  expect(seen.size).toBeGreaterThan(1);

  // 按单位: the first unit's group has its own download, with that unit's workbook only.
  await page.getByRole('radio', { name: '按单位' }).check();
  await showAll(page);
  const button = page.getByTestId('unit-download').first();
  await button.waitFor();
  const title = (await button.innerText()).replace(/^下载本单位审核工作簿（|）$/g, '');
  const [one] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const unit = units.find((u) => [u.code, u.name].filter(Boolean).join(' ') === title);
  expect(unit).toBeDefined();
  expect(one.suggestedFilename()).toBe(unitFileName(unit!));
  const onePath = artifact('offline-one-unit.xlsx');
  await one.saveAs(onePath);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(onePath);
  const rows = sheetRecords(wb.getWorksheet('审核结果')!);
  expect(rows.length).toBe(report.findings.filter((f) => findingUnitKey(f.unit) === unit!.key).length);
  expect(rows.length).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('locations name the file; a click opens the sheet around the cell, the cell highlighted', async () => {
  const { page, errors } = await newPage();
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  await page.getByTestId('file-input').setInputFiles(RULES_EXAMPLE);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  await showAll(page);
  const file = path.basename(RULES_EXAMPLE);
  const shown = await page.getByTestId('location').allInnerTexts();
  expect(shown.length).toBeGreaterThan(0);
  for (const t of shown) expect(t.startsWith(file)).toBe(true);
  const rows = page.getByTestId('finding');
  const ats = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-at') ?? ''));
  const index = ats.findIndex((a) => /!([A-Z]+)(\d+)$/.test(a));
  expect(index).toBeGreaterThanOrEqual(0);
  const at = ats[index];
  expect(shown[index]).toBe(`${file} · ${at}`);
  const [sheet, cell] = at.split('!');
  const row = rows.nth(index);
  expect(await row.locator('[data-link]').first().getAttribute('data-link')).toBe('true');
  await row.getByTestId('location').click();
  const dialog = page.getByRole('dialog', { name: `${file} · ${at}` });
  await dialog.waitFor();
  const target = dialog.locator('td[data-target="true"]');
  expect(await target.count()).toBe(1);
  // The highlighted cell shows what the workbook holds there, as exceljs reads it.
  const original = new ExcelJS.Workbook();
  await original.xlsx.readFile(RULES_EXAMPLE);
  const v = original.getWorksheet(sheet)!.getCell(cell).value as unknown;
  const raw = v && typeof v === 'object' && 'result' in (v as object) ? (v as { result: unknown }).result : v;
  const expected = typeof raw === 'number' ? raw.toLocaleString('en-US', { maximumFractionDigits: 6 }) : String(raw ?? '').trim();
  expect((await target.innerText()).trim()).toBe(expected);
  // Its row and column headers are the cell's address.
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  const col = await target.evaluate((td) => {
    const tr = td.parentElement as HTMLTableRowElement;
    const table = tr.closest('table')!;
    return [table.querySelector('thead tr')!.children[(td as HTMLTableCellElement).cellIndex].textContent, tr.querySelector('th')!.textContent];
  });
  expect(col).toEqual([m[1], m[2]]);
  await page.screenshot({ path: artifact('offline-sheet-preview.png') });
  await dialog.getByRole('button', { name: '关闭' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(errors).toEqual([]);
});

test('规则 shows the parameters in force and where each came from (默认, 规则设置 sheet, 已保存); 保存 offers 重新审核', async () => {
  // The example with a 规则设置 sheet added: 一般性支出压减比例 8%.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  const ws = wb.addWorksheet('规则设置');
  ws.addRow(['参数', '值']);
  ws.addRow(['一般性支出压减比例', '8%']);
  const file = artifact('县教育局-带规则设置.xlsx');
  await wb.xlsx.writeFile(file);
  const grids = [workbookToGrids(wb, path.basename(file))];
  const before = checkWorkbooks(grids);
  const after = checkWorkbooks(grids, { base: { zbb: { minExecRate: 0.99 } } });
  expect(before.config.generalCut.rate).toBe(0.08);
  expect(after.findings.length).not.toBe(before.findings.length); // so that the re-check shows

  const { page, errors } = await newPage();
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  expect(await summaryCount(page)).toBe(before.findings.length);
  await page.getByRole('tab', { name: '规则' }).click();
  const table = page.getByRole('table', { name: '当前生效的参数' });
  const row = (p: string) => table.locator(`tr[data-path="${p}"]`);
  const cells = async (p: string) => (await row(p).locator('td').allInnerTexts()).map((t) => t.trim());
  expect(await cells('generalCut.rate')).toEqual([PARAM_LABEL_ZH['generalCut.rate'], '8%', `${path.basename(file)} 的“规则设置”表`]);
  expect(await cells('zbb.minExecRate')).toEqual([PARAM_LABEL_ZH['zbb.minExecRate'], `${Math.round(before.config.zbb.minExecRate * 10000) / 100}%`, '默认']);
  expect(await page.getByRole('button', { name: '重新审核' }).count()).toBe(0);

  await page.getByRole('spinbutton', { name: `${PARAM_LABEL_ZH['zbb.minExecRate']}（%）` }).fill('99');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await row('zbb.minExecRate').locator('td', { hasText: '已保存' }).waitFor();
  expect(await cells('zbb.minExecRate')).toEqual([PARAM_LABEL_ZH['zbb.minExecRate'], '99%', '已保存']);
  // The sheet still wins over what was saved, as in the check.
  expect((await cells('generalCut.rate'))[2]).toBe(`${path.basename(file)} 的“规则设置”表`);
  await page.getByRole('button', { name: '重新审核' }).click();
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  await poll(() => summaryCount(page).catch(() => -1), after.findings.length, 60_000);
  expect(errors).toEqual([]);
}, 180_000);

test('报告数字 写法说明 is inside the page (no docs/ link), in a titled dialog listing the metrics the core computes', async () => {
  const { page, errors } = await newPage();
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole('tab', { name: '报表' }).click();
  await page.getByRole('tab', { name: '报告数字' }).click();
  for (const mode of ['报告原文', '占位符模板']) {
    const radio = page.getByRole('radio', { name: new RegExp(mode) });
    if (await radio.count()) await radio.first().check();
    expect(await page.locator('main').innerText()).not.toContain('docs/');
    await page.getByRole('button', { name: '写法说明' }).click();
    const dialog = page.getByRole('dialog', { name: '报告数字写法说明' });
    await dialog.getByText('报告数字写法说明', { exact: true }).waitFor();
    const text = await dialog.innerText();
    for (const m of [...ROW_METRICS, ...WORKBOOK_FIGURES]) expect(text).toContain(m);
    expect(text).toContain('{行.指标:格式}');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
  expect(errors).toEqual([]);
});

test('counts are shown with thousands separators (1,500 行, not 1500 行)', async () => {
  const file = artifact('offline-1500.xlsx');
  writeXlsx(file, [{ name: '明细', xml: budgetSheetXml(1500, 8) }], { sharedStrings: BUDGET_STRINGS });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const lines = checkWorkbooks([workbookToGrids(wb, 'offline-1500.xlsx')]).lines.length;
  expect(lines).toBeGreaterThanOrEqual(1000);
  const { page, errors } = await newPage();
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  const summary = await page.getByTestId('summary').innerText();
  expect(summary).toContain(`读取预算行 ${lines.toLocaleString('en-US')} 行`);
  expect(summary).toMatch(/\d,\d{3} 行/);
  expect(errors).toEqual([]);
}, 120_000);
