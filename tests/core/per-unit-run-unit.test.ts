/**
 * Every unit written on a row or a finding is filed as the run's unit (src/core/run-unit.ts), as goals
 * already were: a unit DATA.UNIT_UNRESOLVED dropped gets no workbook of its own, whatever names it (a
 * 三保需求 row, a prior-year line, a name-only sheet), and a name-only sheet of a unit whose code the
 * run knows is that unit's, in its workbook (src/core/per-unit.ts).
 *
 * 101001 is 县教育局 in a.xlsx and 县文旅局 in b.xlsx (a code with two names); 县水利局 is 103001 in
 * a.xlsx and 103002 in b.xlsx (a name with two codes); 102001 县卫健委 is clean. 基本支出 names units
 * by name only, each row with an unreadable amount.
 */
import { checkWorkbooks } from '../../src/core/check';
import type { CheckReport } from '../../src/core/check';
import type { Finding } from '../../src/core/findings';
import type { Grid } from '../../src/core/grid';
import { partitionByUnit, sheetKey } from '../../src/core/per-unit';
import { NO_UNIT_LABEL, unitsSheet } from '../../src/core/review';

const H = ['单位编码', '单位名称', '支出类型', '功能分类科目编码', '经济分类科目编码', '资金来源', '本年预算数'];
const line = (code: string, name: string, fn: string, fen: number) => [code, name, '人员经费', fn, '30101', '一般公共预算拨款', fen];
const nameLine = (name: string, fn: string, amount: string) => [name, '人员经费', fn, '30102', '一般公共预算拨款', amount];

const detailA: Grid = { name: '预算明细', cells: [['单位：元'], H, line('101001', '县教育局', '2050101', 1000), line('102001', '县卫健委', '2100101', 2000), line('103001', '县水利局', '2130101', 4000)] };
const detailB: Grid = { name: '预算明细', cells: [['单位：元'], H, line('101001', '县文旅局', '2070101', 3000), line('103002', '县水利局', '2130101', 5000)] };
/** Rows 3–5: 县教育局 (its one code 101001 unresolved), 县卫健委 (102001), 县水利局 (two codes); row 6 县卫健委 again, readable. */
const nameOnly: Grid = {
  name: '基本支出',
  cells: [['单位：元'], H.slice(1), nameLine('县教育局', '2050101', '12..5'), nameLine('县卫健委', '2100101', '13..5'), nameLine('县水利局', '2130101', '14..5'), nameLine('县卫健委', '2100102', '500')],
};
/** Needs nobody's budget meets: rows 2–5 by 101001, by 县文旅局 (one code, 101001), by 县水利局, by 102001. */
const sanbao: Grid = { name: '三保需求', cells: [['单位编码', '单位', '三保类型', '需求数'], ['101001', '', '保工资', 999999], ['', '县文旅局', '保工资', 999999], ['', '县水利局', '保工资', 999999], ['102001', '县卫健委', '保工资', 999999]] };
const prior: Grid = { name: '上年明细', cells: [['单位：元'], H, line('101001', '县教育局', '2050101', 900)] };

/** A prior-year sheet inside a.xlsx: judged on its own, so 101001 is not dropped there. */
const priorInside: Grid = { name: '上年预算明细', cells: [['2024年部门预算明细表'], ['单位：元'], H, line('101001', '县教育局', '2050101', 800), line('102001', '县卫健委', '2100101', 1900)] };

function run(explanations?: string[][]): CheckReport {
  const sheets = [detailA, nameOnly, sanbao, priorInside];
  if (explanations) sheets.push({ name: '审核说明', cells: [['规则', '单位', '位置', '说明'], ...explanations] });
  return checkWorkbooks([{ file: 'a.xlsx', sheets }, { file: 'b.xlsx', sheets: [detailB] }], { prior: [{ file: 'p.xlsx', sheets: [prior] }] });
}

const at = (f: Finding) => `${f.location.file}!${f.location.sheet}!${f.location.cell}`;

