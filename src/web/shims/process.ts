/** The part of Node's `process` that exceljs's stream dependencies use in the browser. */
export function nextTick(fn: (...args: unknown[]) => void, ...args: unknown[]): void {
  queueMicrotask(() => fn(...args));
}
export const env: Record<string, string> = {};
export const browser = true;
export const version = '';
export const versions = {};
export const platform = 'browser';
export const pid = 0;
export function cwd(): string {
  return '/';
}
export default { nextTick, env, browser, version, versions, platform, pid, cwd };
