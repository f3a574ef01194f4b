/**
 * `nianbao crawl … --queue` with two `nianbao worker` processes against a Redis of its own and the
 * fixture portal of the crawl tests (one host): the manifest is the one a local crawl writes, requests
 * to the host are spaced by --delay across both workers and never overlap (from the manifest's own
 * timestamps), and a worker killed with SIGKILL mid-request loses and duplicates nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest, type ManifestEntry } from '../../../src/crawl/manifest.js';
import { startRedis, type TestRedis } from '../../../bench/redis-server.js';
import { startFixtureServer, type FixtureServer } from '../crawl/fixture-server.js';
import { ensureBuilt, repoRoot, tempDir } from '../run/helpers.js';
import { formatStatus, queueStatus } from '../../../src/queue/status.js';

const cli = join(repoRoot, 'bin/nianbao.js');
const DELAY_MS = 150;

interface Running {
  child: ChildProcess;
  out: string[];
  stdout: () => string;
  ended: Promise<number | null>;
}

function run(args: string[]): Running {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  let all = '';
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    all += chunk.toString();
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    out.push(...lines);
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<number | null>((r) =>
    child.on('close', (code) => {
      if (code) process.stderr.write(`nianbao ${args[0]} exited ${code}: ${stderr}\n`);
      r(code);
    }),
  );
  return { child, out, stdout: () => all, ended };
}

async function until(what: string, test: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Comparable across servers and runs: ports and request/fetch times differ, nothing else may. */
function normalise(entries: ManifestEntry[], origin: string): unknown[] {
  return entries
    .map(({ fetched_at: _at, requested_at: _requested, ...rest }) => JSON.parse(JSON.stringify(rest).replaceAll(origin, 'ORIGIN')))
    .sort((a, b) => String(a.url).localeCompare(String(b.url)));
}

const crawlArgs = (server: FixtureServer, out: string): string[] => [
  'crawl', server.seeds.trs, server.seeds.json, server.seeds.plain, '--out', out, '--allow-private-network', '127.0.0.1',
  '--no-progress', '--json', '--contact', 'queue-crawl-test@example.org', '--years', '2016-2023',
];
const workerArgs = (redis: TestRedis, allowLoopback = true): string[] => [
  'worker', '--queue', redis.url, '--workers', '1', '--lock-ms', '2000', '--verbose', ...(allowLoopback ? ['--allow-private-network', '127.0.0.1'] : []),
];

let redis: TestRedis;
const servers: FixtureServer[] = [];
let expected: (origin: string) => unknown[];

beforeAll(async () => {
  ensureBuilt();
  redis = await startRedis();
  // The manifest of a local crawl of the same site is what the queued crawls must write.
  const server = await startFixtureServer();
  servers.push(server);
  const local = tempDir('crawlq-local');
  expect(await run([...crawlArgs(server, local), '--delay', '0']).ended).toBe(0);
  const rows = normalise(await readManifest(local), server.origin);
  expect(rows.length).toBeGreaterThan(15);
  expected = () => rows;
}, 120_000);

afterAll(async () => {
  for (const server of servers) await server.close();
  await redis?.stop();
});

async function stop(workers: Running[]): Promise<void> {
  for (const w of workers) w.child.kill('SIGINT');
  await Promise.all(workers.map((w) => w.ended));
}

/** Requests in the order they were sent, with when each was sent and when its answer was in. */
function timeline(rows: ManifestEntry[]): Array<{ url: string; sent: number; done: number }> {
  return rows
    .map((row) => ({ url: row.url, sent: Date.parse(row.requested_at ?? ''), done: Date.parse(row.fetched_at) }))
    .sort((a, b) => a.sent - b.sent);
}

