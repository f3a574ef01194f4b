/**
 * The PDF reader. pdf.js is loaded on the first PDF (see extractors/pdf/index.ts), so a process that
 * only sniffs formats, or reads only HTML, never pays for it.
 */
import { readLimits, type Reader } from './reader.js';

export const pdfReader: Reader = {
  format: 'pdf',
  sniff: (head) => head.subarray(0, 1024).includes('%PDF-'),
  read: async (bytes, options) => {
    const limits = readLimits(options);
    return (await import('./pdf/index.js')).readPdf(bytes, { maxPages: limits.maxPdfPages, maxTextItems: limits.maxPdfTextItems, maxOcrPixels: limits.maxOcrPixels, maxOcrPagesAtOnce: limits.maxOcrPagesAtOnce });
  },
};
