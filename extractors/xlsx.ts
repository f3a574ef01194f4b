/**
 * The XLSX reader: Excel 2007+ workbooks (and WPS/LibreOffice saves of them), as agencies attach the
 * statistics tables of a report. Each sheet becomes a table; title cells become headings.
 */
import { readLimits, type Reader } from './reader.js';
import { looksLikeXlsx } from './xlsx/sniff.js';

export const xlsxReader: Reader = {
  format: 'xlsx',
  sniff: (head, name) => looksLikeXlsx(head, name),
  read: async (bytes, options) => (await import('./xlsx/index.js')).xlsxToDocument(bytes, readLimits(options)),
};