describe('one rule for the unit of rows, goals and findings', () => {
  const report = run();
  const p = partitionByUnit(report);
  const find = (rule: string, where: string) => {
    const f = report.findings.find((x) => x.rule === rule && at(x) === where);
    if (!f) throw new Error(`no ${rule} at ${where}: ${report.findings.map((x) => `${x.rule}@${at(x)}`).join(', ')}`);
    return f;
  };
  const partOf = (f: Finding): string[] => [...p.byKey.values()].filter((x) => x.findings.includes(f)).map((x) => x.unit.key);

  test('the fixture: 101001, 103001 and 103002 are unresolved; their coded rows dropped', () => {
    expect(report.unitConflicts?.codes).toEqual(new Set(['101001']));
    expect(report.unitConflicts?.names).toEqual(new Set(['县水利局']));
    expect(report.lines.filter((l) => l.src.sheet === '预算明细').map((l) => l.unitCode)).toEqual(['102001']);
  });

  test('the run has one unit, 102001: no workbook for a unit it could not determine, nor for a name of a known code', () => {
    expect(p.units).toEqual([{ key: '102001', code: '102001', name: '县卫健委' }]);
  });

  // [what, rule, where, the finding's unit, the workbooks holding it]
  test.each([
    ['a 三保需求 need of the unresolved code', 'SANBAO.SHORTFALL', 'a.xlsx!三保需求!D2', undefined, []],
    ['a 三保需求 need by a name whose one code is unresolved', 'SANBAO.SHORTFALL', 'a.xlsx!三保需求!D3', undefined, []],
    ['a 三保需求 need by a name with two codes', 'SANBAO.SHORTFALL', 'a.xlsx!三保需求!D4', undefined, []],
    ['a prior-year line of the unresolved code (--prior)', 'ZBB.DROPPED_LINE', 'p.xlsx!上年明细!G3', undefined, []],
    ['a name-only line whose one code is unresolved', 'DATA.BAD_AMOUNT', 'a.xlsx!基本支出!F3', undefined, []],
    ['a name-only line of a name with two codes', 'DATA.BAD_AMOUNT', 'a.xlsx!基本支出!F5', undefined, []],
    ['a name-only line of 县卫健委 (one code, 102001)', 'DATA.BAD_AMOUNT', 'a.xlsx!基本支出!F4', { code: '102001', name: '县卫健委' }, ['102001']],
    ['a 三保需求 need of 102001 (at its first line)', 'SANBAO.SHORTFALL', 'a.xlsx!预算明细!G4', { code: '102001', name: '县卫健委' }, ['102001']],
  ])('%s: %s at %s carries %j, in the workbooks %j', (_what, rule, where, unit, parts) => {
    const f = find(rule, where);
    expect(f.unit).toEqual(unit);
    expect(partOf(f)).toEqual(parts);
  });

  test('rows: 县卫健委’s name-only row is in 102001’s workbook; the unresolved units’ name-only rows in none', () => {
    expect(p.byKey.get('102001')!.sheets.get(sheetKey('a.xlsx', '基本支出'))).toEqual([1, 2, 4, 6]);
    for (const part of p.byKey.values()) {
      const rows = part.sheets.get(sheetKey('a.xlsx', '基本支出')) ?? [];
      expect({ unit: part.unit.key, rows: rows.filter((r) => r === 3 || r === 5) }).toEqual({ unit: part.unit.key, rows: [] });
    }
  });

  test('a prior-year sheet of the input: 102001’s row is in its workbook, 101001’s in none', () => {
    const k = sheetKey('a.xlsx', '上年预算明细');
    expect(report.sheetUnits?.find((x) => x.sheet === '上年预算明细')?.prior).toBe(true);
    expect([...p.byKey.values()].map((x) => [x.unit.key, x.sheets.get(k)])).toEqual([['102001', [1, 2, 3, 5]]]);
  });

  test('the rules still group the name-only lines as written (their sums are compared with the prior year keyed so)', () => {
    expect(report.lines.filter((l) => l.src.sheet === '基本支出').map((l) => [l.row, l.unitCode, l.unitName])).toEqual([[6, '', '县卫健委']]);
  });

  test('单位汇总: 102001’s workbook counts the name-only finding on its own row; the bureau’s puts the unresolved ones under no unit', () => {
    const mine = p.byKey.get('102001')!;
    const rows = unitsSheet([mine.unit], mine.findings).rows.map((r) => r.map((c) => c.value));
    expect(rows.some((r) => r[1] === NO_UNIT_LABEL)).toBe(false);
    const errors = mine.findings.filter((f) => f.severity === 'error').length;
    expect(rows[0].slice(0, 3)).toEqual(['102001', '县卫健委', errors]);
    expect(errors).toBeGreaterThan(0);
    const bureau = unitsSheet(p.units, report.findings).rows.map((r) => r.map((c) => c.value));
    expect(bureau.map((r) => r[1])).toEqual(['县卫健委', NO_UNIT_LABEL, '合计']);
    expect(bureau[0][2]).toBe(errors);
  });

  test('the bureau’s report keeps every one of these findings', () => {
    for (const where of ['a.xlsx!三保需求!D2', 'a.xlsx!三保需求!D3', 'a.xlsx!三保需求!D4']) expect(find('SANBAO.SHORTFALL', where).message).toContain('保工资');
  });
});

