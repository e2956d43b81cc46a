/**
 * A 指标值 written as a number under a percent format (0.95 shown "95%") reads as Excel shows it,
 * through the streaming reader and through the exceljs reader alike (Grid.numFmts), and the
 * 项目支出绩效目标表 the CLI writes shows "100%", not "1". Budget sheets keep no formats.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readXlsx, readXlsxFile as readXlsxStream } from '../../../src/cli/file-source';
import type { Grid } from '../../../src/core/grid';
import { readPerformanceSheet } from '../../../src/core/performance';
import { cli } from '../run-cli';
import { SHEET_HEAD, SHEET_TAIL, writeXlsx } from './xlsx-writer';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-percent-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** [三级指标, 指标值, number format] of the goal's grid. */
const INDICATORS: ReadonlyArray<readonly [string, string, number, string | undefined]> = [
  ['质量指标', '验收合格率', 0.95, '0%'],
  ['质量指标', '设备完好率', 1, '0%'],
  ['时效指标', '按期完成率', 0.955, '0.0%'],
  ['数量指标', '维修学校数', 12, undefined],
];
const SHOWN = ['95%', '100%', '95.5%', '12'];

/**
 * A budget sheet with two project lines (执行率 formatted 0.0%) and a 绩效目标 sheet (list layout):
 * 校舍维修 with numbers under percent formats, 操场改造 with the same grid typed as text ("95%").
 */
