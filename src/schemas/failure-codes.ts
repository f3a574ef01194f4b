/**
 * Every `error_code` a failed record may carry: the readers' codes and the run's own. One list, so a
 * pipeline can switch on the code instead of parsing the error text; each has one line in the README.
 */
import { READER_FAILURE_CODES } from '../../extractors/failure-codes.js';

export const RUN_FAILURE_CODES = [
  /** The file could not be opened or read (missing, permissions, a folder). */
  'cannot-read',
  /** Zero bytes. */
  'empty-file',
  /** A RAR or 7z archive, and bsdtar (libarchive-tools), which reads them, is not installed. */
  'archive-unsupported',
  /** The bytes are no format a reader knows, or no table and no report wording were found. */
  'not-a-report',
  /** Read, but there is no text (an empty or image-only document without OCR). */
  'no-text',
  /** Over maxFileBytes or maxHtmlBytes: refused before it was read. */
  'file-too-large',
  /** A crawl manifest's file whose bytes are not the ones it recorded. */
  'manifest-mismatch',
  /** The document took longer than documentTimeoutMs: its worker was killed. */
  'timeout',
  /** Its worker went over workerMemoryMb: killed. */
  'memory',
  /** Its worker died, or the pipeline threw. */
  'crash',
] as const;

export const FAILURE_CODES = [...READER_FAILURE_CODES, ...RUN_FAILURE_CODES] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

const KNOWN = new Set<string>(FAILURE_CODES);

export function isFailureCode(code: string): code is FailureCode {
  return KNOWN.has(code);
}

/**
 * The code of a failure reported as text by a process we do not share types with (a worker's 'crash:
 * …', the pool's 'timeout: …', 'memory: …'): its leading word when that is a known code, else 'crash'.
 */
export function failureCodeOfReason(reason: string): FailureCode {
  const lead = reason.slice(0, Math.max(0, reason.indexOf(':'))).trim();
  return isFailureCode(lead) ? lead : (PROSE_LEADS[lead] ?? 'crash');
}

/** Reasons that open with words rather than a code. */
const PROSE_LEADS: Record<string, FailureCode> = { 'cannot read file': 'cannot-read', 'empty file': 'empty-file', 'not a report': 'not-a-report', 'no text': 'no-text' };
