import type { Reader } from './reader.js';
import { UnreadableDocumentError } from './model.js';

// Placeholder until the reader lands: refuses everything so nothing is silently mis-read.
export const docxReader: Reader = {
  format: 'docx',
  sniff: () => false,
  async read() {
    throw new UnreadableDocumentError('not-implemented', 'docx reader not implemented yet');
  },
};
