/**
 * Issue 16: the pane and the page show a project's goal grid (一级 · 二级 · 三级 · 指标值) next to its
 * findings. Both check examples/绩效示例-县级项目.xlsx in a real browser (the page from a file, the pane
 * on the fake Excel host) and must show, under each PERF finding of a project with indicators, the
 * grid the core links to it (goalLookup over checkWorkbooks in Node), row for row.
 */
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { readXlsx } from '../../src/cli/file-source';
import { checkWorkbooks } from '../../src/core/check';
import { isCellError } from '../../src/core/grid';
import type { WorkbookGrids } from '../../src/core/grid';
import { goalLookup } from '../../src/core/performance';
import { locationText } from '../../src/taskpane/model';
import { PERFORMANCE_EXAMPLE_FILE } from '../../src/testing/performance-example';
import { artifact, buildStub, ensureBuilt, launch, OFFICE_JS, ROOT, serve, showAll } from './harness';

const EXAMPLE = path.join(ROOT, 'examples', PERFORMANCE_EXAMPLE_FILE);

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let stub: string;
let grids: WorkbookGrids;

/** [rule, location, grid rows] of every finding with a goal, sorted: what the page must show. */
type Shown = Array<[string, string, string[][]]>;

function expectedFor(g: WorkbookGrids): Shown {
  const report = checkWorkbooks([g]);
  const goalOf = goalLookup(report.lines, report.performance ?? []);
  const out: Shown = [];
  for (const f of report.findings) {
    const goal = goalOf(f);
    if (goal) out.push([f.rule, locationText(f), goal.indicators.map((i) => [i.level1, i.level2, i.name, i.value])]);
  }
  return out.sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
}

beforeAll(async () => {
  ensureBuilt();
  stub = await buildStub();
  server = await serve();
  browser = await launch();
  grids = (await readXlsx(EXAMPLE, PERFORMANCE_EXAMPLE_FILE)).grids;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(fake?: object): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (fake && u === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: stub });
    if (u.startsWith(server.url) || u.startsWith('blob:') || u.startsWith('data:')) return route.continue();
    return route.abort('internetdisconnected');
  });
  if (fake) await page.addInitScript((d) => void ((window as unknown as { __fakeWorkbookData: unknown }).__fakeWorkbookData = d), fake);
  await page.goto(`${server.url}/taskpane.html`);
  return { page, errors };
}

/** What the page shows: for each finding row with a goal grid, its rule, location and table body. */
async function shown(page: Page): Promise<Shown> {
  const rows = await page.getByTestId('finding').evaluateAll((els) =>
    els
      .filter((e) => e.querySelector('[data-testid="goal-grid"]'))
      .map((e) => [
        e.getAttribute('data-rule') ?? '',
        e.getAttribute('data-at') ?? '',
        Array.from(e.querySelectorAll('[data-testid="goal-grid"] tbody tr')).map((tr) => Array.from(tr.children).map((td) => td.textContent ?? '')),
      ] as [string, string, string[][]]),
  );
  return rows.sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
}

function assertGrids(got: Shown, want: Shown): void {
  // The example plants vague, copied, non-tying and level-missing grids: each has a finding with a grid.
  const rules = new Set(want.map((w) => w[0]));
  for (const r of ['PERF.VAGUE_VALUE', 'PERF.COPIED', 'PERF.FUNDS_MISMATCH', 'PERF.LEVEL_MISSING']) expect(rules).toContain(r);
  expect(got).toEqual(want);
}

test('offline page: each PERF finding of a project shows that project\'s goal grid, row for row as the core links it', async () => {
  const { page, errors } = await newPage();
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor({ timeout: 10_000 });
  await page.getByTestId('file-input').setInputFiles(EXAMPLE);
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  await showAll(page, { goalGrids: true });
  const got = await shown(page);
  await page.screenshot({ path: artifact('offline-goal-grid.png'), fullPage: true });
  assertGrids(got, expectedFor(grids));
  // The grid is a labelled table with the four national columns.
  const table = page.locator('[data-testid="goal-grid"] table').first();
  expect(await table.locator('thead th').allInnerTexts()).toEqual(['一级指标', '二级指标', '三级指标', '指标值']);
  expect(await table.getAttribute('aria-label')).toMatch(/的绩效指标$/);
  expect(errors).toEqual([]);
}, 120_000);

test('pane on the fake Excel host: the same goal grids under the same findings', async () => {
  // The example's sheets as the host holds them (values and merged areas); the pane reads these.
  const sheets = grids.sheets.map((g) => ({
    name: g.name,
    rows: g.cells.map((r) => Array.from(r, (v) => (v === undefined || v === null ? null : isCellError(v) ? v.error : v instanceof Date ? v.toISOString().slice(0, 10) : v))),
    merges: (g.merges ?? []).map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right })),
  }));
  const { page, errors } = await newPage({ version: 18, sheets });
  await page.getByRole('tab', { name: '批量' }).waitFor({ timeout: 10_000 });
  // The 绩效目标 sheets are other sheets of the workbook: check all of it.
  await page.getByRole('radio', { name: '整个工作簿' }).check();
  await page.getByRole('button', { name: '开始审核' }).click();
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  await showAll(page, { goalGrids: true });
  const got = await shown(page);
  await page.screenshot({ path: artifact('addin-goal-grid.png'), fullPage: true });
  // The host holds the same sheets and cells as the file: the same findings carry the same grids.
  assertGrids(got, expectedFor(grids));
  expect(errors).toEqual([]);
}, 120_000);
