import { ReportRecord } from '../schemas/record.js';
import { checked } from '../../extractors/validate.js';
import { FileSink } from './file-sink.js';
import type { Writer } from './writer.js';

/**
 * reports.ndjson: the whole record, one JSON object per line. The pipeline already validated it against
 * the schema (pipeline.ts); the second check here runs only under tests or NIANBAO_VALIDATE=1.
 */
export function reportsNdjson(): Writer {
  const sink = new FileSink();
  return {
    file: 'reports.ndjson',
    open: (dir) => sink.open(dir, 'reports.ndjson'),
    write: (record) => sink.write(JSON.stringify(checked(ReportRecord, record)) + '\n'),
    close: () => sink.close(),
    abort: () => sink.abort(),
  };
}
