/**
 * Sheet-name rules for every generated sheet (SPEC §4.2): valid in Excel (no []:*?/\, no control
 * characters, no leading or trailing apostrophe), at most 31 characters without splitting a
 * surrogate pair, unique case-insensitively. One copy for the exceljs writer and the pane.
 */

export const MAX_SHEET_NAME = 31;

export function sanitizeSheetName(s: string): string {
  const n = s.replace(/[[\]:*?/\\]/g, '_').replace(/[\u0000-\u001f]/g, ' ').replace(/^'+/, '_').replace(/'+$/, '_');
  return n.trim() === '' ? 'Sheet' : n.trim();
}

/** The first `max` characters, never half a surrogate pair, without trailing apostrophes. */
export function truncateSheetName(s: string, max = MAX_SHEET_NAME): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  return chars.slice(0, max).join('').replace(/'+$/, '');
}

/** `wanted`, or `wanted(2)`, `wanted(3)`… the first that no taken name has (case-insensitive). */
export function uniqueSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((x) => x.toLowerCase()));
  const base = truncateSheetName(sanitizeSheetName(wanted));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = `(${n})`;
    const name = sanitizeSheetName(truncateSheetName(base, MAX_SHEET_NAME - suffix.length) + suffix);
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Picks unique, valid names for a workbook being built, with an optional file-stem prefix. */
export class SheetNamer {
  private readonly taken = new Set<string>();
  constructor(reserved: ReadonlyArray<string> = []) {
    for (const r of reserved) this.taken.add(r.toLowerCase());
    // Excel reserves "History" for change tracking.
    this.taken.add('history');
  }

  name(wanted: string, prefix = ''): string {
    const base = sanitizeSheetName(wanted);
    const pre = prefix ? sanitizeSheetName(prefix) : '';
    let candidate = base;
    if (pre) {
      const room = Math.max(4, MAX_SHEET_NAME - 1 - Array.from(base).length);
      candidate = `${truncateSheetName(pre, room)}-${base}`;
    }
    const result = uniqueSheetName(candidate, this.taken);
    this.taken.add(result.toLowerCase());
    return result;
  }
}
