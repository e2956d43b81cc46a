/**
 * Whole published sets (tests/fixtures/published-sets/<id>/): the department's PDF as `pdftotext
 * -layout` printed it (source.txt, one page a form feed), converted page by page by
 * scripts/convert-published.ts into one sheet per page, checked as one workbook through check().
 * Findings must be the hand-worked ones in expected.json: no false error, every table the tool does
 * not understand NOT_CHECKED, and slips planted in the checked tables found where they are planted.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readCsvBuffer } from '../../../../src/cli/read-csv';
import { checkWorkbooks } from '../../../../src/core/check';
import type { WorkbookGrids } from '../../../../src/core/grid';
import { readFilledTables } from '../../../../src/core/tables/filled';
import { PUBLISHED_SETS_DIR, convertSet, setIds } from '../../../../scripts/convert-published';

interface Plant { sheet: string; cell: string; value: string }

interface Expected {
  tables: Array<{ sheet: string; kind: string; problem: string | null }>;
  /** `severity: "error"` marks a real slip of the published PDF; every other error is a false one. */
  findings: Array<{ rule: string; sheet: string | null; severity?: string }>;
  plants: Plant[];
  /** The set checked with an earlier year's set of the same department as --prior. */
  withPrior?: { set: string; findings: Array<{ rule: string; sheet: string | null }>; onlyIncrease: string[]; plant: Plant; threePublicPlant?: Plant };
}

function load(id: string): { wb: WorkbookGrids; expected: Expected } {
  const dir = path.join(PUBLISHED_SETS_DIR, id);
  const files = fs.readdirSync(dir).filter((f) => /^p\d+\.csv$/.test(f)).sort();
  const sheets = files.map((f) => ({ ...readCsvBuffer(fs.readFileSync(path.join(dir, f)), f).sheets[0], name: f.replace('.csv', '') }));
  // The workbook carries the published file's name, which gives the budget year when no title does.
  const source = JSON.parse(fs.readFileSync(path.join(dir, 'source.json'), 'utf8')) as { path: string };
  const file = path.basename(source.path).replace(/\.pdf$/i, '.xlsx');
  return { wb: { file, sheets }, expected: JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) };
}

function planted(wb: WorkbookGrids, plant: Plant): WorkbookGrids {
  const { r, c } = cellAt(plant.cell);
  const sheets = wb.sheets.map((s) => {
    if (s.name !== plant.sheet) return s;
    const cells = s.cells.map((row) => row.slice());
    if (typeof cells[r][c] !== 'string') throw new Error(`${plant.sheet}!${plant.cell} holds no figure to change`);
    cells[r][c] = plant.value;
    return { ...s, cells };
  });
  return { ...wb, sheets };
}

function cellAt(a1: string): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]) - 1, c: c - 1 };
}

const ids = setIds();

test('决算 sums that agree only within the printed rounding are said so (TABLES.ROUNDING, info), not reported as slips', () => {
  const { wb } = load('sh-ptghzy-2024-final');
  const got = checkWorkbooks([wb]).findings.filter((f) => f.rule === 'TABLES.ROUNDING' && f.location.sheet === 'p16');
  expect(got).toHaveLength(1);
  expect(got[0].severity).toBe('info');
  expect(got[0].message).toContain('四舍五入尾差以内（最大 0.02 万元');
});

test('收入决算表 with 本年收入合计 and 附属单位上缴收入 cut over the lines around the captions (佛山 2019): every income column is in the row sum', () => {
  const { wb } = load('gd-fsgdjt-2019-final');
  const rounding = checkWorkbooks([wb]).findings.filter((f) => f.location.sheet === 'p08');
  // 合计, 214 and 21401 each 0.01 under 财政拨款 + 其他收入 (C10, C23, C24; C24 is also 0.01 under its 项):
  // three cells within the rounding, none beyond it.
  expect(rounding.map((f) => f.rule)).toEqual(['TABLES.ROUNDING']);
  expect(rounding[0].message).toContain('有 3 处');
  // 其他收入 of 2140101 raised by 0.50: only the row sum across the columns (and its 款) can see it.
  const slip = checkWorkbooks([planted(wb, { sheet: 'p08', cell: 'I25', value: '0.51' })]).findings;
  expect(slip.filter((f) => f.rule === 'TABLES.ROW_SUM' && f.location.sheet === 'p08').map((f) => f.location.cell)).toEqual(['C25']);
});

test('a real table printing short 款 codes (万里街道 2024, “301 2 津贴补贴”, “301 7 绩效工资”): read as 30102 and 30107, one DATA.CODE_LEVEL warning each; its “三公” table printing figures under “故本表为空表” is a TABLES.CONTRADICTION warning', () => {
  const { wb } = load('sh-ptwljd-2024');
  const { findings } = checkWorkbooks([wb]);
  const codes = findings.filter((f) => f.rule === 'DATA.CODE_LEVEL');
  expect(codes.map((f) => [f.severity, f.location.sheet, f.location.cell])).toEqual([['warning', 'p29', 'B9'], ['warning', 'p29', 'B10']]);
  expect(codes[0].message).toContain('读作 30102');
  expect(codes[1].message).toContain('读作 30107');
  const contradiction = findings.filter((f) => f.rule === 'TABLES.CONTRADICTION');
  expect(contradiction.map((f) => [f.severity, f.location.sheet])).toEqual([['warning', 'p31']]);
  expect(contradiction[0].message).toContain('故本表为空表');
  // The empty 政府性基金 and 国有资本经营 tables explain themselves and print no figure: nothing there.
  expect(findings.filter((f) => f.location.sheet === 'p27' || f.location.sheet === 'p28')).toEqual([]);
});

