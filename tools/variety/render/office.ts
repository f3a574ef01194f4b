/**
 * DOCX and PDF (Writer) and XLSX (Calc: the page opened as a sheet, as people save a report page as a
 * workbook) through LibreOffice headless: many HTML files per soffice call (start-up costs seconds),
 * through the one soffice wrapper (extractors/soffice.ts).
 */
import { sofficeAvailable, sofficeConvert } from '../../../extractors/soffice.js';

// Legacy .doc and .xls (OLE2, Word and Excel 97): what many portals still attach; nianbao reads them
// through LibreOffice (.doc) or its own BIFF reader (.xls), so they are formats of their own here; and the
// page saved from Calc as CSV (UTF-8, commas, quoted text), as people export a sheet.
const FILTERS = { docx: 'docx:MS Word 2007 XML', pdf: 'pdf:writer_pdf_Export', xlsx: 'xlsx:Calc MS Excel 2007 XML', doc: 'doc:MS Word 97', xls: 'xls:MS Excel 97', csv: 'csv:Text - txt - csv (StarCalc):44,34,76' } as const;
const IMPORT_FILTERS: Record<keyof typeof FILTERS, string> = { docx: 'HTML (StarWriter)', pdf: 'HTML (StarWriter)', xlsx: 'HTML (StarCalc)', doc: 'HTML (StarWriter)', xls: 'HTML (StarCalc)', csv: 'HTML (StarCalc)' };

export const officeAvailable = (): Promise<boolean> => sofficeAvailable();

/** Converts every HTML file to `target` in `outDir` (same base name); batches keep each call bounded. */
export async function convertWithOffice(htmlFiles: string[], target: keyof typeof FILTERS, outDir: string, batchSize = 40): Promise<void> {
  for (let i = 0; i < htmlFiles.length; i += batchSize) {
    const batch = htmlFiles.slice(i, i + batchSize);
    await sofficeConvert({ files: batch, infilter: IMPORT_FILTERS[target], convertTo: FILTERS[target], outDir, timeoutMs: 120_000 + 30_000 * batch.length });
  }
}

/** Word documents (any format Writer opens by its extension: .docx, .doc) → PDF in `outDir`, same base names. */
export async function convertDocumentsToPdf(files: string[], outDir: string, batchSize = 40): Promise<void> {
  for (let i = 0; i < files.length; i += batchSize) {
    const batch = files.slice(i, i + batchSize);
    await sofficeConvert({ files: batch, convertTo: FILTERS.pdf, outDir, timeoutMs: 120_000 + 30_000 * batch.length });
  }
}
