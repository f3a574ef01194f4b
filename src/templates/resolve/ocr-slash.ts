/**
 * A report that prints its blanks as '/' puts the slash in many cells, and OCR now and then reads the
 * slash as 7 — in two reads that agree, so at full confidence, and in a row of slashes whose total is a
 * misread slash too (7 = 7), so that its own total "holds". In such a document a 7 OCR read alone in its
 * cell is not a reading to trust by itself: it is in doubt until an identity over cells read with
 * certainty confirms it (confirm.ts).
 */
import type { Message } from '../../../extractors/model.js';
import type { CellDetails, CellValues } from '../result.js';

/** Slashes OCR must have read as blanks for the document to count as one that prints them. */
const MIN_SLASHES = 3;

export function doubtSlashLikeSevens(cells: CellValues, details: CellDetails, messages: Message[]): void {
  const ocr = Object.keys(details).filter((k) => details[k]?.prov?.origin === 'ocr');
  const slashes = ocr.filter((k) => cells[k] === null && /^[/／]$/.test(details[k]!.raw.trim())).length;
  if (slashes < MIN_SLASHES) return;
  const sevens = ocr.filter((k) => cells[k] === 7 && details[k]!.raw.trim() === '7' && !details[k]!.doubt);
  for (const k of sevens) details[k] = { ...details[k]!, doubt: 'ocr-low-confidence' };
  if (sevens.length) {
    messages.push({ code: 'ocr-slash-seven', message: `${sevens.length} cells read by OCR as 7 in a report that prints its blanks as '/' (${slashes} read so), which OCR can read as 7: in doubt until an identity confirms them (${sevens.slice(0, 3).join(', ')}${sevens.length > 3 ? ', …' : ''})` });
  }
}
