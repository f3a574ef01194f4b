/**
 * Every bound the raw PDF reader enforces, and the one error it throws. The reader is an optimisation
 * in front of pdf.js: whenever a file is hostile, broken in a way we do not repair, or uses a feature
 * we do not read, it gives up with RawPdfUnsupported and the caller asks pdf.js instead. So a bound
 * that trips is never a failure of the document, only of the shortcut.
 */

const MiB = 1024 * 1024;

export const RAW_BOUNDS = {
  /** Decoded size of one stream: real content streams are well under 1 MiB. */
  maxStreamBytes: 64 * MiB,
  /** Decoded bytes over a whole document, so many medium "bombs" cannot add up. */
  maxDocumentDecodedBytes: 256 * MiB,
  /** Content-stream tokens per page, forms included. */
  maxTokensPerPage: 2_000_000,
  /** Operators emitted per page. */
  maxOpsPerPage: 2_000_000,
  /** Form XObjects (and soft-mask groups) inside one another. */
  maxXObjectDepth: 12,
  /** Levels of /Kids in the page tree. */
  maxPageTreeDepth: 64,
  /** Leaves of the page tree. */
  maxPages: 100_000,
  /** Nested fetches while resolving one object (an object stream's /Length, its /Filter, …). */
  maxResolveDepth: 16,
  /** Arrays and dictionaries inside one another in object syntax. */
  maxNesting: 100,
  /** Sections in an xref /Prev chain. */
  maxXrefSections: 1_000,
  /** Operands before an operator; pdf.js gives up on a content stream past 33. */
  maxOperands: 33,
} as const;

export class RawPdfUnsupported extends Error {
  override readonly name = 'RawPdfUnsupported';
}

export function unsupported(message: string): never {
  throw new RawPdfUnsupported(message);
}
