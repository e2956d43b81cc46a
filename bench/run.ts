/**
 * `npm run bench` (issue 6, SPEC §6): the performance figures, each the minimum and median of at least
 * five runs, with the ratio to its target, written to bench/results.md with the machine and Node version.
 *
 * Every run is a fresh child process (this file with `child <kind>`), so peak RSS is that run's own
 * and no run warms the next. Inputs come from the seeded generator (src/testing/synth.ts) and are
 * written once to .xlsx files in the temp folder (kept between bench runs).
 *
 *   node --expose-gc dist/bench/run.js [--runs N] [--quick] [--perf-only | --page-only | --review-only]
 *
 * --quick uses smaller inputs (for trying the bench itself); results.md is then not written.
 * --perf-only, --page-only and --review-only print only the PERF rows, the offline page rows (needs
 * `npm run build:web`) or the review-workbook rows.
 */
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkWorkbooks } from '../src/core/check';
import type { Grid } from '../src/core/grid';
import { generateTables } from '../src/core/tables';
import { runFormulas } from '../src/core/formulas';
import type { FormulaDef } from '../src/core/formulas';
import { synthSheet, SynthOptions } from '../src/testing/synth';
import { measureReviewWrite } from './review-write';
import { benchPerUnit } from './per-unit';
import { DEFAULT_CONFIG } from '../src/core/config';
import { emptyAux } from '../src/core/context';
import { projectPerformance } from '../src/core/rules/performance';
import { synthPerformance } from '../src/testing/synth-performance';
import { benchPage, PageSample } from './page';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'budget-review.js');
const SELF = __filename;
const DATA_DIR = path.join(os.tmpdir(), 'budget-review-bench');

const CORE_OPTIONS: SynthOptions = { lines: 1_000_000, units: 20, seed: 1, layout: 'long' };

/** The 审核公式 the bench evaluates over the core run's lines. */
const BENCH_FORMULA = '本年(经济分类="302*", 经济分类<>"30205|30206") <= 上年(经济分类="302*", 经济分类<>"30205|30206") * 95% 按单位';

// ---- children ----------------------------------------------------------------------------------

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

/**
 * A full collection, then a pause: V8 sweeps the old space concurrently after gc(), and a clock started
 * at once timed ≈ 0.3 s of that sweeping within the PERF row (bench/notes.md, PERF 2026-12-06).
 */
async function settle(): Promise<void> {
  gc();
  await new Promise((r) => setTimeout(r, 1500));
}

/** Parse + all rules on the synthetic grid, then the consolidated standard tables over its lines. */
async function childCore(lines: number): Promise<void> {
  const grid = synthSheet({ ...CORE_OPTIONS, lines }).grid;
  const rssInputMB = process.memoryUsage().rss / 2 ** 20;
  // Warm the JIT on a small sheet of the same layout, as any long-running host would be.
  checkWorkbooks([{ file: 'warm.xlsx', sheets: [synthSheet({ ...CORE_OPTIONS, lines: 20_000, seed: 2 }).grid] }]);
  await settle();
  const t0 = process.hrtime.bigint();
  const report = checkWorkbooks([{ file: 'bench.xlsx', sheets: [grid] }]);
  const checkMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const peakCheckMB = process.resourceUsage().maxRSS / 1024;
  const t1 = process.hrtime.bigint();
  const tables = generateTables(report.lines, { config: report.config, year: report.year });
  const tablesMs = Number(process.hrtime.bigint() - t1) / 1e6;
  // 审核公式 (issue 15): one formula with two aggregates, evaluated per unit, over every line.
  const formula: FormulaDef = { id: 'bench', formula: BENCH_FORMULA, type: '强制', note: '', scope: '', origin: null, home: null };
  const data = { workbooks: [], lines: report.lines, priorLines: report.priorLines };
  runFormulas([formula], { ...data, lines: report.lines.slice(0, 20_000) });
  const t2 = process.hrtime.bigint();
  const formulaFindings = runFormulas([formula], data).length;
  const formulaMs = Number(process.hrtime.bigint() - t2) / 1e6;
  out({ checkMs, tablesMs, formulaMs, formulaFindings, peakCheckMB, rssInputMB, lines: report.lines.length, findings: report.findings.length, tables: tables.length });
}

const PERF_OPTIONS = { lines: 1_000_000, projects: 290_000, indicators: 2_000_000 };

