/**
 * Seeded mutants of real reports (tools/hostile/mutate.ts) in one run: each is read to a record or
 * refused with its own reader's code, never killed from outside (timeout, memory, crash). Seed 1 held,
 * before their fixes, a PDF whose page-tree fetches rejected unhandled (the worker died: "crash") and
 * two portal pages whose spaced-out cells read as Infinity (the record failed validation: "crash");
 * the same mutations of a font's /W grew an array to V8's limit (extractors/pdf/pdfjs-patch.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/run/batch.js';
import { readJournal } from '../../src/run/journal.js';
import { failureCodeOfReason } from '../../src/schemas/failure-codes.js';
import type { ReportRecord } from '../../src/schemas/record.js';
import { mutants } from '../../tools/hostile/mutate.js';
import { CORPUS } from '../corpus/truth.js';
import { ensureBuilt, tempDir } from '../src/run/helpers.js';

const SEED = 1;
const SOURCES: Array<[path: string, count: number]> = [
  [join(CORPUS, 'real/hongze-2023.pdf'), 8],
  [join(CORPUS, 'real/huaian-city-2024.pdf'), 8],
  [join(CORPUS, 'real/pingtan-2023-page.html'), 8],
  [join(CORPUS, 'variety/shanghai-govoffice-2019.html'), 8],
  [join(CORPUS, 'variety/pingtan-2024-glued.txt'), 8],
  [join(CORPUS, 'rendered/seed-docx.docx'), 4],
  ['tests/fixtures/ofd/hongze-2023.ofd', 4],
  ['tests/fixtures/xlsx/pingtan-2023-tables.xlsx', 4],
];

const names: string[] = [];
const records = new Map<string, ReportRecord>();

beforeAll(async () => {
  ensureBuilt();
  const dir = tempDir('mutants');
  for (const [path, count] of SOURCES) {
    for (const mutant of mutants(readFileSync(path), basename(path), count, SEED)) {
      writeFileSync(join(dir, mutant.name), mutant.bytes);
      names.push(mutant.name);
    }
  }
  const out = tempDir('mutants-out');
  await runBatch(
    names.map((name) => ({ path: join(dir, name), source: name })),
    { outDir: out, workers: 2, limits: { documentTimeoutMs: 60_000 } },
  );
  for await (const record of readJournal(out)) records.set(record.source, record);
}, 600_000);

describe(`mutants of real reports (seed ${SEED})`, () => {
  it('gives every mutant one record', () => {
    expect(names.length).toBe(52);
    expect([...records.keys()].sort()).toEqual([...names].sort());
  });

  it('reads or refuses each one itself: no mutant is killed by the runner or crashes its worker', () => {
    const killed = [...records.values()]
      .filter((r) => r.status === 'failed' && ['timeout', 'memory', 'crash'].includes(failureCodeOfReason(r.error ?? '')))
      .map((r) => `${r.source}: ${(r.error ?? '').slice(0, 200)}`);
    expect(killed).toEqual([]);
  });

  it('reads some mutants despite the damage (the run is not refusing everything)', () => {
    expect([...records.values()].filter((r) => r.status !== 'failed').length).toBeGreaterThan(names.length / 3);
  });
});
