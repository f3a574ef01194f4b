import { csvWriter } from './csv-writer.js';
import { checkedCellLocation } from './cell-location.js';

/** findings.csv: one row per failed reconciliation, naming the cells, expected and actual, and where the checked cell is printed. */
export const findingsCsv = () =>
  csvWriter(
    'findings.csv',
    ['report_id', 'source', 'rule', 'severity', 'cells', 'expected', 'actual', 'message', 'basis', 'where', 'left', 'right', 'agency', 'year', 'checked_cell', 'page', 'bbox'],
    (r) =>
      r.findings.map((f) => {
        const at = checkedCellLocation(r, f);
        return [
          r.report_id, r.source, f.rule, f.severity, f.cells.join(' '), f.expected, f.actual, f.message, f.basis, f.where, f.left, f.right,
          r.agency, r.year, at.cell, at.page, at.bbox,
        ];
      }),
  );
