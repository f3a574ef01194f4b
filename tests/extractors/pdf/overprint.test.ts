import { describe, expect, it } from 'vitest';
import type { PositionedText } from '../../../extractors/pdf/items.js';
import { withoutOverprints } from '../../../extractors/pdf/overprint.js';

const run = (text: string, x: number, y: number, height = 12, page = 1): PositionedText => ({ text, page, x, y, width: text.length * height * 0.5, height, origin: 'text' });

describe('text drawn twice over itself', () => {
  it('keeps one of each run a simulated bold or a shadow draws again a fraction of a point aside', () => {
    const items = [run('总计', 37.8, 710), run('1234', 67.8, 711), run('总计', 37.5, 710), run('1234', 67.5, 711), run('1234', 67.8, 711.3), run('56', 104, 711)];
    const { items: kept, dropped } = withoutOverprints(items);
    expect(kept.map((i) => i.text)).toEqual(['总计', '1234', '56']);
    expect(dropped).toBe(3);
  });

  it('keeps runs of the same text a glyph apart, a line apart, on another page or in another size', () => {
    // One glyph a run: 1 and 1 half an em apart are 11; 0 under 0 is the next row.
    const items = [run('1', 100, 500), run('1', 106, 500), run('0', 100, 486), run('0', 100, 500, 12, 2), run('0', 100.5, 486.2, 6)];
    const result = withoutOverprints(items);
    expect(result.items).toEqual(items);
    expect(result.dropped).toBe(0);
  });
});
