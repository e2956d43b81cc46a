import { saveExplanations } from '../../src/excel/explanations';
import { cellsToRects, joinAddresses, MAX_ADDRESS_CHARS } from '../../src/excel/rects';
import { writeResultsSheet } from '../../src/excel/results';
import { resultsSheet } from '../../src/core/review';
import { widthToPoints } from '../../src/core/tables/sheet-geometry';
import { loadSettings, saveSettings, DEFAULT_SETTINGS } from '../../src/excel/settings';
import { uniqueSheetName } from '../../src/excel/sheet-names';
import { writeTables } from '../../src/excel/tables';
import type { StandardTable } from '../../src/core/tables/model';
import { fakeHost, finding } from './helpers';

test('sheet names: suffix on collision (case-insensitive), 31-character limit, invalid characters', () => {
  expect(uniqueSheetName('审核结果', ['Sheet1'])).toBe('审核结果');
  expect(uniqueSheetName('审核结果', ['审核结果', '审核结果(2)'])).toBe('审核结果(3)');
  expect(uniqueSheetName('Data', ['data'])).toBe('Data(2)');
  const long = 'x'.repeat(40);
  expect(uniqueSheetName(long, [long.slice(0, 31)])).toBe(`${'x'.repeat(28)}(2)`);
  expect(uniqueSheetName('a/b:c', [])).toBe('a_b_c');
});

test('rectangles and joined addresses stay under 8192 characters', () => {
  const cells = [];
  for (let r = 1; r <= 20000; r += 2) cells.push({ row: r, col: 5 });
  for (let r = 1; r <= 10; r++) cells.push({ row: r, col: 1 }, { row: r, col: 2 });
  const rects = cellsToRects(cells);
  expect(rects).toContainEqual({ top: 1, left: 1, bottom: 10, right: 2 });
  const joined = joinAddresses(rects.map((r) => (r.top === r.bottom && r.left === r.right ? `E${r.top}` : 'A1:B10')));
  expect(joined.length).toBeGreaterThan(1);
  for (const j of joined) expect(j.length).toBeLessThan(MAX_ADDRESS_CHARS);
  expect(joined.join(',').split(',').length).toBe(rects.length);
});

