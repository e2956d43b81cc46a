/**
 * Entry of the page's Web Worker (dist/web/check-worker.js; inlined into the single-file offline
 * page): reads and checks the files it is sent, posting progress, then the result. The page cancels
 * a job by terminating the worker.
 */
import { readAndCheck } from './check-job';
import type { JobRequest, JobMessage } from './check-protocol';
import { packResult } from './result-pack';

interface WorkerScope {
  onmessage: ((e: { data: JobRequest }) => void) | null;
  postMessage(m: JobMessage, transfer?: ArrayBuffer[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { files, settings } = e.data;
  readAndCheck(files, settings, (progress) => scope.postMessage({ type: 'progress', progress })).then(
    (result) => {
      // Packed in typed arrays, moved rather than copied: the page rebuilds it in short slices.
      const { packed, transfer } = packResult(result);
      scope.postMessage({ type: 'packed', packed }, transfer);
    },
    (err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
