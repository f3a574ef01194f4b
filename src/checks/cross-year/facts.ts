/**
 * The few numbers a report contributes to year-to-year checks, small enough to keep for every report
 * of a run while the full records stay on disk.
 */
import type { ReportRecord } from '../../schemas/record.js';

export interface YearFacts {
  report_id: string;
  source: string;
  agency: string;
  /** The agency name normalised for grouping (see agency-key.ts). */
  agencyKey: string;
  year: number;
  cells: Record<string, number | null>;
  /** The doubt of each of those cells that was not read with certainty. */
  doubts: Record<string, string>;
}

/** Cells the year rules read: the carry-over rows and the proactive counts of documents in force. */
const YEAR_CELL = /^requests\.(carried_over|carried_forward)\.|^proactive\.(rules|normative_documents)\.(issued|repealed|in_force)$/;

export function yearFacts(record: ReportRecord, agencyKey: (name: string) => string): YearFacts | undefined {
  if (record.status === 'failed' || !record.agency || record.year === undefined) return undefined;
  const cells: Record<string, number | null> = {};
  const doubts: Record<string, string> = {};
  for (const [k, v] of Object.entries(record.cells)) {
    if (!YEAR_CELL.test(k)) continue;
    const doubt = record.cell_details[k]?.doubt;
    // A cell left blank for want of a reading is not a printed blank: the year rules skip it.
    if (v === null && doubt) continue;
    cells[k] = v;
    if (doubt) doubts[k] = doubt;
  }
  return { report_id: record.report_id, source: record.source, agency: record.agency, agencyKey: agencyKey(record.agency), year: record.year, cells, doubts };
}
