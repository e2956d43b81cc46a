import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from './run-cli';
import { makeFiguresExample, TEMPLATE } from '../../scripts/make-figures-example';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(ROOT, 'examples', '预算执行-示例.xlsx');
const EXAMPLE_TEMPLATE = path.join(ROOT, 'examples', '工作报告模板.txt');

/** The example paragraph, filled: checked by hand against the example workbook's numbers. */
const EXPECTED =
  '1-4月，全区一般公共预算收入完成74,356.00万元，为年初预算的39.9%，同比增长6.0%，超序时进度6.5个百分点，增收4,236.00万元。' +
  '其中，税收收入完成5.29亿元，增长6.8%，税收占比71.1%。' +
  '全区一般公共预算支出完成118,642.00万元，完成调整预算的33.0%，同比下降2.6%，低于序时进度0.4个百分点。' +
  '其中，用于民生领域支出达91,038.00万元，占总支出比重为76.7%。' +
  '“三保”支出6.13亿元，较上年增长2.8%；“三公”经费支出286.40万元，同比压减10.0%。';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'figures-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function xlsx(file: string, sheets: Record<string, Array<Array<string | number | null>>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  const p = path.join(dir, file);
  await wb.xlsx.writeFile(p);
  return p;
}

describe('budget-review figures on the examples', () => {
  test('the example template is the one the script writes', () => {
    expect(fs.readFileSync(EXAMPLE_TEMPLATE, 'utf8')).toBe(TEMPLATE + '\n');
  });

  test('human output: the figures table and the filled paragraph, exit 0', async () => {
    const r = await cli('figures', EXAMPLE, '--template', EXAMPLE_TEMPLATE);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`填好的段落：\n${EXPECTED}\n`);
    expect(r.stdout).toMatch(/一般公共预算收入\s+74,356\.00\s+186,500\.00\s+39\.9%\s+70,120\.00\s+6\.0%\s+4,236\.00\s+33\.3%\s+6\.5\s+12,189\.33/);
    expect(r.stdout).toMatch(/三公经费压减率\s+10\.0%/);
    expect(r.stdout).not.toContain('未能填入');
  });

  test('--json: figures with value and unit, no unresolved placeholders, the text', async () => {
    const r = await cli('figures', EXAMPLE, '--template', EXAMPLE_TEMPLATE, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.text).toBe(EXPECTED);
    expect(j.unresolved).toEqual([]);
    expect(j.figures['一般公共预算收入.本期累计']).toEqual({ value: 74356, unit: '万元', fen: 74_356_000_000, source: '本期累计' });
    expect(j.figures['一般公共预算支出.完成率']).toMatchObject({ unit: '%', source: '本期累计 ÷ 调整预算' });
    expect(j.figures['一般公共预算支出.完成率'].value).toBeCloseTo((118_642 / 360_000) * 100, 9);
    expect(j.figures['一般公共预算收入.超序时']).toMatchObject({ unit: '个百分点' });
    expect(j.figures['一般公共预算收入.超序时'].value).toBeCloseTo((74_356 / 186_500 - 4 / 12) * 100, 9);
    expect(j.figures['三公经费压减额']).toMatchObject({ value: 31.8, unit: '万元', fen: 31_800_000 });
    expect(j.figures['月份']).toMatchObject({ value: 4, unit: '月' });
  });

  test('the script regenerates the same workbook content', async () => {
    const x = path.join(dir, 'regen.xlsx');
    const t = path.join(dir, 'regen.txt');
    await makeFiguresExample(x, t);
    const a = await cli('figures', x, '--template', t, '--json');
    const b = await cli('figures', EXAMPLE, '--template', EXAMPLE_TEMPLATE, '--json');
    expect(JSON.parse(a.stdout).figures).toEqual(JSON.parse(b.stdout).figures);
  });
});

