/**
 * The worker's whole job as a function of its request: read and check (check-job.ts), posting
 * progress, then the result packed in typed arrays (result-pack.ts) with those arrays in the
 * transfer list, or the error. check-worker.ts wires it to the worker's messages; the tests call it
 * with a structured-clone `post` to go through the page's real code path without a browser.
 */
import { readAndCheck } from './check-job';
import type { JobMessage, JobRequest } from './check-protocol';
import { packResult } from './result-pack';

export type Post = (m: JobMessage, transfer?: ArrayBuffer[]) => void;

export async function answerJob(request: JobRequest, post: Post): Promise<void> {
  const { files, settings } = request;
  try {
    const result = await readAndCheck(files, settings, (progress) => post({ type: 'progress', progress }));
    // Moved rather than copied: the page rebuilds it in short slices.
    const { packed, transfer } = packResult(result);
    post({ type: 'packed', packed }, transfer);
  } catch (err) {
    // A failed read, or a result that cannot be posted: the page says so instead of waiting.
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}
