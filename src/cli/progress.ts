/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal, so piped output and
 * the --json stdout stay clean.
 */
import { terminalSafe } from './print';
export interface Progress {
  /** Advance to `done` of the total, with a short label (a file name). */
  update(done: number, label?: string): void;
  /** Erase the bar. */
  finish(): void;
}

const WIDTH = 24;

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total <= 0) return { update() {}, finish() {} };
  let drawn = false;
  return {
    update(done: number, label = '') {
      const n = Math.max(0, Math.min(total, done));
      const filled = Math.round((n / total) * WIDTH);
      // The label is a file name: its control characters are removed (only the bar's own \r and
      // erase-line sequence reach the terminal).
      const safe = terminalSafe(label).replace(/[\t\n]/g, ' ');
      const shown = safe.length > 40 ? '…' + safe.slice(-39) : safe;
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${n}/${total} ${shown}\x1b[K`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
