/**
 * Per-unit review workbooks hold exactly one unit's findings and nothing of any other unit
 * (issue 18 §4, issue 19 §1–4), over generated sheets (tests/hardening/per-unit-cases.ts).
 * The 2,000 leak cases run on the real partition (src/core/per-unit.ts, the one the review workbook
 * writer copies by); a subset writes the real per-unit .xlsx files, unzips them and searches every
 * XML part.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { readXlsxBuffer } from '../../src/io/read-xlsx';
import { buildReviewWorkbook } from '../../src/io/review-workbook';
import { checkWorkbooks, CheckReport } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import { cellText, Cell, Grid } from '../../src/core/grid';
import { dataMessages } from '../../src/core/messages/data';
import { FEN_PER_UNIT } from '../../src/core/money';
import { partitionByUnit, sheetKey, UnitPart } from '../../src/core/per-unit';
import { unitCaseArb, UnitCase } from './per-unit-cases';

export const LEAK_RUNS = 2000;
/** Cases whose per-unit files are really written and unzipped (about 0.1 s each). */
const FILE_RUNS = 100;
const FILE = '部门.xlsx';

function check(c: UnitCase): CheckReport {
  return checkWorkbooks([{ file: FILE, sheets: [c.grid] }]);
}

const keyOf = (c: UnitCase, i: number) => (c.unitCodeColumn ? c.units[i].code : c.units[i].name);

/** The truth unit of a finding's row, or -1. */
function truthOf(c: UnitCase, f: Finding): number {
  if (f.location.sheet !== c.grid.name || f.location.row === undefined) return -1;
  return c.truth[f.location.row - 1] ?? -1;
}

describe('issue 18 §4: every finding carries its unit, and a unit’s workbook has exactly its findings', () => {
  test('generated sheets with unreadable amounts anywhere (lines, 小计, 其中, 合计; wide 万元 included): 300 cases', () => {
    fc.assert(
      fc.property(unitCaseArb({ unitMutations: false }), (c) => {
        const report = check(c);
        const p = partitionByUnit(report);
        for (const f of report.findings) {
          const t = truthOf(c, f);
          if (t >= 0) expect({ rule: f.rule, row: f.location.row, unit: f.unit?.code || f.unit?.name }).toEqual({ rule: f.rule, row: f.location.row, unit: keyOf(c, t) });
        }
        c.units.forEach((_, i) => {
          const got = new Set(p.byKey.get(keyOf(c, i))?.findings ?? []);
          const want = new Set(report.findings.filter((f) => truthOf(c, f) === i));
          expect([...got].filter((f) => !want.has(f)).map((f) => f.message)).toEqual([]);
          expect([...want].filter((f) => !got.has(f)).map((f) => f.message)).toEqual([]);
        });
      }),
      { numRuns: 300 },
    );
  });

  test('the issue’s case: 12..5 on 农业农村局’s row of a wide 万元 sheet is DATA.BAD_AMOUNT of 农业农村局, in its workbook only', () => {
    const grid: Grid = {
      name: '明细',
      cells: [
        ['单位：万元'],
        ['单位编码', '单位名称', '功能分类科目编码', '经济分类科目编码', '合计', '一般公共预算拨款', '单位资金'],
        ['101001', '县教育局', '2050101', '30101', 10, 10, null],
        ['301001', '县农业农村局', '2130101', '30101', 12.5, '12..5', null],
      ],
    };
    const report = checkWorkbooks([{ file: FILE, sheets: [grid] }]);
    const bad = report.findings.find((f) => f.rule === 'DATA.BAD_AMOUNT')!;
    expect(bad.unit).toEqual({ code: '301001', name: '县农业农村局' });
    const p = partitionByUnit(report);
    expect(p.byKey.get('301001')!.findings).toContain(bad);
    expect(p.byKey.get('101001')!.findings).not.toContain(bad);
  });
});

