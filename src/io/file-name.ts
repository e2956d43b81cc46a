/**
 * File names without Node's `path`, for code the browser bundle shares with the CLI: the per-unit
 * review workbooks are named here for both the CLI (--per-unit-out) and the page (各单位审核工作簿).
 *
 * A name made from cell text (a unit's code and name) must be valid and visible on Windows, macOS and
 * Linux alike (issue 19, items 13 and 15):
 * - at most 255 bytes of UTF-8 (the tightest of the three; Windows and macOS count UTF-16 units or
 *   bytes, never more than UTF-8 bytes), leaving room for the CLI's temporary suffix;
 * - none of < > : " / \ | ? * (Windows; ':' also on macOS, '/' everywhere), no control characters
 *   (C0, DEL, C1), no invisible format characters (zero-width, bidirectional overrides, BOM);
 * - not a Windows device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9, CONIN$, CONOUT$, with any
 *   extension and in any case);
 * - no leading dot (hidden on macOS and Linux), no leading "~$" (Excel's lock files, which the CLI
 *   and most tools skip), no trailing dots or spaces (Windows drops them).
 */
import { ESCAPE_SEQUENCES } from '../core/text';

/** The last segment of a path, for / and \ alike: "C:\\a\\b.xlsx" → "b.xlsx". */
export function fileBaseName(p: string): string {
  return p.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
}

/** The longest file name any of Windows, macOS and Linux accept, in UTF-8 bytes. */
export const MAX_FILE_NAME_BYTES = 255;

/**
 * Bytes kept free in a per-unit file name for the CLI's temporary name while writing
 * (".<name>.<pid>.<time>.tmp", src/cli/review-workbook.ts writeWorkbookAtomic).
 */
export const TEMP_SUFFIX_BYTES = 32;

/** The longest per-unit file name, extension included, in UTF-8 bytes. */
export const UNIT_FILE_NAME_MAX_BYTES = MAX_FILE_NAME_BYTES - TEMP_SUFFIX_BYTES;

/** UTF-8 length of a string, without TextEncoder (lone surrogates count as the 3 bytes of U+FFFD). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The longest prefix of `s` of at most `maxBytes` UTF-8 bytes, never splitting a character. */
export function truncateUtf8(s: string, maxBytes: number): string {
  if (utf8Length(s) <= maxBytes) return s;
  let n = 0;
  let out = '';
  for (const ch of s) {
    const b = utf8Length(ch);
    if (n + b > maxBytes) break;
    n += b;
    out += ch;
  }
  return out;
}

// C0, DEL and C1 controls; invisible format characters (soft hyphen, zero-width, bidirectional marks,
// embeddings, overrides and isolates, word joiner and invisible operators, BOM); characters Windows
// forbids (and ':' that macOS Finder shows as '/'); the Unicode replacement for unpaired surrogates.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const FORBIDDEN = /[<>:"/\\|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** Unpaired surrogates (invalid in UTF-8 file names) removed; pairs kept. No lookbehind: old browsers. */
function dropLoneSurrogates(s: string): string {
  if (!/[\ud800-\udfff]/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) continue;
    out += ch;
  }
  return out;
}

/**
 * A file name stem (no extension) from arbitrary text, valid and visible on every system: see the
 * header. Returns '' when nothing printable is left (the caller supplies a fallback).
 */
export function safeFileStem(raw: string): string {
  // Whole escape sequences first: removing only their control characters leaves "]8;;http…" behind.
  let s = dropLoneSurrogates(raw)
    .replace(ESCAPE_SEQUENCES, '')
    .replace(/[\t\n\r\v\f\u0085\u2028\u2029]+/g, ' ')
    .replace(INVISIBLE, '')
    .replace(FORBIDDEN, '_')
    .replace(/\s+/g, ' ')
    .trim();
  // Hidden (leading dot) and Excel lock-file (~$) names; trailing dots and spaces Windows drops.
  s = s.replace(/^[.\s]+/, '').replace(/^~\$/, '_$').replace(/[.\s]+$/, '');
  // "CON", "con.2025", "NUL " … are devices on Windows whatever follows the first dot.
  const first = s.split('.')[0].trimEnd();
  if (WINDOWS_DEVICE.test(first)) s = `_${s}`;
  return s;
}

/** Trim a stem to `maxBytes`, then re-apply the rules a cut may break (a trailing dot or space). */
function fitStem(stem: string, maxBytes: number): string {
  return truncateUtf8(stem, maxBytes).replace(/[.\s]+$/, '');
}

/** A unit as file naming knows it (src/cli/review-workbook.ts ReviewUnit). */
export interface NamedUnit {
  key: string;
  code: string;
  name: string;
}

const FALLBACK_STEM = '未命名单位';
const ELLIPSIS = '…';

/**
 * The file name of a unit's review workbook: "101001 县教育局.xlsx", valid and visible everywhere
 * (see the header), at most `maxBytes` UTF-8 bytes. A long name is shortened, keeping the code whole
 * and marking the cut with "…", so every unit gets a file.
 */
export function unitFileName(u: NamedUnit, maxBytes: number = UNIT_FILE_NAME_MAX_BYTES, ext = '.xlsx'): string {
  const room = maxBytes - utf8Length(ext);
  const code = safeFileStem(u.code ?? '');
  const name = safeFileStem(u.name ?? '');
  let stem = [code, name].filter(Boolean).join(' ');
  if (!stem) stem = safeFileStem(u.key ?? '') || FALLBACK_STEM;
  if (utf8Length(stem) > room) {
    const head = code && name ? `${code} ` : '';
    const tailRoom = room - utf8Length(head) - utf8Length(ELLIPSIS);
    stem = head && tailRoom > 0 ? `${head}${fitStem(name, tailRoom)}${ELLIPSIS}` : `${fitStem(stem, room - utf8Length(ELLIPSIS))}${ELLIPSIS}`;
  }
  // A cut may leave a device name ("CON…" stays valid, but "CON" alone would not) or nothing at all.
  stem = safeFileStem(stem) || FALLBACK_STEM;
  return `${stem}${ext}`;
}

/** How names are compared for collisions: as Windows and macOS compare them (case, normalisation). */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Distinct file names for `names` (each "stem.ext"): a name met before, compared case- and
 * normalisation-insensitively, gets "(2)", "(3)" … before its extension, shortened to stay within
 * `maxBytes`. `taken` holds keys (fileNameKey) already in use.
 */
export function uniqueFileNames(names: ReadonlyArray<string>, maxBytes: number = UNIT_FILE_NAME_MAX_BYTES, taken: Set<string> = new Set()): string[] {
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    let out = name;
    for (let n = 2; taken.has(fileNameKey(out)); n++) {
      const suffix = `(${n})`;
      out = `${fitStem(stem, maxBytes - utf8Length(ext) - utf8Length(suffix))}${suffix}${ext}`;
    }
    taken.add(fileNameKey(out));
    return out;
  });
}
