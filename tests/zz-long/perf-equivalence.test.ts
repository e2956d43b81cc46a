/**
 * Issue 6: the optimised core (src/core) must return exactly what the straightforward implementation
 * returned before the performance work. tests/reference/ holds that implementation, frozen; here both
 * run on random workbooks (fast-check over the synthetic generator's options and seeds, mutated sheets,
 * prior-year workbooks, auxiliary sheets, duplicate rows and rule parameters) and must agree on every
 * finding, every line, the summary and the standard tables (the optimised table code over the
 * optimised reader's lines against the reference table code over the reference reader's lines).
 */
import fc from 'fast-check';
import { checkWorkbooks, CheckReport } from '../../tests/core/../../src/core/check';
import type { RuleConfigInput } from '../../tests/core/../../src/core/config';
import type { Cell, Grid, WorkbookGrids } from '../../tests/core/../../src/core/grid';
import { AmountUnit, parseAmount } from '../../tests/core/../../src/core/money';
import { generateTables, listUnits } from '../../tests/core/../../src/core/tables';
import { mutatedSynthArb } from '../../tests/core/../../src/testing/fuzz-grids';
import { rulesExampleWorkbook } from '../../tests/core/../../src/testing/rules-example';
import { synthSheet, SynthOptions, SynthResult } from '../../tests/core/../../src/testing/synth';
import { referenceCheckWorkbooks, referenceGenerateTables, referenceParseAmount } from '../../tests/core/../reference';

const synthOptionsArb: fc.Arbitrary<SynthOptions> = fc.record({
  lines: fc.integer({ min: 1, max: 60 }),
  units: fc.integer({ min: 1, max: 6 }),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  layout: fc.constantFrom('long', 'wide', 'split', 'kindSplit'),
  unit: fc.constantFrom<AmountUnit>('yuan', 'wan'),
  amountText: fc.constantFrom(0, 0.3, 1),
  zeros: fc.constantFrom('blank', 'zero', 'dash'),
  twoRowHeader: fc.boolean(),
  codeStyle: fc.constantFrom('separate', 'codeOnly', 'space', 'bracket', 'dash'),
  kindLabels: fc.constantFrom('detailed', 'basic', 'yitihua'),
  unitNote: fc.constantFrom('line', 'header', 'none'),
  subtotals: fc.boolean(),
  total: fc.constantFrom('top', 'bottom', 'none'),
  unitCells: fc.constantFrom('every', 'merged', 'once'),
  blankRows: fc.boolean(),
  breakdownRows: fc.constantFrom(0, 0.3),
  shuffleColumns: fc.boolean(),
  remarkColumn: fc.boolean(),
  serialColumn: fc.boolean(),
  priorColumns: fc.boolean(),
  unitCodeColumn: fc.boolean(),
  unitKindColumn: fc.boolean(),
  projectColumns: fc.boolean(),
  basisColumn: fc.boolean(),
  goalColumn: fc.boolean(),
  sanbaoColumn: fc.boolean(),
  perfStyle: fc.constantFrom('mixed', 'plain'),
  firstUnit: fc.integer({ min: 0, max: 3 }),
}) as fc.Arbitrary<SynthOptions>;

/** Copies of some data rows appended after the others (DATA.DUPLICATE_LINE, broken 合计 rows). */
function withDuplicates(s: SynthResult, picks: number[]): Grid {
  const first = s.expected.firstDataRow;
  const n = s.grid.cells.length - first;
  if (picks.length === 0 || n <= 0) return s.grid;
  const cells = s.grid.cells.map((r) => r.slice());
  for (const p of picks) cells.push(cells[first + (p % n)].slice());
  return { ...s.grid, cells };
}

