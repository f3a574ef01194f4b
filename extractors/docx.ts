/**
 * The DOCX reader: Word 2007+ documents (and LibreOffice/WPS saves of them). Legacy .doc/.wps (OLE2)
 * files are not DOCX and are refused by the sniff.
 */
import type { Reader } from './reader.js';
import { looksLikeDocx } from './docx/sniff.js';
import { docxToDocument } from './docx/index.js';

export const docxReader: Reader = {
  format: 'docx',
  sniff: (head, name) => looksLikeDocx(head, name),
  read: (bytes) => docxToDocument(bytes),
};
