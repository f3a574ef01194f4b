/**
 * Ruled cells that print a blank, told from the picture itself. OCR finding no text in a cell, or a
 * lone dash it is unsure of, leaves two stories open — the report printed a blank there, or the scan
 * lost a value (a faint digit, a lone 0 tesseract dropped) — and the cell stays in doubt. The ink says
 * which: a cell with nothing clearly darker than the paper inside its rulings, or with only one flat
 * stroke (a dash: no digit is that flat), printed a blank. Reports that leave cells empty or dashed for
 * "none" (many do) are then checked on what they print, not skipped as if the scan had failed.
 */
import type { PixelCell } from './cells.js';
import { glyphBox } from './glyphs.js';
import type { GrayImage } from './pgm.js';
import { inkThreshold } from './rulings.js';

/**
 * How far inside its rulings a cell is looked at, in points: an erased ruling leaves grey fringes along
 * the edge, and no printed value touches its borders.
 */
const EDGE_POINTS = 2.5;
/** A blob this size either way (points) is a mark: a dot of a decimal point is smaller, dust and fringes too. */
const MARK_POINTS = 1.2;
/** Cells this small (points) are not value cells: gaps between double rulings, slivers of a skewed grid. */
const MIN_CELL_POINTS = 8;
/**
 * A dash is a stroke at most this tall (points; a stroke of ~1 pt, levelled to within a fraction of a
 * degree) and at least twice as wide: digits of table print are 5 pt tall and more, none is flat.
 */
const DASH_HEIGHT_POINTS = 2.2;

export function printedBlankCells(image: GrayImage, cells: PixelCell[], dpi: number): PixelCell[] {
  const px = (points: number) => Math.max(1, Math.round((points * dpi) / 72));
  // Anything clearly darker than the paper, as the ruling finder sees ink: a faint grey digit counts.
  const threshold = inkThreshold(image);
  return cells.filter((cell) => {
    if (cell.right - cell.left < px(MIN_CELL_POINTS) || cell.bottom - cell.top < px(MIN_CELL_POINTS)) return false;
    const inside = { left: cell.left + px(EDGE_POINTS), top: cell.top + px(EDGE_POINTS), right: cell.right - px(EDGE_POINTS), bottom: cell.bottom - px(EDGE_POINTS) };
    const ink = glyphBox(image, inside, threshold, px(MARK_POINTS));
    if (!ink) return true;
    const height = ink.bottom - ink.top + 1;
    return height <= px(DASH_HEIGHT_POINTS) && ink.right - ink.left + 1 >= 2 * height;
  });
}
