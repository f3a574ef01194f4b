import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDocuments, ensureBuilt, repoRoot, tempDir } from '../run/helpers.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { startRedis, type TestRedis } from '../../../bench/redis-server.js';

const cli = join(repoRoot, 'bin/nianbao.js');
const slowWorker = join(repoRoot, 'tests/fixtures/run/slow-worker.mjs');

let redis: TestRedis;
beforeAll(async () => {
  ensureBuilt();
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

function cliRun(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; lines: string[]; ended: Promise<number | null> } {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const all = (partial + chunk.toString()).split('\n');
    partial = all.pop()!;
    lines.push(...all);
  });
  return { child, lines, ended: new Promise((r) => child.on('close', (code) => r(code))) };
}

describe('a document that takes down every worker that picks it up', () => {
  it('ends failed with the reason after a bounded number of attempts, and the other documents are done', async () => {
    const docs = corpusDocuments().filter((d) => /seed-(html|docx)\.|pingtan-2022-portal/.test(d));
    const poison = join(tempDir('queue-poison'), 'poison.html');
    // Another document (another key): the same bytes would share the good one's job.
    copyFileSync(docs[0], poison);
    appendFileSync(poison, '\n<!-- poison -->\n');

    const out = tempDir('queue-poison-out');
    expect(await cliRun(['extract', ...docs, poison, '--out', out, '--queue', redis.url, '--run', 'poison', '-q']).ended).toBe(0);

    // Stands in for a document that crashes the machine: whoever starts it is killed with SIGKILL.
    const workerArgs = ['worker', '--queue', redis.url, '--workers', '1', '--lock-ms', '1000', '--max-stalls', '1', '--verbose', '--worker-entry', slowWorker];
    const env = { NIANBAO_TEST_DELAY_MS: '400' };
    let kills = 0;
    const live = new Set<ReturnType<typeof cliRun>>();
    const startWorker = (): void => {
      const w = cliRun(workerArgs, env);
      live.add(w);
      const watch = setInterval(() => {
        if (w.lines.some((l) => l.startsWith('start ') && l.endsWith(poison))) {
          clearInterval(watch);
          kills++;
          w.child.kill('SIGKILL');
          live.delete(w);
          startWorker();
        }
      }, 20);
      void w.ended.then(() => clearInterval(watch));
    };
    startWorker();
    startWorker();

    const collected = await cliRun(['collect', '--queue', redis.url, '--run', 'poison', '--out', out, '-q']).ended;
    for (const w of live) w.child.kill('SIGINT');
    await Promise.all([...live].map((w) => w.ended));
    expect(collected).toBe(0);

    const records = readFileSync(join(out, 'reports.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ReportRecord);
    expect(records.map((r) => r.source)).toEqual([...docs, poison]);
    const failed = records.find((r) => r.source === poison)!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^crash: queue job failed after \d attempt\(s\): job stalled more than allowable limit/);
    // Taken twice (max-stalls 1), each time its worker died: then no more.
    expect(kills).toBe(2);
    expect(records.filter((r) => r.source !== poison).every((r) => r.status !== 'failed')).toBe(true);
  }, 90_000);
});
