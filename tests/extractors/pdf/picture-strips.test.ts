/**
 * Which short pictures are a table's row pasted alone (extractors/pdf/picture-strips.ts): geometry only.
 * The numbers are those of a pdf-img variant (Pingtan 2023): table 三 pasted as one picture per page, its
 * last row (四、结转下年度继续办理) a 450×34 pt strip at the top of the page after the one the table fills.
 */
import { describe, expect, it } from 'vitest';
import type { PageContent, PositionedText } from '../../../extractors/pdf/items.js';
import { bottomFrame, frameOf, sameColumns, stripBoxes, stripNeighbour, type TableFrame } from '../../../extractors/pdf/picture-strips.js';

const page = { width: 612, height: 792 };
const text = (y: number, words = '四、政府信息公开行政复议、行政诉讼情况'): PositionedText => ({ text: words, page: 3, x: 90, y, width: 300, height: 10, origin: 'text' });
const content = (n: number, items: PositionedText[], lines: PageContent['lines'] = []): PageContent => ({ page: n, ...page, items, lines });
/** Vertical rulings at these shares of a picture's width, as OCR puts them on the page. */
const rulingsAt = (n: number, box: { x0: number; y0: number; x1: number; y1: number }, shares: number[]): PageContent['lines'] =>
  shares.map((s) => ({ page: n, x0: box.x0 + s * (box.x1 - box.x0), x1: box.x0 + s * (box.x1 - box.x0), y0: box.y0 + 2, y1: box.y1 - 2 }));

const tableBox = { x0: 81, y0: 75, x1: 515.3, y1: 720 };
const columns = [0.017, 0.2, 0.37, 0.464, 0.537, 0.63, 0.692, 0.766, 0.868, 0.922, 0.982];
const previous: TableFrame = { page: 2, box: tableBox, columns };
const strip = { x0: 81, y0: 686.3, x1: 531, y1: 720 };

describe('short pictures beside a table picture', () => {
  it('takes images as wide as a table and 12–45 pt tall as strips; logos, rules and table pictures are not', () => {
    const boxes = stripBoxes([strip, { x0: 81, y0: 570, x1: 531, y1: 671.2 }, { x0: 300, y0: 100, x1: 360, y1: 130 }, { x0: 81, y0: 50, x1: 531, y1: 55 }], page);
    expect(boxes).toEqual([strip]);
  });

  it('the frame of a table picture: its vertical rulings as shares of its width', () => {
    const frame = frameOf(2, rulingsAt(2, tableBox, [0.5, 0.25, 0.25]), tableBox);
    expect(frame?.columns.map((c) => Math.round(c * 100))).toEqual([25, 50]);
    expect(frameOf(2, rulingsAt(2, tableBox, [0.5]), tableBox)).toBeUndefined();
  });

  it('a table picture that ends its page is the frame the next page may continue; not with text under it', () => {
    const frame = { page: 2, box: tableBox, columns };
    expect(bottomFrame(content(2, []), [frame])).toBe(frame);
    expect(bottomFrame(content(2, [text(40, '— 2 —')]), [frame])).toBeUndefined();
  });

  it('a strip at the top of its page continues the table picture that ended the page before', () => {
    const page3 = content(3, [text(660), text(600)]);
    expect(stripNeighbour(strip, page3, [strip], [], previous)).toBe(previous);
    // Not with text above it, nor when the page before ended otherwise or is not the page before.
    expect(stripNeighbour(strip, content(3, [text(730, '（续表）')]), [strip], [], previous)).toBeUndefined();
    expect(stripNeighbour(strip, page3, [strip], [], undefined)).toBeUndefined();
    expect(stripNeighbour(strip, page3, [strip], [], { ...previous, page: 1 })).toBeUndefined();
    expect(stripNeighbour(strip, page3, [strip, { x0: 81, y0: 725, x1: 200, y1: 760 }], [], previous)).toBeUndefined();
  });

  it('a strip directly under or over a table picture of its page is its row; one further off is not', () => {
    const table = { page: 3, box: { x0: 81, y0: 400, x1: 531, y1: 700 }, columns };
    const under = { x0: 81, y0: 366, x1: 531, y1: 400 };
    const over = { x0: 81, y0: 700.5, x1: 531, y1: 734 };
    expect(stripNeighbour(under, content(3, []), [], [table], undefined)).toBe(table);
    expect(stripNeighbour(over, content(3, []), [], [table], undefined)).toBe(table);
    expect(stripNeighbour({ ...under, y0: 346, y1: 380 }, content(3, []), [], [table], undefined)).toBeUndefined();
  });

  it('the strip\'s cell borders must all stand on the table\'s columns, at least two of them', () => {
    expect(sameColumns([0.017, 0.464, 0.63, 0.982], previous)).toBe(true);
    expect(sameColumns([0.017, 0.5, 0.982], previous)).toBe(false);
    expect(sameColumns([0.017], previous)).toBe(false);
  });
});
