import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { openPdf, setPdfJsPatched, textOnlyFontCount } from '../../../extractors/pdf/pdfjs.js';
import { patchWorkerSource } from '../../../extractors/pdf/worker-patch.js';

const require = createRequire(import.meta.url);
const workerSource = (): string => readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');

/** TrueType (Word, WPS) and Type1 (LibreOffice) embedded fonts, real and generated. */
const PDFS = [
  '../shared/corpus/real/hongze-2023.pdf',
  '../shared/corpus/real/huaian-city-2024.pdf',
  '../shared/corpus/rendered/pingtan-2023-pdf.pdf',
  '../shared/corpus/rendered/seed-pdf.pdf',
  'tests/fixtures/pdf/landscape-2019-other.pdf',
  'tests/fixtures/pdf/long-wrapped-labels.pdf',
];

/**
 * Every page's text content, with what may differ left out: the document's serial in font names
 * (g_d3_f1), and the styles' ascent and descent, which pdf.js reads from the font program's metric
 * tables and nothing in the reader uses.
 */
async function textContent(bytes: Buffer): Promise<string> {
  const doc = await openPdf(bytes);
  const pages: unknown[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const { items, styles } = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
      const kept = Object.fromEntries(Object.entries(styles).map(([name, s]) => [name, { fontFamily: s.fontFamily, vertical: s.vertical }]));
      pages.push({ items, styles: kept });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return JSON.stringify(pages).replace(/g_d\d+_/g, 'g_');
}

describe('the text-only font patch of pdf.js', () => {
  it('fits the installed pdfjs-dist exactly once, and refuses a source it was not written for', () => {
    const source = workerSource();
    const patched = patchWorkerSource(source);
    expect(patched).toBeDefined();
    expect(patched!.split('nianbaoTextOnlyFont(this, file, properties)').length).toBe(2);
    // Each place the patch goes in, changed as another version might: no patch at all.
    for (const [from, to] of [
      ['if (!file || file.isEmpty) {', 'if (!file || file.isEmpty()) {'],
      ['} else if (fontFile.isEmpty) {', '} else if (fontFile.isEmpty()) {'],
      ['        if (map[i] !== undefined) {\n          callback(i, map[i]);', '        if (map[i] != null) {\n          callback(i, map[i]);'],
      ['    const clone = Object.create(this);\n    clone.textMatrix = ', '    const clone = Object.create(this, {});\n    clone.textMatrix = '],
      ['export { WorkerMessageHandler };', 'export { WorkerMessageHandler as W };'],
    ]) {
      expect(source.split(from).length).toBe(2);
      expect(patchWorkerSource(source.replace(from, to))).toBeUndefined();
    }
  });

  it('is in the pdf.js the reader loads', async () => {
    expect(await setPdfJsPatched(true)).toBe(true);
  });

  it.each(PDFS)('gives %s the same text content as converting every font, building fonts text-only', async (file) => {
    const bytes = readFileSync(file);
    await setPdfJsPatched(false);
    const before = await textOnlyFontCount();
    const converted = await textContent(bytes);
    expect(await textOnlyFontCount()).toBe(before);
    await setPdfJsPatched(true);
    const textOnly = await textContent(bytes);
    expect(await textOnlyFontCount()).toBeGreaterThan(before);
    expect(textOnly).toBe(converted);
  }, 60_000);
});
