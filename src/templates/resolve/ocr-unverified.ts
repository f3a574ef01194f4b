/**
 * A cell no identity checks (table 二 has none) is as good as its OCR reading. When the identities have
 * shown that the same document's OCR misread other cells (a reading that breaks an identity, or one
 * the identities had to correct), a confident reading elsewhere in it is no longer evidence enough:
 * the OCR cells no identity covers lose their certainty (a 65 read as 63 beside a 75 read as 73).
 * Only misreadings of confident readings count: a reading below the floor was in doubt already.
 */
import type { Message } from '../../../extractors/model.js';
import { OCR_CONFIDENCE_FLOOR } from '../doubt.js';
import type { Identity } from '../identities.js';
import type { CellDetails, CellValues } from '../result.js';

const PROVEN_MISREAD = new Set(['ocr-identity-conflict', 'identity-resolved']);

/**
 * A cell no identity checks has nothing but its reading behind it: OCR's agreeing reads are not enough
 * (two reads that agree on a misread glyph — 55 as 59, 2629 as 2029 — are given 90 by the cell pass),
 * tesseract's own confidence must be high as well.
 */
export const OCR_UNCHECKED_FLOOR = 95;

export function doubtUncheckedOcr(cells: CellValues, details: CellDetails, identities: Identity[], messages: Message[]): void {
  const ocr = (k: string) => details[k]?.prov?.origin === 'ocr';
  // Nothing read by OCR (every born-digital document): nothing to doubt, and no index of the identities to build.
  if (!Object.keys(details).some(ocr)) return;
  const checked = new Set(identities.flatMap((id) => [...id.parts, ...id.totals]));
  const weak = Object.keys(details).filter((k) => ocr(k) && !checked.has(k) && cells[k] !== null && !details[k]?.doubt && (details[k]?.prov?.confidence ?? 100) < OCR_UNCHECKED_FLOOR);
  for (const k of weak) details[k] = { ...details[k], doubt: 'ocr-unverified' };
  if (weak.length) {
    messages.push({
      code: 'ocr-unverified',
      message: `${weak.length} cells read by OCR that no identity checks are in doubt: read below confidence ${OCR_UNCHECKED_FLOOR} (${weak.slice(0, 3).join(', ')}${weak.length > 3 ? ', …' : ''})`,
    });
  }
  // Only a reading OCR was confident of and the identities proved wrong says that confidence is not
  // enough in this document: a reading already below the floor that they corrected (71 read as 7 with
  // confidence 34) is the doubt doing its job.
  const confident = (k: string) => (details[k]?.prov?.confidence ?? 100) >= OCR_CONFIDENCE_FLOOR;
  // A blank the identities needed to be 0 and kept as read (identity-resolved, 'a blank as read') shows what
  // they required: nothing was misread, however sure OCR was of the empty cell.
  const blankAsRead = (k: string) => details[k]?.doubt === 'identity-resolved' && cells[k] === null && !details[k]?.raw.trim();
  const misread = Object.keys(details).filter((k) => ocr(k) && confident(k) && PROVEN_MISREAD.has(details[k]?.doubt ?? '') && !blankAsRead(k));
  if (!misread.length) return;
  const unchecked = Object.keys(details).filter((k) => ocr(k) && !checked.has(k) && cells[k] !== null && !details[k]?.doubt);
  for (const k of unchecked) details[k] = { ...details[k], doubt: 'ocr-unverified' };
  if (unchecked.length) {
    messages.push({
      code: 'ocr-unverified',
      message: `${unchecked.length} cells read by OCR that no identity checks are in doubt: the identities found OCR misreadings elsewhere in this document (${misread.slice(0, 3).join(', ')}${misread.length > 3 ? ', …' : ''})`,
    });
  }
}
