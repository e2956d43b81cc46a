/** Messages between the page and its check worker. */
import type { RuleSettings } from '../taskpane/model';
import type { JobProgress, JobResult } from './check-job';
import type { NamedBlob } from './read-files';

export interface JobRequest {
  files: NamedBlob[];
  settings: RuleSettings;
}

export type JobMessage =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'done'; result: JobResult }
  | { type: 'error'; message: string };
