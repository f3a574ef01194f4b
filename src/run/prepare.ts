/**
 * Before a document is parsed: its content hash (the journal key) and the size limits, without reading
 * a possibly huge file into memory; its format, sniffed from the head, when a refusal needs it.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { detectReader } from '../../extractors/detect.js';
import type { Limits } from '../limits.js';
import type { BatchInput } from './input.js';
import { documentKey } from './settings.js';
import { displayPath, type FilePath } from '../sources/file-path.js';
import { unreadableHash } from '../pipeline.js';

export interface PreparedInput {
  input: BatchInput;
  key: string;
  sha256: string;
  sizeBytes: number;
  /**
   * The sniffed format. Only a refused record needs it (the worker sniffs again to read): for a file
   * that is not refused up front it is sniffed from the file's head when first asked for.
   */
  readonly format: string;
  /** False when no byte was read (refused up front, or unreadable): then `sha256` is a hash of the path, for the id only. */
  bytesRead: boolean;
  /** Set when the input is refused before parsing (unreadable, over a size limit, not the manifest's bytes). */
  refusal?: string;
}

/** Hashes the file (as a stream when it is large), checks size limits; the format is sniffed when needed. */
export async function prepare(input: BatchInput, limits: Limits, settings: string): Promise<PreparedInput> {
  // Never read: the id and the journal key come from the path's bytes, distinct per input.
  const unread = (refusal: string): PreparedInput => {
    const pathHash = unreadableHash(input.path);
    return { input, key: documentKey(pathHash, settings, input.known), sha256: pathHash, sizeBytes: 0, format: 'unknown', bytesRead: false, refusal };
  };
  if (input.refusal) return unread(input.refusal);
  let sizeBytes: number;
  let sha256: string;
  let head: Buffer | undefined;
  try {
    sizeBytes = statSync(input.path).size;
    if (sizeBytes <= SYNC_READ_BYTES) sha256 = hashSync(input.path, sizeBytes);
    else ({ sha256, head } = sizeBytes <= WHOLE_READ_BYTES ? await hashSmallFile(input.path) : await hashFile(input.path));
  } catch (err) {
    return unread(`cannot read file: ${(err as Error).message}`);
  }
  const sniff = (bytes: Buffer): string => detectReader(bytes, displayPath(input.path))?.format ?? 'unknown';
  let format = head ? sniff(head) : undefined;
  const item: PreparedInput = {
    input,
    key: documentKey(sha256, settings, input.known),
    sha256,
    sizeBytes,
    get format() {
      format ??= sniff(readHead(input.path));
      return format;
    },
    bytesRead: true,
  };
  if (input.expectedSha256 && input.expectedSha256 !== sha256) {
    item.refusal = `manifest-mismatch: the file's sha256 is ${sha256}, not the ${input.expectedSha256} the crawl manifest recorded; not read`;
    // Never answered from the journal by a record of the same bytes read legitimately.
    item.key += ':manifest-mismatch';
  } else if (sizeBytes > limits.maxFileBytes) item.refusal = tooLarge(sizeBytes, limits.maxFileBytes, 'maxFileBytes');
  else if (sizeBytes > limits.maxHtmlBytes && item.format === 'html') item.refusal = tooLarge(sizeBytes, limits.maxHtmlBytes, 'maxHtmlBytes');
  // A refused record names the format: sniffed now, while the file is the one just hashed.
  if (item.refusal) void item.format;
  return item;
}

function tooLarge(size: number, limit: number, name: string): string {
  const mib = (n: number): string => `${(n / 1048576).toFixed(1)} MiB`;
  return `file-too-large: ${mib(size)}, over the ${mib(limit)} limit (${name}); not read`;
}

const HEAD_BYTES = 64 * 1024;
/**
 * Files up to this size are read and hashed synchronously: the parent is idle between results, and
 * the thread pool's open/fstat/read/close hand-offs (each a wake-up) cost more than a report's bytes.
 */
const SYNC_READ_BYTES = 1024 * 1024;
/** Files up to this size are read in one call: a stream's 1 MiB chunks cost more than a report's bytes. */
const WHOLE_READ_BYTES = 8 * 1024 * 1024;

/**
 * One buffer every small file is read into (the parent hashes one file at a time, synchronously):
 * readFileSync allocates a fresh buffer per file, and those allocations and their collection were
 * about a tenth of the parent's CPU. Read as readFileSync reads: the size stat'ed, or to the end of
 * a file that says it is empty (/proc and the like).
 */
let readBuffer = Buffer.alloc(0);
const IO_MAX_BYTES = 2 ** 31 - 1;

function hashSync(path: FilePath, sizeBytes: number): string {
  const hash = createHash('sha256');
  if (readBuffer.length < SYNC_READ_BYTES) readBuffer = Buffer.allocUnsafe(SYNC_READ_BYTES);
  const fd = openSync(path, 'r');
  try {
    for (let total = 0; sizeBytes === 0 || total < sizeBytes; ) {
      const read = readSync(fd, readBuffer, 0, sizeBytes === 0 ? readBuffer.length : Math.min(readBuffer.length, sizeBytes - total), null);
      if (read === 0) break;
      hash.update(readBuffer.subarray(0, read));
      total += read;
      // What readFileSync says of an endless device (it gives up at 2 GiB too).
      if (total > IO_MAX_BYTES) throw new RangeError(`File size (${total}) is greater than 2 GiB`);
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** The head a format is sniffed from; empty when the file can no longer be read (then: unknown). */
function readHead(path: FilePath): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(HEAD_BYTES);
    return head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0));
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function hashSmallFile(path: FilePath): Promise<{ sha256: string; head: Buffer }> {
  const bytes = await readFile(path);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), head: Buffer.from(bytes.subarray(0, HEAD_BYTES)) };
}

async function hashFile(path: FilePath): Promise<{ sha256: string; head: Buffer }> {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (headBytes < HEAD_BYTES) {
      head.push(chunk.subarray(0, HEAD_BYTES - headBytes));
      headBytes += Math.min(chunk.length, HEAD_BYTES - headBytes);
    }
  }
  return { sha256: hash.digest('hex'), head: Buffer.concat(head) };
}
