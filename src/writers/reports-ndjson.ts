import { ReportRecord } from '../schemas/record.js';
import { FileSink } from './file-sink.js';
import type { Writer } from './writer.js';

/** reports.ndjson: the whole record, one JSON object per line, validated against the schema. */
export function reportsNdjson(): Writer {
  const sink = new FileSink();
  return {
    file: 'reports.ndjson',
    open: (dir) => sink.open(dir, 'reports.ndjson'),
    write: (record) => sink.write(JSON.stringify(ReportRecord.parse(record)) + '\n'),
    close: () => sink.close(),
    abort: () => sink.abort(),
  };
}
