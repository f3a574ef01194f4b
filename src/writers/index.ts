/** Output datasets of `nianbao extract`. A new dataset is one new file plus one line here. */
import type { WriterFactory } from './writer.js';
import { reportsNdjson } from './reports-ndjson.js';
import { reportsCsv } from './reports-csv.js';
import { cellsCsv } from './cells-csv.js';
import { wideCsv } from './wide-csv.js';
import { findingsCsv } from './findings-csv.js';
import { legacyStatsCsv } from './legacy-stats-csv.js';
import { sqliteDataset } from './sqlite.js';
import { parquetDataset } from './parquet.js';

export const WRITERS: WriterFactory[] = [reportsNdjson, reportsCsv, cellsCsv, wideCsv, findingsCsv, legacyStatsCsv, sqliteDataset, parquetDataset];

export type { Writer, WriterFactory } from './writer.js';