test('the partition files findings by the same rule when their units come as written (a report not made by check: saved, built by hand)', () => {
  const checked = run();
  const written = new Map<string, Finding['unit']>([
    ['a.xlsx!三保需求!D2', { code: '101001' }],
    ['a.xlsx!三保需求!D3', { name: '县文旅局' }],
    ['p.xlsx!上年明细!G3', { code: '101001', name: '县教育局' }],
    ['a.xlsx!基本支出!F3', { name: '县教育局' }],
    ['a.xlsx!基本支出!F4', { name: '县卫健委' }],
    ['a.xlsx!基本支出!F5', { name: '县水利局' }],
  ]);
  const findings = checked.findings.map((f) => (written.has(at(f)) ? { ...f, unit: written.get(at(f)) } : f));
  const p = partitionByUnit({ ...checked, findings });
  expect(p.units.map((u) => u.key)).toEqual(['102001']);
  const filed = (where: string) => [...p.byKey.values()].filter((x) => x.findings.some((f) => at(f) === where && f.unit === written.get(where))).map((x) => x.unit.key);
  expect([...written.keys()].map((w) => [w, filed(w)])).toEqual([...written.keys()].map((w) => [w, w === 'a.xlsx!基本支出!F4' ? ['102001'] : []]));
});

describe('explanations still answer a name-only line’s finding', () => {
  test.each([
    ['by its name, as written', '县卫健委'],
    ['by its one code', '102001'],
  ])('%s', (_what, unit) => {
    const report = run([['DATA.BAD_AMOUNT', unit, '基本支出!F4', '已核实']]);
    const f = report.findings.find((x) => x.rule === 'DATA.BAD_AMOUNT' && x.location.cell === 'F4')!;
    expect([f.explained, f.explanation]).toEqual([true, '已核实']);
  });
});

describe('name-only and code-only rows of an undetermined unit are dropped and said so (DATA.UNIT_UNRESOLVED)', () => {
  // 101001 has two names (县教育局 in a.xlsx, 县文旅局 in b.xlsx); 县水利局 has two codes.
  const codeOnly: Grid = { name: '项目支出', cells: [['单位：元'], ['单位编码', '支出类型', '功能分类科目编码', '经济分类科目编码', '资金来源', '本年预算数'], ['101001', '人员经费', '2050101', '30103', '一般公共预算拨款', 700], ['102001', '人员经费', '2100101', '30103', '一般公共预算拨款', 800]] };
  const names: Grid = {
    name: '基本支出',
    cells: [['单位：元'], H.slice(1), nameLine('县教育局', '2050101', '600'), nameLine('县卫健委', '2100101', '500'), nameLine('县水利局', '2130101', '400')],
  };
  const report = checkWorkbooks([{ file: 'a.xlsx', sheets: [detailA, names, codeOnly] }, { file: 'b.xlsx', sheets: [detailB] }]);
  const unresolved = (sheet: string) => report.findings.filter((f) => f.rule === 'DATA.UNIT_UNRESOLVED' && f.location.sheet === sheet);

  test.each([
    ['基本支出', 3, '只填了单位名称“县教育局”，该名称对应单位编码 101001', '单位编码 101001 对应不同的单位名称'],
    ['基本支出', 5, '只填了单位名称“县水利局”）', '单位名称“县水利局”对应不同的单位编码'],
    ['项目支出', 3, '（单位编码 101001）', '单位编码 101001 对应不同的单位名称'],
  ] as const)('%s row %d: one finding that says which unit the rows could not be filed under', (sheet, row, which, why) => {
    const f = unresolved(sheet).find((x) => x.location.row === row);
    expect(f?.message).toContain(which);
    expect(f?.message).toContain(why);
    expect(f?.unit).toBeUndefined();
  });

  test('their lines are dropped, as the coded rows of the same units are; the resolvable ones stay, under the code', () => {
    const kept = report.lines.filter((l) => l.src.sheet !== '预算明细').map((l) => `${l.src.sheet}!${l.row}:${l.unitCode || l.unitName}`);
    expect(kept).toEqual(['基本支出!4:县卫健委', '项目支出!4:102001']);
    expect(unresolved('基本支出').map((f) => f.location.row)).toEqual([3, 5]);
    expect(unresolved('项目支出').map((f) => f.location.row)).toEqual([3]);
  });
});