/** 三保需求, 项目库 and 债券付息 sheets naming some of the generated units and projects. */
function auxSheets(s: SynthResult, pick: { sanbao: boolean; library: boolean; bonds: boolean; needFen: number }): Grid[] {
  const out: Grid[] = [];
  const units = s.expected.units;
  if (pick.sanbao) {
    const types = ['保工资', '保运转', '保基本民生'];
    const rows: Cell[][] = [['单位：元'], ['单位', '三保类型', '需求数']];
    units.forEach((u, i) => rows.push([i % 2 ? u.name : u.code, types[i % 3], (pick.needFen * (i + 1)) / 100]));
    rows.push(['不存在的单位', '保工资', 1000]);
    out.push({ name: '三保需求', cells: rows });
  }
  if (pick.library) {
    const col = s.expected.columns.projectCode;
    const codes = new Set<string>();
    if (col !== undefined) for (const r of s.grid.cells) if (typeof r[col] === 'string' && /^\d{6,}/.test(r[col] as string)) codes.add(r[col] as string);
    const rows: Cell[][] = [['项目编码', '项目名称']];
    [...codes].filter((_, i) => i % 2 === 0).forEach((c) => rows.push([c, '项目']));
    out.push({ name: '项目库', cells: rows });
  }
  if (pick.bonds) out.push({ name: '债券付息', cells: [['单位：元'], ['债券名称', '应付利息'], ['2021年一般债券', pick.needFen / 100]] });
  return out;
}

const fileArb = fc.record({
  sheets: fc.array(fc.oneof({ weight: 3, arbitrary: synthOptionsArb.map((o) => ({ kind: 'synth' as const, o })) }, { weight: 1, arbitrary: mutatedSynthArb.map((m) => ({ kind: 'mutated' as const, m })) }), { minLength: 1, maxLength: 2 }),
  duplicates: fc.array(fc.nat(), { maxLength: 3 }),
  aux: fc.record({ sanbao: fc.boolean(), library: fc.boolean(), bonds: fc.boolean(), needFen: fc.integer({ min: 0, max: 5e9 }) }),
});

