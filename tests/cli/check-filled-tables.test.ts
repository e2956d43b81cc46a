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

  test('a note merged across the 三公 table (no unit kinds in the lines) is a note, not an amount', async () => {
    const csv = path.join(dir, 'nokind.csv');
    fs.writeFileSync(csv, '单位名称,支出类型,功能分类科目,经济分类科目,金额\n甲局,公用经费,2010101,30201,100\n甲局,公用经费,2010101,30217,50\n');
    const out = path.join(dir, 'nokind.xlsx');
    expect((await cli('tables', csv, '--out', out, '--style', 'shanghai')).code).toBe(0);
    const run = await cli('check', out, '--json');
    expect(JSON.parse(run.stdout).findings).toEqual([]);
  });
});

test('the summary counts 明细表 and 公开表 apart', async () => {
  const ex = (f: string) => path.join(__dirname, '../../examples', f);
  const run = await cli('check', ex('县教育局-明细-元.xlsx'), ex('公开表-例B-全国格式.xlsx'));
  const j = JSON.parse((await cli('check', ex('县教育局-明细-元.xlsx'), ex('公开表-例B-全国格式.xlsx'), '--json')).stdout) as { inputs: { lines: number; sheets: string[] }[] };
  const [detail, tables] = j.inputs;
  expect(detail.lines).toBeGreaterThan(0);
  expect(tables.lines).toBe(0);
  expect(run.stdout).toContain(`2 个文件，${detail.sheets.length} 张明细表，${tables.sheets.length} 张公开表，`);
});