/** The PERF rows: alone (grouping and linking included), and PERF's share of a check (both already built by ZBB). */
function perfRows(perf: Sample[]): Row[] {
  const what = `${perf[0].lines.toLocaleString('en')} lines, ${perf[0].goals.toLocaleString('en')} projects' goals, ${perf[0].indicators.toLocaleString('en')} indicators, ${perf[0].findings.toLocaleString('en')} findings`;
  return [
    { measure: `PERF rules alone: ${what}`, unit: 'ms', values: perf.map((p) => p.ms), target: 500 },
    { measure: 'PERF rules within a check (project grouping and goal links already built by ZBB)', unit: 'ms', values: perf.map((p) => p.sharedMs), target: 500 },
  ];
}

/** The PERF rules alone (issue 16): linking, coverage, funds, levels, values, copies. */
async function childPerf(scale: number): Promise<void> {
  const run = (o: typeof PERF_OPTIONS, seed: number) => {
    const { lines, goals } = synthPerformance({ lines: Math.round(o.lines * scale), projects: Math.round(o.projects * scale), indicators: Math.round(o.indicators * scale), seed });
    return { lines, ctx: { config: DEFAULT_CONFIG, lines, prior: { kind: 'none' as const }, aux: { ...emptyAux(), performance: goals }, inputs: [] }, indicators: goals.reduce((n, g) => n + g.indicators.length, 0) };
  };
  projectPerformance.run(run({ lines: 20_000, projects: 6_000, indicators: 40_000 }, 2).ctx); // warm the JIT
  const { ctx, lines, indicators } = run(PERF_OPTIONS, 1);
  await settle();
  const t0 = process.hrtime.bigint();
  const findings = projectPerformance.run(ctx);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  // In a check, ZBB runs first and builds the project grouping and the goal links that PERF shares
  // (cached per lines array): the second run is PERF's own share of a check.
  await settle();
  const t1 = process.hrtime.bigint();
  projectPerformance.run(ctx);
  const sharedMs = Number(process.hrtime.bigint() - t1) / 1e6;
  out({ ms, sharedMs, lines: lines.length, goals: ctx.aux.performance.length, indicators, findings: findings.length });
}

async function childExceljs(file: string): Promise<void> {
  const t0 = process.hrtime.bigint();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  out({ ms: Number(process.hrtime.bigint() - t0) / 1e6, rows: wb.worksheets[0].rowCount });
}

function out(x: object): void {
  process.stdout.write(JSON.stringify(x) + '\n');
}

// ---- inputs ------------------------------------------------------------------------------------

/** Write a grid as .xlsx with exceljs's streaming writer (shared strings, as Excel saves). */
async function writeGrid(grid: Grid, file: string): Promise<void> {
  const tmp = file + '.tmp';
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet(grid.name);
  // Merges first: the streaming writer cannot touch a row once it is committed.
  for (const m of grid.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  grid.cells.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((v, c) => {
      if (v !== null && v !== undefined) row.getCell(c + 1).value = v as ExcelJS.CellValue;
    });
    row.commit();
  });
  ws.commit();
  await wb.commit();
  fs.renameSync(tmp, file);
}

async function ensureBigFile(lines: number): Promise<string> {
  const file = path.join(DATA_DIR, `check-${lines}.xlsx`);
  if (!fs.existsSync(file)) {
    // 20 columns: 序号 … 备注, as a department's full export.
    await writeGrid(synthSheet({ lines, units: 20, seed: 5, layout: 'long', serialColumn: true, remarkColumn: true }).grid, file);
  }
  return file;
}

/**
 * The same sheet with every fifth amount written as text ("约1234.5"): ≈ 20,000 DATA findings at
 * 100,000 lines, so that the page's findings list is measured too (bench rows of the offline page).
 */
async function ensureDirtyFile(lines: number): Promise<string> {
  const file = path.join(DATA_DIR, `check-dirty-${lines}.xlsx`);
  if (!fs.existsSync(file)) {
    const grid = synthSheet({ lines, units: 20, seed: 5, layout: 'long', serialColumn: true, remarkColumn: true }).grid;
    const isAmountCaption = (c: unknown) => typeof c === 'string' && /合计|金额|本年/.test(c);
    const header = grid.cells.findIndex((r) => r.some(isAmountCaption));
    const col = header < 0 ? -1 : grid.cells[header].findIndex(isAmountCaption);
    if (col < 0) throw new Error('bench: no amount column in the synthetic sheet');
    const cells = grid.cells.map((r, i) => (i > header + 1 && i % 5 === 0 && typeof r[col] === 'number' ? r.map((c, j) => (j === col ? `约${c}` : c)) : r));
    await writeGrid({ ...grid, cells }, file);
  }
  return file;
}

