/**
 * The run journal: <out>/.nianbao/journal.ndjson, one line per finished document, appended in
 * batches (every JOURNAL_FLUSH_MS or JOURNAL_FLUSH_BYTES, whole lines only), so a run killed at any
 * moment (kill -9 included) loses at most the last fraction of a second of work and a torn last line,
 * which the re-run redoes. Lines are keyed by content sha256 + settings hash; a re-run skips keys
 * already present.
 *
 * Beside it, run.json (written atomically at the start of every run) lists the run's input keys in
 * input order: readJournal yields records in that order however the workers finished.
 */
import { closeSync, createReadStream, openSync, readSync, writeSync, writevSync } from 'node:fs';
import { mkdir, open, readFile, stat, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportRecord } from '../schemas/record.js';
import { atomicWrite } from '../util/atomic.js';

export interface JournalEntry {
  /** `${sha256}:${settings}`: what makes two runs of a document interchangeable. */
  key: string;
  source: string;
  /** Timing fields: the only parts of a line that differ between two runs of the same input. */
  elapsedMs: number;
  finishedAt: string;
  record: ReportRecord;
}

export interface RunManifest {
  settingsHash: string;
  /** Every input of the run, in input order (duplicates of content included, each with its key). */
  inputs: { key: string; source: string; origin?: string }[];
}

export function journalPaths(outDir: string): { dir: string; journal: string; manifest: string } {
  const dir = join(outDir, '.nianbao');
  return { dir, journal: join(dir, 'journal.ndjson'), manifest: join(dir, 'run.json') };
}

interface LineSpan {
  offset: number;
  length: number;
}

const JOURNAL_FLUSH_MS = 200;
const LINE_END = Buffer.from('}\n');
const JOURNAL_FLUSH_BYTES = 1024 * 1024;

export class Journal {
  /** The pieces of the lines not written yet, in order (a line may be several pieces: see appendJson). */
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly fd: number,
    private readonly done: Map<string, LineSpan>,
    private size: number,
  ) {}

  /** Opens (creating) the journal, cutting off a torn last line left by a killed run. */
  static async open(outDir: string): Promise<Journal> {
    const paths = journalPaths(outDir);
    await mkdir(paths.dir, { recursive: true });
    const { spans, validBytes } = await scanJournal(paths.journal);
    const size = await fileSize(paths.journal);
    if (size > validBytes) await truncate(paths.journal, validBytes);
    return new Journal(paths.journal, openSync(paths.journal, 'a'), spans, validBytes);
  }

  has(key: string): boolean {
    return this.done.has(key);
  }

  get count(): number {
    return this.done.size;
  }

  /** The finished entry for a key, read back from disk (the journal keeps only offsets in memory). */
  async get(key: string): Promise<JournalEntry | undefined> {
    const span = this.done.get(key);
    if (!span) return undefined;
    this.flush();
    return readEntry(this.path, span);
  }

  /**
   * The finished entry for a key, read back from disk at once (flushing what is pending first); by
   * path, so it still reads once the journal is closed.
   */
  getSync(key: string): JournalEntry | undefined {
    const span = this.done.get(key);
    if (!span) return undefined;
    if (!this.closed) this.flush();
    const fd = openSync(this.path, 'r');
    try {
      const line = Buffer.alloc(span.length);
      for (let at = 0; at < span.length; ) {
        const read = readSync(fd, line, at, span.length - at, span.offset + at);
        if (read === 0) throw new Error(`journal ${this.path} is shorter than its entry for ${key}`);
        at += read;
      }
      return JSON.parse(line.toString('utf8')) as JournalEntry;
    } finally {
      closeSync(fd);
    }
  }

  append(entry: JournalEntry): void {
    const { record, ...meta } = entry;
    this.appendJson(meta, JSON.stringify(record));
  }

  /**
   * Appends an entry whose record is already JSON text, or that text's UTF-8 bytes (as workers send
   * it): the line is the same as append() would write, without parsing and re-serialising the record.
   */
  appendJson(meta: Omit<JournalEntry, 'record'>, recordJson: string | Uint8Array): void {
    if (this.done.has(meta.key)) return;
    const head = Buffer.from(`${JSON.stringify(meta).slice(0, -1)},"record":`, 'utf8');
    // The record's bytes are queued as they came, not copied into a line: flush writes the pieces
    // with one writev(2).
    const body = typeof recordJson === 'string' ? Buffer.from(recordJson, 'utf8') : recordJson;
    const length = head.length + body.length + LINE_END.length;
    this.pending.push(head, body, LINE_END);
    this.pendingBytes += length;
    this.done.set(meta.key, { offset: this.size, length: length - 1 });
    this.size += length;
    if (this.pendingBytes >= JOURNAL_FLUSH_BYTES) this.flush();
    else if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flush(), JOURNAL_FLUSH_MS);
      this.flushTimer.unref();
    }
  }

  /** Writes the batched lines in one writev(2): the parent is the only writer, so lines never interleave. */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.pendingBytes === 0) return;
    const pieces = this.pending;
    const total = this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    // libuv writes every piece (looping over short writes and IOV_MAX); should it ever stop short,
    // the rest goes out as one buffer.
    const written = writevSync(this.fd, pieces);
    if (written >= total) return;
    const rest = Buffer.concat(pieces, total).subarray(written);
    for (let at = 0; at < rest.length; ) at += writeSync(this.fd, rest, at);
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }
}

