/** The messages between the batch parent and a worker process (over the fork IPC channel). */
import type { ExtractOptions } from '../pipeline.js';
import type { ReportRecord } from '../schemas/record.js';

export interface TaskMessage {
  type: 'task';
  id: number;
  path: string;
  known?: ExtractOptions['known'];
}

export type WorkerMessage =
  /** Sent once the worker has loaded the pipeline: its start-up time is not charged to a document. */
  | { type: 'ready' }
  | { type: 'result'; id: number; record: ReportRecord }
  /** extractFile threw (it should not): the parent turns this into a failed record. */
  | { type: 'error'; id: number; message: string };
