/**
 * Opening a PDF with the pdf.js that pdf-parse bundles. Kept in one place so every caller gets the
 * same Node-safe options: without the packed CMaps, text in non-embedded Chinese fonts (STSong-Light
 * with UniGB-UCS2-H and the like) comes back empty without any error.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { UnreadableDocumentError } from '../model.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

const require = createRequire(import.meta.url);
const PDFJS_ROOT = path.dirname(require.resolve('pdfjs-dist/package.json'));
// pdf.js in Node reads these with fs.readFile, so plain directory paths (with the trailing slash) work.
const CMAP_DIR = path.join(PDFJS_ROOT, 'cmaps') + path.sep;
const STANDARD_FONT_DIR = path.join(PDFJS_ROOT, 'standard_fonts') + path.sep;

let pdfjsModule: Promise<PdfJs> | undefined;

/** Loaded lazily: reading a DOCX should not pay for parsing pdf.js. */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsModule;
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js detaches the buffer it is given; copy so the caller's Buffer stays usable.
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DIR,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw toUnreadable(error);
  }
}

/** pdf.js errors become the project's stable codes. */
export function toUnreadable(error: unknown): UnreadableDocumentError {
  if (error instanceof UnreadableDocumentError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return new UnreadableDocumentError('encrypted-pdf', `PDF is password-protected: ${message}`);
  }
  return new UnreadableDocumentError('corrupt-pdf', `PDF could not be parsed (${name || 'error'}): ${message}`);
}
