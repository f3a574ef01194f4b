import type { Reader } from './reader.js';
import { UnreadableDocumentError } from './model.js';

// Placeholder until the reader lands: refuses everything so nothing is silently mis-read.
export const txtReader: Reader = {
  format: 'txt',
  sniff: () => false,
  async read() {
    throw new UnreadableDocumentError('not-implemented', 'txt reader not implemented yet');
  },
};
