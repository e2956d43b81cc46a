/**
 * `budget-review figures 预算执行.xlsx --fill 报告.txt [--json] [--out …] [--fix-words]` (issue 17) on the
 * example draft. The example sheet's figures (see tests/core/figures/draft-fill.test.ts for the
 * arithmetic): 一般公共预算收入 74,356 (+6.0%, 超序时 6.5), 税收 5.29 亿元 (+6.8%, 71.1%), 非税 21,483
 * (+4.2%), 支出 118,642 (调整预算的 33.0%, −2.6%, 低于序时 0.4), 民生 91,038 (76.7%, +0.9%), “三保”
 * 6.13 亿元 (+2.8%).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from './run-cli';
import { runDemo } from '../../src/cli/commands/demo';
import { DRAFT, EXAMPLE_DRAFT, EXAMPLE_XLSX } from '../../scripts/make-figures-example';

const FILLED_HEAD = [
  '一、1-4月财政收支情况',
  '1-4月，全区一般公共预算收入完成74,356.00万元，同比增长6.0%，超序时进度6.5个百分点，增收4,236.00万元。其中，税收收入完成5.29亿元，增长6.8%，占比71.1%；非税收入21,483.00万元，增长4.2%。',
];
const LINE3_KEPT = '1-4月份，全区财政支出118,642.00万元，完成调整预算的33.0%，同比增长XX%，超序时进度X个百分点。其中，用于民生领域支出达91,038.00万元，占总支出比重为76.7%，增长0.9%；“三保”支出6.13亿元，较上年增长3.6%。';
const LINE3_FIXED = '1-4月份，全区财政支出118,642.00万元，完成调整预算的33.0%，同比下降2.6%，低于序时进度0.4个百分点。其中，用于民生领域支出达91,038.00万元，占总支出比重为76.7%，增长0.9%；“三保”支出6.13亿元，较上年增长3.6%。';
const LINE4 = '全区教育支出完成XXX万元，同比增长XX%。';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'figures-fill-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the example draft is the one the script writes', () => {
  expect(fs.readFileSync(EXAMPLE_DRAFT, 'utf8')).toBe(DRAFT + '\n');
});

test('--json: the filled text line for line, filled, unresolved with reasons, the out-of-date 3.6%; exit 1', async () => {
  const r = await cli('figures', EXAMPLE_XLSX, '--fill', EXAMPLE_DRAFT, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  const j = JSON.parse(r.stdout);
  expect(j.text).toBe([...FILLED_HEAD, LINE3_KEPT, LINE4, ''].join('\n'));
  expect(j.filled[0]).toEqual({ line: 1, context: '一、1-XX月财政收支情况', row: '', measure: '月份', value: '4月', start: 4, end: 5 });
  expect(j.filled).toContainEqual(expect.objectContaining({ line: 2, context: '占比XX%', row: '税收收入', measure: '占比', value: '71.1%', total: '一般公共预算收入' }));
  expect(j.unresolved).toEqual([
    expect.objectContaining({ line: 3, context: '同比增长XX%', reason: '数据为下降 2.6%，原文为“增长”' }),
    expect.objectContaining({ line: 3, context: '超序时进度X个百分点', reason: '数据为低于 0.4个百分点，原文为“超”' }),
    expect.objectContaining({ line: 4, context: '全区教育支出完成XXX万元', reason: '预算执行表中没有“教育支出”行' }),
    expect.objectContaining({ line: 4, context: '同比增长XX%', reason: '预算执行表中没有“教育支出”行' }),
  ]);
  expect(j.mismatches).toEqual([expect.objectContaining({ line: 3, context: '较上年增长3.6%', row: '“三保”支出', measure: '同比', stated: '3.6%', actual: '2.8%' })]);
  expect(j.checked).toBe(2);
  // Every highlight range covers what was inserted.
  const lines = j.text.split('\n');
  for (const f of j.filled) expect(f.value.startsWith(lines[f.line - 1].slice(f.start, f.end))).toBe(true);
});

test('human output lists what was left and what disagrees, and points to --fix-words', async () => {
  const r = await cli('figures', EXAMPLE_XLSX, '--fill', EXAMPLE_DRAFT);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain(`填好的文稿：\n${[...FILLED_HEAD, LINE3_KEPT, LINE4].join('\n')}\n`);
  expect(r.stdout).toContain('未填 4 处（X 原样保留）：\n  第3行「同比增长XX%」：数据为下降 2.6%，原文为“增长”\n');
  expect(r.stdout).toContain('--fix-words');
  expect(r.stdout).toContain('与数据不符 1 处：\n  第3行「较上年增长3.6%」：原文 3.6%，数据 2.8%（“三保”支出 同比）\n');
});

test('--fix-words --out: words turned, the file written with the draft\'s CRLF; an existing --out needs --force', async () => {
  const draft = path.join(dir, '报告.txt');
  fs.writeFileSync(draft, '\uFEFF' + DRAFT.replace(/\n/g, '\r\n') + '\r\n');
  const out = path.join(dir, '报告-已填.txt');
  const r = await cli('figures', EXAMPLE_XLSX, '--fill', draft, '--out', out, '--fix-words');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1); // 教育支出 is still an X, and 3.6% still disagrees
  expect(r.stdout).toContain(`填好的文稿已写入 ${out}`);
  expect(r.stdout).toContain('改写了词语：增长→下降、超→低于');
  expect(fs.readFileSync(out, 'utf8')).toBe([...FILLED_HEAD, LINE3_FIXED, LINE4, ''].join('\r\n'));
  const again = await cli('figures', EXAMPLE_XLSX, '--fill', draft, '--out', out);
  expect(again.code).toBe(2);
  expect(again.stderr).toMatch(/已存在；如需覆盖，请加 --force/);
  const self = await cli('figures', EXAMPLE_XLSX, '--fill', draft, '--out', draft, '--force');
  expect(self.code).toBe(2);
  expect(self.stderr).toMatch(/就是文稿文件（--fill）.*不能覆盖输入文件，即使加 --force 也不会覆盖/);
  expect(fs.readFileSync(draft, 'utf8').startsWith('\uFEFF一、1-XX月')).toBe(true);
});

test('all filled and all agreeing is exit 0; --decimals and --words', async () => {
  const draft = path.join(dir, 'ok.txt');
  fs.writeFileSync(draft, '全区地方级收入入库XX亿元，全区一般公共预算收入完成XXX万元，同比增长XX%。');
  const words = path.join(dir, 'words.json');
  fs.writeFileSync(words, JSON.stringify({ rows: [['一般公共预算收入', '地方级收入']], measures: [{ measure: '本期累计', unit: 'amount', words: ['入库'] }] }));
  const r = await cli('figures', EXAMPLE_XLSX, '--fill', draft, '--words', words, '--decimals', '万元=0,%=2', '--json');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).text).toBe('全区地方级收入入库7.44亿元，全区一般公共预算收入完成74,356万元，同比增长6.04%。');
});

test('user problems are exit 2', async () => {
  const both = await cli('figures', EXAMPLE_XLSX, '--fill', EXAMPLE_DRAFT, '--template', EXAMPLE_DRAFT);
  expect([both.code, both.stderr]).toEqual([2, expect.stringMatching(/只能选一个/)]);
  const dec = await cli('figures', EXAMPLE_XLSX, '--fill', EXAMPLE_DRAFT, '--decimals', '万元=两位');
  expect([dec.code, dec.stderr]).toEqual([2, expect.stringMatching(/--decimals 万元=两位 看不懂/)]);
  const missing = await cli('figures', EXAMPLE_XLSX, '--fill', path.join(dir, 'nope.txt'));
  expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/^找不到文稿文件/)]);
  const outOnly = await cli('figures', EXAMPLE_XLSX, '--out', path.join(dir, 'x.txt'));
  expect([outOnly.code, outOnly.stderr]).toEqual([2, expect.stringMatching(/只用于 --fill/)]);
  const badWords = path.join(dir, 'bad-words.json');
  fs.writeFileSync(badWords, '{"rows": "税收"}');
  const w = await cli('figures', EXAMPLE_XLSX, '--fill', EXAMPLE_DRAFT, '--words', badWords);
  expect([w.code, w.stderr]).toEqual([2, expect.stringMatching(/词表有误：rows/)]);
});

test('the demo fills the example draft into out/工作报告-已填.txt, and again over its own earlier output', async () => {
  const root = path.join(dir, 'demo');
  fs.mkdirSync(path.join(root, 'examples'), { recursive: true });
  for (const f of [EXAMPLE_XLSX, EXAMPLE_DRAFT]) fs.copyFileSync(f, path.join(root, 'examples', path.basename(f)));
  const write = process.stdout.write.bind(process.stdout);
  let stdout = '';
  process.stdout.write = ((x: string | Uint8Array) => ((stdout += String(x)), true)) as typeof process.stdout.write;
  try {
    expect(await runDemo(root)).toBe(0);
    expect(await runDemo(root)).toBe(0);
  } finally {
    process.stdout.write = write;
  }
  expect(fs.readFileSync(path.join(root, 'out', '工作报告-已填.txt'), 'utf8')).toBe([...FILLED_HEAD, LINE3_KEPT, LINE4, ''].join('\n'));
  expect(stdout).toContain('工作报告草稿：');
  expect(stdout).toContain('已填 17 处');
});
