/** Help and messages are Chinese throughout, with an example per command, and --version works (issue 14). */
import { readFileSync } from 'fs';
import { join } from 'path';
import { cli } from './run-cli';

const ENGLISH_HELP_WORDS = /\b(Usage|Options|Commands|Arguments|display help|output the version|default:)\b|\[options\]|\[command\]/;

describe('CLI help', () => {
  it.each([[[]], [['check']], [['tables']], [['figures']], [['demo']]])('%j --help is Chinese and shows an example', async (cmd) => {
    const r = await cli(...cmd, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法：/);
    expect(r.stdout).toContain('示例：');
    expect(r.stdout).toMatch(/\n {2}budget-review \S+/);
    expect(r.stdout).not.toMatch(ENGLISH_HELP_WORDS);
  });

  it('aligns descriptions by display width (CJK counts two columns)', async () => {
    const r = await cli('--help');
    const rows = r.stdout.split('\n').filter((l) => /^ {2}(check|demo|figures|tables|help) /.test(l));
    const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
    // The description starts after the first gap of two or more spaces behind the term.
    const starts = rows.map((l) => width(l.slice(0, 2 + /\S {2,}/.exec(l.slice(2))!.index + 1).trimEnd()) + (/ {2,}/.exec(l.slice(2))![0].length));
    expect(rows.length).toBe(5);
    expect(new Set(starts).size).toBe(1);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    for (const flag of ['--version', '-V']) {
      const r = await cli(flag);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(`budget-review ${pkg.version}`);
    }
  });

  it('a missing argument is named in Chinese', async () => {
    const r = await cli('check');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('缺少参数 输入文件或文件夹');
    expect(r.stderr).not.toContain('inputs');
  });
});
