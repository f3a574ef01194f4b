/**
 * DOCX and PDF (Writer) and XLSX (Calc: the page opened as a sheet, as people save a report page as a
 * workbook) through LibreOffice headless: many HTML files per soffice call (start-up costs seconds),
 * with a profile of our own so a desktop LibreOffice or another run does not lock us out.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

const FILTERS = { docx: 'docx:MS Word 2007 XML', pdf: 'pdf:writer_pdf_Export', xlsx: 'xlsx:Calc MS Excel 2007 XML' } as const;
const IMPORT_FILTERS: Record<keyof typeof FILTERS, string> = { docx: 'HTML (StarWriter)', pdf: 'HTML (StarWriter)', xlsx: 'HTML (StarCalc)' };

export async function officeAvailable(): Promise<boolean> {
  try {
    await run('soffice', ['--version'], { timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** Converts every HTML file to `target` in `outDir` (same base name); batches keep each call bounded. */
export async function convertWithOffice(htmlFiles: string[], target: keyof typeof FILTERS, outDir: string, batchSize = 40): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), 'nianbao-variety-soffice-'));
  try {
    for (let i = 0; i < htmlFiles.length; i += batchSize) {
      const batch = htmlFiles.slice(i, i + batchSize);
      await run(
        'soffice',
        [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', `--infilter=${IMPORT_FILTERS[target]}`, '--convert-to', FILTERS[target], '--outdir', outDir, ...batch],
        { timeout: 120_000 + 30_000 * batch.length, maxBuffer: 16 << 20 },
      );
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
