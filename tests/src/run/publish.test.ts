/** A run's datasets are published as one set: never a mix of an old run's files and a new one's. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { beginStaging, finishPublication, publishStaged, stagingDir } from '../../../src/run/publish.js';

function outWithOldRun(): string {
  const out = mkdtempSync(join(tmpdir(), 'nianbao-publish-'));
  writeFileSync(join(out, 'reports.csv'), 'old');
  writeFileSync(join(out, 'summary.json'), 'old');
  mkdirSync(join(out, 'parquet'));
  writeFileSync(join(out, 'parquet', 'reports.parquet'), 'old');
  writeFileSync(join(out, 'parquet', 'gone.parquet'), 'old');
  writeFileSync(join(out, 'reviews.ndjson'), 'kept');
  return out;
}

async function stageNewRun(out: string): Promise<void> {
  const stage = await beginStaging(out);
  writeFileSync(join(stage, 'reports.csv'), 'new');
  writeFileSync(join(stage, 'summary.json'), 'new');
  mkdirSync(join(stage, 'parquet'));
  writeFileSync(join(stage, 'parquet', 'reports.parquet'), 'new');
}

const contents = (out: string) => ({
  reports: readFileSync(join(out, 'reports.csv'), 'utf8'),
  summary: readFileSync(join(out, 'summary.json'), 'utf8'),
  parquet: readdirSync(join(out, 'parquet')).map((f) => `${f}:${readFileSync(join(out, 'parquet', f), 'utf8')}`),
  reviews: readFileSync(join(out, 'reviews.ndjson'), 'utf8'),
});

describe('publishing a run\'s datasets', () => {
  it('replaces the whole set and leaves what it does not write (reviews.ndjson) alone', async () => {
    const out = outWithOldRun();
    await stageNewRun(out);
    await publishStaged(out);
    expect(contents(out)).toEqual({ reports: 'new', summary: 'new', parquet: ['reports.parquet:new'], reviews: 'kept' });
    expect(existsSync(stagingDir(out))).toBe(false);
  });

  it('leaves the old set whole when the run dies before committing, and the next run drops what it staged', async () => {
    const out = outWithOldRun();
    await stageNewRun(out);
    // (died here)
    expect(contents(out)).toEqual({ reports: 'old', summary: 'old', parquet: ['gone.parquet:old', 'reports.parquet:old'], reviews: 'kept' });
    const stage = await beginStaging(out);
    expect(readdirSync(stage)).toEqual([]);
    expect(readFileSync(join(out, 'reports.csv'), 'utf8')).toBe('old');
  });

  it('rolls a publication that died half-way forward to the whole new set', async () => {
    const out = outWithOldRun();
    await stageNewRun(out);
    // Committed, and only the first of the three moved before the crash.
    writeFileSync(join(out, '.nianbao', 'publish.json'), JSON.stringify({ names: ['parquet', 'reports.csv', 'summary.json'] }));
    const { renameSync, rmSync } = await import('node:fs');
    rmSync(join(out, 'parquet'), { recursive: true });
    renameSync(join(stagingDir(out), 'parquet'), join(out, 'parquet'));
    expect(contents(out)).toMatchObject({ reports: 'old', parquet: ['reports.parquet:new'] });
    // The next run into the folder (beginStaging calls it first) finishes the publication.
    await finishPublication(out);
    expect(contents(out)).toEqual({ reports: 'new', summary: 'new', parquet: ['reports.parquet:new'], reviews: 'kept' });
    expect(existsSync(join(out, '.nianbao', 'publish.json'))).toBe(false);
  });
});
