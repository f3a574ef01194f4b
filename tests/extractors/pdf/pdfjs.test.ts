import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPdfJs, openPdf } from '../../../extractors/pdf/pdfjs.js';

describe('loading pdf.js', () => {
  it('leaves the native Array.prototype.push in place (its core-js polyfill slowed every push)', async () => {
    const native = Array.prototype.push;
    await loadPdfJs();
    expect(Array.prototype.push).toBe(native);
    // What pdf.js needs from its polyfills on Node 20 is still there.
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function');
  });

  it('loads the worker half with it, so reading a document imports nothing that could replace push again', async () => {
    const native = Array.prototype.push;
    await loadPdfJs();
    expect((globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker?.WorkerMessageHandler).toBeDefined();
    const doc = await openPdf(readFileSync('../shared/corpus/real/huaian-city-2024.pdf'));
    try {
      expect(doc.numPages).toBe(6);
      const page = await doc.getPage(1);
      const text = await page.getTextContent();
      expect(text.items.length).toBeGreaterThan(0);
    } finally {
      await doc.destroy();
    }
    expect(Array.prototype.push).toBe(native);
  });
});
