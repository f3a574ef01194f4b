import { appendFileSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch, type BatchInput, type BatchProgress } from '../../../src/run/batch.js';
import { journalPaths, readJournal } from '../../../src/run/journal.js';
import { extractFile } from '../../../src/pipeline.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { corpusDocuments, ensureBuilt, repoRoot, tempDir } from './helpers.js';

const documents = corpusDocuments();
const inputs: BatchInput[] = documents.map((path) => ({ path, source: basename(path) }));

async function journalled(outDir: string): Promise<ReportRecord[]> {
  const records: ReportRecord[] = [];
  for await (const record of readJournal(outDir)) records.push(record);
  return records;
}

beforeAll(() => ensureBuilt());

describe('runBatch', () => {
  it('parses every corpus document in worker processes into the same record extractFile gives', async () => {
    const out = tempDir('batch');
    const progress: BatchProgress[] = [];
    const summary = await runBatch(inputs, { outDir: out, workers: 2, onProgress: (p) => progress.push(p) });
    expect(summary).toMatchObject({ total: documents.length, processed: documents.length, resumed: 0, duplicates: 0 });
    expect(summary.ok + summary.partial + summary.failed).toBe(documents.length);
    expect(progress.map((p) => p.done)).toEqual(documents.map((_, i) => i + 1));
    const records = await journalled(out);
    expect(records.map((r) => r.source)).toEqual(inputs.map((i) => i.source));
    for (const [i, path] of documents.entries()) {
      expect(records[i]).toEqual({ ...(await extractFile(path)), source: inputs[i].source });
    }
  });

  it('resumes: a second run over the same output folder parses nothing and yields the same records', async () => {
    const out = tempDir('batch');
    await runBatch(inputs, { outDir: out, workers: 2 });
    const first = await journalled(out);
    const progress: BatchProgress[] = [];
    const again = await runBatch(inputs, { outDir: out, workers: 2, onProgress: (p) => progress.push(p) });
    expect(again).toMatchObject({ total: documents.length, processed: 0, resumed: documents.length });
    expect(progress.every((p) => p.resumed)).toBe(true);
    expect(await journalled(out)).toEqual(first);
    expect(readFileSync(journalPaths(out).journal, 'utf8').trim().split('\n')).toHaveLength(documents.length);
  });

  it('redoes the document whose journal line was torn, and only that one', async () => {
    const out = tempDir('batch');
    const some = inputs.slice(0, 3);
    await runBatch(some.slice(0, 2), { outDir: out, workers: 1 });
    appendFileSync(journalPaths(out).journal, '{"key":"torn-by-a-kill","rec');
    const summary = await runBatch(some, { outDir: out, workers: 1 });
    expect(summary).toMatchObject({ processed: 1, resumed: 2 });
    expect((await journalled(out)).map((r) => r.source)).toEqual(some.map((i) => i.source));
  });

  it('re-parses everything when the settings change (the limits are part of the key)', async () => {
    const out = tempDir('batch');
    const some = inputs.slice(0, 2);
    await runBatch(some, { outDir: out, workers: 1 });
    const summary = await runBatch(some, { outDir: out, workers: 1, limits: { documentTimeoutMs: 99_000 } });
    expect(summary).toMatchObject({ processed: 2, resumed: 0 });
  });

  it('parses inputs with identical content once and lists each, the later ones as duplicates', async () => {
    const dir = tempDir('dupes');
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    copyFileSync(documents.find((d) => d.endsWith('.txt'))!, a);
    copyFileSync(a, b);
    const out = tempDir('batch');
    const summary = await runBatch([{ path: a, source: 'a.txt' }, { path: b, source: 'b.txt' }], { outDir: out, workers: 1 });
    expect(summary).toMatchObject({ total: 2, processed: 1, duplicates: 1 });
    const records = await journalled(out);
    expect(records.map((r) => [r.source, r.duplicate_of])).toEqual([['a.txt', undefined], ['b.txt', 'a.txt']]);
  });

  it('refuses files over the size limits before reading them, and reports missing files', async () => {
    const dir = tempDir('limits');
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(3 * 1024 * 1024));
    const out = tempDir('batch');
    const summary = await runBatch(
      [
        { path: big, source: 'big.txt' },
        { path: join(dir, 'absent.pdf'), source: 'absent.pdf' },
      ],
      { outDir: out, workers: 1, limits: { maxFileBytes: 2 * 1024 * 1024 } },
    );
    expect(summary).toMatchObject({ failed: 2, failures: { 'file-too-large': 1, 'cannot-read': 1 } });
    const [tooBig, absent] = await journalled(out);
    expect(tooBig.error).toBe('file-too-large: 3.0 MiB, over the 2.0 MiB limit (maxFileBytes); not read');
    expect(tooBig.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(absent.error).toMatch(/^cannot read file: ENOENT/);
  });

  it('parses in-process with workers: 0 to the same records as the worker pool', async () => {
    const some = inputs.slice(0, 4);
    const collect = async (workers: number): Promise<ReportRecord[]> => {
      const out = tempDir('batch');
      await runBatch(some, { outDir: out, workers });
      return journalled(out);
    };
    expect(await collect(0)).toEqual(await collect(2));
  });
});

describe('runBatch when aborted', () => {
  it('stops starting documents, journals the ones finished, and resumes the rest later', async () => {
    const out = tempDir('abort');
    const controller = new AbortController();
    const first = await runBatch(inputs, { outDir: out, workers: 1, signal: controller.signal, onProgress: () => controller.abort() });
    expect(first.aborted).toBe(true);
    expect(first.processed).toBeGreaterThanOrEqual(1);
    expect(first.processed).toBeLessThan(inputs.length);
    const rest = await runBatch(inputs, { outDir: out, workers: 1 });
    expect(rest).toMatchObject({ resumed: first.processed, processed: inputs.length - first.processed, aborted: false });
  });
});

describe('runBatch with misbehaving workers', () => {
  it('gives a failed record with the reason for a hang, a crash (retried once) and a memory blow-up', async () => {
    const dir = tempDir('faults');
    const names = ['hang.txt', 'exit.txt', 'rss.txt'];
    for (const name of names) writeFileSync(join(dir, name), `${name}\n`);
    const out = tempDir('faults-out');
    const summary = await runBatch(
      names.map((name) => ({ path: join(dir, name), source: name })),
      { outDir: out, workers: 2, limits: { documentTimeoutMs: 1_000, workerMemoryMb: 200 }, memoryPollMs: 50, workerEntry: join(repoRoot, 'tests/fixtures/run/fault-worker.mjs') },
    );
    expect(summary).toMatchObject({ total: 3, failed: 3, failures: { timeout: 1, crash: 1, memory: 1 } });
    const records = await journalled(out);
    expect(records.map((r) => [r.source, r.status, r.format, r.error])).toEqual([
      ['hang.txt', 'failed', 'txt', 'timeout: no result after 1 s (documentTimeoutMs); worker killed'],
      ['exit.txt', 'failed', 'txt', 'crash: worker exited with code 3 (also on a retry in a fresh worker)'],
      ['rss.txt', 'failed', 'txt', expect.stringMatching(/^memory: worker RSS \d+ MiB over the 200 MiB cap \(workerMemoryMb\); worker killed \(also on a retry in a fresh worker\)$/)],
    ]);
    expect(records[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