describe('generated sheets on the fake host', () => {
  test("审核结果: a user's sheet of that name is kept, ours is replaced; links point at the cells", async () => {
    const { model, caps, uninstall } = fakeHost(18);
    try {
      model.put('明细', [['a']]);
      const user = model.put('审核结果', [['用户自己的表']]);
      const name1 = await writeResultsSheet([finding("张's 表", 'E3')], caps, []);
      expect(name1).toBe('审核结果(2)');
      expect(user.get(0, 0)).toBe('用户自己的表');
      const ours = model.sheet(name1)!;
      expect(ours.formulas.get('1,3')).toBe(`=HYPERLINK("#'张''s 表'!E3","张's 表!E3")`);
      expect(ours.frozenRows).toBe(1);
      expect(ours.autoFilter).toEqual({ top: 0, left: 0, bottom: 1, right: 9 });
      // Widths as the CLI's 审核结果 (characters), converted to the points Office.js takes.
      const cols = resultsSheet([finding("张's 表", 'E3')]).columns;
      expect(cols.map((_, c) => ours.columnWidths.get(c))).toEqual(cols.map((c) => widthToPoints(c.width)));
      expect(widthToPoints(10)).toBe(52.5);
      // A second run replaces our own sheet, not the user's.
      model.sheets.splice(model.sheets.indexOf(user), 1);
      const name2 = await writeResultsSheet([finding('明细', 'A1'), finding('明细', 'A2')], caps, ['审核结果']);
      expect(name2).toBe('审核结果');
      const name3 = await writeResultsSheet([finding('明细', 'A1')], caps, ['审核结果']);
      expect(name3).toBe('审核结果');
      expect(model.sheets.filter((s) => s.name.startsWith('审核结果')).map((s) => s.name)).toEqual(['审核结果(2)', '审核结果']);
    } finally {
      uninstall();
    }
  });

  test("审核结果 next to a user's sheet: a re-run replaces our 审核结果(2), never adds 审核结果(3)", async () => {
    const { model, caps, uninstall } = fakeHost(18);
    try {
      model.put('审核结果', [['用户自己的表']]);
      const first = await writeResultsSheet([finding('明细', 'A1')], caps, []);
      const second = await writeResultsSheet([finding('明细', 'A1'), finding('明细', 'A2')], caps, [first]);
      expect([first, second]).toEqual(['审核结果(2)', '审核结果(2)']);
      expect(model.sheets.map((s) => s.name)).toEqual(['审核结果', '审核结果(2)']);
      expect(model.sheet('审核结果')!.get(0, 0)).toBe('用户自己的表');
      // 序号 is written as text "2"; Excel parses it as typed input (office-js#229), so it reads back as 2.
      expect(model.sheet('审核结果(2)')!.get(2, 0)).toBe(2);
    } finally {
      uninstall();
    }
  });

  test('ExcelApi 1.7: the results sheet is written without autofilter', async () => {
    const { model, caps, uninstall } = fakeHost(7);
    try {
      await writeResultsSheet([finding('明细', 'E3')], caps, []);
      expect(model.failedSyncs()).toEqual([]);
      expect(model.sheet('审核结果')!.autoFilter).toBeNull();
    } finally {
      uninstall();
    }
  });

  test('tables go to new sheets with exact values; existing names get a suffix', async () => {
    const { model, uninstall } = fakeHost(18);
    try {
      model.put('1 部门收支总表', [['用户的']]);
      const t: StandardTable = {
        id: 'summary', style: 'national', title: '2026年部门收支总表', shortName: '部门收支总表', preparedBy: '编制部门：县教育局', unitLabel: '单位：万元', amountUnit: 'wan',
        orientation: 'portrait', columns: [{ key: 'name', kind: 'text', width: 20, indent: true }, { key: 'total', kind: 'money', width: 12 }],
        headerRows: 1, header: [{ text: '项目', row: 0, col: 0, rowSpan: 1, colSpan: 1 }, { text: '预算数', row: 0, col: 1, rowSpan: 1, colSpan: 1 }],
        rows: [{ cells: ['教育支出', 123_456_789], code: '205', name: '教育支出', level: 1, isTotal: false }], notes: ['说明：本表不含上年结转'], empty: false,
      };
      const names = await writeTables([t]);
      expect(names).toEqual(['1 部门收支总表(2)']);
      const s = model.sheet(names[0])!;
      expect(model.sheet('1 部门收支总表')!.get(0, 0)).toBe('用户的');
      expect(s.get(0, 0)).toBe('2026年部门收支总表');
      expect(s.get(3, 1)).toBe(123.456789);
      expect(s.formats.get('3,1')!.numberFormat).toBe('#,##0.00');
      expect(s.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 1 });
    } finally {
      uninstall();
    }
  });

  test('settings round-trip through the workbook; 审核说明 rows are updated by key', async () => {
    const { model, uninstall } = fakeHost(18);
    try {
      expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
      await saveSettings({ ...DEFAULT_SETTINGS, preset: 'tight', rules: { generalCut: { rate: 0.1 } }, scope: 'chosen', sheets: ['明细'] });
      const back = await loadSettings();
      expect(back.rules).toEqual({ generalCut: { rate: 0.1 } });
      expect(back.scope).toBe('chosen');
      model.put('审核说明', [['规则', '单位', '位置', '说明'], ['ZBB.BASIS_MISSING', '县教育局', '明细!F5', '旧说明'], ['其他', '', '', '用户的行']]);
      await saveExplanations([
        { rule: 'ZBB.BASIS_MISSING', unit: '县教育局', at: '明细!F5', text: '新说明' },
        { rule: 'THREE_PUBLIC.OVER_LIMIT', unit: '县教育局', at: '', text: '=经批准追加' },
      ]);
      const s = model.sheet('审核说明')!;
      expect(s.get(1, 3)).toBe('新说明');
      expect(s.get(2, 3)).toBe('用户的行');
      expect(s.get(3, 0)).toBe('THREE_PUBLIC.OVER_LIMIT');
      expect(s.get(3, 3)).toBe('=经批准追加');
      expect(s.formulas.size).toBe(0);
    } finally {
      uninstall();
    }
  });
});
