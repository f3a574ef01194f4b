import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool, type TaskOutcome } from '../../../src/run/pool.js';
import { resolveLimits } from '../../../src/limits.js';
import { corpusDocuments, ensureBuilt } from './helpers.js';

const faultWorker = fileURLToPath(new URL('../../fixtures/run/fault-worker.mjs', import.meta.url));
let pool: WorkerPool | undefined;

// A minute per document: the faults these tests provoke (memory, crash) must decide the outcome even on a
// loaded machine, not the clock; the tests of the timeout itself set their own.
function makePool(overrides: Partial<ConstructorParameters<typeof WorkerPool>[0]> = {}): WorkerPool {
  pool = new WorkerPool({ size: 2, workerMemoryMb: 256, documentTimeoutMs: 60_000, memoryPollMs: 50, workerEntry: faultWorker, ...overrides });
  return pool;
}

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

/** The record a stand-in worker answered with ({ source, pid }), or the failure. */
function answer(outcome: TaskOutcome): { record: { source: string; pid: number } } | { failure: string } {
  return 'failure' in outcome ? outcome : { record: outcome.finished.record as unknown as { source: string; pid: number } };
}

/** The task message a `tell-…` stand-in answered with, as the worker received it. */
function toldTask(outcome: TaskOutcome): Record<string, unknown> {
  if ('failure' in outcome) throw new Error(outcome.failure);
  return (outcome.finished.record as unknown as { task: Record<string, unknown> }).task;
}

function pidOf(outcome: TaskOutcome): number {
  return (answer(outcome) as { record: { pid: number } }).record.pid;
}

describe('WorkerPool', () => {
  it('runs documents in reusable workers and returns their records', async () => {
    const p = makePool({ size: 1 });
    const first = await p.run({ path: '/x/ok-1.txt' });
    const second = await p.run({ path: '/x/ok-2.txt' });
    expect(answer(first)).toMatchObject({ record: { source: '/x/ok-1.txt' } });
    expect(pidOf(second)).toBe(pidOf(first));
  });

  it('kills a hung worker at the timeout and replaces it for the next document', async () => {
    const p = makePool({ size: 1, documentTimeoutMs: 800 });
    const before = await p.run({ path: '/x/ok-a' });
    const hung = await p.run({ path: '/x/hang.pdf' });
    expect(hung).toEqual({ failure: 'timeout: no result after 0.8 s (documentTimeoutMs); worker killed' });
    const after = await p.run({ path: '/x/ok-b' });
    expect(pidOf(after)).not.toBe(pidOf(before));
  });

  it('kills a worker whose RSS grows over the cap, ArrayBuffers included', async () => {
    const p = makePool({ size: 1, workerMemoryMb: 200 });
    const outcome = await p.run({ path: '/x/rss.docx' });
    expect(outcome).toEqual({ failure: expect.stringMatching(/^memory: worker RSS \d+ MiB over the 200 MiB cap \(workerMemoryMb\); worker killed$/) });
    expect(answer(await p.run({ path: '/x/ok' }))).toMatchObject({ record: { source: '/x/ok' } });
  });

  it('reports a worker that exhausts its V8 heap as a memory failure', async () => {
    const p = makePool({ size: 1, workerMemoryMb: 64, workerHeapMb: 64, memoryPollMs: 10_000 });
    const outcome = await p.run({ path: '/x/heap.html' });
    expect(outcome).toEqual({ failure: 'memory: V8 heap limit of 64 MiB reached (workerHeapMb); worker died' });
  });

  it('reports a worker that exits in the middle of a document as a crash', async () => {
    const p = makePool({ size: 1 });
    expect(await p.run({ path: '/x/exit.pdf' })).toEqual({ failure: 'crash: worker exited with code 3' });
    expect(await p.run({ path: '/x/throw.pdf' })).toEqual({ failure: 'crash: reader blew up' });
    expect(answer(await p.run({ path: '/x/ok' }))).toMatchObject({ record: { source: '/x/ok' } });
  });

  it('runs as many documents at once as it has workers', async () => {
    const p = makePool({ size: 2 });
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => p.run({ path: `/x/ok-${i}` })));
    expect(outcomes.map((o) => (answer(o) as { record: { source: string } }).record.source)).toEqual(Array.from({ length: 6 }, (_, i) => `/x/ok-${i}`));
    expect(new Set(outcomes.map(pidOf)).size).toBe(2);
  });
});

