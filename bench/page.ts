/**
 * The offline page's bench row (issue 12): the single-file page in chromium (playwright-core, Debian
 * chromium) checks an .xlsx; measured are the time from choosing the file to the findings summary, the
 * longest main-thread task (PerformanceObserver 'longtask'), the peak JS heaps of the page's main
 * thread and of its check worker (CDP Runtime.getHeapUsage on each, sampled every 100 ms), and
 * `check --json` on the same file in the same run for the page ÷ CLI ratio (target ≤ 2.0).
 *
 *   node dist/bench/page.js <file.xlsx> [--no-cli]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';

// dist/bench/page.js, or bench/page.ts under ts-node.
const ROOT = fs.existsSync(path.join(__dirname, '..', 'package.json')) ? path.resolve(__dirname, '..') : path.resolve(__dirname, '..', '..');
const PAGE = path.join(ROOT, 'dist', 'web', 'budget-review-offline.html');
const CLI = path.join(ROOT, 'bin', 'budget-review.js');

export interface PageSample {
  pageMs: number;
  cliMs: number | null;
  ratio: number | null;
  maxLongTaskMs: number;
  longTasks: number;
  peakMainHeapMB: number;
  /** Peak JS heap of the check worker (CDP Runtime.getHeapUsage on its target, every 100 ms). */
  peakWorkerHeapMB: number;
  findings: string;
}

export async function benchPage(file: string, opts: { cli?: boolean; timeoutMs?: number } = {}): Promise<PageSample> {
  let cliMs: number | null = null;
  if (opts.cli !== false) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [CLI, 'check', file, '--json'], { maxBuffer: 1 << 30 });
    cliMs = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`check --json failed: ${r.stderr}`);
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    // A string: bench/ compiles without the DOM library.
    await page.addInitScript(`window.__long = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: true });`);
    await page.goto(`file://${PAGE}`);
    await page.getByTestId('file-input').waitFor({ state: 'attached', timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    // The worker's heap: its target is attached under the page's session (not flattened, so that
    // its commands go through Target.sendMessageToTarget on this same session).
    const workerSessions = new Set<string>();
    const pending = new Map<number, (usedSize: number) => void>();
    let nextId = 1;
    cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string } }) => {
      if (e.targetInfo.type === 'worker') workerSessions.add(e.sessionId);
    });
    cdp.on('Target.detachedFromTarget', (e: { sessionId: string }) => workerSessions.delete(e.sessionId));
    cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
      const m = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
      const done = m.id === undefined ? undefined : pending.get(m.id);
      if (done) {
        pending.delete(m.id as number);
        done(m.result?.usedSize ?? 0);
      }
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    const workerHeap = (sessionId: string) =>
      new Promise<number>((res) => {
        const id = nextId++;
        pending.set(id, res);
        // A worker that ends meanwhile never answers: give up on that sample.
        setTimeout(() => pending.delete(id) && res(0), 2000);
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => pending.delete(id) && res(0));
      });
    let peak = 0;
    let peakWorker = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const [h, ...w] = await Promise.all([
          cdp.send('Runtime.getHeapUsage').catch(() => ({ usedSize: 0 })) as Promise<{ usedSize: number }>,
          ...[...workerSessions].map(workerHeap),
        ]);
        peak = Math.max(peak, h.usedSize);
        peakWorker = Math.max(peakWorker, ...w);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    // Long tasks of loading the page itself are not the check's.
    await page.evaluate('window.__long.length = 0');
    const t0 = Date.now();
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('summary').waitFor({ timeout: opts.timeoutMs ?? 600_000 });
    const pageMs = Date.now() - t0;
    // Let the render after the summary finish before reading the long tasks.
    await page.waitForTimeout(500);
    sampling = false;
    await sampler;
    const long = (await page.evaluate('window.__long')) as number[];
    const findings = await page.getByTestId('summary').innerText();
    return {
      pageMs,
      cliMs,
      ratio: cliMs ? pageMs / cliMs : null,
      maxLongTaskMs: long.length ? Math.max(...long) : 0,
      longTasks: long.length,
      peakMainHeapMB: peak / 2 ** 20,
      peakWorkerHeapMB: peakWorker / 2 ** 20,
      findings,
    };
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  const file = process.argv[2];
  benchPage(file, { cli: !process.argv.includes('--no-cli') }).then(
    (r) => process.stdout.write(JSON.stringify(r) + '\n'),
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
