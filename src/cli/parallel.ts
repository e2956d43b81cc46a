/**
 * Reading many inputs in parallel (issue 6: a folder of 200 department workbooks). Worker threads
 * (and the main thread beside them) read and parse files into grids (the costly part: unzip, XML,
 * shared strings); the main thread gathers the grids in input order and runs one check over all of them, so consolidated rules
 * (LIVELIHOOD, PRIORITY, PPP, DEBT) still see every input and the report equals the serial one.
 *
 * Files are handed out one at a time to whichever worker is free, so a big file does not hold up a
 * queue of small ones. A worker that dies leaves its file to the main thread; nothing is lost.
 */
import * as os from 'os';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { loadInput, LoadedInput, UnreadableInput } from './inputs';
import type { ZipLimits } from '../io/zip-inspect';

export type LoadResult = LoadedInput | UnreadableInput;

export interface LoadFile {
  /** Absolute path. */
  path: string;
  /** Name used in findings. */
  display: string;
}

export interface ParallelOptions {
  /** Threads reading (the main thread and jobs − 1 workers); 1 reads in the main thread only. Default: the machine's cores. */
  jobs?: number;
  /** Called after each file with the number done so far and the file's display name. */
  onLoaded?: (done: number, display: string) => void;
  limits?: ZipLimits;
  /** Filled with how many files worker threads read (the rest were read by the main thread). */
  stats?: { readByWorkers: number };
  /** Gather each .xlsx's sheet formats while reading it (loadInput `formats`: the review workbook copies its sheets). */
  formats?: boolean;
}

const WORKER_TAG = 'budget-review:load-inputs';

interface Task {
  index: number;
  file: LoadFile;
}

interface Reply {
  index: number;
  result: LoadResult;
}

/** The default --jobs: the cores this process may use. */
export function defaultJobs(): number {
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, n);
}

async function loadSerially(files: ReadonlyArray<LoadFile>, opts: ParallelOptions): Promise<LoadResult[]> {
  const out: LoadResult[] = [];
  for (const f of files) {
    out.push(await loadInput(f.path, f.display, opts.limits, opts.formats));
    opts.onLoaded?.(out.length, f.display);
  }
  return out;
}

/** How to start this module as a worker: the compiled .js directly, the .ts sources (tests) via ts-node. */
function workerArgs(): { file: string; execArgv?: string[] } {
  if (__filename.endsWith('.ts')) return { file: __filename, execArgv: [...process.execArgv, '-r', 'ts-node/register/transpile-only'] };
  return { file: __filename };
}

/**
 * Load every file (LoadedInput or UnreadableInput, never an exception), results in the order of
 * `files`. With more than one job and more than one file, `jobs − 1` worker threads and the main
 * thread share the reading.
 */
export async function loadInputs(files: ReadonlyArray<LoadFile>, opts: ParallelOptions = {}): Promise<LoadResult[]> {
  const jobs = Math.min(opts.jobs ?? defaultJobs(), files.length);
  if (jobs <= 1) return loadSerially(files, opts);

  const results: (LoadResult | undefined)[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const finished = (index: number, result: LoadResult) => {
    results[index] = result;
    done++;
    opts.onLoaded?.(done, files[index].display);
  };
  const { file, execArgv } = workerArgs();

  const runWorker = () =>
    new Promise<void>((resolve) => {
      let current: Task | null = null;
      let settled = false;
      const worker = new Worker(file, { workerData: { tag: WORKER_TAG, limits: opts.limits, formats: opts.formats }, execArgv });
      const feed = () => {
        if (next >= files.length) {
          current = null;
          void worker.terminate();
          return;
        }
        current = { index: next, file: files[next] };
        next++;
        worker.postMessage(current);
      };
      // A worker that fails hands its file (and the rest of its share) back to the main thread.
      const fallBack = async () => {
        if (settled) return;
        settled = true;
        const pending: Task[] = current ? [current] : [];
        current = null;
        while (next < files.length) pending.push({ index: next, file: files[next++] });
        for (const t of pending) finished(t.index, await loadInput(t.file.path, t.file.display, opts.limits, opts.formats));
        resolve();
      };
      worker.on('message', (m: Reply) => {
        if (opts.stats) opts.stats.readByWorkers++;
        finished(m.index, m.result);
        feed();
      });
      worker.on('error', () => void fallBack());
      worker.on('exit', () => {
        if (current) void fallBack();
        else if (!settled) {
          settled = true;
          resolve();
        }
      });
      feed();
    });

  // The main thread is one of the readers: it would otherwise sit idle, and the files it reads need no
  // copying between threads (on two cores, two workers plus the main thread's copying were no faster
  // than reading serially).
  const readInMain = async () => {
    while (next < files.length) {
      const i = next++;
      finished(i, await loadInput(files[i].path, files[i].display, opts.limits, opts.formats));
    }
  };
  await Promise.all([...Array.from({ length: jobs - 1 }, runWorker), readInMain()]);
  return results as LoadResult[];
}

// ---- worker side -----------------------------------------------------------------------------------

if (!isMainThread && parentPort && (workerData as { tag?: string } | null)?.tag === WORKER_TAG) {
  const port = parentPort;
  const { limits, formats } = workerData as { limits?: ZipLimits; formats?: boolean };
  port.on('message', (t: Task) => {
    void loadInput(t.file.path, t.file.display, limits, formats).then((result) => port.postMessage({ index: t.index, result } satisfies Reply));
  });
}
