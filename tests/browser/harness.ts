/** Shared setup of the browser tests: the built page, a static server, chromium, the office.js stub. */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { execFileSync } from 'child_process';
import type { AddressInfo } from 'net';
import { chromium, Browser, Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
/** The built page: dist/web, or the directory BUDGET_REVIEW_WEB names (a build that leaves dist/ alone). */
export const WEB = process.env.BUDGET_REVIEW_WEB ? path.resolve(process.env.BUDGET_REVIEW_WEB) : path.join(ROOT, 'dist/web');
export const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const CSP = "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'";

/** Build the page when the test runs without `npm run build` before it. */
export function ensureBuilt(): void {
  if (fs.existsSync(path.join(WEB, 'taskpane.js')) && fs.existsSync(path.join(WEB, 'budget-review-offline.html'))) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', WEB], { cwd: ROOT, stdio: 'inherit' });
}

/** Bundle tests/browser/office-stub.ts (the fake Excel host) into tests/artifacts/office-stub.js. */
export async function buildStub(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack');
  const out = path.join(ARTIFACTS, 'stub');
  await new Promise<void>((resolve, reject) => {
    webpack({
      mode: 'development',
      devtool: false,
      target: 'web',
      entry: path.join(__dirname, 'office-stub.ts'),
      output: { path: out, filename: 'office-stub.js' },
      resolve: { extensions: ['.ts', '.js'] },
      module: { rules: [{ test: /\.ts$/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'ESNext', target: 'ES2020' } } } }] },
    }, (err: Error | null, stats: { hasErrors(): boolean; toString(): string }) => (err || stats.hasErrors() ? reject(err ?? new Error(stats.toString())) : resolve()));
  });
  return fs.readFileSync(path.join(out, 'office-stub.js'), 'utf8');
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml' };

/** Serve dist/web with the CSP as an HTTP header too. */
export async function serve(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const p = path.join(WEB, decodeURIComponent((req.url ?? '/').split('?')[0]));
    if (!p.startsWith(WEB) || !fs.existsSync(p) || fs.statSync(p).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(p)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP });
    fs.createReadStream(p).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function artifact(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/**
 * Every severity shown and every group opened, so that all findings are in the page (offline page
 * and pane alike); with `goalGrids`, every project's goal grid expanded too.
 */
export async function showAll(page: Page, opts: { goalGrids?: boolean } = {}): Promise<void> {
  for (const label of ['错误', '警告', '提示']) {
    const b = page.getByRole('button', { name: new RegExp(`^${label} [\\d,]+$`) });
    if ((await b.count()) && (await b.getAttribute('aria-pressed')) !== 'true') await b.click();
  }
  const closed = page.locator('main button[aria-expanded="false"]');
  for (let i = await closed.count(); i > 0; i--) await closed.first().click();
  if (opts.goalGrids) await page.locator('[data-testid="goal-grid"]').evaluateAll((els) => els.forEach((e) => ((e as HTMLDetailsElement).open = true)));
}