// ---- the leak property ---------------------------------------------------------------------------

/** 分 of a money-looking cell (numbers, "1,234.56"), else null. */
function fenOf(v: Cell, fenPer: number): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v !== 0 ? Math.round(v * fenPer) : null;
  if (typeof v === 'string' && /^-?[\d,]+(\.\d+)?$/.test(v.trim())) {
    const n = Number(v.replace(/,/g, ''));
    return n !== 0 ? Math.round(n * fenPer) : null;
  }
  return null;
}

interface Secrets {
  names: string[];
  codes: RegExp[];
  /** Amounts in 分 found only in other units' rows (and the multi-unit 合计). */
  fen: Set<number>;
  /** Those of them that are totals, as messages write them. */
  moneyText: string[];
}

/** What unit i must never see: the other units' names, codes, project codes and amounts. */
function secretsFor(c: UnitCase, i: number): Secrets {
  const fenPer = FEN_PER_UNIT[c.amountUnit];
  const own = new Set<number>();
  const other = new Set<number>();
  const totals = new Set<number>();
  c.grid.cells.forEach((row, r) => {
    const t = c.truth[r];
    const target = r <= c.headerEnd || t === i ? own : other;
    for (const col of c.moneyCols) {
      const f = fenOf(row[col] ?? null, fenPer);
      if (f !== null) target.add(f);
    }
    if (t !== i && t !== -2 && r > c.headerEnd && /^(小计|合计)/.test(cellText(row[0] ?? null))) for (const col of c.moneyCols) {
      const f = fenOf(row[col] ?? null, fenPer);
      if (f !== null) totals.add(f);
    }
  });
  const others = c.units.filter((_, j) => j !== i);
  const fen = new Set([...other].filter((f) => !own.has(f)));
  // The unit's own cells may hold a number that happens to read as another unit's code (an amount of
  // 105004 元 beside unit 105004): that is its own data, not a leak.
  const ownText = c.grid.cells.filter((_, r) => r <= c.headerEnd || c.truth[r] === i).map((row) => row.map((v) => cellText(v ?? null)).join('\n')).join('\n');
  const codeRe = (code: string) => new RegExp(`(?<!\\d)${code}(2025\\d{5})?(?!\\d)`);
  return {
    names: others.map((u) => u.name),
    codes: c.unitCodeColumn ? others.map((u) => codeRe(u.code)).filter((re) => !re.test(ownText)) : [],
    fen,
    moneyText: [...totals].filter((f) => fen.has(f)).map((f) => dataMessages.totalMismatch({ label: '', cell: '', actualFen: f, expectedFen: f, amountUnit: c.amountUnit, what: '' }).match(/为 (\S+ \S+)，/)![1]),
  };
}

/** Everything a unit's workbook would show, from the partition: its copied cells and its findings. */
function modelOf(c: UnitCase, part: UnitPart): { text: string[]; fen: number[] } {
  const fenPer = FEN_PER_UNIT[c.amountUnit];
  const text: string[] = [part.unit.code, part.unit.name];
  const fen: number[] = [];
  const rows = part.sheets.get(sheetKey(FILE, c.grid.name)) ?? [];
  for (const r of rows) {
    const row = c.grid.cells[r - 1] ?? [];
    for (const v of row) text.push(cellText(v ?? null));
    for (const col of c.moneyCols) {
      const f = fenOf(row[col] ?? null, fenPer);
      if (f !== null) fen.push(f);
    }
  }
  for (const f of part.findings) {
    text.push(f.message, f.unit?.code ?? '', f.unit?.name ?? '', f.explanation ?? '');
    if (f.rule.startsWith('DATA.')) for (const v of Object.values(f.figures ?? {})) fen.push(v);
  }
  return { text, fen };
}

