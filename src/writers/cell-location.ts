/**
 * Where a finding's checked cell sits in the source, for findings.csv: the cell whose printed value is
 * the finding's `actual` (the declared total of an identity: the last of its cells). PDF cells carry
 * their page and box; every format's table cells carry the table, row and column they stood in as read
 * (extractors/positions.ts), so `location` says where to look in an HTML, DOCX or text report too.
 */
import type { Finding, ReportRecord } from '../schemas/record.js';

export interface CellLocation {
  /** The checked cell's key. */
  cell: string;
  page?: number;
  /** x0 y0 x1 y1 in PDF points, origin bottom left. */
  bbox?: string;
  /**
   * For a person: `page 3`, `table 2 row 5 col 3`, or both, comma-separated; numbers count from 1
   * (tables in the order the document prints them, rows and columns of the table's grid as read, merged
   * cells expanded). Blank when the reader kept no position.
   */
  location?: string;
}

export function checkedCellLocation(record: Pick<ReportRecord, 'cell_details'>, finding: Pick<Finding, 'cells'>): CellLocation {
  const cell = finding.cells[finding.cells.length - 1] ?? '';
  const prov = record.cell_details[cell]?.prov;
  const parts: string[] = [];
  if (prov?.page !== undefined) parts.push(`page ${prov.page}`);
  if (prov?.table !== undefined && prov.row !== undefined && prov.col !== undefined) parts.push(`table ${prov.table + 1} row ${prov.row + 1} col ${prov.col + 1}`);
  return {
    cell,
    page: prov?.page,
    bbox: prov?.bbox?.map((n) => Math.round(n * 10) / 10).join(' '),
    location: parts.length ? parts.join(', ') : undefined,
  };
}
