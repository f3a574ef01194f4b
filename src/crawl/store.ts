/**
 * The crawl's memory, in <crawl dir>/crawl.sqlite (WAL): runs, the frontier of each run, and one row
 * per URL with its last result and validators. Every fetch is committed in one transaction together
 * with the links it revealed, so after a kill -9 a restart resumes exactly: what was committed is
 * never fetched again, what was not is still pending.
 */
import type Database from 'better-sqlite3';
import { loadSqlite } from '../util/sqlite.js';
import { join } from 'node:path';
import type { ManifestEntry, ManifestKind } from './manifest.js';

export const STORE_FILE = 'crawl.sqlite';

export type FrontierState = 'pending' | 'done' | 'failed' | 'skipped';

export interface FrontierEntry {
  url: string;
  kind: ManifestKind;
  depth: number;
  seed: string;
  referrer: string | null;
  linkText: string | null;
  parentUrl: string | null;
  parentSha256: string | null;
}

export interface ResourceRow extends ManifestEntry {
  requested_at: string | null;
  etag: string | null;
  last_modified: string | null;
  notes: string | null;
}

/** Where fetching looks up what an earlier fetch found (the crawl database, or a queue run's results in Redis). */
export interface ResourceLookup {
  resource(url: string): ResourceRow | undefined | Promise<ResourceRow | undefined>;
}