export async function writeManifest(outDir: string, manifest: RunManifest): Promise<void> {
  await atomicWrite(journalPaths(outDir).manifest, `${JSON.stringify(manifest)}\n`);
}

/** The last run's run.json; undefined when there is none (a journal from elsewhere, or no run yet). */
export async function readManifest(outDir: string): Promise<RunManifest | undefined> {
  try {
    return JSON.parse(await readFile(journalPaths(outDir).manifest, 'utf8')) as RunManifest;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return undefined;
  }
}

/** Where the last run's sources can be read back, for those that name no local file (source → origin). */
export async function readOrigins(outDir: string): Promise<Map<string, string>> {
  const manifest = await readManifest(outDir);
  return new Map((manifest?.inputs ?? []).flatMap((input) => (input.origin ? [[input.source, input.origin] as const] : [])));
}

/**
 * The finished records of the last run in <outDir>: one per input of that run, in its input order,
 * each under the `source` that run gave it (a record resumed from an earlier run, or shared by two
 * inputs with the same bytes, is listed under this run's name for it). An input whose bytes repeat an
 * earlier input's carries `duplicate_of`: that input's source. Inputs not finished yet are left out;
 * records of earlier runs that are not inputs of this one never appear. Without run.json (a journal
 * from elsewhere), records come in journal order.
 */
export async function* readJournal(outDir: string): AsyncIterable<ReportRecord> {
  const paths = journalPaths(outDir);
  const manifest = await readManifest(outDir);
  // With a manifest the order is its own, so lines are found by key without parsing them here: each
  // record is parsed once, when it is read (a pass used to parse every line twice).
  const candidates = manifest ? await scanKeys(paths.journal) : firstOnly((await scanJournal(paths.journal)).spans);
  const inputs: { key: string; source?: string }[] = manifest?.inputs ?? [...candidates.keys()].map((key) => ({ key }));
  const reader = new EntryReader(paths.journal);
  try {
    const firstWithBytes = new Map<string, string>();
    for (const input of inputs) {
      const entry = await reader.first(input.key, candidates.get(input.key) ?? []);
      if (!entry) continue;
      const { duplicate_of: _earlier, ...record } = entry.record;
      const source = input.source ?? record.source;
      // Unread files have no bytes to share (their hash is of nothing).
      const bytes = record.error_code === 'cannot-read' ? undefined : record.sha256;
      const first = bytes ? firstWithBytes.get(bytes) : undefined;
      if (bytes && first === undefined) firstWithBytes.set(bytes, source);
      yield first === undefined ? { ...record, source } : { ...record, source, duplicate_of: first };
    }
  } finally {
    await reader.close();
  }
}

function firstOnly(spans: Map<string, LineSpan>): Map<string, LineSpan[]> {
  return new Map([...spans].map(([key, span]) => [key, [span]]));
}

/** Reads entries through one open file (not an open and a close per record). */
class EntryReader {
  private handle: FileHandle | undefined;

  constructor(private readonly path: string) {}

