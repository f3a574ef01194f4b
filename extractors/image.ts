/**
 * The picture reader (PNG, JPEG, TIFF, BMP, WebP), told by magic bytes. The decoders and the OCR path
 * are loaded on the first picture (see extractors/image/index.ts).
 */
import { readLimits, type Reader } from './reader.js';
import { imageKind } from './image/decode.js';

export const imageReader: Reader = {
  format: 'image',
  sniff: (head) => imageKind(head) !== undefined,
  read: async (bytes, options) => {
    const limits = readLimits(options);
    return (await import('./image/index.js')).readImage(bytes, { maxPages: limits.maxPdfPages, maxOcrPixels: limits.maxOcrPixels, maxOcrPagesAtOnce: limits.maxOcrPagesAtOnce });
  },
};
