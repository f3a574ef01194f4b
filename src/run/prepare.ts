/**
 * Before a document is parsed: its content hash (the journal key), its format sniffed from the head,
 * and the size limits, all without reading a possibly huge file into memory.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { detectReader } from '../../extractors/detect.js';
import type { Limits } from '../limits.js';
import type { BatchInput } from './input.js';
import { documentKey } from './settings.js';

export interface PreparedInput {
  input: BatchInput;
  key: string;
  sha256: string;
  sizeBytes: number;
  format: string;
  /** Set when the input is refused before parsing (unreadable, over a size limit). */
  refusal?: string;
}

/** Hashes the file as a stream (it may be huge), sniffs its format from the head, checks size limits. */
export async function prepare(input: BatchInput, limits: Limits, settings: string): Promise<PreparedInput> {
  let sizeBytes: number;
  let sha256: string;
  let head: Buffer;
  try {
    sizeBytes = (await stat(input.path)).size;
    ({ sha256, head } = sizeBytes <= WHOLE_READ_BYTES ? await hashSmallFile(input.path) : await hashFile(input.path));
  } catch (err) {
    const unreadable = createHash('sha256').update(`unreadable:${input.path}`).digest('hex');
    return { input, key: documentKey(unreadable, settings, input.known), sha256: unreadable, sizeBytes: 0, format: 'unknown', refusal: `cannot read file: ${(err as Error).message}` };
  }
  const format = detectReader(head, input.path)?.format ?? 'unknown';
  const item: PreparedInput = { input, key: documentKey(sha256, settings, input.known), sha256, sizeBytes, format };
  if (sizeBytes > limits.maxFileBytes) item.refusal = tooLarge(sizeBytes, limits.maxFileBytes, 'maxFileBytes');
  else if (format === 'html' && sizeBytes > limits.maxHtmlBytes) item.refusal = tooLarge(sizeBytes, limits.maxHtmlBytes, 'maxHtmlBytes');
  return item;
}

function tooLarge(size: number, limit: number, name: string): string {
  const mib = (n: number): string => `${(n / 1048576).toFixed(1)} MiB`;
  return `file-too-large: ${mib(size)}, over the ${mib(limit)} limit (${name}); not read`;
}

const HEAD_BYTES = 64 * 1024;
/** Files up to this size are read in one call: a stream's 1 MiB chunks cost more than a report's bytes. */
const WHOLE_READ_BYTES = 8 * 1024 * 1024;

async function hashSmallFile(path: string): Promise<{ sha256: string; head: Buffer }> {
  const bytes = await readFile(path);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), head: Buffer.from(bytes.subarray(0, HEAD_BYTES)) };
}

async function hashFile(path: string): Promise<{ sha256: string; head: Buffer }> {
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
