/** File names without Node's `path`, for code the browser bundle shares with the CLI. */

/** The last segment of a path, for / and \ alike: "C:\\a\\b.xlsx" → "b.xlsx". */
export function fileBaseName(p: string): string {
  return p.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
}
