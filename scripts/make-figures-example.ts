/**
 * Writes the report-figures examples (issue 8):
 *   examples/预算执行-示例.xlsx  a 预算执行 sheet as county finance bureaus keep it (title, unit line,
 *                               项目 | 年初预算 | 调整预算 | 本期累计 | 上年同期 | 月份), amounts in 万元;
 *   examples/工作报告模板.txt    a work-report paragraph (paraphrasing the sentences of domain/ §7)
 *                               with placeholders instead of X;
 *   examples/工作报告草稿.txt    a draft as staff write it, X's and figures already written, for
 *                               `figures --fill` (issue 17).
 * Run: npx ts-node --transpile-only scripts/make-figures-example.ts
 * The figures are invented but of a realistic size for a district; tests/cli/figures.test.ts checks
 * the filled paragraph word for word.
 */
import ExcelJS from 'exceljs';
import { deterministicXlsx } from './deterministic-xlsx';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
export const EXAMPLE_XLSX = path.join(ROOT, 'examples', '预算执行-示例.xlsx');
export const EXAMPLE_TEMPLATE = path.join(ROOT, 'examples', '工作报告模板.txt');
export const EXAMPLE_DRAFT = path.join(ROOT, 'examples', '工作报告草稿.txt');

type Row = [string, number | null, number | null, number | null, number | null, number];

/** 项目, 年初预算, 调整预算, 本期累计, 上年同期, 月份 (万元). */
export const ROWS: Row[] = [
  ['一、一般公共预算收入', 186_500, null, 74_356, 70_120, 4],
  ['    其中：税收收入', 128_000, null, 52_873, 49_500, 4],
  ['          非税收入', 58_500, null, 21_483, 20_620, 4],
  ['二、一般公共预算支出', 352_000, 360_000, 118_642, 121_850, 4],
  ['    其中：民生支出', 270_000, 275_000, 91_038, 90_210, 4],
  ['三、“三保”支出', 180_000, null, 61_250, 59_580, 4],
  ['四、“三公”经费', 900, null, 286.4, 318.2, 4],
];

export const TEMPLATE = [
  '1-{月份}月，全区一般公共预算收入完成{一般公共预算收入.本期累计:万元}万元，为年初预算的{一般公共预算收入.完成率:%}，',
  '同比{一般公共预算收入.同比:增减}{一般公共预算收入.同比:%}，{一般公共预算收入.超序时:超低}序时进度{一般公共预算收入.超序时:pp}个百分点，',
  '{一般公共预算收入.增收额:增收/减收}{一般公共预算收入.增收额:万元}万元。',
  '其中，税收收入完成{税收收入.本期累计:亿元}亿元，{税收收入.同比:增减}{税收收入.同比:%}，税收占比{税收占比:%}。',
  '全区一般公共预算支出完成{一般公共预算支出.本期累计:万元}万元，完成调整预算的{一般公共预算支出.完成率:%}，',
  '同比{一般公共预算支出.同比:增减}{一般公共预算支出.同比:%}，{一般公共预算支出.超序时:超低}序时进度{一般公共预算支出.超序时:pp}个百分点。',
  '其中，用于民生领域支出达{民生支出.本期累计:万元}万元，占总支出比重为{民生支出占比:%}。',
  '“三保”支出{三保支出:亿元}亿元，较上年{三保支出增长:增减}{三保支出增长:%}；',
  '“三公”经费支出{三公经费:万元}万元，同比压减{三公经费压减率:%}。',
].join('');

/**
 * A draft in the wording of county work reports: X's where the figures go, two figures already
 * written (one of them out of date), a 增长 where spending fell, and a row the sheet does not have.
 */
export const DRAFT = [
  '一、1-XX月财政收支情况',
  '1-XX月，全区一般公共预算收入完成XXX万元，同比增长XX%，超序时进度X个百分点，增收XXX万元。其中，税收收入完成XX亿元，增长XX%，占比XX%；非税收入XXX万元，增长XX%。',
  '1-XX月份，全区财政支出XXX万元，完成调整预算的XX%，同比增长XX%，超序时进度X个百分点。其中，用于民生领域支出达XXX万元，占总支出比重为XX%，增长0.9%；“三保”支出XX亿元，较上年增长3.6%。',
  '全区教育支出完成XXX万元，同比增长XX%。',
].join('\n');

export async function makeFiguresExample(xlsxPath = EXAMPLE_XLSX, templatePath = EXAMPLE_TEMPLATE, draftPath = EXAMPLE_DRAFT): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('预算执行');
  ws.addRow(['XX区2024年1-4月财政预算执行情况表']);
  ws.mergeCells('A1:F1');
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.addRow([null, null, null, null, null, '单位：万元']);
  const header = ws.addRow(['项目', '年初预算', '调整预算', '本期累计', '上年同期', '月份']);
  header.font = { bold: true };
  for (const r of ROWS) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 26 : 14;
    if (i >= 1 && i <= 4) c.numFmt = '#,##0.00';
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  fs.mkdirSync(path.dirname(xlsxPath), { recursive: true });
  fs.writeFileSync(xlsxPath, await deterministicXlsx(wb));
  fs.writeFileSync(templatePath, TEMPLATE + '\n', 'utf8');
  fs.writeFileSync(draftPath, DRAFT + '\n', 'utf8');
}

if (require.main === module) {
  makeFiguresExample().then(
    () => console.log(`已写入 ${path.relative(ROOT, EXAMPLE_XLSX)}、${path.relative(ROOT, EXAMPLE_TEMPLATE)} 和 ${path.relative(ROOT, EXAMPLE_DRAFT)}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
