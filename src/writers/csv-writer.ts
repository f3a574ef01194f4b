/**
 * CSV datasets: UTF-8 with a BOM so Excel and WPS detect the encoding, RFC 4180 quoting, CRLF.
 * A CSV writer declares its columns and how one record becomes rows; csv-stringify does the quoting.
 * Every CSV the project writes goes through csvLines, so every one is quoted and neutralised alike.
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from './formula.js';
import type { ReportRecord } from '../schemas/record.js';
import { FileSink } from './file-sink.js';
import type { Writer } from './writer.js';

export type CsvValue = string | number | null | undefined;

/**
 * csv-stringify quotes a field holding the record delimiter, but with CRLF rows that is only the pair:
 * a bare LF or CR (a file name, a crawled title) would go out unquoted and start a new physical row.
 */
const LINE_BREAK = /[\r\n]/;

/**
 * Rows as CSV text: RFC 4180 quoting (every field with a comma, quote, CR or LF), CRLF, blanks for
 * null and undefined; text a spreadsheet would run as a formula is neutralised, numbers stay numbers.
 */
export function csvLines(rows: CsvValue[][]): string {
  const cells = rows.map((row) => row.map((v) => (v === null || v === undefined ? '' : typeof v === 'string' ? neutraliseFormula(v) : v)));
  return stringify(cells, { record_delimiter: 'windows', quoted_match: LINE_BREAK });
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
