/**
 * A run's outputs published as one set: the datasets are written into a staging folder inside the
 * output folder (same filesystem, so a rename is atomic), then a commit record listing them is
 * written, then each is renamed over its target, then the record is removed. A crash before the
 * record leaves the old set untouched; a crash after it is rolled forward by the next run into that
 * folder (`finishPublication`), so readers never keep a mix of old and new datasets.
 */
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWrite } from '../util/atomic.js';

const STATE_DIR = '.nianbao';

export function stagingDir(outDir: string): string {
  return join(outDir, STATE_DIR, 'staging');
}

function commitRecord(outDir: string): string {
  return join(outDir, STATE_DIR, 'publish.json');
}

/** An empty staging folder (what a crashed run staged but never committed is dropped). */
export async function beginStaging(outDir: string): Promise<string> {
  await finishPublication(outDir);
  const dir = stagingDir(outDir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Publishes everything staged: commit record, renames, record removed. */
export async function publishStaged(outDir: string): Promise<void> {
  const names = (await readdir(stagingDir(outDir))).sort();
  await atomicWrite(commitRecord(outDir), JSON.stringify({ names }) + '\n');
  await finishPublication(outDir);
}

/** Rolls forward a publication whose commit record exists: moves what is still staged into place. */
export async function finishPublication(outDir: string): Promise<void> {
  let names: string[];
  try {
    names = (JSON.parse(await readFile(commitRecord(outDir), 'utf8')) as { names: string[] }).names;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const staged = stagingDir(outDir);
  const present = new Set(await readdir(staged).catch(() => [] as string[]));
  for (const name of names) {
    if (!present.has(name)) continue; // moved before the crash
    // A file is renamed over the old one (atomic). A folder (parquet/) cannot be renamed over a
    // non-empty one: the old one goes first; a crash in between is rolled forward from the staged copy.
    const target = join(outDir, name);
    if ((await stat(target).catch(() => undefined))?.isDirectory()) await rm(target, { recursive: true, force: true });
    await rename(join(staged, name), target);
  }
  await rm(commitRecord(outDir), { force: true });
  await rm(staged, { recursive: true, force: true });
}
