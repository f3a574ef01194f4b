/**
 * CSV datasets: UTF-8 with a BOM so Excel and WPS detect the encoding, RFC 4180 quoting, CRLF.
 * A CSV writer declares its columns and how one record becomes rows; csvLines does the quoting.
 * Every CSV the project writes goes through csvLines, so every one is quoted and neutralised alike.
 */
import { neutraliseFormula } from './formula.js';
import type { ReportRecord } from '../schemas/record.js';
import { FileSink } from './file-sink.js';
import type { Writer } from './writer.js';

export type CsvValue = string | number | null | undefined;

/** A field with any of these is quoted: the delimiter, the quote, and a CR or LF alone as well as the CRLF pair. */
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

/**
 * Rows as CSV text: RFC 4180 quoting (every field with a comma, quote, CR or LF), CRLF, blanks for
 * null and undefined; text a spreadsheet would run as a formula is neutralised, numbers stay numbers.
 * Written here rather than by a CSV library: it is the datasets' hottest loop, and this is all of it.
 */
export function csvLines(rows: CsvValue[][]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) out += i === 0 ? field(row[i]) : `,${field(row[i])}`;
    out += '\r\n';
  }
  return out;
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
