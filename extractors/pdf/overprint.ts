/**
 * Text drawn twice over itself. Word processors and browsers embolden a font that has no bold face by
 * drawing each run again a fraction of a point aside (and a text shadow is the same run once more), so
 * the text layer holds every bold run two or more times. Read as it stands, 总计 becomes 总总计计 and a
 * bold 1234 becomes 12341234: a confident wrong number. pdftotext drops such copies (poppler's
 * duplicate-glyph test); so does this, before any line or cell is built.
 *
 * A copy is a run with the same text and size as a run already kept, whose origin lies within a small
 * fraction of the font size of it: no two legible runs of a real page overlap that closely.
 */
import type { PositionedText } from './items.js';

/** How far a copy's origin may lie from the run it repeats, as a fraction of the font size: along the line (narrower
 * than any glyph's advance, so that a word of one-glyph runs never loses a letter), and across it. */
const NEAR_ALONG = 0.1;
const NEAR_ACROSS = 0.2;

export interface OverprintResult {
  items: PositionedText[];
  /** Runs dropped as copies of a run kept. */
  dropped: number;
}

export function withoutOverprints(items: PositionedText[]): OverprintResult {
  const kept: PositionedText[] = [];
  const byText = new Map<string, PositionedText[]>();
  let dropped = 0;
  for (const item of items) {
    const same = byText.get(item.text);
    if (same?.some((k) => isCopy(k, item))) {
      dropped += 1;
      continue;
    }
    kept.push(item);
    if (same) same.push(item);
    else byText.set(item.text, [item]);
  }
  return dropped ? { items: kept, dropped } : { items, dropped };
}

function isCopy(kept: PositionedText, item: PositionedText): boolean {
  if (kept.page !== item.page || kept.origin !== item.origin) return false;
  const size = Math.max(kept.height, item.height);
  if (Math.abs(kept.height - item.height) > 0.1 * size) return false;
  return Math.abs(kept.x - item.x) <= NEAR_ALONG * size && Math.abs(kept.y - item.y) <= NEAR_ACROSS * size;
}
