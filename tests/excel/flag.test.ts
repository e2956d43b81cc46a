import { clearFlags, flagFindings, NOTE_PREFIX, RECORD_SHEET } from '../../src/excel/flag';
import { readWorkbook } from '../../src/excel/read';
import { FakeSheet, FillState, key, NO_FILL } from '../../src/testing/fake-excel';
import { budgetRows, fakeHost, finding } from './helpers';
import type { Finding } from '../../src/core/findings';

function snapshotFills(s: FakeSheet): Array<[string, FillState]> {
  return [...s.fills.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}

describe('flag and clear', () => {
  test('restores every original fill exactly and removes only our notes', async () => {
    const { model, caps, uninstall } = fakeHost(18);
    try {
      const s = model.put('明细', budgetRows(30, 6));
      // Original fills of every kind: none, solid colour, pattern with tint.
      s.setFill(2, 4, { color: '#00B050', pattern: 'Solid' });
      s.setFill(3, 4, { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000', tintAndShade: 0.4, patternTintAndShade: -0.2 });
      s.setFill(10, 2, { color: '#DDEBF7', pattern: 'Solid', tintAndShade: 0.6 });
      s.notes.push({ id: 'user1', row: 4, col: 4, content: '用户自己的备注' });
      const before = snapshotFills(s);
      const findings = [2, 3, 4, 5, 6, 7, 20].map((r) => finding('明细', `E${r + 1}`)).concat([finding('明细', 'C11', 'warning'), finding('明细', 'E6', 'warning', '负数')]);
      const r = await flagFindings(findings, caps);
      expect(r.flaggedCells).toBe(8);
      expect(r.noteMode).toBe('note');
      expect(r.notesAdded).toBe(7);
      expect(r.notesSkipped).toBe(1);
      expect(s.fill(2, 4).color).toBe('#FFC7CE');
      expect(s.fill(10, 2).color).toBe('#FFEB9C');
      expect(s.fill(5, 4).color).toBe('#FFC7CE'); // error wins over warning on one cell
      expect(s.notes.find((n) => n.row === 5 && n.col === 4)!.content).toContain('负数');
      expect(s.notes.find((n) => n.id === 'user1')!.content).toBe('用户自己的备注');
      expect(model.sheet(RECORD_SHEET)!.visibility).toBe('VeryHidden');

      const c = await clearFlags(caps);
      expect(c.restoredCells).toBe(8);
      expect(c.keptUserChanges).toBe(0);
      expect(c.notesRemoved).toBe(7);
      expect(snapshotFills(s)).toEqual(before);
      expect(s.notes).toEqual([{ id: 'user1', row: 4, col: 4, content: '用户自己的备注' }]);
      expect(model.sheet(RECORD_SHEET)).toBeUndefined();
    } finally {
      uninstall();
    }
  });

  test('a finding of a whole row is flagged at column A of that row (where 审核结果 links), and cleared exactly', async () => {
    const { model, caps, uninstall } = fakeHost(18);
    try {
      const s = model.put('明细', budgetRows(10, 6));
      const before = snapshotFills(s);
      const rowOnly: Finding = { rule: 'DATA.MISSING_COLUMN', severity: 'warning', location: { file: 'book.xlsx', sheet: '明细', row: 4 }, message: '缺少“资金来源”列' };
      const whole: Finding = { rule: 'DATA.NOT_CHECKED', severity: 'warning', location: { file: 'book.xlsx', sheet: '明细' }, message: '整表' };
      const r = await flagFindings([rowOnly, whole], caps);
      expect(r.flaggedCells).toBe(1);
      expect(s.fill(3, 0).color).toBe('#FFEB9C');
      expect(s.notes.find((n) => n.row === 3 && n.col === 0)!.content).toContain('缺少“资金来源”列');
      await clearFlags(caps);
      expect(snapshotFills(s)).toEqual(before);
      expect(s.notes).toEqual([]);
    } finally {
      uninstall();
    }
  });

  test("a user's changes since flagging stay: fill, edited note", async () => {
    const { model, caps, uninstall } = fakeHost(18);
    try {
      const s = model.put('明细', budgetRows(10, 6));
      await flagFindings([finding('明细', 'E3'), finding('明细', 'E4'), finding('明细', 'E5')], caps);
      s.setFill(3, 4, { color: '#0070C0', pattern: 'Solid' }); // user recoloured E4
      s.notes.find((n) => n.row === 4)!.content += '（已核实）'; // user edited our note on E5
      const c = await clearFlags(caps);
      expect(c.restoredCells).toBe(2);
      expect(c.keptUserChanges).toBe(1);
      expect(s.fill(2, 4)).toEqual(NO_FILL);
      expect(s.fill(3, 4).color).toBe('#0070C0');
      expect(s.notes.map((n) => n.content)).toEqual([expect.stringContaining('（已核实）')]);
    } finally {
      uninstall();
    }
  });

  test('round trip with random edits in between restores exactly what the user did not touch', async () => {
    const { model, caps, uninstall } = fakeHost(18);
    try {
      const s = model.put('明细', budgetRows(200, 8));
      let seed = 7;
      const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
      const colors = ['#FF0000', '#00FF00', '#0000FF', '#FFFF00'];
      for (let i = 0; i < 150; i++) s.setFill(1 + rnd(200), rnd(8), { color: colors[rnd(4)], pattern: rnd(3) === 0 ? 'Gray50' : 'Solid', tintAndShade: rnd(2) ? 0 : 0.25 });
      const cells = new Set<string>();
      for (let i = 0; i < 300; i++) cells.add(`${String.fromCharCode(65 + rnd(8))}${2 + rnd(200)}`);
      const before = new Map(s.fills);
      await flagFindings([...cells].map((c, i) => finding('明细', c, i % 3 ? 'error' : 'warning')), caps);
      const touched = new Set<string>();
      for (let i = 0; i < 40; i++) {
        const r = 1 + rnd(200), c = rnd(8);
        s.setFill(r, c, { color: '#123456', pattern: 'Solid' });
        touched.add(key(r, c));
      }
      await clearFlags(caps);
      for (let r = 0; r <= 201; r++) for (let c = 0; c < 8; c++) {
        const k = key(r, c);
        if (touched.has(k)) expect(s.fill(r, c).color).toBe('#123456');
        else expect(s.fill(r, c)).toEqual(before.get(k) ?? NO_FILL);
      }
    } finally {
      uninstall();
    }
  });

  test('protected sheets are left untouched; flagging twice keeps the first originals', async () => {
    const { model, caps, uninstall } = fakeHost(18);
    try {
      const a = model.put('明细', budgetRows(5, 6));
      const b = model.put('锁定', budgetRows(5, 6));
      b.protected = true;
      a.setFill(2, 4, { color: '#00B050', pattern: 'Solid' });
      const r1 = await flagFindings([finding('明细', 'E3'), finding('锁定', 'E3')], caps);
      expect(r1.protectedSheets).toEqual(['锁定']);
      expect(b.fills.size).toBe(0);
      expect(b.notes).toEqual([]);
      const r2 = await flagFindings([finding('明细', 'E3'), finding('明细', 'E4')], caps);
      expect(r2.clearedFirst?.restoredCells).toBe(1);
      await clearFlags(caps);
      expect(a.fill(2, 4)).toEqual({ ...NO_FILL, color: '#00B050', pattern: 'Solid' });
      expect(a.fill(3, 4)).toEqual(NO_FILL);
    } finally {
      uninstall();
    }
  });

  test('ExcelApi 1.10: comments instead of notes; the user’s comments stay', async () => {
    const { model, caps, uninstall } = fakeHost(10);
    try {
      const s = model.put("张's 表", budgetRows(5, 6));
      model.comments.push({ id: 'u1', sheet: "张's 表", row: 3, col: 4, content: '请核对', authorName: '李四' });
      const r = await flagFindings([finding("张's 表", 'E3'), finding("张's 表", 'E4')], caps);
      expect(r.noteMode).toBe('comment');
      expect(r.notesAdded).toBe(1);
      expect(model.comments.map((c) => c.content)).toEqual(['请核对', expect.stringContaining(NOTE_PREFIX)]);
      expect(s.fill(2, 4).color).toBe('#FFC7CE');
      await clearFlags(caps);
      expect(model.comments.map((c) => c.id)).toEqual(['u1']);
      expect(s.fills.size).toBe(0);
    } finally {
      uninstall();
    }
  });

  test('ExcelApi 1.7: per-rectangle getRange, colour-only restore, no notes, no 1.9 calls', async () => {
    const { model, caps, uninstall } = fakeHost(7);
    try {
      const s = model.put('明细', budgetRows(20, 6));
      s.setFill(3, 4, { color: '#00B050', pattern: 'Solid' });
      const r = await flagFindings([2, 3, 4, 5].map((i) => finding('明细', `E${i + 1}`)), caps);
      expect(r.noteMode).toBe('none');
      expect(model.failedSyncs()).toEqual([]);
      expect(s.fill(3, 4).color).toBe('#FFC7CE');
      await clearFlags(caps);
      expect(model.failedSyncs()).toEqual([]);
      expect(s.fill(2, 4)).toEqual(NO_FILL);
      expect(s.fill(3, 4).color).toBe('#00B050');
      expect(s.notes).toEqual([]);
    } finally {
      uninstall();
    }
  });

  test('SPEC §6: read + flag of a 100k × 20 sheet with 10k flagged cells in ≤ 40 syncs, payloads < 4 MB', async () => {
    const { model, caps, uninstall } = fakeHost(18);
    try {
      model.put('明细', budgetRows(100_000, 20));
      model.resetStats();
      await readWorkbook({ file: 'b.xlsx', caps });
      const readSyncs = model.syncCount;
      // 10k cells scattered over three columns (every 10th row in E, every 20th in B and C).
      const findings = [];
      for (let r = 2; r <= 100_001 && findings.length < 10_000; r += 10) findings.push(finding('明细', `E${r}`));
      for (let r = 3; r <= 100_001 && findings.length < 10_000; r += 40) findings.push(finding('明细', `B${r}`, 'warning'), finding('明细', `C${r}`, 'warning'));
      expect(findings.length).toBe(10_000);
      const before = model.syncCount;
      const res = await flagFindings(findings, caps);
      const flagSyncs = model.syncCount - before;
      expect(res.flaggedCells).toBe(10_000);
      expect(readSyncs + flagSyncs).toBeLessThanOrEqual(40);
      expect(model.maxRequestBytes()).toBeLessThan(4_000_000);
      expect(model.maxResponseBytes()).toBeLessThan(4_000_000);
      expect(model.failedSyncs()).toEqual([]);
      const c0 = model.syncCount;
      const cleared = await clearFlags(caps);
      expect(cleared.restoredCells).toBe(10_000);
      expect(model.sheet('明细')!.fills.size).toBe(0);
      // eslint-disable-next-line no-console
      console.log(`syncs: read ${readSyncs}, flag ${flagSyncs}, clear ${model.syncCount - c0}; max request ${model.maxRequestBytes()} B, max response ${model.maxResponseBytes()} B`);
    } finally {
      uninstall();
    }
  });
});
