/**
 * The DOCX reader: Word 2007+ documents (and LibreOffice/WPS saves of them). Legacy .doc/.wps (OLE2)
 * files are not DOCX and are refused by the sniff.
 */
import { readLimits, type Reader } from './reader.js';
import { looksLikeDocx } from './docx/sniff.js';

export const docxReader: Reader = {
  format: 'docx',
  sniff: (head, name) => looksLikeDocx(head, name),
  read: async (bytes, options) => (await import('./docx/index.js')).docxToDocument(bytes, readLimits(options)),
};
