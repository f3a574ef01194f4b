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

/** One task's answer. */
export type TaskAnswer =
  /** The record as JSON text or its UTF-8 bytes (what the journal stores), with the fields the parent counts. */
  | { type: 'result'; id: number; json: string | Uint8Array; status: Status; error?: string; error_code?: string; elapsedMs?: number; stages?: StageTimes }
  /** The record as an object (simpler workers, such as the tests' stand-ins). */
  | { type: 'result'; id: number; record: ReportRecord }
  /** extractFile threw (it should not): the parent turns this into a failed record. */
  | { type: 'error'; id: number; message: string };

export type WorkerMessage =
  /** Sent once the worker has loaded the pipeline: its start-up time is not charged to a document. */
  | { type: 'ready' }
  | TaskAnswer
  /**
   * Several answers in task order, in one message: a worker that finishes a document while the next
   * one waits in its inbox holds the answer back and sends it with the next one's, so that the parent
   * wakes once for two documents. Only a worker that stamps (STAMP_ENV) holds answers back: the
   * stamp tells the parent which document it was running should it die or hang meanwhile.
   */
  | { type: 'results'; answers: TaskAnswer[] };

/**
 * The file a worker stamps with the id of each task it starts and when ("<id> <Date.now()>", padded
 * to STAMP_BYTES), named in the worker's environment: read by the parent only when the worker hangs,
 * dies or is killed, to tell the document it was running from those it had finished and held back.
 */
export const STAMP_ENV = 'NIANBAO_WORKER_STAMP';
export const STAMP_BYTES = 32;

/** What a stamp file says, or undefined when it says nothing usable (no task started yet, or a worker that does not stamp). */
export function parseStamp(text: string): { id: number; at: number } | undefined {
  const [id, at] = text.trim().split(' ').map(Number);
  return Number.isSafeInteger(id) && id > 0 && Number.isFinite(at) ? { id, at } : undefined;
}