  /** The first of a key's lines that parses as an entry of that key (what scanJournal would have chosen). */
  async first(key: string, spans: LineSpan[]): Promise<JournalEntry | undefined> {
    for (const span of spans) {
      this.handle ??= await open(this.path, 'r');
      const buffer = Buffer.alloc(span.length);
      const { bytesRead } = await this.handle.read(buffer, 0, span.length, span.offset);
      // The file shrank under the reader: an error, as a parse of the cut line used to be, not a record left out.
      if (bytesRead !== span.length) throw new Error(`journal ${this.path} changed while it was read`);
      const entry = parseEntry(buffer);
      if (entry?.key === key) return entry;
    }
    return undefined;
  }

  async close(): Promise<void> {
    await this.handle?.close();
  }
}

/** Byte spans of the complete, parseable lines (first per key) and where the valid prefix ends. */
async function scanJournal(path: string): Promise<{ spans: Map<string, LineSpan>; validBytes: number }> {
  const spans = new Map<string, LineSpan>();
  let validBytes = 0;
  for await (const line of completeLines(path)) {
    const key = parseEntry(Buffer.concat(line.pieces))?.key;
    if (key !== undefined && !spans.has(key)) spans.set(key, { offset: line.offset, length: line.length });
    validBytes = line.offset + line.length + 1;
  }
  return { spans, validBytes };
}

/**
 * Every complete line's span under its key, in journal order, the key read from the line's head where
 * the writer puts it (`{"key":"…",`) and only other lines parsed. A line is not checked here: a
 * damaged one is found when it is read, and the key's next line stands in (EntryReader.first).
 */
async function scanKeys(path: string): Promise<Map<string, LineSpan[]>> {
  const candidates = new Map<string, LineSpan[]>();
  for await (const line of completeLines(path)) {
    const key = keyFromHead(line.pieces) ?? parseEntry(Buffer.concat(line.pieces))?.key;
    if (key === undefined) continue;
    const span = { offset: line.offset, length: line.length };
    const spans = candidates.get(key);
    if (spans) spans.push(span);
    else candidates.set(key, [span]);
  }
  return candidates;
}

const KEY_HEAD = Buffer.from('{"key":"');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Enough of a line's head to hold `{"key":"` and a key (a content hash and a settings hash). */
const HEAD_BYTES = 1024;

/** The key as the writer put it at the head of the line; undefined when the head is not plainly that. */
function keyFromHead(pieces: Buffer[]): string | undefined {
  const head = pieces[0].length >= HEAD_BYTES || pieces.length === 1 ? pieces[0] : Buffer.concat(pieces).subarray(0, HEAD_BYTES);
  if (head.length <= KEY_HEAD.length || head.compare(KEY_HEAD, 0, KEY_HEAD.length, 0, KEY_HEAD.length) !== 0) return undefined;
  const end = head.indexOf(QUOTE, KEY_HEAD.length);
  if (end === -1 || end > HEAD_BYTES) return undefined;
  const raw = head.subarray(KEY_HEAD.length, end);
  // An escaped character: the text is not the key itself, leave it to the parser.
  return raw.includes(BACKSLASH) ? undefined : raw.toString('utf8');
}

/** The complete (newline-ended) lines of a file, as the chunks they were read in, with their spans. */
async function* completeLines(path: string): AsyncIterable<{ pieces: Buffer[]; offset: number; length: number }> {
  let pending: Buffer[] = [];
  let pendingStart = 0;
  let position = 0;
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      let from = 0;
      for (let nl = chunk.indexOf(10, from); nl !== -1; nl = chunk.indexOf(10, from)) {
        pending.push(chunk.subarray(from, nl));
        const end = position + nl;
        yield { pieces: pending, offset: pendingStart, length: end - pendingStart };
        pending = [];
        pendingStart = end + 1;
        from = nl + 1;
      }
      if (from < chunk.length) pending.push(chunk.subarray(from));
      position += chunk.length;
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** A line as a journal entry (a key and a record), or undefined when it is not one. */
function parseEntry(line: Buffer): JournalEntry | undefined {
  try {
    const entry = JSON.parse(line.toString('utf8')) as Partial<JournalEntry>;
    return typeof entry.key === 'string' && entry.record ? (entry as JournalEntry) : undefined;
  } catch {
    return undefined; // a damaged line in the middle: skip it, its document is simply redone
  }
}

async function readEntry(path: string, span: LineSpan): Promise<JournalEntry> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(span.length);
    await handle.read(buffer, 0, span.length, span.offset);
    return JSON.parse(buffer.toString('utf8')) as JournalEntry;
  } finally {
    await handle.close();
  }
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}
