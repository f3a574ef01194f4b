/** Output datasets of `nianbao extract`. A new dataset is one new file plus one line here. */
import type { WriterFactory } from './writer.js';
import { reportsNdjson } from './reports-ndjson.js';
import { reportsCsv } from './reports-csv.js';
import { cellsCsv } from './cells-csv.js';
import { wideCsv } from './wide-csv.js';
import { findingsCsv } from './findings-csv.js';
import { legacyStatsCsv } from './legacy-stats-csv.js';

export const WRITERS: WriterFactory[] = [reportsNdjson, reportsCsv, cellsCsv, wideCsv, findingsCsv, legacyStatsCsv];

export type { Writer, WriterFactory } from './writer.js';
