/**
 * A number OCR read from a glyph far flatter than the document's other OCR-read numbers is a dash, a
 * rule or a speck, not a digit: '-' printed as a blank is read as 7 or 1 (two reads agreeing on it).
 * Digits of one document share a height; a box under half the usual one is not a reading to trust.
 */
import type { Message } from '../../../extractors/model.js';
import type { CellDetails, CellValues } from '../result.js';

const FLAT_SHARE = 0.5;
/** Too few OCR numbers say nothing about the document's digit height. */
const MIN_SAMPLE = 8;

const heightOf = (bbox: number[] | undefined): number | undefined => (bbox && bbox.length === 4 ? bbox[3] - bbox[1] : undefined);

export function doubtFlatOcrNumbers(cells: CellValues, details: CellDetails, messages: Message[]): void {
  const numbers = Object.keys(details).filter((k) => details[k]?.prov?.origin === 'ocr' && typeof cells[k] === 'number' && heightOf(details[k]?.prov?.bbox) !== undefined);
  if (numbers.length < MIN_SAMPLE) return;
  const heights = numbers.map((k) => heightOf(details[k]!.prov!.bbox)!).sort((a, b) => a - b);
  const usual = heights[Math.floor(heights.length / 2)];
  const flat = numbers.filter((k) => !details[k]?.doubt && heightOf(details[k]!.prov!.bbox)! < usual * FLAT_SHARE);
  for (const k of flat) details[k] = { ...details[k]!, doubt: 'ocr-low-confidence' };
  if (flat.length) {
    messages.push({ code: 'ocr-flat-glyph', message: `${flat.length} numbers read by OCR from glyphs under half the height of the document's other digits (a dash or a rule read as a digit?): in doubt (${flat.slice(0, 3).join(', ')}${flat.length > 3 ? ', …' : ''})` });
  }
}
