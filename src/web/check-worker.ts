/**
 * Entry of the page's Web Worker (dist/web/check-worker.js; inlined into the single-file offline
 * page): reads and checks the files it is sent, posting progress, then the result (worker-job.ts).
 * The page cancels a job by terminating the worker.
 */
import type { JobRequest, JobMessage } from './check-protocol';
import { answerJob } from './worker-job';

interface WorkerScope {
  onmessage: ((e: { data: JobRequest }) => void) | null;
  postMessage(m: JobMessage, transfer?: ArrayBuffer[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  void answerJob(e.data, (m, transfer) => scope.postMessage(m, transfer));
};
