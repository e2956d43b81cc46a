/** Names for generated sheets: valid, ≤ 31 characters, and never equal to a sheet that exists. */

const MAX = 31;

export function sanitizeSheetName(s: string): string {
  const n = s.replace(/[[\]:*?/\\]/g, '_').replace(/[\u0000-\u001f]/g, ' ').replace(/^'+|'+$/g, '_').trim();
  return n === '' ? 'Sheet' : n;
}

function cut(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : chars.slice(0, max).join('');
}

/** `wanted`, or `wanted(2)`, `wanted(3)`… the first that no existing sheet has (case-insensitive). */
export function uniqueSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((x) => x.toLowerCase()));
  const base = cut(sanitizeSheetName(wanted), MAX);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = `(${n})`;
    const name = cut(base, MAX - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Text written as a cell value: a leading '=' (or '+', '-', '@' before more text) would make a formula. */
export function asText(s: string): string {
  return /^[=@]|^[+-]\D/.test(s) ? `'${s}` : s;
}

/**
 * Our own earlier sheet of a kind: the existing sheet named `base` or `base(n)` that the saved
 * settings list as ours (`ours`); a re-run replaces it. A user's sheet of that name never is.
 */
export function ourEarlierSheet(base: string, existing: ReadonlyArray<string>, ours: ReadonlyArray<string>): string | undefined {
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\(\\d+\\))?$`);
  return existing.find((n) => pattern.test(n) && ours.includes(n));
}
