/**
 * Every tracked path must check out on Windows and macOS: Windows reserves device names (CON, PRN,
 * AUX, NUL, COM1–9, LPT1–9, with or without an extension), forbids <>:"|?* and trailing dots or
 * spaces, and both default to case-insensitive file systems (issue 18).
 */
import { execFileSync } from 'child_process';
import { join } from 'path';

const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
const FORBIDDEN = /[<>:"|?*\u0000-\u001f]/;

export function pathProblems(paths: string[]): string[] {
  const problems: string[] = [];
  const byLower = new Map<string, string>();
  for (const p of paths) {
    for (const part of p.split('/')) {
      if (RESERVED.test(part)) problems.push(`${p}: “${part}” 是 Windows 保留名`);
      if (FORBIDDEN.test(part)) problems.push(`${p}: 含 Windows 禁用字符`);
      if (/[. ]$/.test(part)) problems.push(`${p}: 以点或空格结尾`);
    }
    // Directories collide too: compare every prefix.
    const parts = p.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      const lower = prefix.toLowerCase();
      const seen = byLower.get(lower);
      if (seen === undefined) byLower.set(lower, prefix);
      else if (seen !== prefix) problems.push(`${prefix} 与 ${seen} 只差大小写`);
    }
  }
  return [...new Set(problems)];
}

describe('tracked path names', () => {
  it('check out on Windows, macOS and Linux', () => {
    const out = execFileSync('git', ['ls-files', '-z'], { cwd: join(__dirname, '../..'), encoding: 'utf8' });
    const paths = out.split('\0').filter(Boolean);
    expect(paths.length).toBeGreaterThan(50);
    expect(pathProblems(paths)).toEqual([]);
  });

  it.each([
    ['src/core/aux/index.ts', 'Windows 保留名'],
    ['docs/NUL', 'Windows 保留名'],
    ['a/com1.txt', 'Windows 保留名'],
    ['a/Lpt9', 'Windows 保留名'],
    ['a/b?.ts', '禁用字符'],
    ['a/b:c', '禁用字符'],
    ['a/trailing./x', '以点或空格结尾'],
    ['a/space /x', '以点或空格结尾'],
  ])('rejects %s', (path, why) => {
    expect(pathProblems([path]).join('\n')).toContain(why);
  });

  it('rejects paths that differ only by case, files or folders', () => {
    expect(pathProblems(['a/Readme.md', 'a/README.md'])).toHaveLength(1);
    expect(pathProblems(['Src/x.ts', 'src/y.ts'])).toHaveLength(1);
    expect(pathProblems(['src/auxiliary/x.ts', 'src/console/y.ts', 'src/con-tables.ts'])).toEqual([]);
  });
});
