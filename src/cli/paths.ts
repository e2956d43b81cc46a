/**
 * Which paths name the same file (issue 19, items 5–6). The CLI never replaces a file it reads — an
 * input, the --prior file, the --rules file, a --template — whether an output names it directly, with
 * `..`, through a symbolic link (to the file or to a folder above it), as a hard link, or in another
 * case on a case-insensitive file system; no --force overrides this. And no two planned outputs may
 * land on one file (the --out workbook named like a unit's file inside --per-unit-out): every output
 * is checked against every other before anything is written.
 *
 * Identity of an existing file is its device and inode (stat follows links; bigint, so Windows'
 * 64-bit file ids stay exact): that covers links, `..` and case at once. A path that does not exist yet
 * is compared by its canonical spelling: the real path of its nearest existing folder (links resolved,
 * the case the file system stores on macOS and Windows), NFC-normalised, and case-folded where that
 * folder's file system ignores case. Planned outputs are also compared case-folded everywhere, so a
 * result folder stays valid when copied to Windows or macOS.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileNameKey } from '../io/file-name';
import { UserError } from './errors';

export interface FileIdentity {
  dev: bigint;
  ino: bigint;
}

/** Device and inode of the file at `p` (links followed), or null when it does not exist. */
export function fileIdentity(p: string): FileIdentity | null {
  try {
    // throwIfNoEntry: a missing file is the common case for outputs, and exceptions are slow.
    const st = fs.statSync(p, { bigint: true, throwIfNoEntry: false });
    // Some file systems (and Windows without file ids) report 0: no identity, fall back to the path.
    if (!st || st.ino === 0n) return null;
    return { dev: st.dev, ino: st.ino };
  } catch {
    return null;
  }
}

export function sameIdentity(a: FileIdentity | null, b: FileIdentity | null): boolean {
  return !!a && !!b && a.dev === b.dev && a.ino === b.ino;
}

function swapCase(s: string): string {
  let out = '';
  for (const ch of s) {
    const u = ch.toUpperCase();
    out += u === ch ? ch.toLowerCase() : u;
  }
  return out;
}

const caseCache = new Map<string, boolean>();

/**
 * Whether the file system holding the existing folder `dir` ignores case: the folder's own name (or
 * the nearest folder above with a letter in it) is looked up with its case swapped. Where no name
 * has a letter, the platform's default: insensitive on Windows and macOS.
 */
export function ignoresCase(dir: string): boolean {
  const start = path.resolve(dir);
  const cached = caseCache.get(start);
  if (cached !== undefined) return cached;
  let verdict = process.platform === 'win32' || process.platform === 'darwin';
  for (let d = start; ; ) {
    const base = path.basename(d);
    const swapped = swapCase(base);
    if (base && swapped !== base) {
      const a = fileIdentity(d);
      const b = fileIdentity(path.join(path.dirname(d), swapped));
      verdict = sameIdentity(a, b);
      break;
    }
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  caseCache.set(start, verdict);
  return verdict;
}

function realpathOf(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return fs.realpathSync(p);
  }
}

/** The real path of `p` when it exists (and is reachable), else null; never throws for a missing path. */
function existingRealpath(p: string, cache?: Map<string, string | null>): string | null {
  const hit = cache?.get(p);
  if (hit !== undefined) return hit;
  let real: string | null = null;
  if (fs.statSync(p, { throwIfNoEntry: false })) {
    try {
      real = realpathOf(p);
    } catch {
      real = null;
    }
  }
  cache?.set(p, real);
  return real;
}

/**
 * The canonical spelling of `p`, whether or not it exists: the real path of its nearest existing
 * folder, then the rest as written; NFC; case-folded where that folder ignores case (or always, with
 * `foldCase`). `cache` keeps real paths of folders across calls of one check.
 */
export function canonicalPath(p: string, foldCase = false, cache?: Map<string, string | null>): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let head = abs;
  let real: string | null = null;
  for (;;) {
    real = existingRealpath(head, rest.length > 0 ? cache : undefined);
    if (real !== null) break;
    const up = path.dirname(head);
    if (up === head) break;
    rest.unshift(path.basename(head));
    head = up;
  }
  const base = real ?? head;
  // The folder whose file system decides about case: the existing head itself, or its parent when it is a file.
  const dirForCase = rest.length > 0 ? base : path.dirname(base);
  const joined = path.join(base, ...rest).normalize('NFC');
  return foldCase || ignoresCase(dirForCase) ? fileNameKey(joined) : joined;
}

/** Whether two paths name one file: same inode when both exist, else the same canonical spelling. */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  const ia = fileIdentity(a);
  const ib = fileIdentity(b);
  if (ia && ib) return sameIdentity(ia, ib);
  return canonicalPath(a) === canonicalPath(b);
}

