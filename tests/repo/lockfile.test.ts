/**
 * package-lock.json must install on a machine with an empty npm cache. npm 11 can write entries for
 * other platforms' optional packages with no version or integrity (only {dev, optional}); `npm ci`
 * then dies with "Invalid Version" on a new machine while a warm cache hides it (issue 18).
 */
import { readFileSync } from 'fs';
import { join } from 'path';

interface LockEntry {
  version?: string;
  integrity?: string;
  resolved?: string;
  link?: boolean;
}

/** Names of lock entries that a fresh `npm ci` cannot fetch: no version or no integrity. */
export function incompleteEntries(lock: { packages?: Record<string, LockEntry> }): string[] {
  const bad: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '' || entry.link) continue;
    // A workspace or file: dependency has no integrity; this project has none, so demand both.
    if (!entry.version || !entry.integrity) bad.push(path);
  }
  return bad;
}

describe('package-lock.json', () => {
  const lock = JSON.parse(readFileSync(join(__dirname, '../../package-lock.json'), 'utf8'));

  it('is lockfile version 3', () => {
    expect(lock.lockfileVersion).toBe(3);
  });

  it('gives every entry a version and an integrity', () => {
    expect(incompleteEntries(lock)).toEqual([]);
  });

  it('the check names a partial entry', () => {
    const broken = {
      packages: {
        '': { version: '1.0.0' },
        'node_modules/a': { version: '1.0.0', integrity: 'sha512-x' },
        'node_modules/unrs-resolver/node_modules/@unrs/resolver-binding-darwin-x64': {},
        'node_modules/link': { link: true },
      },
    };
    expect(incompleteEntries(broken)).toEqual(['node_modules/unrs-resolver/node_modules/@unrs/resolver-binding-darwin-x64']);
  });

  it('decides every install script in package.json, so no install asks the user to act', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    const decided = new Set(Object.keys(pkg.allowScripts ?? {}).map((k) => k.replace(/@[^@/]*$/, '')));
    const withScripts = Object.entries(lock.packages as Record<string, LockEntry & { hasInstallScript?: boolean }>)
      .filter(([path, e]) => path !== '' && e.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.filter((name) => !decided.has(name))).toEqual([]);
  });
});
