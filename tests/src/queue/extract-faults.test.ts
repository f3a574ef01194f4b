import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDocuments, ensureBuilt, repoRoot, tempDir } from '../run/helpers.js';
import { journalPaths, type JournalEntry } from '../../../src/run/journal.js';
import { startRedis, type TestRedis } from '../../../bench/redis-server.js';

const cli = join(repoRoot, 'bin/nianbao.js');
const slowWorker = join(repoRoot, 'tests/fixtures/run/slow-worker.mjs');
const DATASETS = ['reports.ndjson', 'reports.csv', 'cells.csv', 'wide.csv', 'findings.csv', 'legacy_stats.csv', 'year_checks.csv'];
const TIMING = ['started_at', 'finished_at', 'seconds', 'peak_rss_mb', 'resumed'];

interface Running {
  child: ChildProcess;
  out: string[];
  ended: Promise<number | null>;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Running {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    out.push(...lines);
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<number | null>((r) => child.on('close', (code) => {
    if (code) process.stderr.write(`nianbao ${args[0]} exited ${code}: ${stderr}\n`);
    r(code);
  }));
  return { child, out, ended };
}

async function until(what: string, test: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function summaryWithoutTimings(out: string): Record<string, unknown> {
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Record<string, unknown>;
  for (const key of TIMING) delete summary[key];
  return summary;
}

let redis: TestRedis;
beforeAll(async () => {
  ensureBuilt();
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

describe('an extract run through Redis with three worker processes', () => {
  it('writes the datasets of a local run, byte for byte, after a worker is killed mid-job and Redis is restarted', async () => {
    // Every corpus document, and one of them again under another name: one job, two inputs.
    const docs = corpusDocuments();
    const again = join(tempDir('queue-dup'), 'again-seed.html');
    copyFileSync(docs.find((d) => d.endsWith('seed-html.html'))!, again);
    const inputs = [...docs, again];

    const local = tempDir('queue-local');
    expect(await run(['extract', ...inputs, '--out', local, '--workers', '2', '-q']).ended).toBe(0);

    const out = tempDir('queue-out');
    const enqueue = run(['extract', ...inputs, '--out', out, '--queue', redis.url, '--run', 'faults', '-q']);
    expect(await enqueue.ended).toBe(0);

    // Slowed real workers (the records are the real pipeline's), so the run lasts long enough to be hurt.
    const slow = { NIANBAO_TEST_DELAY_MS: '300' };
    const workerArgs = ['worker', '--queue', redis.url, '--workers', '1', '--lock-ms', '1500', '--verbose', '--worker-entry', slowWorker];
    const workers = [run(workerArgs, slow), run(workerArgs, slow), run(workerArgs, slow)];
    const [victim, ...survivors] = workers;

    await until('the first worker to start a job', () => victim.out.some((l) => l.startsWith('start ')));
    const takenFromVictim = victim.out.filter((l) => l.startsWith('start ')).map((l) => l.split(' ')[2]);
    victim.child.kill('SIGKILL');
    await victim.ended;

    const doneLines = (): string[] => survivors.flatMap((w) => w.out.filter((l) => l.startsWith('done ')));
    await until('four documents done', () => doneLines().length >= 4);
    // Mid-run: documents are still to do when Redis goes down.
    expect(doneLines().length).toBeLessThan(docs.length);
    await redis.restart();

    const collect = run(['collect', '--queue', redis.url, '--run', 'faults', '--out', out, '-q']);
    expect(await collect.ended).toBe(0);
    for (const w of survivors) w.child.kill('SIGINT');
    await Promise.all(survivors.map((w) => w.ended));

    // The job the killed worker held was taken again and finished by another worker.
    const finishedKeys = doneLines().map((l) => l.split(' ')[2]);
    for (const key of takenFromVictim) expect(finishedKeys).toContain(key);

    // Each document once: one journal line per distinct document, 16 inputs over 15 documents.
    const journal = readFileSync(journalPaths(out).journal, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JournalEntry);
    expect(journal).toHaveLength(docs.length);
    expect(new Set(journal.map((e) => e.key)).size).toBe(docs.length);

    for (const name of DATASETS) expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join(local, name), 'utf8'));
    expect(summaryWithoutTimings(out)).toEqual(summaryWithoutTimings(local));
  }, 120_000);
});