function leaks(s: Secrets, text: string, fen: ReadonlyArray<number>): string[] {
  const out: string[] = [];
  for (const n of s.names) if (text.includes(n)) out.push(`name ${n}`);
  for (const re of s.codes) if (re.test(text)) out.push(`code ${re.source}`);
  for (const m of s.moneyText) if (text.includes(m)) out.push(`total ${m}`);
  for (const f of fen) if (s.fen.has(f)) out.push(`amount ${f} 分`);
  return out;
}

/** Every text node of every XML part of an .xlsx, entities decoded. */
function xlsxText(buf: Uint8Array): string {
  const parts = unzipSync(buf);
  let out = '';
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels|vml)$/.test(name)) continue;
    const xml = strFromU8(data);
    out += '\n' + xml.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  }
  return out;
}

describe('issue 19 §4: no per-unit workbook holds anything of another unit', () => {
  test(`generated sheets with blank and swapped unit cells, uncached names, totals above and below, 小计 above its block, bad amounts anywhere (${LEAK_RUNS} cases)`, () => {
    let cases = 0;
    let units = 0;
    let unresolved = 0;
    fc.assert(
      fc.property(unitCaseArb({ unitMutations: true }), (c) => {
        cases++;
        const report = check(c);
        const p = partitionByUnit(report);
        unresolved += report.findings.filter((f) => f.rule === 'DATA.UNIT_UNRESOLVED').length;
        for (const part of p.units.map((u) => p.byKey.get(u.key)!)) {
          const i = c.units.findIndex((_, j) => keyOf(c, j) === part.unit.key);
          expect(i).toBeGreaterThanOrEqual(0);
          const m = modelOf(c, part);
          expect(leaks(secretsFor(c, i), m.text.join('\n'), m.fen)).toEqual([]);
          units++;
        }
      }),
      { numRuns: LEAK_RUNS },
    );
    // Every one of the 2,000 cases ran (fast-check stops at the first failure; no env var or global
    // setting shortens the run), and the cases do exercise the partition: many unit workbooks, unresolved rows among them.
    expect(LEAK_RUNS).toBeGreaterThanOrEqual(2000);
    expect(cases).toBe(LEAK_RUNS);
    expect(units).toBeGreaterThan(LEAK_RUNS * 1.5);
    expect(unresolved).toBeGreaterThan(LEAK_RUNS / 10);
  });

  test(`the real per-unit .xlsx files (unzipped: cells, shared strings, comments, names, doc properties) hold nothing of another unit: ${FILE_RUNS} cases`, async () => {
    let cases = 0;
    let files = 0;
    // A fresh seed each run, as in the model test above; fast-check prints seed and path to replay a failure.
    await fc.assert(fc.asyncProperty(unitCaseArb({ unitMutations: true }), async (c) => {
      cases++;
      const report = check(c);
      // Through exceljs as the CLI copies sheets: the input written and loaded as an .xlsx.
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet(c.grid.name);
      c.grid.cells.forEach((row, r) => row.forEach((v, col) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, col + 1).value = (typeof v === 'object' && !(v instanceof Date) ? { formula: 'A1' } : v) as ExcelJS.CellValue;
      }));
      for (const m of c.grid.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
      const loaded = await readXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer()), FILE);
      const p = partitionByUnit(report);
      for (const u of p.units) {
        const i = c.units.findIndex((_, j) => keyOf(c, j) === u.key);
        const out = buildReviewWorkbook(report, [{ display: FILE, grids: { file: FILE, sheets: [c.grid] }, workbook: loaded.workbook }], { unit: u });
        const text = xlsxText(new Uint8Array(await out.xlsx.writeBuffer()));
        expect(leaks({ ...secretsFor(c, i), fen: new Set() }, text, [])).toEqual([]);
        expect(text).toContain(u.name || u.code);
        files++;
      }
    }), { numRuns: FILE_RUNS });
    expect(cases).toBe(FILE_RUNS);
    expect(files).toBeGreaterThan(FILE_RUNS * 1.5);
  });
});
