/**
 * Where a finding's checked cell sits in the source, for findings.csv: the cell whose printed value is
 * the finding's `actual` (the declared total of an identity: the last of its cells). PDF cells carry
 * their page and box; other formats carry no position yet, so their location is blank.
 */
import type { Finding, ReportRecord } from '../schemas/record.js';

export interface CellLocation {
  /** The checked cell's key. */
  cell: string;
  page?: number;
  /** x0 y0 x1 y1 in PDF points, origin bottom left. */
  bbox?: string;
}

export function checkedCellLocation(record: Pick<ReportRecord, 'cell_details'>, finding: Pick<Finding, 'cells'>): CellLocation {
  const cell = finding.cells[finding.cells.length - 1] ?? '';
  const prov = record.cell_details[cell]?.prov;
  return { cell, page: prov?.page, bbox: prov?.bbox?.map((n) => Math.round(n * 10) / 10).join(' ') };
}
