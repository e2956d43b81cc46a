/** A broken --rules file is explained in Chinese with line and column, never JSON.parse's English (issue 14). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { jsonSyntaxError } from '../../src/cli/json-errors';
import { cli } from './run-cli';

describe('jsonSyntaxError', () => {
  it.each([
    ['{"generalCut": {"rate": 0.05}}', null],
    ['{\n  "a": 1,\n}', '第 3 行第 1 列：这里应是用英文双引号括起的参数名（最后一项后面不能有逗号）'],
    ['{"a" 1}', '第 1 行第 6 列：参数名后缺少英文冒号“:”'],
    ['{"a": 1 "b": 2}', '第 1 行第 9 列：这里缺少英文逗号“,”或右括号'],
    ['{"a"：1}', '第 1 行第 5 列：无法识别的字符（“：”是中文标点，请改为英文标点）'],
    ['{“a”: 1}', '第 1 行第 2 列：无法识别的字符（““”是中文标点，请改为英文标点）'],
    ['{"a": [1, 2}', '第 1 行第 12 列：这里缺少英文逗号“,”或右括号'],
    ['{"a": 1', '文件在结尾处不完整：缺少右花括号“}”'],
    ['{"a": 1} // 注释', '第 1 行第 10 列：JSON 中不能写注释'],
    ['', '文件是空的'],
  ])('%j', (text, expected) => {
    expect(jsonSyntaxError(text)).toBe(expected);
  });
});

it('check --rules with a broken file: exit 2, one Chinese sentence with the position', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-json-'));
  try {
    const rules = path.join(dir, 'rules.json');
    fs.writeFileSync(rules, '{\n  "generalCut": { "rate": 0.05, }\n}');
    const r = await cli('check', path.join(__dirname, '../../examples/县教育局-明细-元.xlsx'), '--rules', rules);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('不是有效的 JSON，第 2 行第 33 列');
    expect(r.stderr).not.toMatch(/Unexpected|Expected|position|JSON at/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
