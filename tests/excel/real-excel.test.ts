/**
 * Issue 11: the fifteen ways the pane failed in real Excel while passing on the old, kinder fake.
 * One test (or two) per row, each on the strict fake (src/testing/fake-excel), with real-length
 * Chinese messages. Rows 12 and 13 (webviews, office.js loading) are in tests/browser/.
 */
import type { Finding } from '../../src/core/findings';
import type { StandardTable } from '../../src/core/tables/model';
import { capsFromVersion } from '../../src/excel/caps';
import { EXPLANATIONS_SHEET, saveExplanations } from '../../src/excel/explanations';
import { clearFlags, flagFindings, NOTE_PREFIX, RECORD_SHEET, STRUCTURE_PROTECTED_MESSAGE } from '../../src/excel/flag';
import { readWorkbook } from '../../src/excel/read';
import { writeResultsSheet } from '../../src/excel/results';
import { CELL_EDIT_MESSAGE, isPayloadError } from '../../src/excel/run';
import { writeTables } from '../../src/excel/tables';
import { FakeWorkbookModel, HostProfile, installFakeOffice, NO_FILL } from '../../src/testing/fake-excel';
import { budgetRows } from './helpers';

/** A message as long as the core's real ones (about 90–140 characters of Chinese). */
export function realMessage(i: number): string {
  const units = ['县教育局机关', '县第一中学', '县实验小学', '县教师进修学校', '县职业技术学校'];
  return `单位“${units[i % units.length]}”（编码 ${String(101001 + (i % 97)).padStart(6, '0')}）第 ${i + 2} 行：功能分类科目 2050201（学前教育）、经济分类科目 30201（办公费）的预算数 ${(1234.5 + i).toFixed(2)} 万元，较上年执行数增长 ${(i % 40) + 11}%，超过一般性支出压减要求，请核实测算依据，并在“审核说明”中写明原因。`;
}

export function realFinding(sheet: string, cell: string, i: number, severity: 'error' | 'warning' = 'error'): Finding {
  const row = Number(cell.replace(/^[A-Z]+/, ''));
  return { rule: severity === 'error' ? 'GENERAL_CUT.INSUFFICIENT' : 'DATA.NEGATIVE_AMOUNT', severity, location: { file: 'book.xlsx', sheet, cell, row }, message: realMessage(i), unit: { code: String(101001 + (i % 97)).padStart(6, '0'), name: '县教育局' } } as Finding;
}

function host(profile: HostProfile | number = 'web'): { model: FakeWorkbookModel; uninstall: () => void } {
  const model = typeof profile === 'number' ? new FakeWorkbookModel(profile) : FakeWorkbookModel.forHost(profile);
  return { model, uninstall: installFakeOffice(model) };
}

const caps = (m: FakeWorkbookModel) => capsFromVersion(m.apiVersion);

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
});

