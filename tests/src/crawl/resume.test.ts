/**
 * The crawler as a child process, killed with SIGKILL mid-run and restarted with the same command:
 * the final manifest equals that of an uninterrupted run, and no response is downloaded twice.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest, type ManifestEntry } from '../../../src/crawl/manifest.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';

const repo = new URL('../../../', import.meta.url).pathname;
const entry = join(repo, 'dist/src/crawl/main.js');
const dirs: string[] = [];
const servers: FixtureServer[] = [];

beforeAll(async () => {
  // Only the crawl entry and its imports, not the whole build: bin/nianbao.js may not wire `crawl` yet.
  // Skipped when dist/ is newer than every crawl source: the build is the slow part of this file.
  if (isFreshBuild()) return;
  const tsc = join(repo, 'node_modules/typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tests/fixtures/crawl/tsconfig.json'], { cwd: repo, encoding: 'utf8' });
  if (!existsSync(entry)) throw new Error(`build did not produce ${entry}: ${build.stdout}`);
});

afterAll(async () => {
  for (const server of servers) await server.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Every compiled crawl module is at least as new as its source. */
function isFreshBuild(): boolean {
  return readdirSync(join(repo, 'src/crawl'))
    .filter((name) => name.endsWith('.ts'))
    .every((name) => {
      const compiled = join(repo, 'dist/src/crawl', name.replace(/\.ts$/, '.js'));
      return existsSync(compiled) && statSync(compiled).mtimeMs >= statSync(join(repo, 'src/crawl', name)).mtimeMs;
    });
}

async function newRun(): Promise<{ server: FixtureServer; dir: string; args: string[] }> {
  const server = await startFixtureServer();
  servers.push(server);
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-resume-'));
  dirs.push(dir);
  const args = [
    entry, 'crawl', server.seeds.trs, server.seeds.json, server.seeds.plain,
    '--out', dir, '--allow-private-network', '127.0.0.1', '--delay', '0', '--no-progress', '--json',
    '--contact', 'resume-test@example.org', '--years', '2016-2023',
  ];
  return { server, dir, args };
}

function run(args: string[], onSpawn?: (child: ChildProcess) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    onSpawn?.(child);
  });
}

/** Comparable across servers and runs: ports and request/fetch times differ, nothing else may. */
function normalise(entries: ManifestEntry[], origin: string): unknown[] {
  return entries
    .map(({ fetched_at: _at, requested_at: _requested, ...rest }) => JSON.parse(JSON.stringify(rest).replaceAll(origin, 'ORIGIN')))
    .sort((a, b) => String(a.url).localeCompare(String(b.url)));
}

describe('a crawl killed with SIGKILL and restarted', () => {
  it('ends with the manifest of an uninterrupted crawl and downloads nothing twice', async () => {
    const clean = await newRun();
    const uninterrupted = await run(clean.args);

    expect(uninterrupted.code, uninterrupted.stderr).toBe(0);
    const expected = normalise(await readManifest(clean.dir), clean.server.origin);
    expect(expected.length).toBeGreaterThan(15);

    const killed = await newRun();
    let child: ChildProcess | undefined;
    // The third TRS list page is requested well into the crawl; the kill lands while it is in flight.
    killed.server.holdFirst('/xxgk/nb/index_2.html', () => child?.kill('SIGKILL'));
    const first = await run(killed.args, (spawned) => (child = spawned));
    expect(first.signal).toBe('SIGKILL');
    // The database holds what was committed before the kill; the manifest is whole (if behind) until the restart rewrites it.
    const db = new Database(join(killed.dir, 'crawl.sqlite'), { readonly: true });
    const committed = (db.prepare('SELECT COUNT(*) AS n FROM resources').get() as { n: number }).n;
    db.close();
    expect(committed).toBeGreaterThan(3);
    expect(committed).toBeLessThan(expected.length);
    await readManifest(killed.dir);

    const resumed = await run(killed.args);

    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ resumed: true, stoppedBy: 'frontier-empty', errors: 0 });
    expect(normalise(await readManifest(killed.dir), killed.server.origin)).toEqual(expected);

    for (const [path, count] of killed.server.completed) expect({ path, count }).toEqual({ path, count: 1 });
    expect(killed.server.requests.get('/xxgk/nb/index_2.html')).toBe(2);
    expect(killed.server.requests.get('/robots.txt')).toBe(1);
    expect([...killed.server.completed.keys()].sort()).toEqual([...clean.server.completed.keys()].sort());

    const coverage = await readFile(join(killed.dir, 'coverage.csv'), 'utf8');
    expect(coverage.replaceAll(killed.server.origin, 'ORIGIN')).toBe((await readFile(join(clean.dir, 'coverage.csv'), 'utf8')).replaceAll(clean.server.origin, 'ORIGIN'));
  });
});
