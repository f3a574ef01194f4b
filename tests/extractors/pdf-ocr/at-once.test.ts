/**
 * Scanned pages read by OCR side by side (maxOcrPagesAtOnce): never more at once than asked, the
 * record's order unchanged, and a failure neither stops the pages already reading nor lets new ones start.
 */
import { describe, expect, it } from 'vitest';
import { mapAtOnce } from '../../../extractors/pdf/ocr/at-once.js';
import { readPdf, type PageTextSource } from '../../../extractors/pdf/index.js';
import type { PageContent } from '../../../extractors/pdf/items.js';
import { imagesToPdf } from '../../../tools/pdf/images-to-pdf.js';

/** Resolves after a few turns of the event loop, so that tasks started together overlap. */
const later = <T>(value: T, turns = 3): Promise<T> => (turns === 0 ? Promise.resolve(value) : new Promise((r) => setImmediate(() => r(later(value, turns - 1)))));

/** Counts how many calls of `task` are running at once. */
function counted<A extends unknown[], R>(task: (...args: A) => Promise<R>): { task: (...args: A) => Promise<R>; most: () => number; started: number[] } {
  let running = 0;
  let most = 0;
  const started: number[] = [];
  return {
    task: async (...args: A) => {
      running++;
      most = Math.max(most, running);
      started.push(args[0] as number);
      try {
        return await task(...args);
      } finally {
        running--;
      }
    },
    most: () => most,
    started,
  };
}

describe('mapAtOnce', () => {
  it('runs at most the number asked at once and returns the results in the items’ order', async () => {
    const c = counted(async (n: number) => later(n * 10, 1 + ((n * 7) % 5)));
    expect(await mapAtOnce([1, 2, 3, 4, 5, 6], 2, c.task)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(c.most()).toBe(2);
    expect(c.started).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('one at a time when asked for one, and never more lanes than items', async () => {
    const one = counted(async (n: number) => later(n));
    await mapAtOnce([1, 2, 3], 1, one.task);
    expect(one.most()).toBe(1);
    const few = counted(async (n: number) => later(n));
    expect(await mapAtOnce([7], 4, few.task)).toEqual([7]);
    expect(await mapAtOnce([], 4, few.task)).toEqual([]);
  });

  it('after a failure starts nothing new, lets the running task end, then throws the failure', async () => {
    let ended = 0;
    const c = counted(async (n: number) => {
      if (n === 2) throw new Error('page 2 failed');
      await later(n, 6);
      ended++;
      return n;
    });
    await expect(mapAtOnce([1, 2, 3, 4, 5], 2, c.task)).rejects.toThrow('page 2 failed');
    expect(c.started).toEqual([1, 2]);
    expect(ended).toBe(1);
  });
});

describe('the PDF reader on a scan of several pages', () => {
  const white = { width: 40, height: 40, pixels: new Uint8Array(40 * 40).fill(255) };
  const scan = imagesToPdf(Array.from({ length: 5 }, () => ({ gray: white, width: 595, height: 842 })));
  const words = (page: number): PageContent => ({
    page,
    width: 595,
    height: 842,
    items: [{ text: `第${page}页`, page, x: 72, y: 700, width: 40, height: 12, origin: 'ocr', confidence: 95 }],
    lines: [],
  });

  async function read(atOnce?: number) {
    const c = counted<[number], PageContent | null>(async (page) => {
      if (page === 3) return Promise.reject(new Error('tesseract timed out'));
      return later(words(page), 2 + ((page * 3) % 4));
    });
    const source: PageTextSource = c.task;
    const doc = await readPdf(scan, { pageTextSource: async () => ({ source }), maxOcrPagesAtOnce: atOnce });
    return { doc, most: c.most(), started: c.started };
  }

  it('reads two pages at once by default, each page once, and says what it did in page order', async () => {
    const { doc, most, started } = await read();
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(doc.messages.map((m) => `${m.code} ${m.message.slice(0, 6)}`)).toEqual([
      'ocr-used page 1',
      'ocr-used page 2',
      'ocr-failed page 3',
      'ocr-used page 4',
      'ocr-used page 5',
      ...[1, 2, 3, 4, 5].map((p) => `no-text-layer page ${p}`),
    ]);
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.kind)).join('')).toBe('第1页第2页第4页第5页');
  });

  it('reads the same, one page at a time, with maxOcrPagesAtOnce 1', async () => {
    const one = await read(1);
    const two = await read();
    expect(one.most).toBe(1);
    expect(one.doc).toEqual(two.doc);
  });
});
