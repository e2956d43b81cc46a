/**
 * Issue 11, part 4: the Excel path in real chromium. The built taskpane.html, with office.js
 * routed to a stand-in that forwards to the strict fake host (tests/browser/office-stub.ts):
 * open, 审核, 标记, 清除标记, 写入审核结果 on a sheet with 600 merged areas and 20,000 findings;
 * syncs, payload sizes and the restored formats are checked. Then the loader's paths (issue 11,
 * rows 12 and 13): an EdgeHTML webview, office.js that cannot be loaded, and an Excel slow to answer.
 */
import type { Browser, Page } from 'playwright-core';
import { artifact, buildStub, ensureBuilt, launch, OFFICE_JS, serve } from './harness';
import type { FakeData } from './office-stub';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let stub: string;

beforeAll(async () => {
  ensureBuilt();
  stub = await buildStub();
  server = await serve();
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const FINDINGS = 20_000;
const MERGES = 600;

/** 明细 with 20,000 amounts that are not numbers, 600 两行合并 unit names, and original fills of every kind. */
function bigWorkbook(): FakeData {
  const rows: Array<Array<string | number | null>> = [
    ['XX县教育局2025年部门预算明细表'],
    ['单位：元'],
    ['单位名称', '项目名称', '功能分类科目', '部门经济分类科目', '支出类型', '测算依据', '绩效目标', '金额'],
  ];
  const merges: NonNullable<FakeData['sheets'][0]['merges']> = [];
  const fills: NonNullable<FakeData['sheets'][0]['fills']> = {};
  for (let i = 0; i < FINDINGS; i++) {
    const r = rows.length;
    const merged = i < MERGES * 2 && i % 2 === 0;
    const under = i < MERGES * 2 && i % 2 === 1;
    rows.push([under ? null : `县第${(i % 40) + 1}中学`, i % 3 === 0 ? '校舍维修改造' : '', '2050201', '30201', i % 3 === 0 ? '项目支出' : '基本支出', '按上年实际支出测算', '', '待核']);
    if (merged) merges.push({ top: r, left: 0, bottom: r + 1, right: 0 });
    if (i % 50 === 0) fills[`${r},7`] = { color: '#00B050', pattern: 'Solid' };
    if (i % 50 === 10) fills[`${r},7`] = { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000', tintAndShade: 0.4, patternTintAndShade: -0.2 };
    if (i % 50 === 20) fills[`${r},7`] = { color: '#FFFFFF', pattern: 'Solid' };
  }
  return { profile: 'web', sheets: [{ name: '明细', rows, merges, fills }] };
}

async function openPane(data: FakeData, opts: { userAgent?: string; officeJs?: 'stub' | 'offline' } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 350, height: 900 }, userAgent: opts.userAgent });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u === OFFICE_JS) return opts.officeJs === 'offline' ? route.abort('internetdisconnected') : route.fulfill({ status: 200, contentType: 'text/javascript', body: stub });
    if (u.startsWith(server.url) || u.startsWith('blob:') || u.startsWith('data:')) return route.continue();
    return route.abort('internetdisconnected');
  });
  await page.addInitScript((d) => void ((window as unknown as { __fakeWorkbookData: unknown }).__fakeWorkbookData = d), data);
  await page.goto(`${server.url}/taskpane.html`);
  return { page, errors };
}

interface Stats { syncs: number; failed: string[]; maxRequest: number; maxResponse: number }

/** Syncs since the last call, and their largest accepted payloads. */
const stats = (page: Page) => page.evaluate((): Stats => {
  const m = (window as unknown as { __fakeModel: { syncs: Array<{ requestBytes: number; responseBytes: number; error?: string }>; resetStats(): void } }).__fakeModel;
  const ok = m.syncs.filter((s) => !s.error);
  const out = { syncs: m.syncs.length, failed: m.syncs.filter((s) => s.error).map((s) => s.error!), maxRequest: Math.max(0, ...ok.map((s) => s.requestBytes)), maxResponse: Math.max(0, ...ok.map((s) => s.responseBytes)) };
  m.resetStats();
  return out;
});

const fills = (page: Page) => page.evaluate(() => {
  const m = (window as unknown as { __fakeModel: { sheets: Array<{ name: string; fills: Map<string, unknown>; notes: unknown[]; visibility: string }> } }).__fakeModel;
  const s = m.sheets.find((x) => x.name === '明细')!;
  return { fills: JSON.stringify([...s.fills.entries()].sort()), count: s.fills.size, notes: s.notes.length, sheets: m.sheets.map((x) => `${x.name}:${x.visibility}`) };
});

function withinLimits(s: Stats, what: string): void {
  // eslint-disable-next-line no-console
  console.log(`${what}: ${s.syncs} syncs, max request ${s.maxRequest} B, max response ${s.maxResponse} B, failed ${JSON.stringify(s.failed)}`);
  expect(s.maxRequest).toBeLessThan(4_000_000);
  expect(s.maxResponse).toBeLessThan(4_000_000);
  expect(s.syncs).toBeLessThanOrEqual(40);
}

