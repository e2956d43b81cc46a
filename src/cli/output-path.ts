/**
 * Checks on an output path made before any work: its extension must say what is written (an .xlsx
 * named r.csv cannot be opened as CSV), and its folder must exist, or be created with --mkdir; a
 * missing folder is reported with the exact command that creates it (issue 14).
 */
import * as fs from 'fs';
import * as path from 'path';
import { UserError } from './errors';

/** The shell command that creates `dir` on this platform. */
export function mkdirCommand(dir: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? `mkdir "${dir}"` : `mkdir -p "${dir}"`;
}

export interface OutputPathOptions {
  /** What the option is called in messages: --out. */
  option: string;
  /** The extension the written file has: .xlsx. */
  ext: string;
  /** Create a missing folder instead of refusing. */
  mkdir?: boolean;
}

export function prepareOutputPath(out: string, opts: OutputPathOptions): void {
  const ext = path.extname(out).toLowerCase();
  if (ext !== opts.ext) {
    const fixed = ext ? out.slice(0, -ext.length) + opts.ext : out + opts.ext;
    throw new UserError(`${opts.option} 写出的是 ${opts.ext} 工作簿，文件名应以 ${opts.ext} 结尾，例如 ${fixed}。`);
  }
  const dir = path.dirname(path.resolve(out));
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new UserError(`${path.dirname(out)} 是一个文件而不是文件夹，无法在其中写出 ${path.basename(out)}。`);
    return;
  }
  if (opts.mkdir) {
    fs.mkdirSync(dir, { recursive: true });
    return;
  }
  const shown = path.dirname(out);
  throw new UserError(`输出文件夹 ${shown} 不存在；可先运行 ${mkdirCommand(shown)} 创建，或加 --mkdir 由本工具创建。`);
}