describe('WorkerPool task messages', () => {
  it('sends a worker the limits with its first task and again only when they change (null: the defaults)', async () => {
    const p = makePool({ size: 1 });
    const limits = resolveLimits({});
    const tighter = { ...limits, maxPdfPages: 1 };
    const sent: unknown[] = [];
    for (const task of [{ limits }, { limits }, { limits: tighter }, { limits: tighter }, {}, {}]) {
      const told = toldTask(await p.run({ path: `/x/tell-${sent.length}`, ...task }));
      sent.push('limits' in told ? told.limits : 'none');
    }
    expect(sent).toEqual([limits, 'none', tighter, 'none', null, 'none']);
  });

  it('sends a new worker the limits again after its predecessor was killed', async () => {
    const p = makePool({ size: 1, documentTimeoutMs: 800 });
    const limits = resolveLimits({});
    await p.run({ path: '/x/tell-1', limits });
    expect(await p.run({ path: '/x/hang.pdf', limits })).toMatchObject({ failure: expect.stringMatching(/^timeout:/) });
    expect(toldTask(await p.run({ path: '/x/tell-2', limits })).limits).toEqual(limits);
  });

  it('leaves out the fields a task does not set', async () => {
    const p = makePool({ size: 1 });
    expect(Object.keys(toldTask(await p.run({ path: '/x/tell-1' }))).sort()).toEqual(['id', 'limits', 'path', 'type']);
  });
});

describe('WorkerPool with the real worker', () => {
  it('reads every task under the limits last sent, and under the defaults once sent none', async () => {
    ensureBuilt();
    const p = makePool({ size: 1, workerEntry: undefined });
    const txt = corpusDocuments().filter((path) => path.endsWith('.txt'));
    const tiny = resolveLimits({ maxTxtBytes: 100 });
    const outcomes = [await p.run({ path: txt[0], limits: tiny }), await p.run({ path: txt[1], limits: tiny }), await p.run({ path: txt[2] })];
    const records = outcomes.map((o) => ('finished' in o ? o.finished.record : undefined));
    expect(records.map((r) => [r?.status, r?.error_code])).toEqual([
      ['failed', 'too-large'],
      ['failed', 'too-large'],
      ['ok', undefined],
    ]);
  });
});

describe('WorkerPool prefetch (the next task waits in the worker’s inbox)', () => {
  it('runs a queued task elsewhere when the task ahead of it kills the worker, without failing it', async () => {
    const p = makePool({ size: 1, documentTimeoutMs: 800 });
    const [hung, queued] = await Promise.all([p.run({ path: '/x/hang.pdf' }), p.run({ path: '/x/ok-queued' })]);
    expect(hung).toEqual({ failure: 'timeout: no result after 0.8 s (documentTimeoutMs); worker killed' });
    expect(answer(queued)).toMatchObject({ record: { source: '/x/ok-queued' } });
  });

  it('counts a queued task’s timeout from when the worker starts it, not from when it was sent', async () => {
    const p = makePool({ size: 1, documentTimeoutMs: 1_000 });
    const outcomes = await Promise.all([p.run({ path: '/x/sleep-700' }), p.run({ path: '/x/sleep-700' })]);
    expect(outcomes.map((o) => 'failure' in o)).toEqual([false, false]);
    expect(new Set(outcomes.map(pidOf)).size).toBe(1);
  });
});

