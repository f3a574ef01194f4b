/**
 * Cells read with a doubt of their own (an OCR reading below the floor, a garbled reading, a blank a
 * scan may have lost), checked against the identities once every table is read. An identity in which
 * such a cell is the only uncertain one says what the cell must hold. When the reading already holds
 * that value, the identity confirms it; when two independent identities agree on another value, that
 * value is taken (marked identity-resolved). One identity alone never overrules a reading: the report
 * may itself break it.
 */
import type { Message } from '../../../extractors/model.js';
import { identityHolds, type Identity } from '../identities.js';
import type { CellDetails, CellValues } from '../result.js';

/**
 * Doubts a single reading carries, which the identities may settle: OCR readings, including a glyph
 * OCR garbled into text, and a number joined from the two lines a narrow cell wrapped it over. Text
 * the report itself printed (不适用, 见附件) stays text.
 */
const OCR_DOUBTS = new Set(['ocr-low-confidence', 'ocr-blank', 'ocr-identity-conflict', 'row-by-order', 'wrapped-value']);
function settleable(detail: CellDetails[string] | undefined): boolean {
  if (!detail?.doubt) return false;
  return OCR_DOUBTS.has(detail.doubt) || (detail.doubt === 'unreadable' && detail.prov?.origin === 'ocr');
}

export function confirmByIdentities(cells: CellValues, details: CellDetails, identities: Identity[], messages: Message[]): void {
  const doubtful = (k: string) => !(k in cells) || !!details[k]?.doubt;
  markOcrConflicts(cells, details, identities, messages);
  for (let changed = true; changed; ) {
    changed = false;
    const implied = new Map<string, number[]>();
    for (const id of identities) {
      const keys = [...id.parts, ...id.totals];
      const open = keys.filter(doubtful);
      if (open.length !== 1 || !settleable(details[open[0]])) continue;
      const [key] = open;
      const sum = (ks: string[]) => ks.filter((k) => k !== key).reduce((s, k) => s + (cells[k] ?? 0), 0);
      const value = id.parts.includes(key) ? sum(id.totals) - sum(id.parts) : sum(id.parts) - sum(id.totals);
      implied.set(key, [...(implied.get(key) ?? []), Math.round(value * 1e6) / 1e6]);
    }
    for (const [key, values] of implied) {
      const detail = details[key];
      const read = cells[key] ?? 0;
      if (values.some((v) => v === read)) {
        // The reading is what the identity requires: confirmed. A blank a scan may have lost stays in
        // doubt even so: 0 fits the sum, but whether '0' or nothing was printed is not known.
        if (detail.doubt === 'ocr-blank') continue;
        details[key] = { ...detail, doubt: null, via: 'identity-confirmed' };
        changed = true;
      } else if (values.length >= 2 && values.every((v) => v === values[0]) && Number.isInteger(values[0]) && values[0] >= 0) {
        messages.push({ code: 'identity-resolved', message: `${key}: read '${detail.raw}' (${detail.doubt}); ${values.length} identities require ${values[0]}, taken` });
        cells[key] = values[0];
        details[key] = { ...detail, doubt: 'identity-resolved' };
        changed = true;
      }
    }
  }
}

/**
 * An identity that fails on cells a scan was read into may fail because of the OCR, not the report:
 * its OCR cells lose their certainty (ocr-identity-conflict), so the finding is on basis doubtful —
 * and the cells the other identities confirm get it back below.
 */
function markOcrConflicts(cells: CellValues, details: CellDetails, identities: Identity[], messages: Message[]): void {
  const marked = new Set<string>();
  // Evaluated with what was read, a blank the scan may have lost as 0; a cell not read at all leaves it open.
  const read = (k: string) => (!(k in cells) || (cells[k] === null && !!details[k]?.doubt && details[k]?.doubt !== 'ocr-blank') ? undefined : cells[k]);
  for (const id of identities) {
    const ocr = [...id.parts, ...id.totals].filter((k) => details[k]?.prov?.origin === 'ocr' && cells[k] !== null && !details[k]?.doubt);
    if (!ocr.length || identityHolds(id, read) !== false) continue;
    for (const k of ocr) marked.add(k);
  }
  for (const k of marked) details[k] = { ...details[k], doubt: 'ocr-identity-conflict' };
  if (marked.size) messages.push({ code: 'ocr-identity-conflict', message: `${marked.size} cells read by OCR take part in identities that do not hold; in doubt unless another identity confirms them` });
}
