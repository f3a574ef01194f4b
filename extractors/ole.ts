/**
 * Legacy Word (.doc) and WPS (.wps) files: OLE2 compound documents that no JavaScript library reads
 * well. LibreOffice, when installed, converts them to DOCX, which the DOCX reader then reads; without
 * it the document fails with a reason that says what to install. Government portals still attach
 * many reports in these formats. OLE2 workbooks (.xls/.et) are taken first by the reader in xls.ts
 * (or handed to it here, when only the whole file shows a workbook).
 */
import { readLimits, type Reader } from './reader.js';
import { DEFAULT_LIMITS } from './limits.js';
import { convertWithLibreOffice } from './ole/convert.js';
import { isOle2, oleContentByStreams } from './ole/directory.js';
import { xlsReader } from './xls.js';

export { isOle2 };

export function convertOleToDocx(bytes: Buffer, name = 'document.doc', timeoutMs: number = DEFAULT_LIMITS.legacyConvertTimeoutMs): Promise<Buffer> {
  return convertWithLibreOffice(bytes, {
    inputExtension: /\.wps$/i.test(name) ? '.wps' : '.doc',
    convertTo: 'docx:MS Word 2007 XML',
    outputExtension: '.docx',
    missingCode: 'legacy-word-unsupported',
    missingMessage: 'a legacy Word/WPS (OLE2) document: install LibreOffice (soffice) to read .doc and .wps files',
    timeoutCode: 'legacy-word-timeout',
    corruptCode: 'corrupt-doc',
    expected: 'a Word or WPS file',
    timeoutMs,
  });
}

export const oleReader: Reader = {
  format: 'doc',
  sniff: (head) => isOle2(head),
  async read(bytes, options) {
    // The sniff saw only the first bytes; a workbook whose directory lies further on shows here.
    if (oleContentByStreams(bytes) === 'workbook') return xlsReader.read(bytes, options);
    const limits = readLimits(options);
    const docx = await convertOleToDocx(bytes, options.name, limits.legacyConvertTimeoutMs);
    const { docxToDocument } = await import('./docx/index.js');
    const doc = await docxToDocument(docx, limits);
    return { ...doc, format: 'doc', messages: [{ code: 'converted-by-libreoffice', message: 'legacy Word/WPS document converted to DOCX by LibreOffice before reading' }, ...doc.messages] };
  },
};