describe('issue 11 on the strict fake', () => {
  test('row 1: the VeryHidden record sheet is deleted, so 清除标记 and 标记 keep working', async () => {
    const { model } = host('web');
    const s = model.put('明细', budgetRows(20, 6));
    s.setFill(3, 4, { color: '#00B050', pattern: 'Solid', tintAndShade: 0 });
    const f = [realFinding('明细', 'E3', 0), realFinding('明细', 'E4', 1)];
    await flagFindings(f, caps(model));
    expect(model.sheet(RECORD_SHEET)!.visibility).toBe('VeryHidden');
    const c1 = await clearFlags(caps(model));
    expect(c1.restoredCells).toBe(2);
    expect(model.sheet(RECORD_SHEET)).toBeUndefined();
    await flagFindings(f, caps(model));
    await flagFindings(f, caps(model)); // clears first, then flags again
    const c2 = await clearFlags(caps(model));
    expect(c2.restoredCells).toBe(2);
    expect(s.fill(3, 4)).toEqual({ ...NO_FILL, color: '#00B050', pattern: 'Solid' });
    expect(s.fills.size).toBe(1);
    expect(s.notes).toEqual([]);
    expect(model.sheet(RECORD_SHEET)).toBeUndefined();
  });

  test('row 2: a record of 15k flags with real-length messages is read in blocks and cleared', async () => {
    const { model } = host('web');
    const s = model.put('明细', budgetRows(150_000, 6));
    const findings: Finding[] = [];
    for (let i = 0; i < 15_000; i++) findings.push(realFinding('明细', `E${2 + i * 10}`, i));
    const r = await flagFindings(findings, caps(model));
    expect(r.flaggedCells).toBe(15_000);
    expect(r.notesAdded).toBe(15_000);
    model.resetStats();
    const c = await clearFlags(caps(model));
    expect(c.restoredCells).toBe(15_000);
    expect(c.notesRemoved).toBe(15_000);
    expect(s.fills.size).toBe(0);
    expect(s.notes.length).toBe(0);
    expect(model.sheet(RECORD_SHEET)).toBeUndefined();
    expect(model.failedSyncs()).toEqual([]);
    expect(model.maxResponseBytes()).toBeLessThan(4_000_000);
  }, 120_000);

  test('row 3: 审核结果 with 40k findings stays under 4 MB a request; no op is queued past the budget', async () => {
    const { model } = host('web');
    model.put('明细', [['x']]);
    const findings = Array.from({ length: 40_000 }, (_, i) => realFinding('明细', `E${i + 2}`, i));
    model.resetStats();
    await writeResultsSheet(findings, caps(model), []);
    expect(model.failedSyncs()).toEqual([]);
    expect(model.maxRequestBytes()).toBeLessThan(4_000_000);
    expect(model.syncCount).toBeLessThanOrEqual(40);
    expect(model.sheet('审核结果')!.rows.length).toBe(40_001);
  }, 60_000);

  test('row 3: a 3,000-row 绩效目标表 is written in pieces, not as one 5.7 MB op', async () => {
    const { model } = host('web');
    const goal = '产出指标：完成校舍维修改造面积不少于 12000 平方米，工程验收合格率 100%；效益指标：消除校舍安全隐患，保障 3200 名师生教学安全；满意度指标：师生满意度不低于 95%。';
    const t: StandardTable = {
      id: 'projectPerformance', style: 'national', title: '2026年项目支出绩效目标表', shortName: '项目支出绩效目标表', preparedBy: '编制部门：县教育局', unitLabel: '单位：万元', amountUnit: 'wan',
      orientation: 'landscape', columns: [{ key: 'name', kind: 'text', width: 30 }, { key: 'goal', kind: 'text', width: 60, wrap: true }, { key: 'indicators', kind: 'text', width: 60, wrap: true }, { key: 'total', kind: 'money', width: 12 }],
      headerRows: 1, header: ['项目名称', '绩效目标', '绩效指标', '金额'].map((text, col) => ({ text, row: 0, col, rowSpan: 1, colSpan: 1 })),
      rows: Array.from({ length: 3000 }, (_, i) => ({ cells: [`校舍维修改造项目第 ${i + 1} 期（县第一中学、县实验小学等 12 所学校）`, goal.repeat(3), goal.repeat(5), 1_000_000 + i], code: '', name: `项目${i}`, level: 0 as const, isTotal: false })),
      notes: [], empty: false,
    };
    // About 5.7 MB of text: one values op of it is over Excel's 5 MB request limit.
    expect(Buffer.byteLength(JSON.stringify(t.rows.map((r) => r.cells)))).toBeGreaterThan(5_500_000);
    model.resetStats();
    const [name] = await writeTables([t]);
    expect(model.failedSyncs()).toEqual([]);
    expect(model.maxRequestBytes()).toBeLessThan(4_000_000);
    expect(model.sheet(name)!.get(3002, 1)).toBe(goal.repeat(3));
  }, 60_000);

  test('row 3: a GeneralException (the web face of the 5 MB limit) halves the read block', async () => {
    expect(isPayloadError({ code: 'GeneralException', message: 'An internal error has occurred.' })).toBe(true);
    const { model } = host('web');
    model.payloadFace = 'general';
    const long = '按照《预算法》及县财政局关于进一步压减一般性支出的通知要求编制的项目说明文字。'.repeat(2);
    model.put('明细', budgetRows(20_000, 20).map((r, i) => (i === 0 ? r : r.map((v, j) => (j >= 5 ? long : v)))));
    model.resetStats();
    const wb = await readWorkbook({ file: 'b.xlsx', caps: caps(model) });
    expect(wb.sheets[0].cells.length).toBe(20_001);
    expect(wb.sheets[0].cells[20_000][19]).toBe(long);
    expect(model.failedSyncs()).toContain('GeneralException');
  }, 60_000);

  test('row 4: a sheet with 600 per-row merged areas is read with all its merges', async () => {
    const { model } = host('web');
    const s = model.put('明细', budgetRows(1200, 6));
    for (let r = 1; r <= 1200; r += 2) s.merges.push({ top: r, left: 0, bottom: r + 1, right: 0 });
    const wb = await readWorkbook({ file: 'b.xlsx', caps: caps(model) });
    expect(wb.sheets[0].merges!.length).toBe(600);
    expect(wb.sheets[0].merges!).toContainEqual({ top: 1199, left: 0, bottom: 1200, right: 0 });
  });

  test('row 5: sheets named "1-1" and "01" keep their names in the record, so their flags clear', async () => {
    const { model } = host('web');
    const a = model.put('1-1', budgetRows(5, 6));
    const b = model.put('01', budgetRows(5, 6));
    const c = model.put('2018-12-31', budgetRows(5, 6));
    await flagFindings([realFinding('1-1', 'E3', 0), realFinding('01', 'E3', 1), realFinding('2018-12-31', 'E4', 2)], caps(model));
    expect(a.fills.size + b.fills.size + c.fills.size).toBe(3);
    const r = await clearFlags(caps(model));
    expect(r.skippedSheets).toEqual([]);
    expect(r.restoredCells).toBe(3);
    expect(a.fills.size + b.fills.size + c.fills.size).toBe(0);
    expect(a.notes.length + b.notes.length + c.notes.length).toBe(0);
  });

  test('row 5: unit codes in 审核说明 keep their leading zeros and match again', async () => {
    const { model } = host('web');
    model.put(EXPLANATIONS_SHEET, [['规则', '单位', '位置', '说明']]);
    await saveExplanations([{ rule: 'GENERAL_CUT.INSUFFICIENT', unit: '001001', at: '2018-12-31', text: '经县政府常务会议批准追加' }]);
    await saveExplanations([{ rule: 'GENERAL_CUT.INSUFFICIENT', unit: '001001', at: '2018-12-31', text: '已按批复调整' }]);
    const s = model.sheet(EXPLANATIONS_SHEET)!;
    expect(s.rows.length).toBe(2);
    expect(s.get(1, 1)).toBe('001001');
    expect(s.get(1, 2)).toBe('2018-12-31');
    expect(s.get(1, 3)).toBe('已按批复调整');
  });

  test("row 6: 清除标记 keeps our comment when somebody replied to it (Excel 2021, comment mode)", async () => {
    const { model } = host('2021');
    const s = model.put('明细', budgetRows(5, 6));
    await flagFindings([realFinding('明细', 'E3', 0), realFinding('明细', 'E4', 1)], caps(model));
    expect(model.comments.length).toBe(2);
    model.comments[0].replies = [{ id: 'r1', content: '已核实：此项为县政府批准的追加预算，附批复文件。', authorName: '李四' }];
    const r = await clearFlags(caps(model));
    expect(r.notesRemoved).toBe(1);
    expect(r.repliedComments).toBe(1);
    expect(model.comments.length).toBe(1);
    expect(model.comments[0].replies![0].content).toContain('已核实');
    expect(s.fills.size).toBe(0);
  });

  test('row 7: No Fill comes back as No Fill (not solid white); solid white stays solid white', async () => {
    const { model } = host('web');
    const s = model.put('明细', budgetRows(5, 6));
    s.setFill(3, 4, { color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 }); // E4 solid white
    await flagFindings([realFinding('明细', 'E3', 0), realFinding('明细', 'E4', 1)], caps(model));
    expect(s.fill(2, 4).color).toBe('#FFC7CE');
    const r = await clearFlags(caps(model));
    expect(r.restoredCells).toBe(2);
    expect(s.fills.has('2,4')).toBe(false);
    expect(s.fill(3, 4)).toEqual({ ...NO_FILL, color: '#FFFFFF', pattern: 'Solid' });
    expect(model.failedSyncs()).toEqual([]);
  });

  test('row 8: a gradient-filled cell keeps its gradient; flag and clear never write one', async () => {
    const { model } = host('web');
    const s = model.put('明细', budgetRows(5, 6));
    const gradient = { color: '#5B9BD5', pattern: 'LinearGradient', patternColor: '#FFFFFF', tintAndShade: 0, patternTintAndShade: 0 };
    s.setFill(2, 4, gradient);
    const f = await flagFindings([realFinding('明细', 'E3', 0), realFinding('明细', 'E4', 1)], caps(model));
    expect(f.gradientCells).toBe(1);
    expect(f.flaggedCells).toBe(1);
    expect(s.fill(2, 4)).toEqual(gradient);
    expect(s.notes.length).toBe(2);
    const c = await clearFlags(caps(model));
    expect(c.restoredCells).toBe(1);
    expect(s.fill(2, 4)).toEqual(gradient);
    expect(s.fills.size).toBe(1);
    expect(model.sheet(RECORD_SHEET)).toBeUndefined();
  });

  test('row 9: flag in Microsoft 365, clear in Excel 2021: the notes keep their record until 365 clears them', async () => {
    const { model } = host('365');
    const s = model.put('明细', budgetRows(5, 6));
    await flagFindings([realFinding('明细', 'E3', 0), realFinding('明细', 'E4', 1)], caps(model));
    expect(s.notes.length).toBe(2);
    model.openIn('2021');
    const c2021 = await clearFlags(caps(model));
    expect(c2021.restoredCells).toBe(2);
    expect(c2021.pendingNotes).toBe(2);
    expect(c2021.remarks.join('')).toContain('Microsoft 365');
    expect(s.fills.size).toBe(0);
    expect(model.sheet(RECORD_SHEET)).toBeDefined();
    // Flagging again in 2021 adds after the pending rows (comments can't go on the noted cells).
    const f = await flagFindings([realFinding('明细', 'E3', 0), realFinding('明细', 'E5', 2)], caps(model));
    expect(f.flaggedCells).toBe(2);
    await clearFlags(caps(model));
    model.openIn('365');
    const c365 = await clearFlags(caps(model));
    expect(c365.pendingNotes).toBe(0);
    expect(s.notes).toEqual([]);
    expect(model.comments).toEqual([]);
    expect(s.fills.size).toBe(0);
    expect(model.sheet(RECORD_SHEET)).toBeUndefined();
  });

  test('row 10: below 1.18, cells with a legacy 批注 are skipped one by one, never a half-flagged sheet', async () => {
    const { model } = host('2024');
    const s = model.put('明细', budgetRows(10, 6));
    s.notes.push({ id: 'wps1', row: 3, col: 4, content: 'WPS 批注：此数据来自 2025 年决算' }, { id: 'wps2', row: 6, col: 4, content: '旧版批注' });
    const findings = [2, 3, 4, 5, 6, 7].map((r, i) => realFinding('明细', `E${r + 1}`, i));
    const r = await flagFindings(findings, caps(model));
    expect(r.flaggedCells).toBe(6);
    expect(r.notesAdded).toBe(4);
    expect(r.notesSkipped).toBe(2);
    for (const row of [2, 3, 4, 5, 6, 7]) expect(s.fill(row, 4).color).toBe('#FFC7CE');
    expect(model.comments.map((c) => c.row).sort()).toEqual([2, 4, 5, 7]);
    await clearFlags(caps(model));
    expect(s.fills.size).toBe(0);
    expect(model.comments).toEqual([]);
    expect(s.notes.map((n) => n.id)).toEqual(['wps1', 'wps2']);
  });

  test('row 11: getRanges refused below 8,191 characters: the pieces get smaller and everything is flagged', async () => {
    const { model } = host('web');
    model.getRangesMaxAreas = 12;
    const s = model.put('明细', budgetRows(2000, 6));
    const findings = Array.from({ length: 500 }, (_, i) => realFinding('明细', `E${2 + i * 3}`, i));
    const r = await flagFindings(findings, caps(model));
    expect(r.flaggedCells).toBe(500);
    expect([...s.fills.values()].filter((f) => f.color === '#FFC7CE').length).toBe(500);
    const c = await clearFlags(caps(model));
    expect(c.restoredCells).toBe(500);
    expect(s.fills.size).toBe(0);
  });

  test('row 14: 审核说明 before the sheet exists, and 清除标记 with nothing flagged', async () => {
    const { model } = host('web');
    model.put('明细', budgetRows(3, 6));
    expect(await saveExplanations([{ rule: 'DATA.BAD_AMOUNT', unit: '县教育局', at: 'E3', text: '已更正' }])).toBe(1);
    expect(model.sheet(EXPLANATIONS_SHEET)!.rows[1]).toEqual(['DATA.BAD_AMOUNT', '县教育局', 'E3', '已更正']);
    const c = await clearFlags(caps(model));
    expect(c.restoredCells).toBe(0);
    expect(model.failedSyncs()).toEqual([]);
  });

  test('row 15: while the user types in a cell, the pane says so (below 1.11) or waits (1.11 and later)', async () => {
    const { model } = host(10);
    const s = model.put('明细', budgetRows(5, 6));
    model.enterCellEdit();
    await expect(flagFindings([realFinding('明细', 'E3', 0)], caps(model))).rejects.toThrow('单元格编辑状态');
    expect(CELL_EDIT_MESSAGE).toContain('Enter');
    expect(s.fills.size).toBe(0);
    model.apiVersion = 20;
    const pending = flagFindings([realFinding('明细', 'E3', 0)], caps(model));
    setTimeout(() => model.exitCellEdit(), 50);
    expect((await pending).flaggedCells).toBe(1);
    expect(s.fill(2, 4).color).toBe('#FFC7CE');
  });

  test('protection: a protected workbook structure stops 标记 before any cell changes, with a sentence', async () => {
    const { model } = host('web');
    const s = model.put('明细', budgetRows(5, 6));
    model.structureProtected = true;
    await expect(flagFindings([realFinding('明细', 'E3', 0)], caps(model))).rejects.toThrow('工作簿结构受保护');
    expect(STRUCTURE_PROTECTED_MESSAGE).toContain('撤消工作簿保护');
    expect(s.fills.size).toBe(0);
    expect(s.notes).toEqual([]);
  });

  test('our notes carry the prefix and the full message', async () => {
    const { model } = host('web');
    const s = model.put('明细', budgetRows(5, 6));
    await flagFindings([realFinding('明细', 'E3', 7)], caps(model));
    expect(s.notes[0].content.startsWith(NOTE_PREFIX)).toBe(true);
    expect(s.notes[0].content).toContain(realMessage(7));
  });
});
