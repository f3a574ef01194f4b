/**
 * The pdf-img format: the docx-img Word document (the report's text as paragraphs, each table pasted as
 * its screenshots) exported to PDF by LibreOffice, as a report typed in Word with its tables pasted as
 * pictures is published: a good text layer for the prose, the tables only as images. The pictures are
 * fitted inside the margins, as Word fits a pasted picture, so none runs off the page.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ReportModel } from '../model.js';
import { convertDocumentsToPdf } from './office.js';
import { docxWithTableShots } from './pictures.js';

/** Inside the text area of A4 and Letter with LibreOffice's default margins (CSS pixels, 96 per inch). */
export const PICTURE_FIT = { widthPx: 600, heightPx: 860 };

/** The Word document the PDF is exported from. */
export function docxForPdfWithTableShots(model: ReportModel, shots: Buffer[][]): Buffer {
  return docxWithTableShots(model, shots, PICTURE_FIT);
}

/** Word documents → PDFs beside them (`x.docx` → `x.pdf`), in one LibreOffice run. */
export async function exportDocxToPdf(docxFiles: string[]): Promise<void> {
  const byDir = new Map<string, string[]>();
  for (const file of docxFiles) {
    const dir = join(file, '..');
    byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
  }
  for (const [dir, files] of byDir) await convertDocumentsToPdf(files, dir);
}

/** One report straight to PDF bytes (tests): the document written and converted in a private folder. */
export async function pdfWithTableShots(model: ReportModel, shots: Buffer[][]): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-pdf-img-'));
  try {
    const docx = join(dir, 'report.docx');
    await writeFile(docx, docxForPdfWithTableShots(model, shots));
    await exportDocxToPdf([docx]);
    return await readFile(join(dir, `${basename(docx, '.docx')}.pdf`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
