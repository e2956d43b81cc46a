/**
 * The page's side of the check worker: start a job, follow its progress, cancel it. The served page
 * starts dist/web/check-worker.js (same origin, allowed by its CSP); the single-file offline page
 * carries the worker's code in a <script type="text/plain" id="budget-review-worker"> and starts it
 * from a blob: URL, which also works opened from disk (file://). Where no worker can start, the job
 * runs in the page itself (slower to respond, same result).
 */
import { JobProgress, JobResult, readAndCheck } from './check-job';
import { JobMessage, jobRequest } from './check-protocol';
import type { NamedBlob } from './read-files';
import type { RuleSettings } from '../taskpane/model';
import { unpackResult } from './result-pack';

export const INLINE_WORKER_ID = 'budget-review-worker';
export const WORKER_FILE = 'check-worker.js';

export class JobCancelled extends Error {
  constructor() {
    super('已取消');
    this.name = 'JobCancelled';
  }
}

export interface CheckJob {
  result: Promise<JobResult>;
  cancel(): void;
  /** Whether the job runs in a worker (false: in the page, where no worker could start). */
  readonly inWorker: boolean;
}

let inlineUrl: string | null = null;

function createWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const inline = document.getElementById(INLINE_WORKER_ID);
    if (inline && inline.textContent && inline.textContent.trim() !== '') {
      inlineUrl ??= URL.createObjectURL(new Blob([inline.textContent], { type: 'text/javascript' }));
      return new Worker(inlineUrl);
    }
    return new Worker(WORKER_FILE);
  } catch {
    return null; // CSP or an old engine: run in the page
  }
}

function inPage(files: ReadonlyArray<NamedBlob>, settings: RuleSettings, onProgress: (p: JobProgress) => void): CheckJob {
  let cancelled = false;
  let reject: (e: unknown) => void = () => undefined;
  const result = new Promise<JobResult>((res, rej) => {
    reject = rej;
    readAndCheck(files, settings, (p) => !cancelled && onProgress(p)).then((r) => !cancelled && res(r), (e) => !cancelled && rej(e));
  });
  return {
    result,
    inWorker: false,
    cancel() {
      cancelled = true;
      reject(new JobCancelled());
    },
  };
}

/** Read and check `files` off the main thread; `onProgress` hears how far it got. */
export function startCheck(files: ReadonlyArray<NamedBlob>, settings: RuleSettings, onProgress: (p: JobProgress) => void = () => undefined): CheckJob {
  const worker = createWorker();
  if (!worker) return inPage(files, settings, onProgress);
  let settle: { res: (r: JobResult) => void; rej: (e: unknown) => void } = { res: () => undefined, rej: () => undefined };
  let heard = false;
  let fallback: CheckJob | null = null;
  const result = new Promise<JobResult>((res, rej) => (settle = { res, rej }));
  let cancelled = false;
  worker.onmessage = (e: MessageEvent<JobMessage>) => {
    heard = true;
    const m = e.data;
    if (m.type === 'progress') onProgress(m.progress);
    else {
      worker.terminate();
      if (m.type === 'error') settle.rej(new Error(m.message));
      // Rebuilt in short slices; a 取消 meanwhile has already settled the job.
      else unpackResult(m.packed, undefined, undefined, () => cancelled).then((r) => r && !cancelled && settle.res(r), (err) => !cancelled && settle.rej(err));
    }
  };
  // A worker that cannot load (blocked by a policy, missing file) fails before saying anything.
  worker.onerror = (e) => {
    worker.terminate();
    if (heard) {
      settle.rej(new Error(e.message || '后台审核线程出错'));
      return;
    }
    e.preventDefault?.();
    fallback = inPage(files, settings, onProgress);
    fallback.result.then(settle.res, settle.rej);
  };
  worker.postMessage(jobRequest(files, settings));
  return {
    result,
    inWorker: true,
    cancel() {
      cancelled = true;
      worker.terminate();
      fallback?.cancel();
      settle.rej(new JobCancelled());
    },
  };
}