describe('WorkerPool fresh runs', () => {
  it('gives a document a worker that has run nothing before when asked', async () => {
    const p = makePool({ size: 1 });
    const used = pidOf(await p.run({ path: '/x/ok-1' }));
    const fresh = pidOf(await p.run({ path: '/x/ok-2' }, { fresh: true }));
    expect(fresh).not.toBe(used);
    expect(pidOf(await p.run({ path: '/x/ok-3' }))).toBe(fresh);
  });
});

describe('WorkerPool with answers held back (a finished document waits for the next one’s answer)', () => {
  const holdingWorker = fileURLToPath(new URL('../../fixtures/run/holding-worker.mjs', import.meta.url));
  type Told = { record: { source: string; pid: number; sentWith: number } };

  it('settles the answers of one message in order, two documents per message while the next was waiting', async () => {
    const p = makePool({ size: 1, workerEntry: holdingWorker });
    // Each document takes 200 ms, so the next task is in the worker's inbox when one finishes, however
    // slow the host (documents answered at once raced their successors over IPC, and lost at load 16).
    const paths = ['/x/sleep-200-1', '/x/sleep-200-2', '/x/sleep-200-3', '/x/sleep-200-4'];
    const outcomes = await Promise.all(paths.map((path) => p.run({ path })));
    const told = outcomes.map((o) => answer(o) as Told);
    expect(told.map((t) => t.record.source)).toEqual(paths);
    expect(told.some((t) => t.record.sentWith === 2)).toBe(true);
  });

  it('runs a finished document again, and fails only the one that hung, when the worker hangs on the next', async () => {
    const p = makePool({ size: 1, workerEntry: holdingWorker, documentTimeoutMs: 800 });
    const [first, hung, after] = await Promise.all([p.run({ path: '/x/ok-first' }), p.run({ path: '/x/hang.pdf' }), p.run({ path: '/x/ok-after' })]);
    expect(answer(first)).toMatchObject({ record: { source: '/x/ok-first' } });
    expect(hung).toEqual({ failure: 'timeout: no result after 0.8 s (documentTimeoutMs); worker killed' });
    expect(answer(after)).toMatchObject({ record: { source: '/x/ok-after' } });
  });

  it('blames the document the worker was running when it dies, not the finished one it held', async () => {
    const p = makePool({ size: 1, workerEntry: holdingWorker });
    const [first, died] = await Promise.all([p.run({ path: '/x/ok-first' }), p.run({ path: '/x/exit-now' })]);
    expect(answer(first)).toMatchObject({ record: { source: '/x/ok-first' } });
    expect(died).toMatchObject({ failure: expect.stringMatching(/^crash: worker exited with code 3/) });
  });

  it('gives the document after a held one its whole time from when the worker started it', async () => {
    const p = makePool({ size: 1, workerEntry: holdingWorker, documentTimeoutMs: 1_000 });
    const outcomes = await Promise.all([p.run({ path: '/x/sleep-700' }), p.run({ path: '/x/sleep-700' })]);
    expect(outcomes.map((o) => 'failure' in o)).toEqual([false, false]);
    expect(new Set(outcomes.map(pidOf)).size).toBe(1);
  });

  it('sends the real worker’s held records whole (a held record’s bytes are not overwritten by the next)', async () => {
    ensureBuilt();
    const p = makePool({ size: 1, workerEntry: undefined });
    // One document under six names of one length: records of the same size, so each is encoded into
    // the bytes the one before it used (utf8Bytes), where a held record's bytes are unless copied.
    const [txt] = corpusDocuments().filter((path) => path.endsWith('.txt'));
    const sources = ['doc-1', 'doc-2', 'doc-3', 'doc-4', 'doc-5', 'doc-6'];
    const outcomes = await Promise.all(sources.map((source) => p.run({ path: txt, source })));
    const records = outcomes.map((o) => ('finished' in o ? o.finished.record : undefined));
    expect(records.map((r) => r?.source)).toEqual(sources);
    expect(records.every((r) => r?.status !== 'failed')).toBe(true);
  });
});
