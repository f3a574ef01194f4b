import type { Reader } from './reader.js';
import { UnreadableDocumentError } from './model.js';

// Placeholder until the reader lands: refuses everything so nothing is silently mis-read.
export const htmlReader: Reader = {
  format: 'html',
  sniff: () => false,
  async read() {
    throw new UnreadableDocumentError('not-implemented', 'html reader not implemented yet');
  },
};
