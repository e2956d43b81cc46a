/**
 * Issue 16 item 4 on the offline page, in a real browser at 360 px: selecting a PERF finding shows its
 * project's goal grid next to it — the disclosure under the finding opens and the sheet preview shows
 * the grid too — with 年度资金总额 / 其中：财政拨款 in 万元 and the flagged indicator marked
 * (aria-current); a unit-wide finding (PERF.COVERAGE) shows none; closing the preview gives focus back
 * to the finding; the flagged cell is scrolled into view; the location and the unit are separated in
 * the finding's accessible name.
 *
 * The page is built into a temporary directory (or the one BUDGET_REVIEW_WEB names), never dist/.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import type { AddressInfo } from 'net';
import type { Browser, Locator, Page } from 'playwright-core';
import { readXlsx } from '../../src/cli/file-source';
import { checkWorkbooks } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import { formatWan } from '../../src/core/money';
import { goalLookup } from '../../src/core/performance';
import type { PerfGoal } from '../../src/core/performance';
import { PERFORMANCE_EXAMPLE_FILE } from '../../src/testing/performance-example';
import { artifact, CSP, launch, ROOT, showAll } from './harness';

const EXAMPLE = path.join(ROOT, 'examples', PERFORMANCE_EXAMPLE_FILE);

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let dir: string | undefined;
let findings: Finding[];
let goalOf: (f: Finding) => PerfGoal | undefined;

/** The built page: BUDGET_REVIEW_WEB when it holds one, else a fresh build in a temporary directory. */
function builtPage(): string {
  const given = process.env.BUDGET_REVIEW_WEB;
  if (given && fs.existsSync(path.join(given, 'taskpane.html')) && fs.existsSync(path.join(given, 'taskpane.js'))) return path.resolve(given);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-goal-grid-'));
  const web = path.join(dir, 'web');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', web], { cwd: ROOT, stdio: 'inherit' });
  return web;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml' };

/** Serves the built page under the page's CSP, as harness.serve does for dist/web. */
async function serveDir(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const s = http.createServer((req, res) => {
    const p = path.join(root, decodeURIComponent((req.url ?? '/').split('?')[0]));
    if (!p.startsWith(root) || !fs.existsSync(p) || fs.statSync(p).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(p)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP });
    fs.createReadStream(p).pipe(res);
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => s.close(() => r())) };
}

beforeAll(async () => {
  const web = builtPage();
  server = await serveDir(web);
  browser = await launch();
  const report = checkWorkbooks([(await readXlsx(EXAMPLE, PERFORMANCE_EXAMPLE_FILE)).grids]);
  findings = report.findings;
  goalOf = goalLookup(report.lines, report.performance ?? []);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function loaded(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(server.url) || u.startsWith('blob:') || u.startsWith('data:')) return route.continue();
    return route.abort('internetdisconnected');
  });
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  await page.getByTestId('file-input').setInputFiles(EXAMPLE);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  await showAll(page);
  return { page, errors };
}

const row = (page: Page, rule: string, at: string): Locator => page.locator(`[data-testid="finding"][data-rule="${rule}"][data-at="${at}"]`);
const findingOf = (rule: string, cell: string): Finding => findings.find((f) => f.rule === rule && f.location.cell === cell)!;
const focusedIsIn = (l: Locator) => l.evaluate((el) => !!document.activeElement && document.activeElement !== document.body && el.contains(document.activeElement));
/** Waits (up to 3 s) for `check` to be true; its last answer. */
async function poll(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 30; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}
const title = (at: string) => `${PERFORMANCE_EXAMPLE_FILE} · ${at}`;

test('PERF.FUNDS_MISMATCH C45: selecting it (Enter) opens its grid and the preview with the funds; Escape gives focus back', async () => {
  const { page, errors } = await loaded();
  const at = '项目支出绩效目标表!C45';
  const goal = goalOf(findingOf('PERF.FUNDS_MISMATCH', 'C45'))!;
  expect(goal.totalFen).not.toBeNull();
  const total = `年度资金总额：${formatWan(goal.totalFen!)} 万元`;
  const fiscal = `其中：财政拨款：${formatWan(goal.fiscalFen!)} 万元`;
  const r = row(page, 'PERF.FUNDS_MISMATCH', at);
  expect(await r.count()).toBe(1);
  const grid = r.getByTestId('goal-grid');
  expect(await grid.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);

  // The accessible name separates the location from the unit ("…!C45，101001 县教育局：…").
  const button = r.locator('button[data-link]');
  const unit = [findingOf('PERF.FUNDS_MISMATCH', 'C45').unit?.code, findingOf('PERF.FUNDS_MISMATCH', 'C45').unit?.name].filter(Boolean).join(' ');
  const named = page.getByRole('button', { name: new RegExp(`${at}\\s*，\\s*${unit}\\s*：`) });
  expect(await named.count()).toBe(1);
  // … while what is seen is as before: the location alone in its span.
  expect(await r.getByTestId('location').innerText()).toBe(title(at));

  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: title(at) });
  await dialog.waitFor();
  // The preview shows the project's grid, the funds figure C45 is about marked.
  const inPreview = dialog.getByTestId('goal-grid');
  expect(await inPreview.count()).toBe(1);
  expect(await inPreview.getByTestId('goal-total').innerText()).toBe(total);
  expect(await inPreview.getByTestId('goal-fiscal').innerText()).toBe(fiscal);
  expect(await inPreview.getByTestId('goal-total').getAttribute('aria-current')).toBe('true');
  expect(await inPreview.getByTestId('goal-unit').innerText()).toBe(`实施单位：${[goal.unitCode, goal.unitName].filter(Boolean).join(' ')}`);
  await page.screenshot({ path: artifact('goal-grid-c45-preview.png') });

  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await poll(() => focusedIsIn(button))).toBe(true);
  // Under the finding, its grid is open now, funds shown.
  expect(await grid.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  expect(await grid.getByTestId('goal-total').isVisible()).toBe(true);
  expect(await grid.getByTestId('goal-total').innerText()).toBe(total);
  expect(await grid.getByTestId('goal-fiscal').innerText()).toBe(fiscal);
  expect(errors).toEqual([]);
}, 120_000);