async function workbook(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const budget = wb.addWorksheet('预算明细');
  budget.addRow(['单位编码', '单位名称', '支出类型', '项目名称', '功能分类科目编码', '经济分类科目编码', '资金来源', '本年预算数', '执行率']);
  budget.addRow(['101001', '县教育局', '项目支出', '校舍维修', '2050202', '30213', '一般公共预算拨款', 500000, 0.9]);
  budget.addRow(['101001', '县教育局', '项目支出', '操场改造', '2050202', '30213', '一般公共预算拨款', 300000, 0.8]);
  budget.getCell('I2').numFmt = '0.0%';
  budget.getCell('I3').numFmt = '0.0%';
  const goals = wb.addWorksheet('绩效目标');
  goals.addRow(['单位名称', '项目名称', '一级指标', '二级指标', '三级指标', '指标值']);
  for (const [l2, name, v, fmt] of INDICATORS) {
    const row = goals.addRow(['县教育局', '校舍维修', '产出指标', l2, name, v]);
    if (fmt) row.getCell(6).numFmt = fmt;
  }
  goals.addRow(['县教育局', '校舍维修', '效益指标', '社会效益指标', '消除安全隐患', '3处']);
  goals.addRow(['县教育局', '校舍维修', '满意度指标', '服务对象满意度指标', '师生满意度', 0.9]).getCell(6).numFmt = '0%';
  INDICATORS.forEach(([l2, n], i) => goals.addRow(['县教育局', '操场改造', '产出指标', l2, n, i === 3 ? 12 : SHOWN[i]]));
  goals.addRow(['县教育局', '操场改造', '效益指标', '社会效益指标', '消除安全隐患', '3处']);
  goals.addRow(['县教育局', '操场改造', '满意度指标', '服务对象满意度指标', '师生满意度', '90%']);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const valuesOf = (g: Grid) => readPerformanceSheet('a.xlsx', g).goals.flatMap((x) => x.indicators.map((i) => i.value));

describe('percent-formatted 指标值', () => {
  test('both readers: 0.95 "0%" → 95%, 1 "0%" → 100%, 0.955 "0.0%" → 95.5%, 12 General → 12; the grids agree', async () => {
    const file = await workbook('goals.xlsx');
    const stream = await readXlsxStream(file, 'a.xlsx');
    const exceljs = await readXlsx(file, 'a.xlsx');
    for (const grids of [stream.grids, exceljs.grids]) {
      const g = grids.sheets.find((s) => s.name === '绩效目标') as Grid;
      expect(valuesOf(g)).toEqual([...SHOWN, '3处', '90%', ...SHOWN, '3处', '90%']);
      // The budget sheet's 执行率 column keeps no format: only 绩效目标 sheets carry them.
      expect(grids.sheets.find((s) => s.name === '预算明细')?.numFmts).toBeUndefined();
    }
    expect(stream.grids.sheets).toEqual(exceljs.grids.sheets);
    const g = stream.grids.sheets.find((s) => s.name === '绩效目标') as Grid;
    // Runs down the 指标值 column: the General 12 ends one, the text 3处 does not.
    expect(g.numFmts).toEqual([{ col: 5, top: 1, bottom: 2, code: '0%' }, { col: 5, top: 3, bottom: 3, code: '0.0%' }, { col: 5, top: 6, bottom: 6, code: '0%' }]);
    expect(g.cells[1][5]).toBe(0.95); // the grid keeps the number; the 绩效目标 reader shows it
  });

  test('`check --json` reads the goal with the shown values; `tables` writes 项目支出绩效目标表 with 100%', async () => {
    const file = await workbook('cli.xlsx');
    const check = await cli('check', file, '--json');
    expect(check.code).toBeLessThan(2);
    const report = JSON.parse(check.stdout) as { findings: Array<{ rule: string; message: string }> };
    // The grid under percent formats is the grid typed as "95%": the same indicators, as the sheet shows.
    expect(report.findings.filter((f) => f.rule === 'PERF.COPIED').map((f) => f.message)).toEqual([
      '县教育局项目“操场改造”的 6 条绩效指标与项目“校舍维修”完全相同；不同项目应按各自内容设置绩效指标，照搬的指标请退回修改',
    ]);
    for (const f of report.findings) expect(f.message).not.toMatch(/“(0\.95|1|0\.955)”/);
    const out = path.join(dir, 't.xlsx');
    const r = await cli('tables', file, '--out', out);
    expect(r.code).toBe(0);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const ws = back.worksheets.find((w) => w.name.includes('绩效目标'));
    expect(ws).toBeDefined();
    const texts: string[] = [];
    ws!.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value))));
    expect(texts.filter((t) => /%$/.test(t) || t === '12')).toEqual(['95%', '100%', '95.5%', '12', '90%', '95%', '100%', '95.5%', '12', '90%']);
    expect(texts).not.toContain('0.95');
    expect(texts).not.toContain('0.955');
  });

  test('styles.xml: built-in ids (zh-CN dates included) and custom codes as written; a quoted or escaped % writes the sign unscaled', async () => {
    const styles =
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="6"><numFmt numFmtId="176" formatCode="#,##0.0%"/><numFmt numFmtId="177" formatCode="0&quot;%&quot;"/>' +
      '<numFmt numFmtId="178" formatCode="0\\%"/><numFmt numFmtId="179" formatCode="[$%-804]0.00"/><numFmt numFmtId="180" formatCode="0&quot;人次&quot;"/>' +
      '<numFmt numFmtId="181" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      '<cellXfs count="12"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="178"/><xf numFmtId="179"/>' +
      '<xf numFmtId="180"/><xf numFmtId="31"/><xf numFmtId="49"/><xf numFmtId="181"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const strings = ['项目名称', '试点', '一级指标', '二级指标', '三级指标', '指标值', '产出指标', '质量指标', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'];
    const values = [[1, 0.95], [2, 0.9512], [3, 12.5], [4, 95], [5, 95], [6, 95], [7, 1200], [8, 46387], [9, 7], [10, 46387], [11, 46387]] as const;
    let xml = SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>';
    xml += '<row r="2">' + [2, 3, 4, 5].map((k, c) => `<c r="${'ABCD'[c]}2" t="s"><v>${k}</v></c>`).join('') + '</row>';
    values.forEach(([s, v], i) => {
      const r = i + 3;
      xml += `<row r="${r}"><c r="A${r}" t="s"><v>6</v></c><c r="B${r}" t="s"><v>7</v></c><c r="C${r}" t="s"><v>${8 + i}</v></c><c r="D${r}" s="${s}"><v>${v}</v></c></row>`;
    });
    const file = path.join(dir, 'styles.xlsx');
    writeXlsx(file, [{ name: '绩效目标', xml: xml + SHEET_TAIL }], { sharedStrings: strings, stylesXml: styles });
    const g = (await readXlsxStream(file, 's.xlsx')).grids.sheets[0];
    expect(g.numFmts).toEqual([
      { col: 3, top: 2, bottom: 2, code: '0%' },
      { col: 3, top: 3, bottom: 3, code: '0.00%' },
      { col: 3, top: 4, bottom: 4, code: '#,##0.0%' },
      { col: 3, top: 5, bottom: 5, code: '0"%"' },
      { col: 3, top: 6, bottom: 6, code: '0\\%' },
      { col: 3, top: 7, bottom: 7, code: '[$%-804]0.00' },
      { col: 3, top: 8, bottom: 8, code: '0"人次"' },
      { col: 3, top: 9, bottom: 9, code: 'yyyy"年"m"月"d"日"' },
      { col: 3, top: 11, bottom: 11, code: 'yyyy"年"m"月"d"日"' },
      { col: 3, top: 12, bottom: 12, code: 'yyyy/m/d' },
    ]);
    // A date code makes the cell a Date (as exceljs does); it is shown under its code all the same.
    expect(g.cells[11][3]).toBeInstanceOf(Date);
    expect(valuesOf(g)).toEqual(['95%', '95.12%', '1,250.0%', '95%', '95%', '%95.00', '1200人次', '2026年12月31日', '7', '2026年12月31日', '2026/12/31']);
    // exceljs drops the backslash of 0\\% before anyone sees the code, gives id 31 no code and id 14 its
    // US short date (index.ts, known differences).
    const e = (await readXlsx(file, 's.xlsx')).grids.sheets[0];
    expect(valuesOf(e)).toEqual(['95%', '95.12%', '1,250.0%', '95%', '9500%', '%95.00', '1200人次', '46387', '7', '2026年12月31日', '12-31-26']);
  });

  test('a 100,000-row budget sheet with a percent column keeps no formats; a long 绩效目标 column is one run', async () => {
    const styles = '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="10"/></cellXfs></styleSheet>';
    const strings = ['单位名称', '功能分类科目', '金额', '执行率', '一级指标', '二级指标', '三级指标', '指标值', '县教育局', '产出指标'];
    function* sheet(head: number[], text: number): Generator<string> {
      yield SHEET_HEAD + '<row r="1">' + head.map((k, c) => `<c r="${'ABCD'[c]}1" t="s"><v>${k}</v></c>`).join('') + '</row>';
      let batch = '';
      for (let r = 2; r <= 100_001; r++) {
        batch += `<row r="${r}"><c r="A${r}" t="s"><v>${text}</v></c><c r="B${r}" t="s"><v>${text}</v></c><c r="C${r}"><v>${r}</v></c><c r="D${r}" s="1"><v>0.${r % 100}</v></c></row>`;
        if (batch.length > 1 << 20) {
          yield batch;
          batch = '';
        }
      }
      yield batch + SHEET_TAIL;
    }
    const file = path.join(dir, 'big.xlsx');
    writeXlsx(file, [{ name: '明细', xml: sheet([0, 1, 2, 3], 8) }, { name: '绩效目标', xml: sheet([4, 5, 6, 7], 9) }], { sharedStrings: strings, stylesXml: styles });
    const [budget, goals] = (await readXlsxStream(file, 'b.xlsx')).grids.sheets;
    expect(budget.cells.length).toBe(100_001);
    expect(budget.numFmts).toBeUndefined();
    expect(goals.numFmts).toEqual([{ col: 3, top: 1, bottom: 100_000, code: '0.00%' }]);
  });
});
