/**
 * Attack 10 on the crawl side: the crawl database is read back when a crawl resumes or re-runs, and a
 * 304 answer makes the crawler read the file an earlier run stored. A path in the database that is not
 * one the crawler writes (files/<sha256><ext>) is never read: the URL is fetched afresh instead.
 */
import Database from 'better-sqlite3';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, readManifest } from '../../../src/crawl/index.js';
import { isStoredPath } from '../../../src/crawl/storage.js';
import { FAST } from '../../src/crawl/fast-options.js';
import { startFixtureServer, type FixtureServer } from '../../src/crawl/fixture-server.js';

let server: FixtureServer;
let base: string;

beforeAll(async () => {
  server = await startFixtureServer();
  base = await mkdtemp(join(tmpdir(), 'nianbao-crawl-store-'));
});

afterAll(async () => {
  await server?.close();
  await rm(base, { recursive: true, force: true });
});

describe('a tampered crawl database', () => {
  it('never reads a stored path that leads out of files/, and fetches the URL again instead', async () => {
    const dir = join(base, 'crawl');
    await writeFile(join(base, 'outside.html'), '<html><title>某镇2020年政府信息公开工作年报</title>not the crawl\'s file</html>');
    await crawl({ ...FAST, seeds: [server.seeds.plain], outDir: dir });
    const url = `${server.origin}/plain/2020.html`;
    const db = new Database(join(dir, 'crawl.sqlite'));
    expect(db.prepare('UPDATE resources SET path = ? WHERE url = ?').run('files/../../outside.html', url).changes).toBe(1);
    db.close();
    await crawl({ ...FAST, seeds: [server.seeds.plain], outDir: dir });
    // No conditional request for the tampered row: its validators were dropped with its path.
    expect(server.notModified.get('/plain/2020.html') ?? 0).toBe(0);
    expect(server.notModified.get('/plain/2019.html')).toBe(1);
    const row = (await readManifest(dir)).find((entry) => entry.url === url);
    expect(row).toMatchObject({ status: 200, error: null });
    expect(isStoredPath(row!.path!)).toBe(true);
  });

  it('knows the paths it writes from everything else', () => {
    expect(isStoredPath(`files/${'a'.repeat(64)}.pdf`)).toBe(true);
    for (const path of ['files/../../etc/passwd', '/etc/passwd', `files/${'a'.repeat(64)}.pdf/../../x`, `../files/${'a'.repeat(64)}.pdf`, 'files/x.pdf']) expect(isStoredPath(path), path).toBe(false);
  });
});