export interface RunInfo {
  runId: number;
  resumed: boolean;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE TABLE IF NOT EXISTS frontier (
  seq INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL,
  url TEXT NOT NULL,
  kind TEXT NOT NULL,
  depth INTEGER NOT NULL,
  seed TEXT NOT NULL,
  referrer TEXT,
  link_text TEXT,
  parent_url TEXT,
  parent_sha256 TEXT,
  state TEXT NOT NULL DEFAULT 'pending',
  bytes INTEGER NOT NULL DEFAULT 0,
  UNIQUE (run_id, url)
);
CREATE INDEX IF NOT EXISTS frontier_pending ON frontier (run_id, state, seq);
CREATE TABLE IF NOT EXISTS robots (
  run_id INTEGER NOT NULL,
  url TEXT NOT NULL,
  status INTEGER NOT NULL,
  body BLOB NOT NULL,
  PRIMARY KEY (run_id, url)
);
CREATE TABLE IF NOT EXISTS resources (
  url TEXT PRIMARY KEY,
  final_url TEXT,
  referrer TEXT,
  link_text TEXT,
  seed TEXT NOT NULL,
  status INTEGER NOT NULL,
  content_type TEXT,
  size INTEGER,
  sha256 TEXT,
  path TEXT,
  requested_at TEXT,
  fetched_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  parent_url TEXT,
  parent_sha256 TEXT,
  title TEXT,
  published_at TEXT,
  published_source TEXT,
  publisher TEXT,
  error TEXT,
  etag TEXT,
  last_modified TEXT,
  first_seq INTEGER NOT NULL
);
`;

const RESOURCE_COLUMNS = [
  'url', 'final_url', 'referrer', 'link_text', 'seed', 'status', 'content_type', 'size', 'sha256', 'path', 'requested_at', 'fetched_at',
  'kind', 'parent_url', 'parent_sha256', 'title', 'published_at', 'published_source', 'publisher', 'error', 'etag', 'last_modified', 'notes',
] as const;

export class CrawlStore implements ResourceLookup {
  private readonly db: Database.Database;

  constructor(crawlDir: string) {
    const Sqlite = loadSqlite();
    this.db = new Sqlite(join(crawlDir, STORE_FILE));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    // Crawl folders made before a column existed gain it on first open (its rows say null: unknown).
    const columns = this.db.prepare('PRAGMA table_info(resources)').all() as Array<{ name: string }>;
    for (const added of ['notes', 'published_source', 'requested_at']) {
      if (!columns.some((column) => column.name === added)) this.db.exec(`ALTER TABLE resources ADD COLUMN ${added} TEXT`);
    }
  }

  close(): void {
    this.db.close();
  }

  /** Continues the last run if it never finished (a crash or kill), else starts a new one. */
  beginOrResumeRun(now: string): RunInfo {
    const last = this.db.prepare('SELECT id, finished_at FROM runs ORDER BY id DESC LIMIT 1').get() as { id: number; finished_at: string | null } | undefined;
    if (last && last.finished_at === null) return { runId: last.id, resumed: true };
    const result = this.db.prepare('INSERT INTO runs (started_at) VALUES (?)').run(now);
    return { runId: Number(result.lastInsertRowid), resumed: false };
  }

  finishRun(runId: number, now: string): void {
    this.db.prepare('UPDATE runs SET finished_at = ? WHERE id = ?').run(now, runId);
  }

  /** Adds entries not yet in this run's frontier; returns how many were new. */
  enqueue(runId: number, entries: FrontierEntry[]): number {
    const insert = this.db.prepare(`INSERT OR IGNORE INTO frontier
      (run_id, url, kind, depth, seed, referrer, link_text, parent_url, parent_sha256)
      VALUES (@runId, @url, @kind, @depth, @seed, @referrer, @linkText, @parentUrl, @parentSha256)`);
    let added = 0;
    this.db.transaction(() => {
      for (const entry of entries) added += insert.run({ runId, ...entry }).changes;
    })();
    return added;
  }

  pending(runId: number, limit: number): FrontierEntry[] {
    const rows = this.db
      .prepare(`SELECT url, kind, depth, seed, referrer, link_text AS linkText, parent_url AS parentUrl, parent_sha256 AS parentSha256
        FROM frontier WHERE run_id = ? AND state = 'pending' ORDER BY seq LIMIT ?`)
      .all(runId, limit) as FrontierEntry[];
    return rows;
  }

  /** Fetches started and finished in this run, and their bytes (for the page and byte limits). */
  runTotals(runId: number): { finished: number; bytes: number; pending: number } {
    const row = this.db
      .prepare(`SELECT
          SUM(CASE WHEN state IN ('done', 'failed') THEN 1 ELSE 0 END) AS finished,
          SUM(bytes) AS bytes,
          SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END) AS pending
        FROM frontier WHERE run_id = ?`)
      .get(runId) as { finished: number | null; bytes: number | null; pending: number | null };
    return { finished: row.finished ?? 0, bytes: row.bytes ?? 0, pending: row.pending ?? 0 };
  }

  resource(url: string): ResourceRow | undefined {
    return this.db.prepare('SELECT * FROM resources WHERE url = ?').get(url) as ResourceRow | undefined;
  }

  /**
   * One transaction: the URL's result, its frontier state, and the links it revealed. Nothing of a
   * fetch is visible until all of it is.
   */
  record(runId: number, row: ResourceRow, state: FrontierState, bytes: number, discovered: FrontierEntry[]): number {
    const columns = RESOURCE_COLUMNS.join(', ');
    const values = RESOURCE_COLUMNS.map((column) => `@${column}`).join(', ');
    const updates = RESOURCE_COLUMNS.filter((column) => column !== 'url').map((column) => `${column} = excluded.${column}`).join(', ');
    let added = 0;
    this.db.transaction(() => {
      const seq = this.db.prepare('SELECT seq FROM frontier WHERE run_id = ? AND url = ?').get(runId, row.url) as { seq: number } | undefined;
      this.db
        .prepare(`INSERT INTO resources (${columns}, first_seq) VALUES (${values}, @first_seq)
          ON CONFLICT (url) DO UPDATE SET ${updates}`)
        .run({ ...row, first_seq: seq?.seq ?? 0 });
      this.db.prepare('UPDATE frontier SET state = ?, bytes = ? WHERE run_id = ? AND url = ?').run(state, bytes, runId, row.url);
      added = this.enqueue(runId, discovered);
    })();
    return added;
  }

  /** Marks a frontier entry without a fetch (limit reached, robots, depth). */
  mark(runId: number, url: string, state: FrontierState): void {
    this.db.prepare('UPDATE frontier SET state = ? WHERE run_id = ? AND url = ?').run(state, runId, url);
  }

  /** robots.txt as fetched in this run, so that a resumed run does not ask again. */
  robotsFile(runId: number, url: string): { status: number; body: Buffer } | undefined {
    return this.db.prepare('SELECT status, body FROM robots WHERE run_id = ? AND url = ?').get(runId, url) as { status: number; body: Buffer } | undefined;
  }

  saveRobotsFile(runId: number, url: string, status: number, body: Buffer): void {
    this.db.prepare('INSERT OR REPLACE INTO robots (run_id, url, status, body) VALUES (?, ?, ?, ?)').run(runId, url, status, body);
  }

  /** Every URL ever fetched here, in discovery order of its first run: the manifest. */
  manifestRows(): ManifestEntry[] {
    const rows = this.db.prepare('SELECT * FROM resources ORDER BY seed, first_seq, url').all() as Array<ResourceRow & { first_seq: number }>;
    return rows.map(({ etag: _etag, last_modified: _lastModified, first_seq: _seq, ...entry }) => entry);
  }
}
