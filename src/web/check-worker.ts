/**
 * Entry of the page's Web Worker (dist/web/check-worker.js; inlined into the single-file offline
 * page): reads and checks the files it is sent, posting progress, then the result. The page cancels
 * a job by terminating the worker.
 */
import { readAndCheck } from './check-job';
import type { JobRequest, JobMessage } from './check-protocol';
import { splitResult } from './result-chunks';

interface WorkerScope {
  onmessage: ((e: { data: JobRequest }) => void) | null;
  postMessage(m: JobMessage): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { files, settings } = e.data;
  readAndCheck(files, settings, (progress) => scope.postMessage({ type: 'progress', progress })).then(
    (result) => {
      // In pieces: the page receives each in a short task instead of one multi-second one.
      const { parts, skeleton } = splitResult(result);
      scope.postMessage({ type: 'skeleton', result: skeleton });
      for (const part of parts) scope.postMessage({ type: 'part', part });
      scope.postMessage({ type: 'done' });
    },
    (err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
