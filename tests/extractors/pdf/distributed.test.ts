import { describe, expect, it } from 'vitest';
import type { PositionedText } from '../../../extractors/pdf/items.js';
import { spreadRuns } from '../../../extractors/pdf/distributed.js';

const run = (text: string, x: number, y = 500, height = 10.5): PositionedText => ({ text, page: 1, x, y, width: [...text].length * height * 0.55, height, origin: 'text' });
/** Glyphs spread across the cell left..right as 分散对齐 prints them: 3 pt padding, the same gap after each glyph. */
function spreadLine(glyphs: string[], left: number, right: number): PositionedText[] {
  const runs = glyphs.map((g) => ({ ...run(g, 0), width: /[\d.]/.test(g) ? 5.775 : 10.5 }));
  const gap = (right - left - 6 - runs.reduce((sum, r) => sum + r.width, 0)) / (runs.length - 1);
  let x = left + 3;
  for (const r of runs) {
    r.x = x;
    x += r.width + gap;
  }
  return runs;
}

/** Vertical rulings at these x, from y 490 to 515 (one row). */
const rulings = (...xs: number[]) => xs.map((x) => ({ x, y0: 490, y1: 515 }));

describe('lines spread across their cell (分散对齐)', () => {
  it('takes a number whose digits stand the padding from both rulings, the same gap between each, for one cell\'s text', () => {
    // 22 in a cell 100..140 and 1.属于 in a cell 140..240, each 3 pt from its rulings, equal gaps.
    const digits = spreadLine(['2', '2'], 100, 140);
    const label = spreadLine(['1', '.', '属', '于'], 140, 240);
    const spread = spreadRuns([...digits, ...label], rulings(100, 140, 240));
    expect([...digits, ...label].map((r) => spread.has(r))).toEqual([true, true, true, true, true, true]);
  });

  it('leaves alone two numbers centred in two columns whose ruling the printer left out, and runs of several glyphs', () => {
    // Columns 100..130 and 130..160, the ruling at 130 not drawn: 1 and 4 centred, 12.1 pt from the rulings, 24.2 apart.
    const centred = [run('1', 112.1125), run('4', 142.1125)];
    // 13 and 4 the padding from the rulings: 13 is one run of two glyphs, not a spread glyph.
    const wide = [run('13', 203, 470), run('4', 300 - 3 - 5.775, 470)];
    const spread = spreadRuns([...centred, ...wide], [...rulings(100, 160), { x: 200, y0: 460, y1: 485 }, { x: 300, y0: 460, y1: 485 }]);
    expect(spread.size).toBe(0);
  });
});
