/** The part of Node's `path` that shared exceljs code uses in the browser (file names only). */
export function basename(p: string, ext?: string): string {
  const b = p.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
  return ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b;
}
export function dirname(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i);
}
export function extname(p: string): string {
  const b = basename(p);
  const i = b.lastIndexOf('.');
  return i <= 0 ? '' : b.slice(i);
}
export function join(...parts: string[]): string {
  return parts.filter(Boolean).join('/').replace(/\/+/g, '/');
}
export const resolve = join;
export function relative(_from: string, to: string): string {
  return to;
}
export function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}
export const sep = '/';
export default { basename, dirname, extname, join, resolve, relative, isAbsolute, sep };