describe('unresolved placeholders and missing figures', () => {
  test('placeholders that cannot be filled are kept, listed with reasons, exit 1', async () => {
    const t = path.join(dir, 'bad.txt');
    fs.writeFileSync(t, '\uFEFF收入同比{一般公共预算收入.同比:增减}{一般公共预算收入.同比:%}，{土地出让收入.同比:%}，{一般公共预算收入.增长倍数}。\r\n');
    const r = await cli('figures', EXAMPLE, '--template', t, '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.text).toBe('收入同比增长6.0%，{土地出让收入.同比:%}，{一般公共预算收入.增长倍数}。');
    expect(j.unresolved).toEqual([
      { placeholder: '{土地出让收入.同比:%}', reason: '预算执行表中没有“土地出让收入”行' },
      { placeholder: '{一般公共预算收入.增长倍数}', reason: expect.stringMatching(/^未知指标“增长倍数”/) },
    ]);
    const human = await cli('figures', EXAMPLE, '--template', t);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('有 2 个占位符未能填入（已原样保留）：\n  {土地出让收入.同比:%}：预算执行表中没有“土地出让收入”行\n');
  });

  test('without a template, figures whose inputs are missing are listed; 年初预算 0 is named', async () => {
    const p = await xlsx('blank-prior.xlsx', {
      预算执行: [
        ['2024年1-6月预算执行情况'],
        ['单位：万元'],
        ['项目', '年初预算', '本期累计', '上年同期'],
        ['一般公共预算收入', 1000, 600, null],
        ['土地出让收入', 0, 50, 40],
      ],
    });
    const r = await cli('figures', p, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.figures['一般公共预算收入.超序时']).toMatchObject({ unit: '个百分点' });
    expect(j.figures['一般公共预算收入.超序时'].value).toBeCloseTo(10, 9);
    expect(j.unresolved).toEqual(
      expect.arrayContaining([
        { figure: '一般公共预算收入.同比', reason: '上年同期为空' },
        { figure: '一般公共预算收入.增收额', reason: '上年同期为空' },
        { figure: '土地出让收入.完成率', reason: '年初预算为 0，不能作为完成率的分母' },
        { figure: '税收占比', reason: '预算执行表中没有“税收收入”行' },
      ]),
    );
    // Blank optional inputs themselves are not noise in the list.
    expect(j.unresolved.map((u: { figure: string }) => u.figure)).not.toContain('一般公共预算收入.上年同期');
  });
});

describe('figures from budget lines', () => {
  test('“三公”经费 压减 from a 预算明细 sheet with 上年预算数, no execution sheet', async () => {
    const p = await xlsx('lines.xlsx', {
      预算明细: [
        ['绵竹市2025年部门预算明细表'],
        ['单位：万元'],
        ['单位编码', '单位名称', '支出类型', '功能分类科目', '经济分类科目', '资金来源', '金额', '上年预算数'],
        ['101', '市直单位', '公用经费', '2010101', '30217', '一般公共预算拨款', 402, 422],
        ['101', '市直单位', '公用经费', '2010101', '30231', '一般公共预算拨款', 1567, 1768],
        ['101', '市直单位', '人员经费', '2080505', '30101', '一般公共预算拨款', 3000, 2900],
      ],
    });
    const t = path.join(dir, 'sangong.txt');
    fs.writeFileSync(t, '“三公”经费{三公经费:万元}万元，比上年减少{三公经费压减额:万元}万元，压减{三公经费压减率:%}。');
    const r = await cli('figures', p, '--template', t, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.text).toBe('“三公”经费1,969.00万元，比上年减少221.00万元，压减10.1%。');
    expect(j.figures['三公经费压减率'].source).toMatch(/预算明细/);
    expect(j.figures['民生支出占比'].value).toBeCloseTo((3000 / 4969) * 100, 9);
  });
});

describe('user problems are exit 2 with one sentence', () => {
  test('no such file, missing template, nothing to compute from', async () => {
    const a = await cli('figures', path.join(dir, 'nope.xlsx'));
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^找不到文件 .*nope\.xlsx。\n$/);
    const b = await cli('figures', EXAMPLE, '--template', path.join(dir, 'nope.txt'));
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^找不到模板文件/);
    expect(b.stdout).toBe('');
    const p = await xlsx('other.xlsx', { 说明: [['本工作簿只有说明文字']] });
    const c = await cli('figures', p, '--json');
    expect(c.code).toBe(2);
    expect(c.stdout).toBe('');
    expect(c.stderr).toMatch(/没有预算执行表.*也没有预算明细/);
  });
});