/** One sheet of `lines` lines over `units` units (the --per-unit-out rows). */
async function ensurePerUnitFile(lines: number, units: number): Promise<string> {
  const file = path.join(DATA_DIR, `per-unit-${lines}x${units}.xlsx`);
  if (!fs.existsSync(file)) await writeGrid(synthSheet({ lines, units, seed: 6, layout: 'long', serialColumn: true, remarkColumn: true }).grid, file);
  return file;
}

/** A folder of department workbooks (several units each, layouts mixed as submissions are). */
async function ensureFolder(files: number, linesEach: number): Promise<string> {
  const dir = path.join(DATA_DIR, `departments-${files}x${linesEach}`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return dir;
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < files; i++) {
    const layout = (['long', 'long', 'wide', 'split', 'kindSplit'] as const)[i % 5];
    const g = synthSheet({ lines: linesEach, units: 3, seed: 1000 + i, firstUnit: (i * 3) % 60, layout }).grid;
    await writeGrid(g, path.join(dir, `部门${String(i + 1).padStart(3, '0')}.xlsx`));
  }
  fs.writeFileSync(done, '');
  return dir;
}

// ---- measuring ---------------------------------------------------------------------------------

interface Sample {
  ms: number;
  [k: string]: number;
}

function runNode(args: string[], nodeArgs: string[] = [], env: NodeJS.ProcessEnv = process.env): { ms: number; stdout: string; status: number | null } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...nodeArgs, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, cwd: ROOT, env });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return { ms, stdout: r.stdout, status: r.status };
}

function childJson(kind: string, args: string[], nodeArgs: string[] = ['--expose-gc']): Sample {
  const r = runNode([SELF, 'child', kind, ...args], nodeArgs);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Sample;
}

