/**
 * The offline page in a real browser (Debian chromium): served under the CSP (no 'unsafe-eval',
 * connect-src 'self') with office.js unreachable, and as the single file opened from disk.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { artifact, ensureBuilt, launch, OFFICE_JS, ROOT, serve, WEB } from './harness';

const EXAMPLE = path.join(ROOT, 'examples', '县教育局-明细-元.xlsx');

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

/** Show every severity and open every group, so that all findings are in the page. */
async function showAll(page: Page): Promise<void> {
  for (const label of ['错误', '警告', '提示']) {
    const b = page.getByRole('button', { name: new RegExp(`^${label} \\d+$`) });
    if ((await b.getAttribute('aria-pressed')) !== 'true') await b.click();
  }
  const closed = page.locator('main button[aria-expanded="false"]');
  for (let i = await closed.count(); i > 0; i--) await closed.first().click();
}

async function summaryCount(page: Page): Promise<number> {
  const text = await page.getByTestId('summary').innerText();
  const m = /共\s*(\d+)\s*条/.exec(text);
  if (!m) throw new Error(`no summary in "${text}"`);
  return Number(m[1]);
}

test('served page without internet: falls back to files within seconds, checks an example, downloads the review workbook', async () => {
  const { page, violations, errors } = await newPage();
  const t0 = Date.now();
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByText('选择 .xlsx 文件…').waitFor({ timeout: 10_000 });
  expect(Date.now() - t0).toBeLessThan(8000);
  await page.getByTestId('file-input').setInputFiles(EXAMPLE);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  const total = await summaryCount(page);
  expect(total).toBeGreaterThan(0);
  await showAll(page);
  expect(await page.getByTestId('finding').count()).toBe(Math.min(total, 200 * 40));
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
  await page.getByText('选择 .xlsx 文件…').waitFor({ timeout: 10_000 });
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
  const file = path.join(WEB, 'budget-review-offline.html');
  expect(fs.statSync(file).size).toBeGreaterThan(100_000);
  await page.goto(`file://${file}`);
  await page.getByText('选择 .xlsx 文件…').waitFor({ timeout: 10_000 });
  await page.getByTestId('file-input').setInputFiles(EXAMPLE);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  expect(await summaryCount(page)).toBeGreaterThan(0);
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
