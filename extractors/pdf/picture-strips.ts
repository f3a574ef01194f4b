/**
 * Strips of table rows pasted as pictures of their own. A screenshot tool cuts a table at the page break,
 * so its last row or two can stand in a picture too short to pass for a table (under the 45 pt a table
 * picture must be, its cell borders under the 20 pt a ruling must be). Word then places that strip right
 * under the table's picture, or at the top of the next page. Such a short picture is read only as that
 * table's row: when it stands directly under or over a table picture on its page, or is the first thing
 * on its page and the page before ended with a table picture — and when its cell borders stand where
 * that table's columns are (checked on the bitmap by the caller, sameColumns). Pure geometry here.
 */
import type { PageContent } from './items.js';
import type { ImageBox } from './rulings.js';
import { MIN_TABLE_PICTURE } from './picture-boxes.js';

/** A table picture read on a page, and where its vertical rulings stand, as shares of its width. */
export interface TableFrame {
  page: number;
  box: ImageBox;
  columns: number[];
}

/** A strip must be at least this tall (points): one row of 10.5 pt text between its borders. */
export const MIN_STRIP_HEIGHT = 12;
/** Directly under or over: at most this far (points) from the table picture's edge. */
const MAX_STRIP_GAP = 6;
/** A strip's cell border stands where a column of the table is within this share of the picture's width. */
const COLUMN_TOLERANCE = 0.01;
/** A strip shows at least this many cell borders, every one of them on a column of the table. */
const MIN_STRIP_COLUMNS = 2;

/** Painted images as wide as a table but too short to be one: candidate strips, clipped to the page. */
export function stripBoxes(images: ImageBox[], page: { width: number; height: number }): ImageBox[] {
  const clipped = images.map((b) => ({ x0: Math.max(0, b.x0), y0: Math.max(0, b.y0), x1: Math.min(page.width, b.x1), y1: Math.min(page.height, b.y1) }));
  const inside = (a: ImageBox, b: ImageBox) => a !== b && a.x0 >= b.x0 - 1 && a.x1 <= b.x1 + 1 && a.y0 >= b.y0 - 1 && a.y1 <= b.y1 + 1;
  return clipped.filter(
    (box) =>
      box.x1 - box.x0 >= MIN_TABLE_PICTURE.width &&
      box.y1 - box.y0 >= MIN_STRIP_HEIGHT &&
      box.y1 - box.y0 < MIN_TABLE_PICTURE.height &&
      !clipped.some((other) => inside(box, other)),
  );
}

/** The frame of a table picture from the rulings its OCR put on the page (points), or none without two. */
export function frameOf(page: number, lines: PageContent['lines'], box: ImageBox): TableFrame | undefined {
  const width = box.x1 - box.x0;
  const columns = lines
    .filter((line) => line.x0 === line.x1 && line.x0 >= box.x0 - 1 && line.x0 <= box.x1 + 1 && Math.min(line.y0, line.y1) < box.y1 && Math.max(line.y0, line.y1) > box.y0)
    .map((line) => (line.x0 - box.x0) / width)
    .sort((a, b) => a - b);
  const distinct = columns.filter((share, i) => i === 0 || share - columns[i - 1] > COLUMN_TOLERANCE / 2);
  return distinct.length >= MIN_STRIP_COLUMNS ? { page, box, columns: distinct } : undefined;
}

/**
 * The frame of the table picture that ends the page (the lowest one, with nothing of the page printed
 * under it): a strip at the top of the next page may be its last row.
 */
export function bottomFrame(content: PageContent, frames: TableFrame[]): TableFrame | undefined {
  const lowest = [...frames].sort((a, b) => a.box.y0 - b.box.y0)[0];
  if (!lowest) return undefined;
  const under = content.items.some((item) => item.text.trim() && item.y + item.height / 2 < lowest.box.y0 - 1);
  return under ? undefined : lowest;
}

/**
 * The table picture a strip is a row of, by where it stands: directly under or over a table picture of
 * its page (nothing can be printed in a gap that narrow), or, when nothing of the page (text or picture)
 * stands above it, the table picture that ended the page before. Undefined: not a row of any table.
 */
export function stripNeighbour(strip: ImageBox, content: PageContent, images: ImageBox[], frames: TableFrame[], previous: TableFrame | undefined): TableFrame | undefined {
  const overlap = (a: ImageBox, b: ImageBox) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const beside = frames.filter((frame) => {
    if (overlap(frame.box, strip) < 0.5 * Math.min(frame.box.x1 - frame.box.x0, strip.x1 - strip.x0)) return false;
    const under = frame.box.y0 - strip.y1;
    const over = strip.y0 - frame.box.y1;
    return (under >= -1 && under <= MAX_STRIP_GAP) || (over >= -1 && over <= MAX_STRIP_GAP);
  });
  if (beside.length === 1) return beside[0];
  if (beside.length > 1 || !previous || previous.page !== content.page - 1) return undefined;
  const textAbove = content.items.some((item) => item.text.trim() && item.y + item.height / 2 > strip.y1 - 1);
  const pictureAbove = images.some((image) => image.y0 >= strip.y1 - 1 && overlap(image, strip) > 0);
  return textAbove || pictureAbove ? undefined : previous;
}

/**
 * Do the strip's cell borders (shares of its width) stand on the table's columns? Every border must, and
 * there must be at least two: a picture of other rulings (a form, a chart's frame) is not the table's row.
 */
export function sameColumns(borders: number[], frame: TableFrame): boolean {
  return borders.length >= MIN_STRIP_COLUMNS && borders.every((share) => frame.columns.some((column) => Math.abs(column - share) <= COLUMN_TOLERANCE));
}
