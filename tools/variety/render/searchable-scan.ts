/**
 * A searchable scan: the scan's pages (./scan.ts) with tesseract's own OCR laid under each as invisible
 * text, as scanning software and `ocrmypdf` publish a signed paper report. The text layer is another
 * program's reading, errors and all: a reader that trusts it reads misread digits as printed numbers.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePgm } from '../../../extractors/pdf/ocr/pgm.js';
import { scanPages, type ScanParams } from './scan.js';
import { runTool } from './run-tool.js';

export async function searchableScanPdf(sourcePdf: string, targetPdf: string, params: ScanParams): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'nianbao-variety-searchable-'));
  try {
    const pages = await scanPages(sourcePdf, params);
    for (const [i, page] of pages.entries()) {
      const base = join(work, `p${String(i + 1).padStart(3, '0')}`);
      await writeFile(`${base}.pgm`, encodePgm(page));
      await runTool('tesseract', [`${base}.pgm`, base, '-l', 'chi_sim', '--dpi', String(params.dpi), 'pdf'], { timeout: 600_000, maxBuffer: 16 << 20 });
    }
    const pdfs = (await readdir(work)).filter((n) => n.endsWith('.pdf')).sort().map((n) => join(work, n));
    if (pdfs.length === 1) await runTool('qpdf', [pdfs[0], targetPdf]);
    else await runTool('pdfunite', [...pdfs, targetPdf]);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
