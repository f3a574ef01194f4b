/**
 * One document from bytes to a checked record: read → structure → map templates → check.
 * Never throws for a bad document: every input yields a record (failed, with the reason).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { detectReader } from '../extractors/detect.js';
import { UnreadableDocumentError, type DocumentModel } from '../extractors/model.js';
import { withTablePositions } from '../extractors/positions.js';
import { unifyDocumentIdeographs } from '../extractors/ideographs.js';
import { analyseStructure } from './structure/index.js';
import { mapTemplates } from './templates/map.js';
import { runChecks } from './checks/index.js';
import { ReportRecord, validRecord, type Status } from './schemas/record.js';
import { TABLE_IDS } from './templates/ids.js';
import type { Limits } from './limits.js';
import type { FailureCode } from './schemas/failure-codes.js';
import { withoutCredentials } from './util/url-credentials.js';
import { displayPath, pathBytes, type FilePath } from './sources/file-path.js';
import type { KnownFacts } from './sources/inputs.js';
import { timeStage, timeStageAsync } from './run/stages.js';

export interface ExtractOptions {
  /** Facts known from outside the file (a crawl manifest): source URL, publisher, publication date. */
  known?: KnownFacts;
  /** The run's resolved limits, handed to the reader (default: DEFAULT_LIMITS). */
  limits?: Limits;
}

/**
 * `read` is how the bytes are fetched (worker processes read synchronously). A path that is not valid
 * UTF-8 is a Buffer; the record shows it escaped.
 */
export async function extractFile(path: FilePath, options: ExtractOptions = {}, read: (path: FilePath) => Buffer | Promise<Buffer> = readFile): Promise<ReportRecord> {
  const source = displayPath(path);
  let bytes: Buffer;
  try {
    bytes = await timeStageAsync('read', async () => read(path));
  } catch (err) {
    return unreadableRecord(path, `cannot read file: ${(err as Error).message}`);
  }
  return extractBytes(bytes, source, options, typeof path === 'string' ? path : undefined);
}

/**
 * No bytes were read, so there is no content hash: the id comes from the path's bytes, so that two
 * unreadable files never share a report_id (nor share one with an empty file), and sha256 stays empty.
 */
export function unreadableRecord(path: FilePath, error: string, source = displayPath(path), code: FailureCode = 'cannot-read'): ReportRecord {
  return { ...failedRecord(source, Buffer.alloc(0), 'unknown', error, code), report_id: unreadableHash(path).slice(0, 16), sha256: '' };
}

/** The stand-in for a content hash when no byte could be read: distinct per path, never the hash of nothing. */
export function unreadableHash(path: FilePath): string {
  return createHash('sha256').update('unreadable:').update(pathBytes(path)).digest('hex');
}

/** `localPath`: the file the bytes came from, where a reader finds what the document refers to (a saved page's images). */
export async function extractBytes(bytes: Buffer, source: string, options: ExtractOptions = {}, localPath?: string): Promise<ReportRecord> {
  if (bytes.length === 0) return failedRecord(source, bytes, 'unknown', 'empty file', 'empty-file');
  const reader = timeStage('read', () => detectReader(bytes, source));
  if (!reader) return failedRecord(source, bytes, 'unknown', 'not a report: format not recognised (expected HTML, DOCX, PDF, a workbook or text)', 'not-a-report');
  let doc: DocumentModel;
  try {
    doc = await timeStageAsync('read', () => reader.read(bytes, { name: source, limits: options.limits, localPath, linkedPictures: linkedPictures(options.known) }));
  } catch (err) {
    if (err instanceof UnreadableDocumentError) return failedRecord(source, bytes, reader.format, `${err.code}: ${err.message}`, err.code);
    return failedRecord(source, bytes, reader.format, (err as Error).message, 'crash');
  }
  return recordFromDocument(doc, source, bytes, options);
}

/** A crawled page's stored pictures, with the URL its <img src> are relative to. */
function linkedPictures(known: ExtractOptions['known']): { baseUrl: string; files: Record<string, string> } | undefined {
  return known?.pictures && known.sourceUrl ? { baseUrl: known.sourceUrl, files: known.pictures } : undefined;
}

export function recordFromDocument(read: DocumentModel, source: string, bytes: Buffer, options: ExtractOptions = {}): ReportRecord {
  const doc = unifyDocumentIdeographs(read);
  const mapped = timeStage('map', () => mapTemplates(withTablePositions(doc)));
  const found = TABLE_IDS.filter((t) => mapped.layout[t] !== 'none').length;
  const structure = timeStage('structure', () => analyseStructure(doc, { templateTables: found > 0 }));
  const hasText = doc.blocks.some((b) => b.kind !== 'table' && b.text.trim().length > 0) || doc.blocks.some((b) => b.kind === 'table');
  let status: Status = found === TABLE_IDS.length ? 'ok' : 'partial';
  let error: string | undefined;
  let errorCode: FailureCode | undefined;
  if (!hasText) {
    status = 'failed';
    error = 'no text: the document is empty or image-only';
    errorCode = 'no-text';
  } else if (found === 0 && !looksLikeReport(doc, structure.sections.length)) {
    status = 'failed';
    error = 'not a report: no template table and no 政府信息公开 report wording found';
    errorCode = 'not-a-report';
  }
  const sha256 = sha(bytes);
  const record: ReportRecord = {
    report_id: sha256.slice(0, 16),
    source,
    sha256,
    format: doc.format,
    status,
    error,
    error_code: errorCode,
    title: structure.title,
    agency: structure.agency,
    year: structure.year,
    published: structure.published ?? options.known?.published,
    publisher: structure.publisher ?? options.known?.publisher,
    source_url: withoutCredentials(options.known?.sourceUrl ?? doc.meta.sourceUrl),
    parent_url: withoutCredentials(options.known?.parentUrl),
    layout: mapped.layout,
    cells: mapped.cells,
    cell_details: mapped.details,
    findings: [],
    sections: structure.sections,
    prose: structure.prose,
    legacy_stats: structure.legacyStats,
    legacy_stats_cumulative: structure.legacyStatsCumulative,
    messages: [...doc.messages, ...structure.messages, ...mapped.messages],
  };
  return timeStage('check', () => {
    const checked = runChecks(record);
    record.findings = checked.findings;
    record.messages.push(...checked.messages);
    return validRecord(record);
  });
}

function looksLikeReport(doc: DocumentModel, sectionCount: number): boolean {
  const text = doc.blocks.map((b) => (b.kind === 'table' ? '' : b.text)).join('\n');
  return /政府信息公开/.test(text) && (/年度报告|年报|工作报告/.test(text) || sectionCount >= 3);
}

function sha(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function failedRecord(source: string, bytes: Buffer, format: string, error: string, code: FailureCode): ReportRecord {
  const sha256 = sha(bytes);
  return ReportRecord.parse({
    report_id: sha256.slice(0, 16),
    source,
    sha256,
    format,
    status: 'failed',
    error,
    error_code: code,
    layout: { proactive: 'none', requests: 'none', appeals: 'none' },
    cells: {},
    findings: [],
    sections: [],
    prose: {},
    legacy_stats: [],
    messages: [],
  });
}
