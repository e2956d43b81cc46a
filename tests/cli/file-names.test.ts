/**
 * Issue 19, items 13 and 15: per-unit file names fit 255 bytes with the temporary suffix (keeping the
 * code, every unit written), and are valid and visible on Windows, macOS and Linux: no device names
 * (CON, NUL …), no leading dot, no trailing dots or spaces, no forbidden or control characters.
 */
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MAX_FILE_NAME_BYTES, safeFileStem, TEMP_SUFFIX_BYTES, UNIT_FILE_NAME_MAX_BYTES, uniqueFileNames, unitFileName, utf8Length } from '../../src/io/file-name';
import { budgetXlsx, HEADER } from '../hardening/fixtures';
import { cli } from './run-cli';

/** Whether a file name is valid and visible on Windows, macOS and Linux alike. */
function portableProblem(name: string): string | null {
  if (name.length === 0) return 'empty';
  if (utf8Length(name) > UNIT_FILE_NAME_MAX_BYTES) return `longer than ${UNIT_FILE_NAME_MAX_BYTES} bytes`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'control character';
  if (/[<>:"/\\|?*]/.test(name)) return 'forbidden character';
  if (/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(name)) return 'invisible character';
  if (name.startsWith('.')) return 'hidden (leading dot)';
  if (name.startsWith('~$')) return 'an Excel lock-file name';
  if (/[. ]$/.test(name)) return 'trailing dot or space';
  if (/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i.test(name.split('.')[0].trimEnd())) return 'a Windows device name';
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name)) return 'a lone surrogate';
  return null;
}

/** The temporary name writeWorkbookAtomic uses (the longest pid and time it can have). */
function tempName(name: string): string {
  return `.${name}.4194304.zzzzzzzzz.tmp`;
}

