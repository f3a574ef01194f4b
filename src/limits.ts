/**
 * The limits live with the readers (extractors/limits.ts), the lowest floor of the house, so readers
 * and the run share one definition; this module keeps `import { DEFAULT_LIMITS } from 'src/limits'`
 * working for the code above them, and holds the one limit that is the run's alone.
 */
export * from '../extractors/limits.js';

const MiB = 1024 * 1024;

/**
 * Queue runs (src/queue): a document up to this many bytes travels inside its job, in Redis (as
 * base64, so ~4/3 of it in Redis memory until the run is removed); a larger one travels by path, and
 * every worker must then see the input folder at the same absolute path. Not part of DEFAULT_LIMITS:
 * how bytes reach a worker never changes a record, so it stays out of the settings hash.
 */
export const QUEUE_LIMITS = { maxJobDocumentBytes: 8 * MiB } as const;

/** Rows in one worksheet of Excel (and WPS) since Excel 2007, header included: a CSV longer than this is cut short when opened. */
export const EXCEL_MAX_ROWS = 1_048_576;
