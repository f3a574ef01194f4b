/**
 * The OFD reader: GB/T 33190 fixed-layout documents (.ofd), as many portals publish their reports beside
 * or instead of PDF. Each page's positioned text and drawn paths go through the PDF reader's layout
 * (extractors/ofd/index.ts), loaded on the first OFD.
 */
import { readLimits, type Reader } from './reader.js';
import { looksLikeOfd } from './ofd/sniff.js';

export const ofdReader: Reader = {
  format: 'ofd',
  sniff: (head, name) => looksLikeOfd(head, name),
  read: async (bytes, options) => (await import('./ofd/index.js')).readOfd(bytes, readLimits(options)),
};
