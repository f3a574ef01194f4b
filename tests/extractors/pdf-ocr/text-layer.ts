import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const PDFJS_ROOT = path.dirname(require.resolve('pdfjs-dist/package.json'));

/** A text-layer run of the original born-digital PDF: the ground truth for where OCR should find it. */
export interface TextLayerItem {
  text: string;
  page: number;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  height: number;
}

/** Every non-blank text item of every page, in PDF user space, via pdf.js. */
export async function readTextLayer(pdfPath: string): Promise<TextLayerItem[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(await readFile(pdfPath)),
    cMapUrl: path.join(PDFJS_ROOT, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(PDFJS_ROOT, 'standard_fonts') + path.sep,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const document = await task.promise;
  try {
    const items: TextLayerItem[] = [];
    for (let page = 1; page <= document.numPages; page++) {
      const content = await (await document.getPage(page)).getTextContent();
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        items.push({ text: item.str.trim(), page, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height });
      }
    }
    return items;
  } finally {
    await task.destroy();
  }
}
