/**
 * The corpus of real published tables (tests/fixtures/published/, README.md there): each converts
 * from its stored source text by scripts/convert-published.ts, is read through the same CSV reader
 * and check() as the CLI, and gives exactly the findings worked out by hand in its expected.json —
 * no false error, every printed slip found. A planted slip in each clean table is found too, so a
 * clean result means the table was checked, not skipped.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readCsvBuffer } from '../../../../src/cli/read-csv';
import { checkWorkbooks } from '../../../../src/core/check';
import type { WorkbookGrids } from '../../../../src/core/grid';
import { readFilledTables } from '../../../../src/core/tables/filled';
import { PUBLISHED_DIR, convertFixture, fixtureIds } from '../../../../scripts/convert-published';

interface Expected {
  tables: Array<{ kind: string; stage: string; unit: string; title: string }>;
  findings: Array<{ rule: string; cell: string | null }>;
  plant?: { cell: string; value: string };
}

function load(id: string): { wb: WorkbookGrids; expected: Expected; csv: string } {
  const file = path.join(PUBLISHED_DIR, id, `${id}.csv`);
  const csv = fs.readFileSync(file, 'utf8');
  return { wb: readCsvBuffer(Buffer.from(csv, 'utf8'), `${id}.csv`), expected: JSON.parse(fs.readFileSync(path.join(PUBLISHED_DIR, id, 'expected.json'), 'utf8')), csv };
}

function cellAt(a1: string): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]) - 1, c: c - 1 };
}

const ids = fixtureIds();

test('the corpus covers at least 6 provinces or municipalities besides Shanghai', () => {
  const provinces = new Set(ids.map((id) => JSON.parse(fs.readFileSync(path.join(PUBLISHED_DIR, id, 'source.json'), 'utf8')).province as string));
  provinces.delete('上海市');
  expect(provinces.size).toBeGreaterThanOrEqual(6);
});

describe.each(ids.map((id) => [id]))('%s', (id) => {
  test('table.csv is what the conversion script writes from source.txt', () => {
    expect(load(id).csv).toBe(convertFixture(id));
  });

  test('tables recognised', () => {
    const { wb, expected } = load(id);
    expect(readFilledTables(wb).map((t) => ({ kind: t.kind, stage: t.stage, unit: t.amountUnit, title: t.title, problem: t.problem })))
      .toEqual(expected.tables.map((t) => ({ ...t, problem: null })));
  });

  test('findings are the hand-worked ones', () => {
    const { wb, expected } = load(id);
    const got = checkWorkbooks([wb]).findings.map((f) => ({ rule: f.rule as string, cell: f.location.cell ?? null }));
    const key = (f: { rule: string; cell: string | null }) => `${f.rule}@${f.cell}`;
    expect(got.map(key).sort()).toEqual(expected.findings.map(key).sort());
  });

  const plant = load(id).expected.plant;
  if (plant) {
    test(`a slip planted at ${plant.cell} is found there`, () => {
      const { wb } = load(id);
      const { r, c } = cellAt(plant.cell);
      const cells = wb.sheets[0].cells.map((row) => row.slice());
      expect(typeof cells[r][c]).toBe('string');
      cells[r][c] = plant.value;
      const planted = { ...wb, sheets: [{ ...wb.sheets[0], cells }] };
      const found = checkWorkbooks([planted]).findings.filter((f) => f.rule === 'TABLES.ROW_SUM');
      expect(found.map((f) => f.location.cell)).toEqual([plant.cell]);
    });
  }
});
