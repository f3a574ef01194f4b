import { csvWriter } from './csv-writer.js';

/** legacy_stats.csv: the pre-2019 《政府信息公开情况统计表》 rows as generic (indicator, unit, value), with the
 * doubt of the row's reading (blank when certain). */
export const legacyStatsCsv = () =>
  csvWriter(
    'legacy_stats.csv',
    ['report_id', 'source', 'agency', 'year', 'row', 'indicator', 'unit', 'value', 'cumulative', 'doubt'],
    (r) =>
      r.legacy_stats.map((s, i) => [
        r.report_id, r.source, r.agency, r.year, i + 1, s.indicator, s.unit, s.value,
        r.legacy_stats_cumulative?.[i]?.value, s.doubt ?? r.legacy_stats_cumulative?.[i]?.doubt,
      ]),
  );