const baseArb: fc.Arbitrary<RuleConfigInput> = fc.record(
  {
    adminCut: fc.record({ enabled: fc.boolean(), rate: fc.constantFrom(0, 0.3) }),
    fundScope: fc.constantFrom(['一般公共预算拨款'], ['一般公共预算拨款', '政府性基金预算拨款'], ['财政专户管理资金']),
    threePublic: fc.record({ allowVehiclePurchase: fc.boolean(), rate: fc.constantFrom(0, 0.1) }),
    generalCut: fc.record({ rate: fc.constantFrom(0, 0.05, 0.5) }),
    livelihood: fc.record({ minUnits: fc.constantFrom(1, 3) }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<RuleConfigInput>;

const runArb = fc.record({
  files: fc.array(fileArb, { minLength: 1, maxLength: 3 }),
  prior: fc.option(synthOptionsArb, { nil: undefined }),
  base: baseArb,
  example: fc.boolean(),
});

type Run = { workbooks: WorkbookGrids[]; prior?: WorkbookGrids[]; base: RuleConfigInput };

type RunInput = typeof runArb extends fc.Arbitrary<infer T> ? T : never;

function build(run: RunInput): Run {
  const workbooks: WorkbookGrids[] = run.files.map((f, i) => {
    const sheets: Grid[] = [];
    let firstSynth: SynthResult | null = null;
    f.sheets.forEach((s, j) => {
      if (s.kind === 'mutated') {
        sheets.push({ ...s.m.grid, name: `明细${j + 1}` });
        return;
      }
      const r = synthSheet({ ...s.o, sheetName: `明细${j + 1}` });
      firstSynth ??= r;
      sheets.push(j === 0 ? withDuplicates(r, f.duplicates) : r.grid);
    });
    if (firstSynth) sheets.push(...auxSheets(firstSynth, f.aux));
    return { file: `部门${i + 1}.xlsx`, sheets };
  });
  if (run.example) workbooks.push(rulesExampleWorkbook());
  const prior = run.prior ? [{ file: '上年.xlsx', sheets: [synthSheet({ ...run.prior, title: '2024年部门预算明细表' }).grid] }] : undefined;
  return { workbooks, prior, base: run.base };
}

function comparable(r: CheckReport): object {
  return {
    inputs: r.inputs,
    findings: r.findings,
    summary: r.summary,
    lines: r.lines,
    priorLines: r.priorLines,
    recognised: r.recognised,
    year: r.year,
    config: r.config,
  };
}

/** The standard tables of a report's lines, by the optimised or the reference table code. */
function tablesOf(r: CheckReport, generate: typeof generateTables): object {
  const units = listUnits(r.lines);
  const one = units[0] ? [units[0].code || units[0].name] : undefined;
  return {
    national: generate(r.lines, { config: r.config, year: r.year }),
    shanghai: generate(r.lines, { config: r.config, style: 'shanghai' }),
    firstUnit: one ? generate(r.lines, { config: r.config, units: one }) : null,
  };
}

function expectSame(run: Run): void {
  let fastError: unknown = null;
  let refError: unknown = null;
  let fast: CheckReport | null = null;
  let ref: CheckReport | null = null;
  try {
    fast = checkWorkbooks(run.workbooks, { prior: run.prior, base: run.base });
  } catch (e) {
    fastError = e;
  }
  try {
    ref = referenceCheckWorkbooks(run.workbooks, { prior: run.prior, base: run.base }) as unknown as CheckReport;
  } catch (e) {
    refError = e;
  }
  expect(String(fastError)).toBe(String(refError));
  if (!fast || !ref) return;
  expect(comparable(fast)).toEqual(comparable(ref));
  expect(tablesOf(fast, generateTables)).toEqual(tablesOf(ref, referenceGenerateTables as unknown as typeof generateTables));
}

describe('optimised core = reference implementation', () => {
  test('random workbooks: identical findings, lines, summary and tables', () => {
    fc.assert(
      fc.property(runArb, (run) => expectSame(build(run))),
      { numRuns: 10 * 120 },
    );
  });

  test('the rules example workbook (every rule family fires)', () => {
    expectSame({ workbooks: [rulesExampleWorkbook()], base: {} });
    expectSame({ workbooks: [rulesExampleWorkbook()], base: { adminCut: { enabled: true } } as RuleConfigInput });
  });

  test('a larger sheet per layout (memo limits, many projects)', () => {
    for (const layout of ['long', 'wide', 'split', 'kindSplit'] as const) {
      const s = synthSheet({ lines: 12_000, units: 25, seed: 7, layout, subtotals: true, unitCells: 'merged', breakdownRows: 0.1 });
      expectSame({ workbooks: [{ file: 'big.xlsx', sheets: [withDuplicates(s, [1, 5, 900])] }], base: {} });
    }
  });
});

describe('money parsing fast path = reference parsing', () => {
  const units: AmountUnit[] = ['yuan', 'wan'];
  const numberArb = fc.oneof(
    fc.double({ noNaN: false }),
    fc.integer({ min: -1e12, max: 1e12 }).map((k) => k / 100),
    fc.integer({ min: -1e12, max: 1e12 }).map((k) => k / 1e6),
    fc.integer({ min: -1e9, max: 1e9 }).map((k) => k / 1000 + 0.0005),
    fc.integer({ min: -(2 ** 53), max: 2 ** 53 }),
    fc.double({ min: -1e17, max: 1e17 }),
    fc.constantFrom(0.1 + 0.2, 1e-7, -0, 9e13, 9e13 + 0.01, 9.0000000001e13, 2 ** 46, 2 ** 46 + 0.5, 1.005, 2.675, 0.125, 1151157.9),
  );
  test.each(units)('numbers in %s', (unit) => {
    fc.assert(
      fc.property(numberArb, (x) => {
        expect(parseAmount(x, unit)).toEqual(referenceParseAmount(x, unit));
      }),
      { numRuns: 10 * 20_000 },
    );
  });
});