describe('a crawl through Redis by two worker processes', () => {
  it('writes the manifest of a local crawl, spacing requests to the host by --delay across both workers, never two at once', async () => {
    const server = await startFixtureServer();
    servers.push(server);
    const out = tempDir('crawlq-spaced');
    const workers = [run(workerArgs(redis)), run(workerArgs(redis))];
    try {
      // Started detached; `collect` waits for the run and writes the folder.
      expect(await run([...crawlArgs(server, out), '--queue', redis.url, '--run', 'spaced', '--delay', String(DELAY_MS), '--detach']).ended).toBe(0);
      expect(await run(['collect', '--queue', redis.url, '--run', 'spaced', '-q']).ended).toBe(0);

      const rows = await readManifest(out);
      expect(normalise(rows, server.origin)).toEqual(expected(server.origin));
      // Both workers fetched: the spacing below is between processes, not within one.
      for (const w of workers) expect(w.out.filter((l) => l.startsWith('done crawl-spaced ')).length).toBeGreaterThan(0);

      const sent = timeline(rows);
      expect(sent.every((r) => Number.isFinite(r.sent))).toBe(true);
      for (let i = 1; i < sent.length; i++) {
        expect({ url: sent[i].url, gap: sent[i].sent - sent[i - 1].sent >= DELAY_MS }).toEqual({ url: sent[i].url, gap: true });
        expect({ url: sent[i].url, previous: sent[i - 1], afterPrevious: sent[i].sent >= sent[i - 1].done }).toEqual({ url: sent[i].url, previous: sent[i - 1], afterPrevious: true });
      }
      // robots.txt once for the run, whichever worker asked first.
      expect(server.requests.get('/robots.txt')).toBe(1);

      const [status] = await queueStatus(redis.url, 'spaced');
      expect(status).toMatchObject({ kind: 'crawl', waiting: 0, active: 0, delayed: 0, failed: 0, completed: rows.length, fetches: rows.length, run: { total: 3, sealed: true } });
      expect(formatStatus([status])).toMatch(/^crawl\s+spaced\s+\S+\s+3\s+0\s+0\s+\d+\s+0\s+finished/m);
    } finally {
      await stop(workers);
    }
  }, 120_000);

  it('loses and duplicates nothing when a worker and the crawl command are killed with SIGKILL mid-request; the same command resumes', async () => {
    const server = await startFixtureServer();
    servers.push(server);
    const out = tempDir('crawlq-killed');
    const held = '/xxgk/nb/index_2.html';
    let heldNow = false;
    server.holdFirst(held, () => (heldNow = true));
    const workers = [run(workerArgs(redis)), run(workerArgs(redis))];
    try {
      const args = [...crawlArgs(server, out), '--queue', redis.url, '--run', 'killed', '--delay', '50'];
      const first = run(args);
      await until('the held request', () => heldNow);
      // The worker that sent it: it printed the start of that URL and is waiting for the answer.
      const startLine = `start crawl-killed ${server.origin}${held}`;
      await until('the start line of the held request', () => workers.some((w) => w.out.includes(startLine)));
      const victim = workers.find((w) => w.out.includes(startLine))!;
      victim.child.kill('SIGKILL');
      first.child.kill('SIGKILL');
      await Promise.all([victim.ended, first.ended]);

      // The same command again: the same run, its folder's crawl resumed.
      const again = run(args);
      expect(await again.ended).toBe(0);
      expect(JSON.parse(again.stdout())).toMatchObject({ resumed: true, stoppedBy: 'frontier-empty', errors: 0 });
      const rows = await readManifest(out);
      expect(new Set(rows.map((r) => r.url)).size).toBe(rows.length);
      expect(normalise(rows, server.origin)).toEqual(expected(server.origin));
      // The held URL was asked twice (the killed worker's request, then the survivor's); every answer was sent once.
      expect(server.requests.get(held)).toBe(2);
      for (const [path, count] of server.completed) expect({ path, count }).toEqual({ path, count: 1 });
    } finally {
      await stop(workers);
    }
  }, 120_000);

  it('fetches no loopback address for a run that asks for it unless the worker allows it too', async () => {
    const server = await startFixtureServer();
    servers.push(server);
    const out = tempDir('crawlq-refused');
    const workers = [run(workerArgs(redis, false))];
    try {
      const crawl = run([...crawlArgs(server, out), '--queue', redis.url, '--run', 'refused', '--delay', '0']);
      expect(await crawl.ended).toBe(0);
      const rows = await readManifest(out);
      expect(rows.map((r) => [r.url, r.error])).toEqual(Object.values(server.seeds).slice(0, 3).map((url) => [url, 'blocked-address']).sort());
      expect([...server.requests.keys()]).toEqual([]);
    } finally {
      await stop(workers);
    }
  }, 120_000);
});
