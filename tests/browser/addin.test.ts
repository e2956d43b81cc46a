/**
 * Add-in mode in a real browser: the office.js CDN URL is routed to a stub that installs the fake
 * Excel host filled with an example workbook. Check, click a finding, flag and clear, write the
 * 审核结果 sheet and generate tables — asserted on the fake workbook, with screenshots.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { workbookToGrids } from '../../src/io/read-xlsx';
import { isCellError } from '../../src/core/grid';
import { DEFAULT_SETTINGS } from '../../src/excel/settings';
import { paneFigures } from '../../src/taskpane/figures';
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

async function openPane(version = 18, workbook: { version: number; sheets: Array<{ name: string; rows: unknown[][] }> } = data): Promise<{ page: Page; errors: string[] }> {
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
  await page.addInitScript((d) => void ((window as unknown as { __fakeWorkbookData: unknown }).__fakeWorkbookData = d), { ...workbook, version });
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
  // The problem sheet has errors: the banner warns with the counts instead of a green success.
  expect(await page.getByTestId('status').getAttribute('data-intent')).toBe('warning');
  expect(await page.getByTestId('status').innerText()).toMatch(/发现 [\d,]+ 个错误/);
  await page.waitForFunction(() => Array.from(document.querySelectorAll('button')).some((b) => b.textContent === '标记问题单元格' && !b.disabled));
  await page.waitForTimeout(300); // let Fluent's colour transition of the re-enabled buttons finish
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
  await page.getByText(/已标记 [\d,]+ 个单元格/).waitFor({ timeout: 30_000 });
  const flagged = await model(page);
  expect(flagged.sheets.find((s) => s.name === loc[1])!.fills).toBeGreaterThan(0);
  expect(flagged.sheets.find((s) => s.name === '预算审核_标记记录')?.visibility).toBe('VeryHidden');
  await page.screenshot({ path: artifact('addin-flagged.png'), fullPage: true });

  await page.getByRole('button', { name: '清除标记' }).click();
  await page.getByText(/已恢复 [\d,]+ 个单元格的原格式/).waitFor({ timeout: 30_000 });
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
  await page.getByText('选择 .xlsx / .csv 文件…').waitFor();
  await page.screenshot({ path: artifact('addin-too-old.png'), fullPage: true });
  expect(errors).toEqual([]);
}, 60_000);

test('报表 → 报告数字 in Excel: the paragraph from the 模板 sheet is filled and the figures sheet gets a suffix next to a user\'s 报告数字', async () => {
  const exec = new ExcelJS.Workbook();
  await exec.xlsx.readFile(path.join(ROOT, 'examples', '预算执行-示例.xlsx'));
  const grids = workbookToGrids(exec, '预算执行-示例.xlsx');
  const template = fs.readFileSync(path.join(ROOT, 'examples', '工作报告模板.txt'), 'utf8').replace(/\n+$/, '');
  const plain = (v: unknown) => (v === undefined || v === null ? null : isCellError(v as never) ? (v as { error: string }).error : v instanceof Date ? v.toISOString().slice(0, 10) : v);
  const sheets = [
    ...grids.sheets.map((g) => ({ name: g.name, rows: g.cells.map((r) => Array.from(r, plain)) })),
    { name: '报告数字', rows: [['用户自己写的数字']] },
    { name: '报告模板', rows: [[template]] },
  ];
  const want = paneFigures([{ file: 'x', sheets: [...grids.sheets, { name: '报告模板', cells: [[template]], merges: [], origin: { row: 1, col: 1 } }] }], DEFAULT_SETTINGS, template);
  const { page, errors } = await openPane(18, { version: 18, sheets });
  await page.getByRole('tab', { name: '报表' }).click({ timeout: 10_000 });
  // No check yet: the 报表 tab opens on 报告数字, its paragraph taken from the 报告模板 sheet.
  const box = page.getByRole('textbox', { name: /段落模板/ });
  await page.getByText('段落模板（来自“模板”工作表，可修改）').waitFor({ timeout: 10_000 });
  expect(await box.inputValue()).toBe(template);
  await page.getByRole('button', { name: '计算并写入数字表' }).click();
  await page.getByText('数字表已写入工作表“报告数字(2)”。').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('figures-paragraph').innerText()).toBe(want.report.fill!.text);
  const cells = await page.evaluate(() => {
    const m = (window as unknown as { __fakeModel: { sheets: Array<{ name: string; get(r: number, c: number): unknown }> } }).__fakeModel;
    const user = m.sheets.find((s) => s.name === '报告数字')!;
    const ours = m.sheets.find((s) => s.name === '报告数字(2)')!;
    const rows: unknown[][] = [];
    for (let r = 0; r < 300; r++) rows.push([0, 1, 2, 3, 4].map((c) => ours.get(r, c)));
    return { user: user.get(0, 0), names: m.sheets.map((s) => s.name), rows };
  });
  expect(cells.user).toBe('用户自己写的数字');
  expect(cells.names.filter((n) => n.startsWith('报告数字'))).toEqual(['报告数字', '报告数字(2)']);
  expect(cells.rows[0]).toEqual(['指标', '数值', '单位', '显示', '算法或来源']);
  expect(cells.rows).toContainEqual(['一般公共预算收入.本期累计', 74356, '万元', '74,356.00', '本期累计']);
  expect(cells.rows.map((r) => r[0])).toContain(want.report.fill!.text);
  await page.screenshot({ path: artifact('addin-figures.png'), fullPage: true });

  // Again: our own 报告数字(2) is replaced, the user's sheet still untouched, no 报告数字(3).
  await page.getByRole('button', { name: '计算并写入数字表' }).click();
  await page.getByText('数字表已写入工作表“报告数字(2)”。').waitFor({ timeout: 30_000 });
  const names = await page.evaluate(() => (window as unknown as { __fakeModel: { sheets: Array<{ name: string }> } }).__fakeModel.sheets.map((s) => s.name));
  expect(names.filter((n) => n.startsWith('报告数字'))).toEqual(['报告数字', '报告数字(2)']);
  expect(errors).toEqual([]);
}, 120_000);

test('规则 → 审核公式 on the fake host: write a formula, 试算 it on the open workbook, add, save, and 开始审核 reports CUSTOM.T01', async () => {
  const { page, errors } = await openPane();
  await page.getByRole('tab', { name: '规则' }).click({ timeout: 10_000 });
  const panel = page.getByRole('region', { name: '审核公式' });
  await panel.getByRole('textbox', { name: '编号' }).fill('T01');
  await panel.getByRole('textbox', { name: '公式' }).fill('本年(经济分类="30101") <= 1000 按单位');
  await panel.getByRole('textbox', { name: '说明' }).fill('工资福利不得超过 1000 元');
  await panel.getByRole('button', { name: '试算' }).click();
  const trial = page.getByTestId('formula-trial');
  await trial.waitFor({ timeout: 60_000 });
  expect(await trial.innerText()).toMatch(/县教育局：左边 [\d.,]+ 万元，右边 0\.10 万元，相差 [\d.,]+ 万元：不成立/);
  // A mistyped sheet name: the position and the reason, in Chinese.
  await panel.getByRole('textbox', { name: '公式' }).fill('基本支出表!C7 > 0');
  await panel.getByRole('button', { name: '试算' }).click();
  await page.getByText('无法计算：第 1 个字符：找不到工作表“基本支出表”').waitFor({ timeout: 60_000 });
  await panel.getByRole('textbox', { name: '公式' }).fill('本年(经济分类="30101") <= 1000 按单位');
  await panel.getByRole('button', { name: '添加公式' }).click();
  await page.getByTestId('formula-list').getByText(/T01（强制）/).waitFor();
  await page.screenshot({ path: artifact('addin-formulas.png'), fullPage: true });
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('规则参数已保存，下次审核时生效。').waitFor({ timeout: 10_000 });

  await page.getByRole('tab', { name: '审核' }).click();
  await page.getByRole('button', { name: '开始审核' }).click();
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  await page.getByText('审核公式 T01').first().waitFor({ timeout: 10_000 });
  // Saved with the workbook (Workbook.settings), so it travels with the file.
  const saved = await page.evaluate(() => {
    const s = (window as unknown as { __fakeModel: { settings: unknown } }).__fakeModel.settings;
    return JSON.stringify(s instanceof Map ? [...s.values()] : s);
  });
  expect(saved).toContain('T01');
  expect(errors).toEqual([]);
}, 180_000);
