/**
 * Why a reader refused a document: the `code` of every UnreadableDocumentError, and so part of the
 * `error_code` of failed records (src/schemas/failure-codes.ts adds the run's own). Each code has one
 * line in the README's list of failure codes.
 */
export const READER_FAILURE_CODES = [
  'corrupt-archive',
  'corrupt-doc',
  'corrupt-docx',
  'corrupt-image',
  'corrupt-ofd',
  'corrupt-pdf',
  'corrupt-xls',
  'corrupt-xlsx',
  'empty',
  'empty-pdf',
  'encrypted-pdf',
  'image-unsupported',
  'legacy-excel-timeout',
  'legacy-excel-unsupported',
  'legacy-word-timeout',
  'legacy-word-unsupported',
  'not-docx',
  'not-xlsx',
  'ocr-bad-page',
  'ocr-failed',
  'ocr-unavailable',
  'too-deep',
  'too-large',
  'too-many-pages',
  'xlsb-unsupported',
] as const;

export type ReaderFailureCode = (typeof READER_FAILURE_CODES)[number];
