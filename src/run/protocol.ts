/** The messages between the batch parent and a worker process (over the fork IPC channel). */
import type { ExtractOptions } from '../pipeline.js';
import type { ReportRecord, Status } from '../schemas/record.js';
import type { StageTimes } from './stages.js';

export interface TaskMessage {
  type: 'task';
  id: number;
  /** A file name that is not valid UTF-8 travels as its bytes (a Uint8Array once cloned over IPC). */
  path: string | Uint8Array;
  /** What the record should call the document (defaults to the path). */
  source?: string;
  known?: ExtractOptions['known'];
  /**
   * The limits to read under, sent with a worker's first task and again only when they change (a run
   * has one set): a task without them runs under the last ones sent; null stands for the defaults.
   * Repeating them cost every task ~17 fields to serialise in the parent and to rebuild in the worker.
   */
  limits?: ExtractOptions['limits'] | null;
}

export type WorkerMessage =
  /** Sent once the worker has loaded the pipeline: its start-up time is not charged to a document. */
  | { type: 'ready' }
  /** The record as JSON text or its UTF-8 bytes (what the journal stores), with the fields the parent counts. */
  | { type: 'result'; id: number; json: string | Uint8Array; status: Status; error?: string; error_code?: string; elapsedMs?: number; stages?: StageTimes }
  /** The record as an object (simpler workers, such as the tests' stand-ins). */
  | { type: 'result'; id: number; record: ReportRecord }
  /** extractFile threw (it should not): the parent turns this into a failed record. */
  | { type: 'error'; id: number; message: string };
