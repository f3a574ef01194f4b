/**
 * CSV datasets: UTF-8 with a BOM so Excel and WPS detect the encoding, RFC 4180 quoting, CRLF.
 * A CSV writer declares its columns and how one record becomes rows; csv-stringify does the quoting.
 */
import { stringify } from 'csv-stringify/sync';
import type { ReportRecord } from '../schemas/record.js';
import { FileSink } from './file-sink.js';
import type { Writer } from './writer.js';

export type CsvValue = string | number | null | undefined;

export function csvWriter(file: string, columns: string[], rowsOf: (record: ReportRecord) => CsvValue[][]): Writer {
  const sink = new FileSink();
  const line = (row: CsvValue[]) =>
    stringify([row.map((v) => (v === null || v === undefined ? '' : v))], { record_delimiter: 'windows'});
  return {
    file,
    async open(dir) {
      await sink.open(dir, file);
      await sink.write('\ufeff' + line(columns));
    },
    async write(record) {
      const rows = rowsOf(record);
      if (rows.length) await sink.write(rows.map(line).join(''));
    },
    close: () => sink.close(),
    abort: () => sink.abort(),
  };
}
