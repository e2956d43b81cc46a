/**
 * What the page's worker does, as a plain function: read the chosen files with the shared reader and
 * check them, telling how far it got. The worker (check-worker.ts) runs it off the main thread; the
 * page runs it itself only where no worker can be started.
 */
import type { CheckReport } from '../core/check';
import { runCheck, RuleSettings } from '../taskpane/model';
import { isLoaded, LoadedFile, NamedBlob, readFile, unreadableSheetsOf } from './read-files';

/** Where a job has got to: the page shows it as a ProgressBar and one line of text. */
export interface JobProgress {
  phase: 'read' | 'check';
  /** The file being read. */
  file?: string;
  /** Compressed bytes read over all files, of bytesTotal. */
  bytesRead: number;
  bytesTotal: number;
  /** Worksheet rows read so far, over all files. */
  rows: number;
}

export interface JobResult {
  ok: LoadedFile[];
  bad: Array<{ file: string; reason: string }>;
  /** Null when no file could be read. */
  report: CheckReport | null;
}

/** Progress is passed on at most this often, so that a fast read does not flood the page. */
const PROGRESS_EVERY_MS = 100;

export async function readAndCheck(files: ReadonlyArray<NamedBlob>, settings: RuleSettings, onProgress: (p: JobProgress) => void = () => undefined): Promise<JobResult> {
  const total = files.reduce((n, f) => n + f.size, 0);
  const progress: JobProgress = { phase: 'read', bytesRead: 0, bytesTotal: total, rows: 0 };
  let last = 0;
  const tell = (force = false) => {
    const now = Date.now();
    if (!force && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    onProgress({ ...progress });
  };
  const ok: LoadedFile[] = [];
  const bad: Array<{ file: string; reason: string }> = [];
  let bytesBefore = 0;
  let rowsBefore = 0;
  for (const f of files) {
    progress.file = f.name;
    tell(true);
    const r = await readFile(f, (p) => {
      progress.bytesRead = bytesBefore + p.bytesRead;
      progress.rows = rowsBefore + p.rows;
      tell();
    });
    bytesBefore += f.size;
    progress.bytesRead = bytesBefore;
    if (isLoaded(r)) {
      ok.push(r);
      rowsBefore += r.grids.sheets.reduce((n, g) => n + g.cells.length, 0);
    } else bad.push({ file: r.name, reason: r.reason });
    progress.rows = rowsBefore;
  }
  progress.phase = 'check';
  progress.file = undefined;
  tell(true);
  // Files that could not be read, then the sheets of read files that could not be (each named in a finding).
  const report = ok.length > 0 ? runCheck(ok.map((x) => x.grids), settings, [...bad, ...unreadableSheetsOf(ok)]) : null;
  return { ok, bad, report };
}
