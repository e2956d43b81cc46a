/**
 * Entry of the page's Web Worker (dist/web/check-worker.js; inlined into the single-file offline
 * page): reads and checks the files it is sent, posting progress, then the result. The page cancels
 * a job by terminating the worker.
 */
import { readAndCheck } from './check-job';
import type { JobRequest, JobMessage } from './check-protocol';

interface WorkerScope {
  onmessage: ((e: { data: JobRequest }) => void) | null;
  postMessage(m: JobMessage): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { files, settings } = e.data;
  readAndCheck(files, settings, (progress) => scope.postMessage({ type: 'progress', progress })).then(
    (result) => scope.postMessage({ type: 'done', result }),
    (err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
