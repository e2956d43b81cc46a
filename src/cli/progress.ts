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

/**
 * A bar for a phase counted in rows whose total is known only once it starts (writing a review
 * workbook): called with (done, total), it draws `label` with the rows written so far. Updates are
 * drawn at most once per 1% of the total, so 1,000,000 rows do not flood the terminal.
 */
export function createRowsProgress(label: string, stream: NodeJS.WriteStream = process.stderr): { update(done: number, total: number): void; finish(): void } {
  let bar: Progress | null = null;
  let total = -1;
  let shown = -1;
  return {
    update(done: number, t: number) {
      if (t !== total) {
        bar?.finish();
        bar = createProgress((total = t), stream);
        shown = -1;
      }
      const step = Math.max(1, Math.floor(total / 100));
      if (shown >= 0 && done < total && done - shown < step) return;
      shown = done;
      bar?.update(done, label);
    },
    finish() {
      bar?.finish();
    },
  };
}
