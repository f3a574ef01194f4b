/**
 * End to end on every truth file of ../shared/corpus: what the structure stage owns (agency, year,
 * published, prose figures, legacy statistics) must match. A document whose reader has not landed
 * yet is skipped with a note, so this test goes live reader by reader.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/pipeline.js';
import { CORPUS } from './documents.js';

interface Truth {
  file: string;
  agency: string;
  year: number;
  published?: string | null;
  prose?: Record<string, number>;
  legacy_stats?: [string, string, number | null][];
  legacy_stats_cumulative?: [string, string, number | null][];
}

const truthFiles = fg.sync('**/*.truth.json', { cwd: CORPUS, absolute: true }).sort();

/** A failed record that says its reader is missing, rather than that the document is bad. */
const READER_MISSING = /not[- ]implemented|format not recognised/i;

describe.each(truthFiles.map((path) => ({ name: relative(CORPUS, path).replace('.truth.json', ''), path })))('$name', ({ path }) => {
  const truth = JSON.parse(readFileSync(path, 'utf8')) as Truth;

  it('states the agency, year, publication date, prose figures and legacy statistics of its truth file', async (ctx) => {
    const record = await extractFile(join(dirname(path), truth.file));
    if (record.status === 'failed' && READER_MISSING.test(record.error ?? '')) {
      console.warn(`skipped ${truth.file}: ${record.error}`);
      ctx.skip();
    }
    expect(record.agency).toBe(truth.agency);
    expect(record.year).toBe(truth.year);
    if ('published' in truth) expect(record.published ?? null).toBe(truth.published);
    for (const [key, value] of Object.entries(truth.prose ?? {})) {
      expect({ key, value: record.prose[key]?.value }).toEqual({ key, value });
    }
    if (truth.legacy_stats) {
      expect(record.legacy_stats.map((s) => [s.indicator, s.unit, s.value])).toEqual(truth.legacy_stats);
    }
    if (truth.legacy_stats_cumulative) {
      expect((record.legacy_stats_cumulative ?? []).map((s) => [s.indicator, s.unit, s.value])).toEqual(truth.legacy_stats_cumulative);
    }
  });
});