describe('unit file names', () => {
  test('item 13: a 75-character name keeps its code, fits 255 bytes with the temporary suffix', () => {
    const long = '县'.repeat(75);
    const name = unitFileName({ key: '101001', code: '101001', name: long });
    expect(name.startsWith('101001 县')).toBe(true);
    expect(name.endsWith('….xlsx')).toBe(true);
    expect(utf8Length(name)).toBeLessThanOrEqual(UNIT_FILE_NAME_MAX_BYTES);
    expect(utf8Length(tempName(name))).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(utf8Length(tempName(''))).toBeLessThanOrEqual(TEMP_SUFFIX_BYTES);
    // Short names are untouched.
    expect(unitFileName({ key: '101001', code: '101001', name: '县教育局' })).toBe('101001 县教育局.xlsx');
    // A name of four-byte characters is cut between characters, never inside one.
    const emoji = unitFileName({ key: 'k', code: '', name: '𠀋'.repeat(80) });
    expect(portableProblem(emoji)).toBeNull();
  });

  test('item 13: long names sharing their beginning stay distinct and within the limit', () => {
    const names = uniqueFileNames(['甲', '乙', '丙'].map((x) => unitFileName({ key: x, code: '', name: `${'县'.repeat(80)}${x}` })));
    expect(new Set(names).size).toBe(3);
    for (const n of names) {
      expect(portableProblem(n)).toBeNull();
      expect(utf8Length(n)).toBeLessThanOrEqual(UNIT_FILE_NAME_MAX_BYTES);
    }
    expect(names[1]).toMatch(/\(2\)\.xlsx$/);
    // Case and Unicode normalisation count as the same name (Windows, macOS).
    expect(uniqueFileNames(['Ab.xlsx', 'aB.xlsx', 'e\u0301.xlsx', '\u00e9.xlsx'])).toEqual(['Ab.xlsx', 'aB(2).xlsx', 'e\u0301.xlsx', '\u00e9(2).xlsx']);
  });

  const shown = (x: string) => JSON.stringify(x).replace(/[\u007f-\uffff]/g, (c) => (/[\u202a-\u202e]/.test(c) ? `\\u${c.charCodeAt(0).toString(16)}` : c));
  test.each(([
    ['CON', '_CON.xlsx'],
    ['nul', '_nul.xlsx'],
    ['Com1', '_Com1.xlsx'],
    ['LPT9', '_LPT9.xlsx'],
    ['aux.2025', '_aux.2025.xlsx'],
    ['CON ', '_CON.xlsx'],
    ['.hidden', 'hidden.xlsx'],
    ['..', '未命名单位.xlsx'],
    ['~$锁定', '_$锁定.xlsx'],
    ['县教育局. . ', '县教育局.xlsx'],
    ['a<b>c:d"e/f\\g|h?i*j', 'a_b_c_d_e_f_g_h_i_j.xlsx'],
    ['县\u001b[2J教育\u0007局', '县教育局.xlsx'],
    ['\u202egpj.exe县', 'gpj.exe县.xlsx'],
    ['县\n教育局', '县 教育局.xlsx'],
  ] as Array<[string, string]>).map(([a, b]) => [shown(a), a, b]))('item 15: %s', (_shown, unitName, expected) => {
    const name = unitFileName({ key: unitName, code: '', name: unitName });
    expect(name).toBe(expected);
    expect(portableProblem(name)).toBeNull();
  });

  test('item 14: escape sequences in a unit name leave no printable remains in its file name', () => {
    const ESC = '\u001b';
    const BEL = '\u0007';
    const name = `${ESC}]0;pwned${BEL}县教育局${ESC}]8;;http://evil.example/${ESC}\\点我${ESC}]8;;${ESC}\\${ESC}[2J`;
    expect(safeFileStem(`101001 ${name}`)).toBe('101001 县教育局点我');
    expect(unitFileName({ key: '101001', code: '101001', name })).not.toMatch(/pwned|evil|\]8;;|\[2J/);
  });

  test('item 15: any code and name give a portable name (property, 3,000 cases)', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.constantFrom('CON', 'nul', 'COM1', '.', '..', '...', ' . ', '~$x', 'LPT1.txt', 'aux '), fc.string({ unit: fc.constantFrom('县', '.', ' ', 'C', 'O', 'N', '\u001b', ':', '\ud83d', '\ude00', '𠀋', '\u202e'), maxLength: 120 }));
    fc.assert(
      fc.property(text, text, (code, name) => {
        const n = unitFileName({ key: code || name, code, name });
        const problem = portableProblem(n);
        if (problem) throw new Error(`${JSON.stringify(n)}: ${problem}`);
        expect(n.endsWith('.xlsx')).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(safeFileStem('')).toBe('');
  });
});

describe('--per-unit-out writes every unit under a portable name', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-file-names-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('item 13: units with 75-character names are all written, each name with its code and within the limit', async () => {
    const names = ['教', '卫', '文'].map((x) => `县${x}${'某'.repeat(73)}`);
    const rows = names.map((n, i) => [`10100${i + 1}`, n, '人员经费', '2050101', '30101', '一般公共预算拨款', 1000 + i]);
    const input = await budgetXlsx(path.join(dir, 'a.xlsx'), [{ name: '预算明细', rows }]);
    const units = path.join(dir, 'units');
    const r = await cli('check', input, '--per-unit-out', units, '--jobs', '1');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const written = fs.readdirSync(units).sort();
    expect(written).toHaveLength(3);
    written.forEach((f, i) => {
      expect(f.startsWith(`10100${i + 1} 县`)).toBe(true);
      expect(portableProblem(f)).toBeNull();
    });
    expect(r.stdout).toContain('已为 3 个单位分别写入审核工作簿');
  }, 60_000);

  test('item 15: units named CON, NUL., .hidden and ~$x (no code column) get valid, visible files', async () => {
    const header = HEADER.filter((h) => h !== '单位编码');
    const rows = ['CON', 'NUL.', '.hidden', '~$x', 'aux'].map((n, i) => [n, '人员经费', '2050101', '30101', '一般公共预算拨款', 100 + i]);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('预算明细');
    ws.addRow(['XX县2025年部门预算明细表']);
    ws.addRow(['单位：元']);
    ws.addRow(header);
    for (const r of rows) ws.addRow(r);
    const input = path.join(dir, 'a.xlsx');
    await wb.xlsx.writeFile(input);
    const units = path.join(dir, 'units');
    const r = await cli('check', input, '--per-unit-out', units, '--jobs', '1');
    expect(r.code).toBe(0);
    const written = fs.readdirSync(units).sort();
    expect(written).toEqual(['_$x.xlsx', '_CON.xlsx', '_NUL.xlsx', '_aux.xlsx', 'hidden.xlsx']);
    for (const f of written) expect(portableProblem(f)).toBeNull();
  }, 60_000);
});
