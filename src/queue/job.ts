/** What one queue job carries (one document, by content) and what a worker answers. */
import type { PreparedInput } from '../run/prepare.js';
import type { Status } from '../schemas/record.js';
import type { InputItem } from '../sources/inputs.js';
import type { FilePath } from '../sources/file-path.js';

export interface ExtractJobData {
  /** The journal key (content sha256, settings, known facts): the job id is made from it. */
  key: string;
  /** What the record calls the document: the first input with this content. */
  source: string;
  known?: InputItem['known'];
  sha256: string;
  sizeBytes: number;
  format: string;
  /** False for an input that could not be read (its sha256 then stands for its path, not its bytes). */
  bytesRead: boolean;
  /** Refused before parsing (unreadable, over a size limit): the worker writes the failed record. */
  refusal?: string;
  /** File name for the bytes on the worker: readers also look at the extension. */
  name: string;
  /** The document itself, base64 (documents up to QUEUE_LIMITS.maxJobDocumentBytes). */
  bytes?: string;
  /** Absolute path every worker mounts (larger documents, or --by-path). */
  path?: string;
  /** The same, base64, for a path whose bytes are not UTF-8. */
  pathBytes?: string;
}

export interface ExtractJobResult {
  /** The record as JSON text, exactly as the journal stores it. */
  json: string;
  status: Status;
  error?: string;
  elapsedMs: number;
}

/** Job ids must not contain ':' (BullMQ's key separator); journal keys do. */
export function jobId(key: string): string {
  return key.replaceAll(':', '.');
}

/** The prepared input a job stands for, as src/run/batch.ts handles it. */
export function preparedFromJob(data: ExtractJobData, path: FilePath): PreparedInput {
  return { input: { path, source: data.source, known: data.known }, key: data.key, sha256: data.sha256, sizeBytes: data.sizeBytes, format: data.format, bytesRead: data.bytesRead, refusal: data.refusal };
}

/** Where the worker reads a document sent by path. */
export function jobPath(data: ExtractJobData): FilePath {
  return data.pathBytes !== undefined ? Buffer.from(data.pathBytes, 'base64') : (data.path ?? '');
}

/** Every job of a run: retried on thrown errors, kept in Redis after it ends so the collector reads it. */
export const JOB_ATTEMPTS = 3;
export const JOB_OPTIONS = { attempts: JOB_ATTEMPTS, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: false, removeOnFail: false } as const;
