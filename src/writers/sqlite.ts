/**
 * nianbao.sqlite: every table of src/datasets/tables.ts with keys, foreign keys, indices and views,
 * for loading in one line. Written in one transaction per run (fast, and a failed run leaves the file
 * as it was). Re-running into the same folder updates each report in place (by report_id and source)
 * and removes the reports the run no longer has, so the file always holds exactly the run's reports,
 * like the other datasets. A file of another schema version is rebuilt.
 */
import { rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { ReportRecord } from '../schemas/record.js';
import { CHILD_TABLES, REPORTS_TABLE, REVIEWS_TABLE, YEAR_CHECKS_TABLE, reportRow, type Value } from '../datasets/tables.js';
import { SQLITE_SCHEMA_VERSION, schemaSql, sqliteColumns } from '../datasets/sqlite-schema.js';
import { CODEBOOK_COLUMNS, codebookRows } from '../datasets/codebook.js';
import { readReviewLog } from '../reviews/store.js';
import { loadSqlite } from '../util/sqlite.js';
import { extractorVersion } from '../run/settings.js';
import type { RunResults, Writer } from './writer.js';

export const SQLITE_FILE = 'nianbao.sqlite';

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const bind = (row: Value[]) => row.map((v) => (v === undefined ? null : v));

export function sqliteDataset(): Writer {
  let db: BetterSqlite3.Database | undefined;
  let state: ReturnType<typeof prepare> | undefined;
  let dir = '';
  return {
    file: SQLITE_FILE,
    async open(into, outDir = into) {
      dir = outDir;
      // Loaded here, not at import, through the one loader that says how to fix a failed native build.
      const Database = loadSqlite();
      const path = join(into, SQLITE_FILE);
      // Staged: the run updates a copy of the published database (rows of reports it still has are
      // kept and updated in place), published with the other datasets.
      if (into !== outDir) await copyFile(join(outDir, SQLITE_FILE), path).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      db = new Database(path);
      // Another schema version, or not a database at all: the file is derived data, so it is rebuilt.
      let found: number | undefined;
      try {
        found = db.pragma('user_version', { simple: true }) as number;
      } catch {
        found = undefined;
      }
      if (found !== 0 && found !== SQLITE_SCHEMA_VERSION) {
        db.close();
        rmSync(path, { force: true });
        db = new Database(path);
      }
      // A reader holding the file (a browser tool, a notebook) gets a few seconds to let go.
      db.pragma('busy_timeout = 10000');
      // The keys are declared for readers; enforcing them on every insert would cost a third of the
      // writer's time, and this writer removes a report's rows itself (the test checks the keys hold).
      db.pragma('foreign_keys = OFF');
      // The whole run is one transaction: a cache large enough for the indices keeps inserts off the disk.
      db.pragma('cache_size = -65536');
      db.exec('BEGIN IMMEDIATE');
      for (const statement of schemaSql()) db.exec(statement);
      db.exec('CREATE TEMP TABLE run_reports (id INTEGER PRIMARY KEY)');
      state = prepare(db);
    },
    async write(record) {
      state!.upsert(record);
    },
    async close(results?: RunResults) {
      const d = db!;
      // Reports of an earlier run that this run no longer has, and their rows (by key prefix, no scan).
      const stale = d.prepare('SELECT id FROM reports WHERE id NOT IN (SELECT id FROM run_reports)').pluck().all() as number[];
      const drop = [...CHILD_TABLES.map((t) => d.prepare(`DELETE FROM ${t.name} WHERE report = ?`)), d.prepare('DELETE FROM reports WHERE id = ?')];
      for (const id of stale) for (const statement of drop) statement.run(id);
      d.exec('DELETE FROM codebook');
      const code = d.prepare(`INSERT INTO codebook VALUES (${placeholders(CODEBOOK_COLUMNS.length)})`);
      for (const row of codebookRows()) code.run(bind(row));
      d.exec('DELETE FROM year_checks');
      const check = d.prepare(`INSERT INTO year_checks VALUES (${placeholders(YEAR_CHECKS_TABLE.columns.length)})`);
      for (const c of results?.yearChecks ?? []) check.run(bind(YEAR_CHECKS_TABLE.columns.map((k) => c[k])));
      d.exec('DELETE FROM reviews');
      const review = d.prepare(`INSERT INTO reviews VALUES (${placeholders(REVIEWS_TABLE.columns.length)})`);
      for (const r of await readReviewLog(dir)) review.run(REVIEWS_TABLE.columns.map((k) => r[k]));
      const meta = d.prepare('INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)');
      meta.run('schema_version', String(SQLITE_SCHEMA_VERSION));
      meta.run('nianbao_version', await extractorVersion());
      meta.run('written_at', new Date().toISOString());
      d.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`);
      d.exec('COMMIT');
      d.close();
      db = undefined;
    },
    async abort() {
      if (db?.inTransaction) db.exec('ROLLBACK');
      db?.close();
      db = undefined;
    },
  };
}

function prepare(db: BetterSqlite3.Database) {
  const cols = REPORTS_TABLE.columns.map((c) => `"${c}"`).join(', ');
  const find = db.prepare('SELECT id FROM reports WHERE report_id = ? AND source = ?').pluck();
  const insert = db.prepare(`INSERT INTO reports (${cols}) VALUES (${placeholders(REPORTS_TABLE.columns.length)})`);
  const update = db.prepare(`UPDATE reports SET (${cols}) = (${placeholders(REPORTS_TABLE.columns.length)}) WHERE id = ?`);
  const seen = db.prepare('INSERT OR IGNORE INTO run_reports (id) VALUES (?)');
  const children = CHILD_TABLES.map((t) => {
    const keep = sqliteColumns(t).map((c) => t.columns.indexOf(c));
    return {
      table: t,
      keep: keep.length === t.columns.length ? undefined : keep,
      clear: db.prepare(`DELETE FROM ${t.name} WHERE report = ?`),
      insert: db.prepare(`INSERT INTO ${t.name} VALUES (${placeholders(keep.length + 1)})`),
    };
  });
  return {
    upsert(record: ReportRecord): void {
      const row = bind(reportRow(record));
      let id = find.get(record.report_id, record.source) as number | undefined;
      if (id === undefined) id = Number(insert.run(row).lastInsertRowid);
      else {
        update.run(...row, id);
        for (const c of children) c.clear.run(id);
      }
      seen.run(id);
      for (const c of children) {
        for (const r of c.table.rowsOf(record)) c.insert.run(id, ...bind(c.keep ? c.keep.map((i) => r[i]) : r));
      }
    },
  };
}
