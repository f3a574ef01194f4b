import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from './helpers.js';

// What the run has forked so far, and what the journal saw of it when it was opened.
const forked = vi.hoisted(() => ({ children: [] as ChildProcess[], atJournalOpen: [] as number[], failOpen: false }));

vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:child_process')>();
  const fork = ((...args: Parameters<typeof actual.fork>) => {
    const child = actual.fork(...args);
    forked.children.push(child);
    return child;
  }) as typeof actual.fork;
  return { ...actual, default: { ...actual, fork }, fork };
});

vi.mock('../../../src/run/journal.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/run/journal.js')>();
  const open = async (outDir: string): ReturnType<typeof actual.Journal.open> => {
    forked.atJournalOpen.push(forked.children.length);
    if (forked.failOpen) throw new Error('journal cannot be opened');
    return actual.Journal.open(outDir);
  };
  return { ...actual, Journal: { open } };
});

const { runBatch } = await import('../../../src/run/batch.js');
const faultWorker = fileURLToPath(new URL('../../fixtures/run/fault-worker.mjs', import.meta.url));

function inputs(): { path: string; source: string }[] {
  const dir = tempDir('batch-start');
  return ['ok-1.txt', 'ok-2.txt'].map((name) => {
    const path = join(dir, name);
    writeFileSync(path, `report ${name}\n`);
    return { path, source: name };
  });
}

beforeEach(() => {
  forked.children.length = 0;
  forked.atJournalOpen.length = 0;
  forked.failOpen = false;
});

describe('runBatch start-up', () => {
  it('forks its workers before opening the journal, so their start-up overlaps the run\'s own', async () => {
    const summary = await runBatch(inputs(), { outDir: tempDir('batch-start-out'), workers: 2, workerEntry: faultWorker });
    expect(summary).toMatchObject({ total: 2, processed: 2 });
    expect(forked.atJournalOpen).toEqual([2]);
  });

  it('stops the workers it started when the journal cannot be opened', async () => {
    forked.failOpen = true;
    await expect(runBatch(inputs(), { outDir: tempDir('batch-start-out'), workers: 2, workerEntry: faultWorker })).rejects.toThrow('journal cannot be opened');
    expect(forked.children).toHaveLength(2);
    for (const child of forked.children) expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
  });
});
