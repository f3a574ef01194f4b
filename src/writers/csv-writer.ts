/**
 * CSV datasets: UTF-8 with a BOM so Excel and WPS detect the encoding, RFC 4180 quoting, CRLF.
 * A CSV writer declares its columns and how one record becomes rows; csv-stringify does the quoting.
 */
import { stringify } from 'csv-stringify/sync';
import type { ReportRecord } from '../schemas/record.js';
import { FileSink } from './file-sink.js';
import type { Writer } from './writer.js';

export type CsvValue = string | number | null | undefined;

/** Rows as CSV text: RFC 4180 quoting, CRLF, blanks for null and undefined. */
export function csvLines(rows: CsvValue[][]): string {
  return stringify(rows.map((row) => row.map((v) => (v === null || v === undefined ? '' : v))), { record_delimiter: 'windows' });
}

/** The byte-order mark Excel and WPS need to read UTF-8. */
export const BOM = '\ufeff';

export function csvWriter(file: string, columns: string[], rowsOf: (record: ReportRecord) => CsvValue[][]): Writer {
  const sink = new FileSink();
  let written = 0;
  return {
    file,
    columns,
    rows: () => written,
    async open(dir) {
      await sink.open(dir, file);
      await sink.write(BOM + csvLines([columns]));
    },
    async write(record) {
      const rows = rowsOf(record);
      written += rows.length;
      if (rows.length) await sink.write(csvLines(rows));
    },
    close: () => sink.close(),
    abort: () => sink.abort(),
  };
}
