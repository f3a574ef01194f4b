import { csvWriter } from './csv-writer.js';

/** findings.csv: one row per failed reconciliation, naming the cells, expected and actual. */
export const findingsCsv = () =>
  csvWriter(
    'findings.csv',
    ['report_id', 'source', 'rule', 'severity', 'cells', 'expected', 'actual', 'message', 'basis', 'where', 'left', 'right', 'agency', 'year'],
    (r) =>
      r.findings.map((f) => [
        r.report_id, r.source, f.rule, f.severity, f.cells.join(' '), f.expected, f.actual, f.message, f.basis, f.where, f.left, f.right,
        r.agency, r.year,
      ]),
  );