test('审核, 标记, 清除标记, 写入审核结果 on 20,000 findings and 600 merged areas, on the strict fake', async () => {
  const { page, errors } = await openPane(bigWorkbook());
  await page.getByRole('button', { name: '开始审核' }).waitFor({ timeout: 20_000 });
  await stats(page);
  const original = await fills(page);
  expect(original.count).toBe(1200);

  await page.getByRole('button', { name: '开始审核' }).click();
  await page.getByTestId('summary').waitFor({ timeout: 120_000 });
  withinLimits(await stats(page), '审核');
  expect(await page.getByTestId('status').innerText()).toMatch(/发现 [\d,]+ 个错误/);

  await page.waitForFunction(() => Array.from(document.querySelectorAll('button')).some((b) => b.textContent === '标记问题单元格' && !b.disabled));
  await page.getByRole('button', { name: '标记问题单元格' }).click();
  const flagged = page.getByText(/已标记 [\d,]+ 个单元格/);
  await flagged.waitFor({ timeout: 120_000 });
  const n = Number(/已标记 (\d+) 个单元格/.exec(await flagged.innerText())![1]);
  expect(n).toBeGreaterThanOrEqual(FINDINGS);
  withinLimits(await stats(page), '标记');
  const during = await fills(page);
  expect(during.count).toBeGreaterThanOrEqual(FINDINGS);
  expect(during.notes).toBeGreaterThanOrEqual(FINDINGS);
  expect(during.sheets).toContain('预算审核_标记记录:VeryHidden');
  await page.screenshot({ path: artifact('excel-path-flagged.png'), fullPage: true });

  await page.getByRole('button', { name: '清除标记' }).click();
  await page.getByText(/已恢复 [\d,]+ 个单元格的原格式/).waitFor({ timeout: 120_000 });
  withinLimits(await stats(page), '清除标记');
  const after = await fills(page);
  expect(after.fills).toBe(original.fills); // every original fill back, No Fill stays No Fill
  expect(after.notes).toBe(0);
  expect(after.sheets.some((x) => x.startsWith('预算审核_标记记录'))).toBe(false);

  await page.getByRole('button', { name: '写入审核结果表' }).click();
  await page.getByText(/已写入工作表“审核结果”/).waitFor({ timeout: 120_000 });
  withinLimits(await stats(page), '写入审核结果');
  const resultRows = await page.evaluate(() => (window as unknown as { __fakeModel: { sheet(n: string): { rows: unknown[] } } }).__fakeModel.sheet('审核结果').rows.length);
  expect(resultRows).toBeGreaterThan(FINDINGS);
  await page.screenshot({ path: artifact('excel-path-results.png'), fullPage: true });
  expect(errors).toEqual([]);
}, 600_000);

test('row 12: an EdgeHTML webview gets one sentence and the offline page, not 正在加载… for ever', async () => {
  const { page, errors } = await openPane({ version: 8, sheets: [{ name: 'Sheet1', rows: [] }] }, { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045' });
  await page.getByText(/无法运行预算审核助手/).waitFor({ timeout: 10_000 });
  expect(await page.getByRole('link', { name: '打开离线审核页面' }).getAttribute('href')).toBe('budget-review-offline.html');
  expect(await page.getByText('正在加载预算审核助手……').count()).toBe(0);
  await page.screenshot({ path: artifact('loader-edgehtml.png') });
  expect(errors).toEqual([]);
}, 60_000);

test('row 12: a bundle that cannot parse shows the same sentence', async () => {
  const context = await browser.newContext({ viewport: { width: 350, height: 600 } });
  const page = await context.newPage();
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: stub });
    if (u.endsWith('/taskpane.js')) return route.fulfill({ status: 200, contentType: 'text/javascript', body: 'var x = {;' });
    return u.startsWith(server.url) ? route.continue() : route.abort('internetdisconnected');
  });
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByText(/无法运行预算审核助手/).waitFor({ timeout: 10_000 });
}, 60_000);

test('row 13: office.js is in <head>; without it the pane starts on files at once and offers a retry', async () => {
  const html = await (await fetch(`${server.url}/taskpane.html`)).text();
  const head = html.slice(0, html.indexOf('</head>'));
  expect(head.indexOf(OFFICE_JS)).toBeGreaterThan(0);
  expect(head.indexOf(OFFICE_JS)).toBeLessThan(head.indexOf('loader.js'));
  const { page, errors } = await openPane({ sheets: [] }, { officeJs: 'offline' });
  const t0 = Date.now();
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  expect(Date.now() - t0).toBeLessThan(5000);
  await page.getByRole('button', { name: '重试连接 Excel' }).waitFor();
  expect(errors).toEqual([]);
}, 60_000);

test('row 13: an Excel slow to answer is waited for; the user may switch to files, then reconnect', async () => {
  // Slower than the hint (8 s): the pane offers file mode but keeps waiting, and starts on Excel when it answers.
  const slow = await openPane({ version: 18, sheets: [{ name: '明细', rows: [['单位名称', '金额'], ['县教育局', 1]] }], readyDelayMs: 10_000 });
  await slow.page.getByRole('button', { name: '改用文件审核' }).waitFor({ timeout: 15_000 });
  await slow.page.getByRole('tab', { name: '批量' }).waitFor({ timeout: 15_000 }); // Excel mode has 批量
  expect(slow.errors).toEqual([]);

  const chose = await openPane({ version: 18, sheets: [{ name: '明细', rows: [['单位名称', '金额']] }], readyDelayMs: 10_000 });
  await chose.page.getByRole('button', { name: '改用文件审核' }).click({ timeout: 15_000 });
  await chose.page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  await chose.page.getByRole('button', { name: '重新加载以在工作簿中审核' }).waitFor({ timeout: 15_000 });
  await chose.page.screenshot({ path: artifact('loader-reconnect.png') });
  expect(chose.errors).toEqual([]);
}, 90_000);
