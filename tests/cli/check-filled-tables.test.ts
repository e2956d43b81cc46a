import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from './run-cli';

describe('check recognises a workbook of filled standard tables by itself', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-filled-'));
  const example = path.join(__dirname, '../../examples/县教育局-明细-元.xlsx');

  test.each(['national', 'shanghai'])('generated %s tables pass TABLES.* through `check`', async (style) => {
    const out = path.join(dir, `tables-${style}.xlsx`);
    const t = await cli('tables', example, '--out', out, '--style', style);
    expect(t.code).toBe(0);
    const run = await cli('check', out, '--json');
    const json = JSON.parse(run.stdout) as { findings: { rule: string; severity: string }[]; inputs: { sheets: string[] }[] };
    expect(json.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(json.findings.some((f) => f.rule.startsWith('DATA.'))).toBe(false);
    expect(json.inputs[0].sheets.length).toBeGreaterThanOrEqual(9);
    expect(run.code).toBe(0);
  });
});
