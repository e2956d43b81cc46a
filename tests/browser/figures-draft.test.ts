/**
 * 报表 → 报告数字 → 报告原文 on the offline page in a real browser (issue 17): the example draft pasted
 * as written, the filled text beside it equal to `budget-review figures --fill`, every filled figure
 * highlighted, the X's left and the out-of-date figure marked and listed; 改写词语 turns 增长 into 下降.
 */
import * as fs from 'fs';
import type { Browser } from 'playwright-core';
import { EXAMPLE_DRAFT, EXAMPLE_XLSX } from '../../scripts/make-figures-example';
import { cli } from '../cli/run-cli';
import { artifact, ensureBuilt, launch, serve } from './harness';

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

test('paste a draft, get the filled text beside it with the figures highlighted, as the CLI fills it', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort('internetdisconnected')));
  const draft = fs.readFileSync(EXAMPLE_DRAFT, 'utf8');
  const want = JSON.parse((await cli('figures', EXAMPLE_XLSX, '--fill', EXAMPLE_DRAFT, '--json')).stdout);
  const wantFixed = JSON.parse((await cli('figures', EXAMPLE_XLSX, '--fill', EXAMPLE_DRAFT, '--json', '--fix-words')).stdout);

  await page.goto(`${server.url}/taskpane.html`);
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  await page.getByTestId('file-input').setInputFiles(EXAMPLE_XLSX);
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
