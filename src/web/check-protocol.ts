/** Messages between the page and its check worker. */
import type { RuleSettings } from '../taskpane/model';
import type { JobProgress, JobResult } from './check-job';
import type { NamedBlob } from './read-files';
import type { ResultPart } from './result-chunks';

export interface JobRequest {
  files: NamedBlob[];
  settings: RuleSettings;
}

export type JobMessage =
  | { type: 'progress'; progress: JobProgress }
  /** The result with its big arrays emptied; the parts that follow fill them (see result-chunks.ts). */
  | { type: 'skeleton'; result: JobResult }
  | { type: 'part'; part: ResultPart }
  /** Every part has been sent. */
  | { type: 'done' }
  | { type: 'error'; message: string };
