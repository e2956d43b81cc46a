/**
 * DATA.UNIT_UNRESOLVED for a unit conflict across the run (resolveUnitConflicts): the message names
 * the other code (or name) and where each is written, and the rows of its own sheet it concerns, not
 * only the one name of its own rows (the name 县教育局 with 101001 in one file and 105001 in another).
 */
import { checkWorkbooks } from '../../src/core/check';
import type { Cell } from '../../src/core/grid';
import type { Finding } from '../../src/core/findings';
import { HEADER } from '../hardening/fixtures';

const line = (code: string, name: string, econ: string, amount: number): Cell[] => [code, name, '人员经费', '2050101', econ, '一般公共预算拨款', amount];
const book = (file: string, rows: Cell[][]) => ({ file, sheets: [{ name: '预算明细', cells: [HEADER, ...rows] }] });

function conflicts(...books: ReturnType<typeof book>[]): Finding[] {
  return checkWorkbooks(books).findings.filter((f) => f.rule === 'DATA.UNIT_UNRESOLVED');
}

describe('a name written with two codes in two files', () => {
  const found = conflicts(
    book('甲.xlsx', [line('101001', '县教育局', '30101', 1000), line('101001', '县教育局', '30102', 2000), line('101002', '县卫健委', '30101', 500)]),
    book('乙.xlsx', [line('105001', '县教育局', '30101', 700)]),
  );
  const of = (file: string) => found.filter((f) => f.location.file === file);

  test('one finding per sheet, at the first row of the dropped unit', () => {
    expect(found.map((f) => [f.location.file, f.location.sheet, f.location.row])).toEqual(
      expect.arrayContaining([
        ['甲.xlsx', '预算明细', 2],
        ['乙.xlsx', '预算明细', 2],
      ]),
    );
    expect(found).toHaveLength(2);
  });

  test('each names the name, both codes and the file and sheet of each', () => {
    for (const f of found) {
      expect(f.message).toContain('单位名称“县教育局”对应不同的单位编码');
      expect(f.message).toContain('101001（见甲.xlsx「预算明细」）');
      expect(f.message).toContain('105001（见乙.xlsx「预算明细」）');
    }
  });

  test('each says which rows of its own sheet belong to no unit', () => {
    expect(of('甲.xlsx')[0].message).toContain('本表第 2–3 行（单位编码 101001）');
    expect(of('乙.xlsx')[0].message).toContain('本表第 2 行（单位编码 105001）');
    // The unit without a conflict is not named.
    for (const f of found) expect(f.message).not.toContain('县卫健委');
  });
});

test('a code written with two names: both names, with where each is written', () => {
  const found = conflicts(book('甲.xlsx', [line('101001', '县教育局', '30101', 1000)]), book('乙.xlsx', [line('101001', '县教育局本级', '30101', 700)]));
  expect(found).toHaveLength(2);
  for (const f of found) expect(f.message).toContain('单位编码 101001 对应不同的单位名称：“县教育局”（见甲.xlsx「预算明细」）、“县教育局本级”（见乙.xlsx「预算明细」）');
});

test('rows of a unit in stretches: the first few, then the count', () => {
  const rows: Cell[][] = [];
  for (let i = 0; i < 8; i++) {
    rows.push(line('101001', '县教育局', '30101', 100 + i));
    rows.push(line('101002', '县卫健委', '30101', 100 + i));
  }
  const found = conflicts(book('甲.xlsx', rows), book('乙.xlsx', [line('105001', '县教育局', '30101', 1)]));
  const mine = found.find((f) => f.location.file === '甲.xlsx') as Finding;
  expect(mine.message).toContain('本表第 2 行、第 4 行、第 6 行、第 8 行、第 10 行等 8 行（单位编码 101001）');
});