test('the tables looked for follow the budget year: no 项目支出绩效目标表 before 2021 (江苏 2019 set), asked for from 2021', () => {
  const { wb } = load('js-swbgt-2019');
  const missing = (file: string) => checkWorkbooks([{ ...wb, file }]).findings.filter((f) => f.rule === 'TABLES.MISSING').map((f) => f.message);
  const y2019 = missing(wb.file);
  expect(y2019.some((m) => m.includes('项目支出绩效目标表'))).toBe(false);
  expect(y2019.some((m) => m.includes('国有资本经营预算支出表'))).toBe(true);
  expect(missing('江苏省委办公厅2021年度部门预算公开表格.xlsx').some((m) => m.includes('项目支出绩效目标表'))).toBe(true);
  // No year anywhere: today's list, the table asked for.
  expect(missing('公开表.xlsx').some((m) => m.includes('项目支出绩效目标表'))).toBe(true);
  // A year in a table's title comes before the file name's.
  const titled = planted(wb, { sheet: 'p01', cell: 'C1', value: '2019年收支预算总表' });
  const got = checkWorkbooks([{ ...titled, file: '江苏省委办公厅2025年度部门预算公开表格.xlsx' }]).findings.filter((f) => f.rule === 'TABLES.MISSING').map((f) => f.message);
  expect(got.some((m) => m.includes('项目支出绩效目标表'))).toBe(false);
});

test('there is at least one whole published set', () => {
  expect(ids.length).toBeGreaterThanOrEqual(1);
});

describe.each(ids.map((id) => [id]))('%s', (id) => {
  test('the page CSVs are what the conversion script writes from source.txt', () => {
    for (const { file, csv } of convertSet(id)) expect(fs.readFileSync(path.join(PUBLISHED_SETS_DIR, id, file), 'utf8')).toBe(csv);
  });

  test('tables recognised', () => {
    const { wb, expected } = load(id);
    const got = readFilledTables(wb).map((t) => ({ sheet: t.sheet, kind: t.kind as string, problem: t.problem }));
    expect(got).toEqual(expected.tables);
  });

  test('findings are the hand-worked ones (no error but the real slips marked so)', () => {
    const { wb, expected } = load(id);
    const findings = checkWorkbooks([wb]).findings;
    const key = (f: { rule: string; sheet: string | null }) => `${f.rule}@${f.sheet}`;
    expect(findings.filter((f) => f.severity === 'error').map((f) => key({ rule: f.rule, sheet: f.location.sheet ?? null })).sort())
      .toEqual(expected.findings.filter((f) => f.severity === 'error').map(key).sort());
    expect(findings.map((f) => key({ rule: f.rule, sheet: f.location.sheet ?? null })).sort()).toEqual(expected.findings.map(key).sort());
  });

  // Plants are 1.00 万元: a 0.01 万元 change lies within the printed rounding (domain §4.2).
  for (const plant of load(id).expected.plants) {
    test(`a slip planted at ${plant.sheet}!${plant.cell} is found there`, () => {
      const { wb } = load(id);
      const found = checkWorkbooks([planted(wb, plant)]).findings.filter((f) => f.severity === 'error' && f.location.sheet === plant.sheet);
      expect(found.map((f) => f.location.cell)).toContain(plant.cell);
    });
  }

  const withPrior = load(id).expected.withPrior;
  if (withPrior) {
    const key = (f: { rule: string; sheet: string | null }) => `${f.rule}@${f.sheet}`;
    const rules = { priority: { onlyIncrease: withPrior.onlyIncrease } };

    test(`with ${withPrior.set} as --prior: the 公开表 prior is used, and what it cannot feed is NOT_CHECKED`, () => {
      const { wb, expected } = load(id);
      const got = checkWorkbooks([wb], { prior: [load(withPrior.set).wb], rules }).findings;
      expect(got.filter((f) => f.severity === 'error')).toEqual([]);
      expect(got.map((f) => key({ rule: f.rule, sheet: f.location.sheet ?? null })).sort())
        .toEqual([...expected.findings, ...withPrior.findings].map(key).sort());
    });

    test(`with ${withPrior.set} as --prior: a class cut below last year's is found (${withPrior.plant.sheet}!${withPrior.plant.cell})`, () => {
      const { wb } = load(id);
      const got = checkWorkbooks([planted(wb, withPrior.plant)], { prior: [load(withPrior.set).wb], rules }).findings;
      expect(got.filter((f) => f.rule === 'PRIORITY.DECREASED').map((f) => `${f.location.sheet}!${f.location.cell}`))
        .toEqual([`${withPrior.plant.sheet}!${withPrior.plant.cell}`]);
    });

    const tp = withPrior.threePublicPlant;
    if (tp) {
      test(`with ${withPrior.set} as --prior: a “三公” item above last year's is found (${tp.sheet}!${tp.cell})`, () => {
        const { wb } = load(id);
        const got = checkWorkbooks([planted(wb, tp)], { prior: [load(withPrior.set).wb], rules }).findings;
        expect(got.filter((f) => f.rule === 'THREE_PUBLIC.ITEM_INCREASE').map((f) => `${f.location.sheet}!${f.location.cell}`)).toEqual([`${tp.sheet}!${tp.cell}`]);
      });
    }
  }
});
