import type { Reader } from '../reader.js';
import { UnreadableDocumentError } from '../model.js';

// Placeholder until the reader lands: refuses everything so nothing is silently mis-read.
export const pdfReader: Reader = {
  format: 'pdf',
  sniff: () => false,
  async read() {
    throw new UnreadableDocumentError('not-implemented', 'pdf reader not implemented yet');
  },
};
