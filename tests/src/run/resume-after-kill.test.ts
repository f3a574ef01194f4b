import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { journalPaths, readJournal, type JournalEntry } from '../../../src/run/journal.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { variant } from '../../../tools/vary.js';
import { corpusDocuments, ensureBuilt, repoRoot, tempDir } from './helpers.js';

const batchMain = join(repoRoot, 'dist/src/run/batch-main.js');
const slowWorker = join(repoRoot, 'tests/fixtures/run/slow-worker.mjs');

/** ~30 distinct documents: every corpus document, then content variants of them. */
function makeCorpus(count: number): string[] {
  const dir = tempDir('kill-corpus');
  const originals = corpusDocuments();
  return Array.from({ length: count }, (_, i) => {
    const source = originals[i % originals.length];
    const n = Math.floor(i / originals.length);
    const path = join(dir, `${n}-${basename(source)}`);
    writeFileSync(path, variant(readFileSync(source), source, n));
    return path;
  });
}

function journalLines(out: string): string[] {
  try {
    return readFileSync(journalPaths(out).journal, 'utf8').split('\n').filter((l) => l.length > 0);
  } catch {
    return [];
  }
}

function runBatchMain(out: string, files: string[], extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  return spawn(process.execPath, [batchMain, '--out', out, '--workers', '2', ...extra, ...files], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function finished(child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout })));
}

async function records(out: string): Promise<ReportRecord[]> {
  const all: ReportRecord[] = [];
  for await (const record of readJournal(out)) all.push(record);
  return all;
}

beforeAll(() => ensureBuilt());

describe('a run killed with SIGKILL half-way', () => {
  it('finishes on re-run with exactly the records of an uninterrupted run, none lost or duplicated', async () => {
    const files = makeCorpus(30);
    const killed = tempDir('killed');
    const child = runBatchMain(killed, files, ['--worker-entry', slowWorker], { NIANBAO_TEST_DELAY_MS: '150' });
    const ended = finished(child);
    let linesAtKill = 0;
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        linesAtKill = journalLines(killed).length;
        if (linesAtKill >= 15 || child.exitCode !== null) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 10);
    });
    const first = await ended;
    expect(first.signal).toBe('SIGKILL');
    expect(linesAtKill).toBeGreaterThanOrEqual(15);
    expect(linesAtKill).toBeLessThan(30);

    const resumed = await finished(runBatchMain(killed, files));
    expect(resumed.code).toBe(0);
    const summary = JSON.parse(resumed.stdout) as { resumed: number; processed: number; total: number };
    expect(summary.total).toBe(30);
    expect(summary.resumed).toBeGreaterThanOrEqual(linesAtKill);
    expect(summary.resumed + summary.processed).toBe(30);

    const clean = tempDir('clean');
    expect((await finished(runBatchMain(clean, files))).code).toBe(0);

    const keys = journalLines(killed).map((line) => (JSON.parse(line) as JournalEntry).key);
    expect(keys).toHaveLength(30);
    expect(new Set(keys).size).toBe(30);
    expect(await records(killed)).toEqual(await records(clean));
    expect((await records(killed)).map((r) => r.source)).toEqual(files);
  });
});
