/** Messages between the page and its check worker. */
import type { RuleSettings } from '../taskpane/model';
import type { JobProgress } from './check-job';
import type { NamedBlob } from './read-files';
import type { PackedResult } from './result-pack';

export interface JobRequest {
  files: NamedBlob[];
  settings: RuleSettings;
}

/** What the page posts to start a job: only the settings' data crosses (no functions, no extras). */
export function jobRequest(files: ReadonlyArray<NamedBlob>, settings: RuleSettings): JobRequest {
  return { files: [...files], settings: { preset: settings.preset, rules: settings.rules } };
}

export type JobMessage =
  | { type: 'progress'; progress: JobProgress }
  /** The whole result, packed in transferred typed arrays (see result-pack.ts); the last message. */
  | { type: 'packed'; packed: PackedResult }
  | { type: 'error'; message: string };
