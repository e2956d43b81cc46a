/**
 * Add-in mode in a real browser: the office.js CDN URL is routed to a stub that installs the fake
 * Excel host filled with an example workbook. Check, click a finding, flag and clear, write the
 * 审核结果 sheet and generate tables — asserted on the fake workbook, with screenshots.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { workbookToGrids } from '../../src/cli/read-xlsx';
import { isCellError } from '../../src/core/grid';
import { artifact, buildStub, ensureBuilt, launch, OFFICE_JS, ROOT, serve } from './harness';

const EXAMPLE = path.join(ROOT, 'examples', '县教育局-明细-元.xlsx');

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let stub: string;
let data: { version: number; sheets: Array<{ name: string; rows: unknown[][] }> };

beforeAll(async () => {
  ensureBuilt();
  stub = await buildStub();
  server = await serve();
  browser = await launch();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  const grids = workbookToGrids(wb, 'x.xlsx');
  // A detail sheet with known problems first (it is the active sheet), then the example's sheets.
  const problems = [
    ['XX县教育局2025年部门预算明细表'],
    ['单位：元'],
    ['单位名称', '项目名称', '功能分类科目', '部门经济分类科目', '支出类型', '测算依据', '绩效目标', '金额'],
    ['县教育局', '', '2050201', '30101', '基本支出', '', '', 120000],
    ['县教育局', '', '2050201', '30201', '基本支出', '', '', 'abc'],
    ['县教育局', '', '2050201', '30201', '基本支出', '', '', -500],
    ['县教育局', '校舍维修', '2050201', '31006', '项目支出', '', '', 80000],
  ];
  data = {
    version: 18,
    sheets: [{ name: '审核用明细', rows: problems }, ...grids.sheets.map((g) => ({
      name: g.name,
      rows: g.cells.map((r) => Array.from(r, (v) => (v === undefined || v === null ? null : isCellError(v) ? v.error : v instanceof Date ? v.toISOString().slice(0, 10) : v))),
    }))],
  };
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Model = { sheets: Array<{ name: string; fills: Map<string, unknown>; notes: unknown[]; visibility: string }>; selection: { sheet: string; address: string } | null; syncs: unknown[] };

async function openPane(version = 18): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 350, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
  });
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: stub });
    if (u.startsWith(server.url) || u.startsWith('blob:') || u.startsWith('data:')) return route.continue();
    return route.abort('internetdisconnected');
  });
  await page.addInitScript((d) => void ((window as unknown as { __fakeWorkbookData: unknown }).__fakeWorkbookData = d), { ...data, version });
  await page.goto(`${server.url}/taskpane.html`);
  return { page, errors };
}

const model = (page: Page) => page.evaluate(() => {
  const m = (window as unknown as { __fakeModel: Model }).__fakeModel;
  return {
    sheets: m.sheets.map((s) => ({ name: s.name, fills: s.fills.size, notes: s.notes.length, visibility: s.visibility })),
    selection: m.selection,
    syncs: m.syncs.length,
  };
});

test('check, select, flag, clear, write results, generate tables', async () => {
  const { page, errors } = await openPane();
  await page.getByRole('tab', { name: '批量' }).waitFor({ timeout: 10_000 });
  await page.getByRole('button', { name: '开始审核' }).click();
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  await page.screenshot({ path: artifact('addin-check.png'), fullPage: true });

  // Show every severity; click the first finding that points at a cell.
  for (const label of ['错误', '警告', '提示']) {
    const b = page.getByRole('button', { name: new RegExp(`^${label} \\d+$`) });
    if ((await b.getAttribute('aria-pressed')) !== 'true') await b.click();
  }
  const closed = page.locator('main button[aria-expanded="false"]');
  for (let i = await closed.count(); i > 0; i--) await closed.first().click();
  const withCell = page.getByTestId('finding').filter({ hasText: /!\w+\d+/ }).first();
  const loc = (await withCell.innerText()).match(/([^\s!]+)!([A-Z]+\d+)/)!;
  await withCell.locator('button').first().click();
  await page.waitForFunction((l) => JSON.stringify((window as unknown as { __fakeModel: Model }).__fakeModel.selection) === JSON.stringify(l), { sheet: loc[1], address: loc[2] }, { timeout: 10_000 });
  expect((await model(page)).selection).toEqual({ sheet: loc[1], address: loc[2] });

  const before = await model(page);
  const fillsBefore = before.sheets.map((s) => s.fills);
  await page.getByRole('button', { name: '标记问题单元格' }).click();
  await page.getByText(/已标记 \d+ 个单元格/).waitFor({ timeout: 30_000 });
  const flagged = await model(page);
  expect(flagged.sheets.find((s) => s.name === loc[1])!.fills).toBeGreaterThan(0);
  expect(flagged.sheets.find((s) => s.name === '预算审核_标记记录')?.visibility).toBe('VeryHidden');
  await page.screenshot({ path: artifact('addin-flagged.png'), fullPage: true });

  await page.getByRole('button', { name: '清除标记' }).click();
  await page.getByText(/已恢复 \d+ 个单元格的原格式/).waitFor({ timeout: 30_000 });
  const cleared = await model(page);
  expect(cleared.sheets.map((s) => s.fills)).toEqual(fillsBefore);
  expect(cleared.sheets.some((s) => s.name === '预算审核_标记记录')).toBe(false);

  await page.getByRole('button', { name: '写入审核结果表' }).click();
  await page.getByText(/已写入工作表“审核结果”/).waitFor({ timeout: 30_000 });

  await page.getByRole('tab', { name: '报表' }).click();
  await page.getByRole('button', { name: '生成到新工作表' }).click();
  await page.getByText(/已生成 \d+ 张表/).waitFor({ timeout: 30_000 });
  const after = await model(page);
  expect(after.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['审核结果', '1 部门收支总表']));
  await page.screenshot({ path: artifact('addin-tables.png'), fullPage: true });

  // Generating again never replaces a sheet: the names get a suffix.
  await page.getByRole('button', { name: '生成到新工作表' }).click();
  await page.getByText(/1 部门收支总表\(2\)/).waitFor({ timeout: 30_000 });

  await page.getByRole('tab', { name: '规则' }).click();
  await page.screenshot({ path: artifact('addin-rules.png'), fullPage: true });
  await page.getByRole('tab', { name: '批量' }).click();
  await page.screenshot({ path: artifact('addin-batch.png'), fullPage: true });
  expect(errors).toEqual([]);
}, 180_000);

test('an Excel older than ExcelApi 1.7 gets a visible note and the file mode, not a blank pane', async () => {
  const { page, errors } = await openPane(6);
  await page.getByRole('alert').filter({ hasText: 'ExcelApi 1.6' }).waitFor({ timeout: 10_000 });
  await page.getByText('选择 .xlsx 文件…').waitFor();
  await page.screenshot({ path: artifact('addin-too-old.png'), fullPage: true });
  expect(errors).toEqual([]);
}, 60_000);