/** A predicate: does a path name one of `paths` (by identity or canonical spelling)? */
export function fileMatcher(paths: ReadonlyArray<string>): (p: string) => boolean {
  const resolved = new Set(paths.map((p) => path.resolve(p)));
  const ids = paths.map(fileIdentity).filter((x): x is FileIdentity => x !== null);
  const canon = new Set(paths.map((p) => canonicalPath(p)));
  return (p: string) => {
    if (resolved.has(path.resolve(p))) return true;
    const id = fileIdentity(p);
    if (id && ids.some((x) => sameIdentity(x, id))) return true;
    return canon.has(canonicalPath(p));
  };
}

/** A file the CLI reads, which no output may replace. */
export interface ProtectedFile {
  path: string;
  /** What it is, for the sentence: 输入文件, 上年数据文件（--prior）… */
  role: string;
}

/** A file the CLI is about to write. */
export interface PlannedOutput {
  path: string;
  /** What it is, for the sentence: 审核工作簿（--out）, 单位“…”的审核文件 … */
  label: string;
}

export const ROLE_INPUT = '输入文件';
export const ROLE_PRIOR = '上年数据文件（--prior）';
export const ROLE_RULES = '规则文件（--rules）';
export const ROLE_TEMPLATE = '模板文件（--template）';

/** How an output reaches a protected file, for the sentence. */
function how(out: string, file: string): string {
  const ro = path.resolve(out);
  const rf = path.resolve(file);
  if (ro === rf) return '';
  try {
    if (fs.lstatSync(ro).isSymbolicLink()) return '（经符号链接）';
  } catch {
    // not there
  }
  let realOut: string | null = null;
  try {
    realOut = realpathOf(ro);
  } catch {
    // not there
  }
  if (realOut !== null && realOut !== realpathOf(rf)) return '（硬链接）';
  if (ro.toLowerCase() === rf.toLowerCase()) return '（文件名只差大小写）';
  return '（经文件夹的符号链接或另一种写法）';
}

/**
 * Refuse, before anything is written and whatever --force says, an output that is one of the files
 * the run reads, and two outputs that are one file. Throws UserError (exit 2) with one sentence.
 */
export function assertOutputsSafe(outputs: ReadonlyArray<PlannedOutput>, protectedFiles: ReadonlyArray<ProtectedFile>): void {
  const idKey = (id: FileIdentity | null) => (id ? `${id.dev}:${id.ino}` : null);
  // Looked up by map, not by scanning: --per-unit-out may plan thousands of files.
  const byResolved = new Map<string, ProtectedFile>();
  const byId = new Map<string, ProtectedFile>();
  const byCanon = new Map<string, ProtectedFile>();
  const cache = new Map<string, string | null>();
  for (const f of protectedFiles) {
    byResolved.set(path.resolve(f.path), f);
    const k = idKey(fileIdentity(f.path));
    if (k) byId.set(k, f);
    byCanon.set(canonicalPath(f.path, false, cache), f);
  }
  const seenKey = new Map<string, PlannedOutput>();
  const seenId = new Map<string, PlannedOutput>();
  for (const o of outputs) {
    const k = idKey(fileIdentity(o.path));
    const hit = byResolved.get(path.resolve(o.path)) ?? (k ? byId.get(k) : undefined) ?? byCanon.get(canonicalPath(o.path, false, cache));
    if (hit) {
      throw new UserError(`${o.label} ${o.path} 就是${hit.role} ${hit.path}${how(o.path, hit.path)}，不能覆盖输入文件，即使加 --force 也不会覆盖；请换一个输出文件名。`);
    }
    // Every planned output against every other: case-folded everywhere (the folder may go to Windows).
    const key = canonicalPath(o.path, true, cache);
    const other = seenKey.get(key) ?? (k ? seenId.get(k) : undefined);
    if (other) {
      throw new UserError(`${o.label} ${o.path} 与${other.label} ${other.path} 是同一个文件，后写的会覆盖先写的；请换一个输出文件名或输出文件夹。`);
    }
    seenKey.set(key, o);
    if (k) seenId.set(k, o);
  }
}

/** Refuse an output file that is (or is inside, through links) a folder the run writes into. */
export function assertNotFolder(out: PlannedOutput, folder: string, folderLabel: string): void {
  if (sameFile(out.path, folder) || canonicalPath(out.path, true) === canonicalPath(folder, true)) {
    throw new UserError(`${out.label} ${out.path} 就是${folderLabel} ${folder}，不能把文件写到文件夹的位置；请换一个输出文件名。`);
  }
}
