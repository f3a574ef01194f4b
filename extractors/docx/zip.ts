/**
 * The DOCX container: a zip. Sniffing reads only local file headers in the first bytes (nothing is
 * inflated); reading lists the central directory with yauzl, refuses archives over the limits
 * (entry count, declared sizes, compression ratio: zip bombs) before anything is inflated, and
 * inflates only the parts asked for.
 */
import yauzl from 'yauzl';
import { UnreadableDocumentError } from '../model.js';
import { decodeStoredName } from '../text-decode.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';

/** The zip caps, from the run's limits. */
export type ZipLimits = Pick<Limits, 'maxDocxZipEntries' | 'maxDocxUncompressedBytes' | 'maxDocxCompressionRatio'>;

const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const LOCAL_NAME_OFFSET = 30;
const CENTRAL_NAME_OFFSET = 46;
const MAX_NAME_BYTES = 1024;
/** Entries under this size are exempt from the ratio check: tiny XML parts compress very well. */
const RATIO_EXEMPT_BYTES = 1024 * 1024;

export const ZIP_MAGIC = LOCAL_HEADER;

function nameAt(head: Buffer, headerAt: number, nameOffset: number, lengthOffset: number): string | undefined {
  if (headerAt + nameOffset > head.length) return undefined;
  const length = head.readUInt16LE(headerAt + lengthOffset);
  const end = headerAt + nameOffset + length;
  if (length === 0 || length > MAX_NAME_BYTES || end > head.length) return undefined;
  const name = head.subarray(headerAt + nameOffset, end).toString('utf8');
  return /^[\x20-\x7e\u00a0-\uffff]+$/.test(name) && !name.includes('\ufffd') ? name : undefined;
}

/**
 * Entry names visible in the first bytes of a zip, without inflating anything: from every local
 * header signature (sizes are often deferred to data descriptors, so headers are found by signature,
 * not by skipping) and from central directory headers when the whole file fits in `head`.
 */
export function visibleEntryNames(head: Buffer): string[] {
  const names: string[] = [];
  for (const [signature, nameOffset] of [[LOCAL_HEADER, LOCAL_NAME_OFFSET], [CENTRAL_HEADER, CENTRAL_NAME_OFFSET]] as const) {
    const lengthOffset = nameOffset === LOCAL_NAME_OFFSET ? 26 : 28;
    for (let at = head.indexOf(signature); at >= 0; at = head.indexOf(signature, at + 4)) {
      const name = nameAt(head, at, nameOffset, lengthOffset);
      if (name) names.push(name);
    }
  }
  return names;
}

export interface OpenedZip {
  parts: Map<string, yauzl.Entry>;
  /** Inflate one part (size checked against its declaration by yauzl). */
  read(name: string): Promise<Buffer | undefined>;
  close(): void;
}

/** Which format's zip this is, for error codes and messages (corrupt-docx, corrupt-xlsx, corrupt-ofd; corrupt-archive for an archive of reports). */
export type ZipFormat = 'docx' | 'xlsx' | 'ofd' | 'zip';

const zipName = (format: ZipFormat): string => (format === 'zip' ? 'the zip archive' : `the ${format.toUpperCase()} zip`);

function corrupt(format: ZipFormat, detail: string): UnreadableDocumentError {
  return new UnreadableDocumentError(format === 'zip' ? 'corrupt-archive' : `corrupt-${format}`, `${zipName(format)} is damaged or truncated: ${detail}`);
}

function tooLarge(format: ZipFormat, detail: string): UnreadableDocumentError {
  return new UnreadableDocumentError('too-large', `${zipName(format)} exceeds a limit: ${detail}`);
}

/** An entry's name from its bytes: UTF-8 when flagged so, else as decodeStoredName judges (yauzl would read CP437). */
function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  if (typeof raw === 'string') return raw;
  return (entry.generalPurposeBitFlag & 0x800) !== 0 ? raw.toString('utf8') : decodeStoredName(raw);
}

function listEntries(zip: yauzl.ZipFile, limits: ZipLimits, format: ZipFormat): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const parts = new Map<string, yauzl.Entry>();
    let uncompressed = 0;
    let compressed = 0;
    zip.on('error', (err: Error) => reject(corrupt(format, err.message)));
    zip.on('end', () => {
      if (uncompressed > RATIO_EXEMPT_BYTES && uncompressed / Math.max(1, compressed) > limits.maxDocxCompressionRatio) {
        reject(tooLarge(format, `archive compression ratio ${Math.round(uncompressed / Math.max(1, compressed))} (maxDocxCompressionRatio)`));
      } else resolve(parts);
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      if (parts.size + 1 > limits.maxDocxZipEntries) return reject(tooLarge(format, `more than ${limits.maxDocxZipEntries} entries`));
      uncompressed += entry.uncompressedSize;
      compressed += entry.compressedSize;
      if (uncompressed > limits.maxDocxUncompressedBytes) {
        return reject(tooLarge(format, `entries declare more than ${limits.maxDocxUncompressedBytes} bytes uncompressed`));
      }
      if (entry.uncompressedSize > RATIO_EXEMPT_BYTES && entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxDocxCompressionRatio) {
        return reject(tooLarge(format, `${entryName(entry)} compresses ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}× (maxDocxCompressionRatio)`));
      }
      parts.set(entryName(entry), entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, format: ZipFormat): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(corrupt(format, err?.message ?? `cannot open ${entryName(entry)}`));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (e: Error) => reject(corrupt(format, `${entryName(entry)}: ${e.message}`)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

export async function openZip(bytes: Buffer, limits: ZipLimits = DEFAULT_LIMITS, format: ZipFormat = 'docx'): Promise<OpenedZip> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    // Names are decoded here (entryName), not by yauzl: it reads names without the UTF-8 flag as CP437.
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, decodeStrings: false }, (err, opened) => {
      if (err || !opened) reject(corrupt(format, err?.message ?? 'unreadable central directory'));
      else resolve(opened);
    });
  });
  let parts: Map<string, yauzl.Entry>;
  try {
    parts = await listEntries(zip, limits, format);
  } catch (err) {
    zip.close();
    throw err;
  }
  return {
    parts,
    read: async (name) => {
      const entry = parts.get(name);
      return entry ? readEntry(zip, entry, format) : undefined;
    },
    close: () => zip.close(),
  };
}
