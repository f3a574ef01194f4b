import { ALL_CELLS } from '../templates/ids.js';
import { csvWriter } from './csv-writer.js';

/** cells.csv: the long (tidy) table, one row per cell of a recognised table, with where it was printed. */
export const cellsCsv = () =>
  csvWriter(
    'cells.csv',
    [
      'report_id', 'source', 'table', 'row', 'column', 'key', 'value', 'raw', 'row_label', 'column_label',
      'layout', 'page', 'bbox', 'origin', 'confidence', 'via', 'doubt',
    ],
    (r) =>
      ALL_CELLS.filter((c) => c.key in r.cells).map((c) => {
        const d = r.cell_details[c.key];
        return [
          r.report_id, r.source, c.table, c.row.id, c.column.id, c.key, r.cells[c.key], d?.raw,
          c.row.label, c.column.label, r.layout[c.table], d?.prov?.page,
          d?.prov?.bbox?.map((n) => Math.round(n * 100) / 100).join(' '), d?.prov?.origin, d?.prov?.confidence, d?.via, d?.doubt,
        ];
      }),
  );
