import { ALL_CELLS } from '../templates/ids.js';
import { csvWriter } from './csv-writer.js';

/** wide.csv: one row per report, one column per cell key in template order (blank when not printed). */
export const wideCsv = () =>
  csvWriter(
    'wide.csv',
    ['report_id', 'source', 'agency', 'year', ...ALL_CELLS.map((c) => c.key)],
    (r) => [[r.report_id, r.source, r.agency, r.year, ...ALL_CELLS.map((c) => r.cells[c.key])]],
  );
