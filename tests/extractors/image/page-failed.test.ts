/**
 * A picture file of several pages whose OCR fails on one page (a tesseract run over its limit) is read
 * without that page, with a message naming it, as a scanned PDF is; only when no page reads is the file
 * unreadable. The OCR itself is stood in for: which page fails is what the test decides.
 */
import { describe, expect, test, vi } from 'vitest';
import { UnreadableDocumentError } from '../../../extractors/model.js';
import type { PageContent } from '../../../extractors/pdf/items.js';
import { grayTiff } from '../../helpers/tiff.js';

const failing = vi.hoisted(() => new Set<number>());

vi.mock('../../../extractors/pdf/ocr.js', async (original) => ({
  ...(await original<typeof import('../../../extractors/pdf/ocr.js')>()),
  ocrAvailable: async () => true,
  ocrGrayImage: async (_gray: unknown, at: { page: number }): Promise<PageContent> => {
    if (failing.has(at.page)) throw new UnreadableDocumentError('ocr-failed', 'tesseract failed: timed out after 120000 ms');
    const word = (text: string, y: number) => ({ text, page: at.page, x: 72, y, width: 200, height: 12, origin: 'ocr' as const, confidence: 95 });
    return { page: at.page, width: 595, height: 842, items: [word(`第${at.page}页的文字`, 700)], lines: [] };
  },
}));

const { readImage } = await import('../../../extractors/image/index.js');

const blank = { width: 200, height: 280, pixels: new Uint8Array(200 * 280).fill(255) };
const threePages = grayTiff([blank, blank, blank], 24);
const options = { maxPages: 10, maxOcrPixels: 40_000_000 };

describe('a picture file whose OCR fails on a page', () => {
  test('is read without that page, and the page is named in an ocr-failed message', async () => {
    failing.clear();
    failing.add(2);
    const model = await readImage(threePages, options);
    const text = JSON.stringify(model.blocks);
    expect(text).toContain('第1页的文字');
    expect(text).toContain('第3页的文字');
    expect(text).not.toContain('第2页的文字');
    expect(model.messages.filter((m) => m.code === 'ocr-failed')).toEqual([{ code: 'ocr-failed', message: 'page 2: OCR failed: tesseract failed: timed out after 120000 ms; its text is missing' }]);
    expect(model.messages.filter((m) => m.code === 'ocr-used').map((m) => m.message.slice(0, 6))).toEqual(['page 1', 'page 3']);
  });

  test('is unreadable (ocr-failed) when no page reads', async () => {
    failing.clear();
    for (const page of [1, 2, 3]) failing.add(page);
    await expect(readImage(threePages, options)).rejects.toMatchObject({ code: 'ocr-failed' });
  });
});
