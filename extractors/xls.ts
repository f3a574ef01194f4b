/**
 * Legacy Excel (.xls) and WPS Spreadsheets (.et) workbooks: OLE2 compound files like .doc, told apart
 * by their Workbook/Book stream (see ole/directory.ts). LibreOffice, when installed, converts them to
 * XLSX, which the XLSX reader then reads; without it the document fails with a reason that says what
 * to install. Must come before the .doc reader in the registry: both accept the OLE2 signature.
 */
import { readLimits, type Reader } from './reader.js';
import { DEFAULT_LIMITS } from './limits.js';
import { isOle2, oleContent } from './ole/directory.js';
import { convertWithLibreOffice } from './ole/convert.js';

export function convertOleToXlsx(bytes: Buffer, name = 'workbook.xls', timeoutMs: number = DEFAULT_LIMITS.legacyConvertTimeoutMs): Promise<Buffer> {
  return convertWithLibreOffice(bytes, {
    inputExtension: /\.(et|ett)$/i.test(name) ? '.et' : '.xls',
    convertTo: 'xlsx:Calc MS Excel 2007 XML',
    outputExtension: '.xlsx',
    missingCode: 'legacy-excel-unsupported',
    missingMessage: 'a legacy Excel/WPS Spreadsheets (OLE2) workbook: install LibreOffice Calc (soffice, Debian package libreoffice-calc) to read .xls and .et files',
    timeoutCode: 'legacy-excel-timeout',
    corruptCode: 'corrupt-xls',
    expected: 'an Excel or WPS Spreadsheets file',
    timeoutMs,
  });
}

export const xlsReader: Reader = {
  format: 'xls',
  sniff: (head, name) => isOle2(head) && oleContent(head, name) === 'workbook',
  async read(bytes, options) {
    const limits = readLimits(options);
    const xlsx = await convertOleToXlsx(bytes, options.name, limits.legacyConvertTimeoutMs);
    const { xlsxToDocument } = await import('./xlsx/index.js');
    const doc = await xlsxToDocument(xlsx, limits);
    return { ...doc, format: 'xls', messages: [{ code: 'converted-by-libreoffice', message: 'legacy Excel/WPS workbook converted to XLSX by LibreOffice before reading' }, ...doc.messages] };
  },
};
