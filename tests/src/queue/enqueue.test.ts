import { copyFileSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDocuments, tempDir } from '../run/helpers.js';
import { enqueueRun } from '../../../src/queue/enqueue.js';
import { formatStatus, queueStatus, removeRun } from '../../../src/queue/status.js';
import { connect, connectionOptions } from '../../../src/queue/connection.js';
import { queueName, runInputs, QUEUE_PREFIX } from '../../../src/queue/runs.js';
import type { ExtractJobData } from '../../../src/queue/job.js';
import { startRedis, type TestRedis } from '../../../bench/redis-server.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

function inputs(): { path: string; source: string }[] {
  const docs = corpusDocuments();
  const again = join(tempDir('enqueue-dup'), 'again.txt');
  copyFileSync(docs.find((d) => d.endsWith('.txt'))!, again);
  return [...docs, again].map((path) => ({ path, source: path }));
}

describe('enqueuing a run', () => {
  it('makes one job per document however often it is given, and lists every input in order', async () => {
    const items = inputs();
    const summary = await enqueueRun(items, { url: redis.url, runId: 'once' });
    expect(summary).toEqual({ runId: 'once', inputs: items.length, jobs: items.length - 1, existing: 0, sealed: true });
    const client = await connect(redis.url);
    try {
      expect((await runInputs(client, 'once')).map((i) => i.source)).toEqual(items.map((i) => i.source));
    } finally {
      client.disconnect();
    }
    const [status] = await queueStatus(redis.url, 'once');
    expect({ waiting: status.waiting, active: status.active, completed: status.completed, failed: status.failed, total: status.run.total }).toEqual({ waiting: items.length - 1, active: 0, completed: 0, failed: 0, total: items.length });
    await removeRun(redis.url, 'once');
    expect(await queueStatus(redis.url, 'once')).toEqual([]);
  });

  it("lists each input's origin (a crawl's stored file for its URL), which the collected run.json keeps for the audit", async () => {
    const [path] = corpusDocuments();
    const items = [{ path, source: 'http://portal.test/nb/2023.htm', origin: path }, { path, source: path }];
    await enqueueRun(items, { url: redis.url, runId: 'origins' });
    const client = await connect(redis.url);
    try {
      expect(await runInputs(client, 'origins')).toEqual([expect.objectContaining({ source: 'http://portal.test/nb/2023.htm', origin: path }), expect.not.objectContaining({ origin: expect.anything() })]);
    } finally {
      client.disconnect();
    }
    await removeRun(redis.url, 'origins');
  });

  it('interrupted part-way, leaves the run unsealed; the same enqueue again resumes it without adding a job twice', async () => {
    const items = inputs();
    const abort = new AbortController();
    const first = await enqueueRun(items, { url: redis.url, runId: 'interrupted', signal: abort.signal, onProgress: (done) => done === 5 && abort.abort() });
    expect(first.sealed).toBe(false);
    expect(first.jobs).toBe(5);
    expect(formatStatus(await queueStatus(redis.url, 'interrupted'))).toMatch(/interrupted\s+\S+\s+…\s+5\s+0\s+0\s+0\s+enqueuing \(or interrupted/);

    const again = await enqueueRun(items, { url: redis.url, runId: 'interrupted' });
    expect(again).toEqual({ runId: 'interrupted', inputs: items.length, jobs: items.length - 1, existing: 5, sealed: true });
    const [status] = await queueStatus(redis.url, 'interrupted');
    expect(status.waiting).toBe(items.length - 1);
    expect(status.run.sealed).toBe(true);
  });

  it('carries each document inside its job, or only its absolute path with byPath', async () => {
    const [item] = inputs();
    await enqueueRun([item], { url: redis.url, runId: 'bytes' });
    await enqueueRun([item], { url: redis.url, runId: 'paths', byPath: true });
    const jobData = async (runId: string): Promise<ExtractJobData> => {
      const queue = new Queue(queueName(runId), { connection: connectionOptions(redis.url), prefix: QUEUE_PREFIX });
      try {
        const [job] = await queue.getJobs(['waiting']);
        return job.data as ExtractJobData;
      } finally {
        await queue.close();
      }
    };
    const inBytes = await jobData('bytes');
    expect(Buffer.from(inBytes.bytes!, 'base64').equals(readFileSync(item.path))).toBe(true);
    expect(inBytes.path).toBeUndefined();
    const byPath = await jobData('paths');
    expect(byPath.bytes).toBeUndefined();
    expect(byPath.path).toBe(resolve(item.path));
    expect(byPath.name).toBe(basename(item.path));
  });

  it('refuses to resume a run under the same id with other limits', async () => {
    const items = inputs().slice(0, 2);
    await enqueueRun(items, { url: redis.url, runId: 'settled' });
    await expect(enqueueRun(items, { url: redis.url, runId: 'settled', limits: { documentTimeoutMs: 5000 } })).rejects.toThrow(/enqueued with other settings/);
  });
});
