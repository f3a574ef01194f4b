/** Scoring an OCR read of a scanned fixture against its truth: right, wrong, and wrong without a flag. */
import type { ReportRecord } from '../../../src/schemas/record.js';

/** Below this OCR confidence (0..100) a cell counts as flagged for review. */
export const LOW_CONFIDENCE = 80;

export interface ScanScore {
  right: number;
  total: number;
  wrong: string[];
  /** Wrong cells with a number, a confident read and no failed identity naming them. */
  silentlyWrong: string[];
}

/**
 * A wrong cell is flagged when it claims no number (null: visibly missing), its OCR confidence is
 * low, or a failed identity (a finding above info) names it.
 */
export function scoreScan(truth: Record<string, number | null>, record: ReportRecord): ScanScore {
  const keys = Object.keys(truth);
  const wrong = keys.filter((k) => record.cells[k] !== truth[k]);
  const named = new Set(record.findings.filter((f) => f.severity !== 'info').flatMap((f) => f.cells));
  const silentlyWrong = wrong.filter((k) => {
    if (record.cells[k] === null || record.cells[k] === undefined) return false;
    const confidence = record.cell_details[k]?.prov?.confidence;
    return confidence !== undefined && confidence >= LOW_CONFIDENCE && !named.has(k);
  });
  return { right: keys.length - wrong.length, total: keys.length, wrong, silentlyWrong };
}
