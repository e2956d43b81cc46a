/** One set of findings and its input, for the review-model and print tests. */
import ExcelJS from 'exceljs';
import type { CheckReport } from '../../src/core/check';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { Finding, summarize } from '../../src/core/findings';
import type { BudgetLine, LineSource } from '../../src/core/lines';
import { readXlsxBuffer } from '../../src/io/read-xlsx';

export const SHEET = '明细';

function line(src: LineSource, row: number, unitCode: string, unitName: string, amountFen: number): BudgetLine {
  return {
    src, row, amountCol: 3, unitCode, unitName, unitKind: '行政单位', projectCode: '', projectName: '', kind: 'public',
    declaredKind: 'public', functionCode: '2010101', functionName: '', economicCode: '30201', economicName: '', govEconomicCode: '',
    fundSource: '一般公共预算拨款', amountFen, priorFen: null, priorActualFen: null, execRate: null, perfScore: null, perfGoal: '',
    basis: '', sanbao: null, ppp: false, approved: false,
  };
}

export function sampleReport(): CheckReport {
  const src: LineSource = { file: 'a.xlsx', sheet: SHEET, columns: { unitCode: 1, unitName: 2, amount: 3 }, amountUnit: 'yuan', prior: false };
  const lines = [line(src, 3, '101001', '县教育局', 120050), line(src, 4, '101001', '县教育局', 0), line(src, 5, '102001', '县卫健委', 30000)];
  const edu = { code: '101001', name: '县教育局' };
  const health = { code: '102001', name: '县卫健委' };
  const findings: Finding[] = [
    { rule: 'LIVELIHOOD.NOT_CHECKED', severity: 'info', location: { file: 'a.xlsx' }, message: '单位少于 3 个，未检查民生支出占比' },
    { rule: 'DATA.CODE_LEVEL', severity: 'warning', unit: health, location: { file: 'a.xlsx', sheet: SHEET, cell: 'B5', row: 5 }, message: '县卫健委经济分类科目级次不正确' },
    { rule: 'DATA.BAD_AMOUNT', severity: 'error', unit: edu, location: { file: 'a.xlsx', sheet: SHEET, cell: 'C4', row: 4 }, message: '县教育局第 4 行金额“abc”无法识别为金额' },
    { rule: 'THREE_PUBLIC.OVER_LIMIT', severity: 'error', unit: edu, location: { file: 'a.xlsx', sheet: SHEET, row: 3 }, message: '县教育局“三公”经费超过上限，'.repeat(6), figures: { actualFen: 15_640_000_000, limitFen: 12_000_000, share: 0.192 }, explained: true, explanation: '新增外事任务' },
    { rule: 'DATA.NEGATIVE_AMOUNT', severity: 'warning', unit: edu, location: { file: 'a.xlsx', sheet: SHEET, cell: 'C3', row: 3 }, message: "=1+1 以等号开头的说明" },
  ];
  return { version: 1, inputs: [{ file: 'a.xlsx', sheets: [SHEET], lines: 3, unit: '元' }], findings, summary: summarize(findings), config: DEFAULT_CONFIG, lines, priorLines: [], recognised: true, year: 2025 };
}

export async function sampleSource(): Promise<{ display: string; grids: Awaited<ReturnType<typeof readXlsxBuffer>>['grids']; workbook: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(['XX县部门预算明细表']);
  ws.addRow(['单位编码', '单位名称', '金额']);
  ws.addRow(['101001', '县教育局', 1200.5]);
  ws.addRow(['101001', '县教育局', 'abc']);
  ws.addRow(['102001', '县卫健委', 300]);
  const { grids, workbook } = await readXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer()), 'a.xlsx');
  return { display: 'a.xlsx', grids, workbook };
}

