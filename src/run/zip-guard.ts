/**
 * Zip-bomb guard for DOCX (and any OOXML) input, run before a zip library inflates anything.
 *
 * Two passes. First the central directory is read by hand (entry count, declared sizes, ratios):
 * cheap, and catches honest bombs. Then every entry is actually inflated into a counter that discards
 * the output, stopping at the first byte past the declared size or the total budget: catches archives
 * whose headers lie, which a zip library would only notice after allocating the output.
 */
import { createInflateRaw } from 'node:zlib';
import { UnreadableDocumentError } from '../../extractors/model.js';
import type { Limits } from '../limits.js';

export type ZipLimits = Pick<Limits, 'maxDocxZipEntries' | 'maxDocxUncompressedBytes' | 'maxDocxCompressionRatio'>;

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedBytes: number;
  uncompressedBytes: number;
  localHeaderOffset: number;
}

export interface ZipCheck {
  entries: number;
  compressedBytes: number;
  uncompressedBytes: number;
}

/** Entries smaller than this are exempt from the per-entry ratio check: tiny XML parts compress very well. */
const RATIO_EXEMPT_BYTES = 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** Throws UnreadableDocumentError (zip-corrupt, zip-too-many-entries, zip-too-large, zip-bomb) or returns totals. */
export async function checkZipLimits(bytes: Buffer, limits: ZipLimits): Promise<ZipCheck> {
  const entries = readCentralDirectory(bytes, limits.maxDocxZipEntries);
  const compressedBytes = entries.reduce((sum, e) => sum + e.compressedBytes, 0);
  const uncompressedBytes = entries.reduce((sum, e) => sum + e.uncompressedBytes, 0);
  if (uncompressedBytes > limits.maxDocxUncompressedBytes) {
    throw new UnreadableDocumentError(
      'zip-too-large',
      `zip declares ${mib(uncompressedBytes)} uncompressed, over the ${mib(limits.maxDocxUncompressedBytes)} limit (maxDocxUncompressedBytes)`,
    );
  }
  for (const entry of entries) assertRatio(entry.name, entry.compressedBytes, entry.uncompressedBytes, limits);
  assertRatio('the archive', compressedBytes, uncompressedBytes, limits);

  let budget = limits.maxDocxUncompressedBytes;
  for (const entry of entries) {
    const produced = await inflatedSize(bytes, entry, Math.min(entry.uncompressedBytes, budget));
    budget -= produced;
  }
  return { entries: entries.length, compressedBytes, uncompressedBytes };
}

/** The central directory's entries; throws zip-corrupt for anything that is not a readable zip. */
export function readCentralDirectory(bytes: Buffer, maxEntries = Infinity): ZipEntryInfo[] {
  const eocd = findEndOfCentralDirectory(bytes);
  let count = bytes.readUInt16LE(eocd + 10);
  let size = bytes.readUInt32LE(eocd + 12);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    ({ count, size, offset } = readZip64End(bytes, eocd));
  }
  if (count > maxEntries) {
    throw new UnreadableDocumentError('zip-too-many-entries', `zip has ${count} entries, over the limit of ${maxEntries} (maxDocxZipEntries)`);
  }
  if (offset + size > bytes.length) corrupt('central directory lies outside the file');
  const entries: ZipEntryInfo[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) corrupt(`central directory entry ${i} is damaged`);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: ZipEntryInfo = {
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedBytes: bytes.readUInt32LE(at + 20),
      uncompressedBytes: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    };
    applyZip64Extra(entry, bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The EOCD record is 22 bytes plus a comment of at most 65535 bytes, so it sits in the file's tail.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  return corrupt('no end-of-central-directory record (not a zip, or truncated)');
}

function readZip64End(bytes: Buffer, eocd: number): { count: number; size: number; offset: number } {
  const locator = eocd - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) corrupt('zip64 locator missing');
  const end = safeNumber(bytes.readBigUInt64LE(locator + 8));
  if (end + 56 > bytes.length || bytes.readUInt32LE(end) !== ZIP64_EOCD_SIGNATURE) corrupt('zip64 end record missing');
  return {
    count: safeNumber(bytes.readBigUInt64LE(end + 32)),
    size: safeNumber(bytes.readBigUInt64LE(end + 40)),
    offset: safeNumber(bytes.readBigUInt64LE(end + 48)),
  };
}

/** Zip64 extra field (id 0x0001): 64-bit values for exactly the 32-bit fields that hold 0xffffffff, in order. */
function applyZip64Extra(entry: ZipEntryInfo, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + length) corrupt(`zip64 extra field of ${entry.name} is short`);
        const value = safeNumber(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.uncompressedBytes === 0xffffffff) entry.uncompressedBytes = next();
      if (entry.compressedBytes === 0xffffffff) entry.compressedBytes = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
}

function assertRatio(what: string, compressed: number, uncompressed: number, limits: ZipLimits): void {
  if (uncompressed < RATIO_EXEMPT_BYTES) return;
  const ratio = uncompressed / Math.max(compressed, 1);
  if (ratio > limits.maxDocxCompressionRatio) {
    throw new UnreadableDocumentError(
      'zip-bomb',
      `${what} inflates ${Math.round(ratio)}× (${mib(compressed)} → ${mib(uncompressed)}), over the ${limits.maxDocxCompressionRatio}× limit (maxDocxCompressionRatio)`,
    );
  }
}

/** Inflates one entry into a counter; throws zip-bomb as soon as it produces more than `allowed` bytes. */
async function inflatedSize(bytes: Buffer, entry: ZipEntryInfo, allowed: number): Promise<number> {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) corrupt(`local header of ${entry.name} is damaged`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedBytes;
  if (end > bytes.length) corrupt(`${entry.name} runs past the end of the file (truncated zip)`);
  if (entry.method === STORED) {
    if (entry.compressedBytes > allowed) overrun(entry, allowed);
    return entry.compressedBytes;
  }
  if (entry.method !== DEFLATED) {
    throw new UnreadableDocumentError('zip-unsupported', `${entry.name} uses compression method ${entry.method}; only stored and deflate are supported`);
  }
  return new Promise<number>((resolve, reject) => {
    const inflate = createInflateRaw();
    let produced = 0;
    let settled = false;
    const fail = (err: Error): void => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      reject(err);
    };
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > allowed) {
        try {
          overrun(entry, allowed);
        } catch (err) {
          fail(err as Error);
        }
      }
    });
    inflate.on('error', (err) => fail(new UnreadableDocumentError('zip-corrupt', `${entry.name} does not inflate: ${err.message}`)));
    inflate.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(produced);
    });
    inflate.end(bytes.subarray(start, end));
  });
}

function overrun(entry: ZipEntryInfo, allowed: number): never {
  throw new UnreadableDocumentError(
    'zip-bomb',
    `${entry.name} inflates past ${mib(allowed)} (declared ${mib(entry.uncompressedBytes)}; the header lies or the total limit is reached)`,
  );
}

function corrupt(why: string): never {
  throw new UnreadableDocumentError('zip-corrupt', `not a readable zip: ${why}`);
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) corrupt('a zip64 size is out of range');
  return Number(value);
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