test('PERF.VAGUE_VALUE E25: the flagged indicator is the marked row (aria-current, visibly); 关闭 gives focus back', async () => {
  const { page, errors } = await loaded();
  const at = '项目支出绩效目标表!E25';
  const f = findingOf('PERF.VAGUE_VALUE', 'E25');
  const goal = goalOf(f)!;
  const i = goal.indicators.find((x) => x.location.sheet === f.location.sheet && x.location.cell === 'E25')!;
  expect(i).toBeDefined();
  const r = row(page, 'PERF.VAGUE_VALUE', at);
  const button = r.locator('button[data-link]');
  await r.getByTestId('location').click();
  const dialog = page.getByRole('dialog', { name: title(at) });
  await dialog.waitFor();
  for (const scope of [dialog.getByTestId('goal-grid'), r.getByTestId('goal-grid')]) {
    const marked = scope.locator('tbody tr[aria-current="true"]');
    expect(await marked.count()).toBe(1);
    expect(await marked.locator('td').allTextContents()).toEqual([i.level1, i.level2, i.name, i.value]);
  }
  // Visibly marked: another background than the other rows, and a bar on its left.
  const looks = await dialog.getByTestId('goal-grid').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => {
    const td = tr.children[0] as HTMLElement;
    const cs = getComputedStyle(td);
    return { current: tr.getAttribute('aria-current') === 'true', bg: cs.backgroundColor, left: parseFloat(cs.borderLeftWidth) };
  }));
  const cur = looks.find((l) => l.current)!;
  for (const o of looks.filter((l) => !l.current)) {
    expect(o.bg).not.toBe(cur.bg);
    expect(cur.left).toBeGreaterThan(o.left);
  }
  await page.screenshot({ path: artifact('goal-grid-e25-preview.png') });
  await dialog.getByRole('button', { name: '关闭' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await poll(() => focusedIsIn(button))).toBe(true);
  expect(await r.getByTestId('goal-grid').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  expect(errors).toEqual([]);
}, 120_000);

test('PERF.COVERAGE (about the whole unit) shows no goal grid, under it or in its preview', async () => {
  const { page, errors } = await loaded();
  const r = row(page, 'PERF.COVERAGE', '预算明细!I4');
  expect(await r.count()).toBe(1);
  expect(await r.getByTestId('goal-grid').count()).toBe(0);
  await r.getByTestId('location').click();
  const dialog = page.getByRole('dialog', { name: title('预算明细!I4') });
  await dialog.waitFor();
  expect(await dialog.locator('td[data-target="true"]').count()).toBe(1);
  expect(await dialog.getByTestId('goal-grid').count()).toBe(0);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await poll(() => focusedIsIn(r))).toBe(true);
  expect(errors).toEqual([]);
}, 120_000);

test('at 360 px the flagged cell of the preview (绩效指标清单!I10) is scrolled into view', async () => {
  const { page, errors } = await loaded();
  const at = '绩效指标清单!I10';
  const r = row(page, 'PERF.VAGUE_VALUE', at);
  expect(await r.count()).toBe(1);
  await r.getByTestId('location').click();
  const dialog = page.getByRole('dialog', { name: title(at) });
  await dialog.waitFor();
  const target = dialog.locator('td[data-target="true"]');
  // Inside the table's visible (scrolled) area and the viewport.
  expect(await poll(() => target.evaluate((td) => {
    const box = td.closest('table')!.getBoundingClientRect();
    const c = td.getBoundingClientRect();
    return c.left >= box.left - 1 && c.right <= box.right + 1 && c.left >= 0 && c.right <= window.innerWidth;
  }))).toBe(true);
  expect(await target.evaluate((td) => td.closest('table')!.scrollWidth > td.closest('table')!.clientWidth)).toBe(true);
  await page.screenshot({ path: artifact('goal-grid-i10-preview.png') });
  expect(errors).toEqual([]);
}, 120_000);
