/**
 * A born-digital page displayed turned (a landscape table set sideways on a portrait page, a page a
 * viewer's /Rotate turned, one inserted upside down). Read as displayed, every run stacked into a column
 * of single characters: 21 of the generator's 27 such variants came out partial and 5 failed, 7% of
 * cells read. Such a page is now read turned so that its text runs left to right.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uprightTurn, turnedPage } from '../../../extractors/pdf/page-turn.js';
import type { RawTextContent } from '../../../extractors/pdf/text-items.js';
import { extractFile } from '../../../src/pipeline.js';
import { qpdfAvailable } from '../../../tools/variety/render/stamp.js';
import { PAGE_TURNINGS, turnPdfPages } from '../../../tools/variety/render/turned.js';
import { loadFixtures } from './helpers.js';

const identity = (x: number, y: number): [number, number] => [x, y];
/** Runs of `chars` characters each, advancing along (dx, dy) per unit of text space. */
const runs = (count: number, chars: number, dx: number, dy: number, fontName = 'f1') =>
  Array.from({ length: count }, (_, i) => ({ str: '政'.repeat(chars), transform: [dx, dy, -dy, dx, 100 + i * 20, 300], width: chars * 10, height: 10, fontName }));
const content = (items: RawTextContent['items'], styles: RawTextContent['styles'] = {}): RawTextContent => ({ items, styles });

describe('which way a page is turned', () => {
  it('turns a page whose text runs up a clockwise quarter, down an anticlockwise quarter, and right to left a half', () => {
    expect(uprightTurn(content(runs(5, 6, 0, 10)), identity)).toBe(90);
    expect(uprightTurn(content(runs(5, 6, 0, -10)), identity)).toBe(270);
    expect(uprightTurn(content(runs(5, 6, -10, 0)), identity)).toBe(180);
    expect(uprightTurn(content(runs(5, 6, 10, 0)), identity)).toBe(0);
  });

  it('leaves a page alone when its turned text is a minority (a label printed down a merged cell), a font written vertically, or a few characters', () => {
    expect(uprightTurn(content([...runs(6, 6, 10, 0), ...runs(4, 6, 0, -10)]), identity)).toBe(0);
    expect(uprightTurn(content(runs(5, 6, 0, -10, 'v'), { v: { vertical: true } }), identity)).toBe(0);
    expect(uprightTurn(content(runs(3, 6, 0, 10)), identity)).toBe(0);
  });

  it('maps the displayed page so that text running up runs right, the first line on top', () => {
    // Portrait 600 × 800, text running up: its first line is the leftmost.
    const turned = turnedPage(identity, 90, 600, 800);
    expect([turned.width, turned.height]).toEqual([800, 600]);
    expect(turned.mapPoint(100, 200)).toEqual([200, 500]);
    expect(turned.mapPoint(100, 300)[0]).toBeGreaterThan(turned.mapPoint(100, 200)[0]);
    expect(turned.mapPoint(50, 200)[1]).toBeGreaterThan(turned.mapPoint(100, 200)[1]);
    const back = turnedPage(identity, 270, 600, 800);
    expect(back.mapPoint(500, 300)).toEqual([500, 500]);
  });
});

const tools = await qpdfAvailable();

describe.skipIf(!tools)('fixtures with pages displayed turned', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-turned-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  for (const fixture of loadFixtures().filter((f) => ['split-repeated-header.pdf', 'landscape-2019-other.pdf'].includes(f.fixture))) {
    it(`${fixture.fixture}: read as it stands, no page is turned`, async () => {
      const record = await extractFile(fixture.path);
      expect(record.messages.filter((m) => m.code === 'pdf-page-turned')).toEqual([]);
    }, 120_000);

    for (const turning of PAGE_TURNINGS) {
      it(`${fixture.fixture} turned ${turning}: every cell as upright, the turn reported`, async () => {
        const target = path.join(dir, `${turning}-${fixture.fixture}`);
        await turnPdfPages(fixture.path, target, turning);
        const record = await extractFile(target);
        const wrong = Object.entries(fixture.cells).filter(([key, value]) => record.cells[key] !== value);
        expect(wrong).toEqual([]);
        expect(record.messages.find((m) => m.code === 'pdf-page-turned')?.message).toMatch(/read turned clockwise: page \d+ by (90|180|270)°/);
      }, 120_000);
    }
  }
});
