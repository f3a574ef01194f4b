/**
 * Ctrl-C during `nianbao extract`: the run stops after the documents in progress, says how to resume
 * and writes no dataset; running the same command again resumes (saying how many documents it took
 * from the interrupted run) and publishes complete outputs: one record per input, none twice.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { journalPaths } from '../../../src/run/journal.js';
import { variant } from '../../../tools/vary.js';
import { corpusDocuments, ensureBuilt, repoRoot, tempDir } from '../run/helpers.js';

const BIN = join(repoRoot, 'bin/nianbao.js');

function journalLines(out: string): number {
  try {
    return readFileSync(journalPaths(out).journal, 'utf8').split('\n').filter((l) => l.length > 0).length;
  } catch {
    return 0;
  }
}

function extract(folder: string, out: string) {
  const child = spawn(process.execPath, [BIN, 'extract', folder, '--out', out, '--workers', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { child, ended };
}

beforeAll(() => ensureBuilt());

describe('Ctrl-C during extract', () => {
  it('says how to resume, and the same command resumes and writes complete outputs', async () => {
    // The text and HTML documents of the corpus and variants of them: distinct bytes, quick to read.
    const folder = tempDir('sigint-in');
    const originals = corpusDocuments().filter((f) => /\.(txt|html)$/.test(f));
    const count = 40;
    for (let i = 0; i < count; i++) {
      const source = originals[i % originals.length];
      const n = Math.floor(i / originals.length);
      writeFileSync(join(folder, `${String(i).padStart(2, '0')}-${basename(source)}`), variant(readFileSync(source), source, n));
    }
    const out = tempDir('sigint-out');

    const first = extract(folder, out);
    // Interrupt once some documents are journalled: the run is under way, most documents not yet read.
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (journalLines(out) >= 2) {
          clearInterval(poll);
          first.child.kill('SIGINT');
          resolve();
        }
      }, 5);
      void first.ended.then(() => {
        clearInterval(poll);
        reject(new Error('the run ended before it could be interrupted'));
      });
    });
    const stopped = await first.ended;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/re-run the same command to resume: the \d+ documents done are kept in .*\.nianbao/);
    expect(stopped.stderr).toContain('interrupted: no dataset written');
    expect(existsSync(join(out, 'reports.ndjson'))).toBe(false);
    const kept = journalLines(out);
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(count);

    const second = extract(folder, out);
    const done = await second.ended;
    expect(done.code).toBe(0);
    expect(done.stderr).toContain(`(${kept} resumed from an earlier run)`);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ documents: count, resumed: kept });
    const records = readFileSync(join(out, 'reports.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { source: string });
    expect(records.map((r) => basename(r.source)).sort()).toEqual(readdirSync(folder).sort());
    expect(new Set(records.map((r) => r.source)).size).toBe(count);
  });
});
