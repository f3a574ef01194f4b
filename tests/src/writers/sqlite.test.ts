/**
 * The SQLite writer on records made here: an update of a report replaces its rows, two inputs with the
 * same bytes stay two reports, a failed run leaves the file as it was, a file of another schema version
 * is rebuilt. Read back with Python's sqlite3.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sqliteDataset } from '../../../src/writers/sqlite.js';
import type { ReportRecord } from '../../../src/schemas/record.js';

const run = promisify(execFile);

async function query(dir: string, sql: string): Promise<unknown[][]> {
  const script = 'import json, sqlite3, sys\nprint(json.dumps(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchall(), ensure_ascii=False))';
  return JSON.parse((await run('python3', ['-c', script, join(dir, 'nianbao.sqlite'), sql])).stdout);
}

function record(source: string, value: number | null, extra: Partial<ReportRecord> = {}): ReportRecord {
  return {
    report_id: 'a'.repeat(16), source, sha256: 'a'.repeat(64), format: 'txt', status: 'ok', agency: '某市人民政府', year: 2023,
    layout: { proactive: 'none', requests: '2021', appeals: 'none' },
    cells: { 'requests.new_received.total': value, 'requests.granted.total': 1.5 },
    cell_details: { 'requests.new_received.total': { raw: String(value ?? '-'), doubt: null } },
    findings: [{ rule: 'requests.balance', severity: 'error', cells: ['requests.new_received.total'], expected: 3, actual: value, message: 'm', basis: 'printed' }],
    sections: [], prose: {}, legacy_stats: [], messages: [], ...extra,
  };
}

async function write(dir: string, records: ReportRecord[]): Promise<void> {
  const w = sqliteDataset();
  await w.open(dir);
  for (const r of records) await w.write(r);
  await w.close({ yearChecks: [] });
}

describe('the SQLite writer', () => {
  it('replaces the rows of a report written again, and keeps two inputs with the same bytes as two reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-sqlite-'));
    await write(dir, [record('a.txt', 7), record('copy-of-a.txt', 7)]);
    await write(dir, [record('a.txt', 9, { findings: [] }), record('copy-of-a.txt', 7)]);
    expect(await query(dir, 'SELECT source, findings FROM reports ORDER BY id')).toEqual([['a.txt', 0], ['copy-of-a.txt', 1]]);
    expect(await query(dir, "SELECT r.source, c.value, typeof(c.value) FROM cells c JOIN reports r ON r.id = c.report WHERE c.key = 'requests.new_received.total' ORDER BY r.id")).toEqual([
      ['a.txt', 9, 'integer'], ['copy-of-a.txt', 7, 'integer'],
    ]);
    expect(await query(dir, "SELECT value, typeof(value) FROM cells WHERE key = 'requests.granted.total' LIMIT 1")).toEqual([[1.5, 'real']]);
    expect(await query(dir, 'SELECT COUNT(*) FROM findings')).toEqual([[1]]);
    expect(await query(dir, 'PRAGMA foreign_key_check')).toEqual([]);
  });

  it('leaves the file as it was when the run fails before closing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-sqlite-'));
    await write(dir, [record('a.txt', 7)]);
    const w = sqliteDataset();
    await w.open(dir);
    await w.write(record('b.txt', 8));
    await w.abort();
    expect(await query(dir, 'SELECT source FROM reports')).toEqual([['a.txt']]);
  });

  it('rebuilds a file that is not a database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-sqlite-'));
    writeFileSync(join(dir, 'nianbao.sqlite'), 'not a database, just text '.repeat(200));
    await write(dir, [record('a.txt', 7)]);
    expect(await query(dir, 'SELECT source FROM reports')).toEqual([['a.txt']]);
  });

  it('rebuilds a file written under another schema version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-sqlite-'));
    await run('python3', ['-c', 'import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute("CREATE TABLE reports (x)"); db.execute("PRAGMA user_version = 99"); db.commit()', join(dir, 'nianbao.sqlite')]);
    await write(dir, [record('a.txt', 7)]);
    expect(await query(dir, 'PRAGMA user_version')).toEqual([[1]]);
    expect(await query(dir, "SELECT value FROM meta WHERE name = 'schema_version'")).toEqual([['1']]);
    expect(await query(dir, 'SELECT source FROM reports')).toEqual([['a.txt']]);
  });
});