function min(xs: number[]): number {
  return Math.min(...xs);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function log(s: string): void {
  process.stderr.write(s + '\n');
}

interface Row {
  measure: string;
  unit: string;
  values: number[];
  /** Target (same unit), or null for figures without one. */
  target: number | null;
  /** 'max': value must be ≤ target; 'less': value must be < target. */
  kind?: 'max' | 'less';
  note?: string;
}

function fmt(x: number, unit: string): string {
  if (unit === 'ms') return x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`;
  if (unit === 'MB') return `${Math.round(x)} MB`;
  if (unit === 'B') return `${(x / 1e6).toFixed(2)} MB`;
  if (unit === '×') return `${x.toFixed(2)}×`;
  if (unit === 'files/s') return `${x.toFixed(1)} files/s`;
  return `${Math.round(x)}`;
}

function table(rows: Row[]): string {
  const lines = ['| measure | min | median | target | median ÷ target | |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const med = median(r.values);
    const ratio = r.target === null ? '' : `${(med / r.target).toFixed(2)}`;
    const ok = r.target === null ? '' : (r.kind === 'less' ? med < r.target : med <= r.target) ? 'met' : '**missed**';
    const target = r.target === null ? '—' : `${r.kind === 'less' ? '<' : '≤'} ${fmt(r.target, r.unit)}`;
    lines.push(`| ${r.measure}${r.note ? ` (${r.note})` : ''} | ${fmt(min(r.values), r.unit)} | ${fmt(med, r.unit)} | ${target} | ${ratio} | ${ok} |`);
  }
  return lines.join('\n');
}

/** Top self-time functions of one profiled core run (the profile behind the core figure). */
function coreProfile(lines: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-prof-'));
  try {
    runNode([SELF, 'child', 'core', String(lines)], ['--expose-gc', '--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) return '(no profile written)';
    const p = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
      nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
      samples: number[];
      timeDeltas: number[];
    };
    const dt = new Map<number, number>();
    p.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
    const self = new Map<string, number>();
    for (const n of p.nodes) {
      const where = n.callFrame.url ? `${n.callFrame.url.replace(/^.*\/dist\//, '')}:${n.callFrame.lineNumber + 1}` : '';
      const k = `${n.callFrame.functionName || '(anonymous)'} ${where}`.trim();
      self.set(k, (self.get(k) ?? 0) + (dt.get(n.id) ?? 0));
    }
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
    return [
      '| self time | share | function |',
      '|---|---|---|',
      ...top.map(([k, us]) => `| ${Math.round(us / 1000)} ms | ${((100 * us) / total).toFixed(1)}% | \`${k}\` |`),
      '',
      `(whole child process: synthetic input generation, warm-up, check and tables; ${Math.round(total / 1000)} ms sampled)`,
    ].join('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Lines of the workbook the page must get through at all (issue 12): one run, its time and heaps. */
const PAGE_BIG_LINES = 1_000_000;

/**
 * The offline page in chromium beside `check --json` on the same file (issue 12), `runs` times at
 * 100,000 lines, once on that sheet with ≈ 20,000 findings, then once at 1,000,000 lines (each
 * workbook generated once, kept in the data folder).
 */
async function pageRows(quick: boolean, runs: number): Promise<Row[]> {
  const lines = quick ? 10_000 : 100_000;
  const file = await ensureBigFile(lines);
  const samples: PageSample[] = [];
  const say = (n: number, s: PageSample) =>
    log(`page ${n.toLocaleString('en')} lines: ${Math.round(s.pageMs)} ms, CLI ${Math.round(s.cliMs ?? 0)} ms, longest main-thread task ${Math.round(s.maxLongTaskMs)} ms (${s.longTasks} long tasks), peak heap main ${s.peakMainHeapMB.toFixed(0)} MB, worker ${s.peakWorkerHeapMB.toFixed(0)} MB`);
  for (let i = 0; i < runs; i++) {
    log(`offline page in chromium, ${lines.toLocaleString('en')} lines, ${i + 1}/${runs} …`);
    const s = await benchPage(file);
    samples.push(s);
    say(lines, s);
  }
  const dirty = await benchPage(await ensureDirtyFile(lines));
  log(`page, ${lines.toLocaleString('en')} lines with every fifth amount as text: ${dirty.findings.replace(/\s+/g, ' ').slice(0, 80)}`);
  say(lines, dirty);
  const bigLines = quick ? 100_000 : PAGE_BIG_LINES;
  log(`offline page in chromium, ${bigLines.toLocaleString('en')} lines (the workbook is written once) …`);
  const big = await benchPage(await ensureBigFile(bigLines), { timeoutMs: 1_800_000 });
  say(bigLines, big);
  const at = `${lines.toLocaleString('en')}-line .xlsx`;
  const atBig = `${bigLines.toLocaleString('en')}-line .xlsx`;
  return [
    { measure: `offline page in chromium: file chosen → findings, ${at}`, unit: 'ms', values: samples.map((s) => s.pageMs), target: null },
    { measure: `offline page ÷ \`check --json\` on that file (same run)`, unit: '×', values: samples.map((s) => s.ratio ?? NaN), target: 2 },
    { measure: `offline page: longest main-thread task (PerformanceObserver 'longtask')`, unit: 'ms', values: samples.map((s) => s.maxLongTaskMs), target: 200 },
    { measure: `offline page: peak JS heap, main thread`, unit: 'MB', values: samples.map((s) => s.peakMainHeapMB), target: null },
    { measure: `offline page: peak JS heap, check worker`, unit: 'MB', values: samples.map((s) => s.peakWorkerHeapMB), target: null },
    { measure: `offline page, the same sheet with every fifth amount as text (${dirty.findings.match(/共\s*([\d,]+)\s*条/)?.[1] ?? '?'} findings): longest main-thread task`, unit: 'ms', values: [dirty.maxLongTaskMs], target: 200 },
    { measure: `offline page, that sheet ÷ \`check --json\``, unit: '×', values: [dirty.ratio ?? NaN], target: 2 },
    { measure: `offline page: file chosen → findings, ${atBig} (completes; one run)`, unit: 'ms', values: [big.pageMs], target: null },
    { measure: `offline page ÷ \`check --json\` on the ${atBig}`, unit: '×', values: [big.ratio ?? NaN], target: null },
    { measure: `offline page, ${atBig}: longest main-thread task`, unit: 'ms', values: [big.maxLongTaskMs], target: null },
    { measure: `offline page, ${atBig}: peak JS heap, main thread`, unit: 'MB', values: [big.peakMainHeapMB], target: null },
    { measure: `offline page, ${atBig}: peak JS heap, check worker`, unit: 'MB', values: [big.peakWorkerHeapMB], target: null },
  ];
}

async function main(argv: string[]): Promise<void> {
  const runs = Math.max(5, Number(argv[argv.indexOf('--runs') + 1]) || 5);
  const quick = argv.includes('--quick');
  if (argv.includes('--perf-only')) {
    // Only the PERF row (issue 16), printed, results.md untouched.
    const perf: Sample[] = [];
    for (let i = 0; i < runs; i++) perf.push(childJson('perf', [quick ? '0.1' : '1']));
    process.stdout.write(table(perfRows(perf)) + '\n');
    return;
  }
  if (argv.includes('--page-only')) {
    // Only the offline page rows (issue 12), printed, results.md untouched.
    fs.mkdirSync(DATA_DIR, { recursive: true });
    if (!fs.existsSync(CLI)) throw new Error(`bench: ${CLI} missing; run npm run build:cli first`);
    process.stdout.write(table(await pageRows(quick, Math.max(1, Number(argv[argv.indexOf('--runs') + 1]) || 1))) + '\n');
    return;
  }
  if (argv.includes('--review-only')) {
    // Only the review-workbook rows (issue 14 part 2, issue 19 items 9 and 17), printed, results.md untouched.
    const n = Math.max(1, Number(argv[argv.indexOf('--runs') + 1]) || 3);
    fs.mkdirSync(DATA_DIR, { recursive: true });
    const file = await ensureBigFile(quick ? 10_000 : 100_000);
    const perUnitFile = await ensurePerUnitFile(quick ? 10_000 : 100_000, 400);
    const rows: Row[] = measureReviewWrite(runNode, CLI, file, perUnitFile, n);
    // Issue 19 item 17: 10,000 units (5 lines each), in-process; a sample of units written, the rest extrapolated.
    const sample = quick ? 200 : 1000;
    for (const writer of ['stream', 'memory'] as const) {
      const xs: Sample[] = [];
      for (let i = 0; i < n; i++) xs.push(childJson('per-unit', [String(sample), writer]));
      log(`per-unit 10,000 units (${writer}): ${xs.map((x) => Math.round(x.totalMs)).join(', ')} ms`);
      rows.push({ measure: `${writer === 'memory' ? 'before: ' : ''}per-unit, 10,000 units: check + plan + every unit's workbook (${sample} written, the rest extrapolated; ${writer === 'memory' ? 'in-memory, written to buffers only, not to disk' : 'writePerUnit: files on disk, atomic rename'})`, unit: 'ms', values: xs.map((x) => x.totalMs), target: null });
    }
    process.stdout.write(table(rows) + '\n');
    return;
  }
  const coreLines = quick ? 100_000 : 1_000_000;
  const fileLines = quick ? 10_000 : 100_000;
  const folderFiles = quick ? 20 : 200;
  const folderLines = quick ? 300 : 1_000;
  fs.mkdirSync(DATA_DIR, { recursive: true });
  if (!fs.existsSync(CLI)) throw new Error(`bench: ${CLI} missing; run npm run build:cli first`);

  log(`bench: inputs in ${DATA_DIR}`);
  const bigFile = await ensureBigFile(fileLines);
  const folder = await ensureFolder(folderFiles, folderLines);
  // The offline page on the same file, beside `check --json` in the same run (issue 12).
  const page = await pageRows(quick, runs);

  // 1. Core: parse + all rules, and the consolidated tables, at 1,000,000 lines.
  const core: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    core.push(childJson('core', [String(coreLines)]));
    log(`core ${i + 1}/${runs}: check ${Math.round(core[i].checkMs)} ms, peak ${Math.round(core[i].peakCheckMB)} MB, tables ${Math.round(core[i].tablesMs)} ms, 审核公式 ${Math.round(core[i].formulaMs)} ms`);
  }

  // 1b. The PERF rules at 1,000,000 lines, 290,000 projects, 2,000,000 indicators (issue 16).
  const perf: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    perf.push(childJson('perf', [quick ? '0.1' : '1']));
    log(`PERF ${i + 1}/${runs}: ${Math.round(perf[i].ms)} ms, ${perf[i].findings} findings`);
  }

  // 2. check --json end to end vs exceljs loading the same file, alternating.
  const cliMs: number[] = [];
  const exceljsMs: number[] = [];
  const altMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    cliMs.push(runNode([CLI, 'check', bigFile, '--json', '--jobs', '1']).ms);
    exceljsMs.push(runNode([SELF, 'child', 'exceljs', bigFile]).ms);
    altMs.push(runNode([path.join(__dirname, 'alternative.js'), bigFile]).ms);
    log(`check --json ${Math.round(cliMs[i])} ms, exceljs load ${Math.round(exceljsMs[i])} ms, alternative ${Math.round(altMs[i])} ms`);
  }
  const cliRatio = cliMs.map((ms, i) => ms / exceljsMs[i]);
  const altRatio = cliMs.map((ms, i) => ms / altMs[i]);

  // 3. Task pane on the fake host (bench/taskpane.js loads the office.js-typed sources via ts-node).
  const pane: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const r = runNode([path.join(ROOT, 'bench', 'taskpane.js')]);
    pane.push(JSON.parse(r.stdout.trim().split('\n').pop() as string) as Sample);
    log(`task pane: ${pane[i].syncs} syncs, max request ${pane[i].maxRequestBytes} B, max response ${pane[i].maxResponseBytes} B, ${Math.round(pane[i].ms)} ms`);
  }

  // 3b. Issue 11 on the strict fake host (Excel on the web): clearing 20,000 flags, and 审核结果 with
  // 40,000 findings, real-length messages (bench/taskpane-limits.js).
  const clear: Sample[] = [];
  const results: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [kind, list] of [['clear', clear], ['results', results]] as const) {
      const r = runNode([path.join(ROOT, 'bench', 'taskpane-limits.js'), kind]);
      list.push(JSON.parse(r.stdout.trim().split('\n').pop() as string) as Sample);
      log(`task pane ${kind}: ${list[i].syncs} syncs, max request ${list[i].maxRequestBytes} B, max response ${list[i].maxResponseBytes} B, failed ${list[i].failedSyncs}`);
    }
  }

  // 4. Many files: the folder with 1 and 2 workers, alternating.
  const nFiles = fs.readdirSync(folder).filter((f) => f.endsWith('.xlsx')).length;
  const one: number[] = [];
  const two: number[] = [];
  for (let i = 0; i < runs; i++) {
    one.push(nFiles / (runNode([CLI, 'check', folder, '--json', '--jobs', '1']).ms / 1000));
    two.push(nFiles / (runNode([CLI, 'check', folder, '--json', '--jobs', '2']).ms / 1000));
    log(`folder: ${one[i].toFixed(1)} files/s with 1 worker, ${two[i].toFixed(1)} with 2`);
  }

  // 2c. Review workbooks: --out and --per-unit-out against --json (issue 14 part 2).
  const reviewWrite = measureReviewWrite(runNode, CLI, bigFile, await ensurePerUnitFile(fileLines, 400), runs);

  const rows: Row[] = [
    ...page,
    ...reviewWrite,
    { measure: `core: parse grid + all rules, ${coreLines.toLocaleString('en')} lines`, unit: 'ms', values: core.map((c) => c.checkMs), target: 1000 },
    { measure: `core: peak RSS of that run`, unit: 'MB', values: core.map((c) => c.peakCheckMB), target: 1536, note: `the input grid alone: ${Math.round(median(core.map((c) => c.rssInputMB)))} MB` },
    { measure: `core: all standard tables, consolidated, ${coreLines.toLocaleString('en')} lines`, unit: 'ms', values: core.map((c) => c.tablesMs), target: 1000 },
    ...perfRows(perf),
    { measure: `审核公式: \`${BENCH_FORMULA.replace(/\|/g, "\\|")}\` over ${coreLines.toLocaleString('en')} lines`, unit: 'ms', values: core.map((c) => c.formulaMs), target: 1000, kind: 'less' },
    { measure: `\`check --json\` end to end, ${fileLines.toLocaleString('en')}-line .xlsx`, unit: 'ms', values: cliMs, target: null },
    { measure: `exceljs alone loading that file`, unit: 'ms', values: exceljsMs, target: null },
    { measure: `\`check --json\` ÷ exceljs load (same run, alternating)`, unit: '×', values: cliRatio, target: 1.3 },
    { measure: `obvious alternative (exceljs + plain loops for 三公 and 一般性支出)`, unit: 'ms', values: altMs, target: null },
    { measure: `\`check --json\` ÷ obvious alternative`, unit: '×', values: altRatio, target: null },
    { measure: `task pane: read + check + flag, 100,000 × 20 cells, 10,000 flagged — context.sync() calls`, unit: '', values: pane.map((p) => p.syncs), target: 40 },
    { measure: `task pane: largest request (UTF-8 JSON)`, unit: 'B', values: pane.map((p) => p.maxRequestBytes), target: 4_000_000, kind: 'less' },
    { measure: `task pane: largest response (UTF-8 JSON)`, unit: 'B', values: pane.map((p) => p.maxResponseBytes), target: 4_000_000, kind: 'less' },
    { measure: `task pane: wall time on the fake host`, unit: 'ms', values: pane.map((p) => p.ms), target: null },
    { measure: `task pane, strict fake (web): 清除标记 of 20,000 flags with notes — context.sync() calls`, unit: '', values: clear.map((p) => p.syncs), target: 40 },
    { measure: `task pane: that clear's largest request / response`, unit: 'B', values: clear.map((p) => Math.max(p.maxRequestBytes, p.maxResponseBytes)), target: 4_000_000, kind: 'less' },
    { measure: `task pane, strict fake (web): 写入审核结果 with 40,000 findings — context.sync() calls`, unit: '', values: results.map((p) => p.syncs), target: 40 },
    { measure: `task pane: that write's largest request / response`, unit: 'B', values: results.map((p) => Math.max(p.maxRequestBytes, p.maxResponseBytes)), target: 4_000_000, kind: 'less' },
    { measure: `many files: \`check --json --jobs 1\` on ${nFiles} department workbooks (${folderLines.toLocaleString('en')} lines each), main thread only`, unit: 'files/s', values: one, target: null },
    { measure: `many files: the same folder, \`--jobs 2\` (main thread + 1 worker thread reading)`, unit: 'files/s', values: two, target: null },
  ];

  log('profiling one core run …');
  const profile = coreProfile(coreLines);
  const cpus = os.cpus();
  const notesFile = path.join(ROOT, 'bench', 'notes.md');
  const notes = fs.existsSync(notesFile) ? fs.readFileSync(notesFile, 'utf8').trim() : '';
  const md = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}. Each figure: minimum and median of ${runs} runs, each run a fresh process.`,
    '',
    `- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}`,
    `- Node ${process.version} (V8 ${process.versions.v8})`,
    `- Inputs: the seeded generator (src/testing/synth.ts); core: \`synthSheet(${JSON.stringify({ ...CORE_OPTIONS, lines: coreLines })})\`, ` +
      `the .xlsx of ${fileLines.toLocaleString('en')} lines × 20 columns and ${nFiles} department workbooks written with exceljs's streaming writer.`,
    '',
    table(rows),
    '',
    `Task pane, issue 11 rows: failed syncs while clearing ${Math.max(...clear.map((p) => p.failedSyncs))}, while writing 审核结果 ${Math.max(...results.map((p) => p.failedSyncs))}; cells restored ${median(clear.map((p) => p.restoredCells))}.`,
    '',
    `Task pane: ${median(pane.map((p) => p.readSyncs))} of the syncs read the sheet; ${median(pane.map((p) => p.badAmounts))} DATA.BAD_AMOUNT findings flagged (${median(pane.map((p) => p.flaggedCells))} cells); failed syncs: ${Math.max(...pane.map((p) => p.failedSyncs))}.`,
    '',
    '## Profile of one core run',
    '',
    profile,
    '',
    notes,
    '',
  ].join('\n');
  if (quick) {
    process.stdout.write(md);
    return;
  }
  fs.writeFileSync(path.join(ROOT, 'bench', 'results.md'), md);
  log('bench/results.md written');
}

if (process.argv[2] === 'child') {
  const kind = process.argv[3];
  if (kind === 'core') void childCore(Number(process.argv[4]));
  else if (kind === 'exceljs') void childExceljs(process.argv[4]);
  else if (kind === 'perf') void childPerf(Number(process.argv[4]));
  else if (kind === 'per-unit') void benchPerUnit(10_000, 5, Number(process.argv[4]), process.argv[5] === 'memory' ? 'memory' : 'stream').then((r) => out({ ms: r.totalMs, ...r }));
  else throw new Error(`bench: unknown child ${kind}`);
} else {
  main(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
