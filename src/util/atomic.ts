/**
 * Whole-file writes that are never seen half-done: write a temporary file in the same directory
 * (same filesystem, so rename is atomic) and rename it over the target. A crash leaves either the old
 * file or the new one, plus at worst a stray `.tmp-*` file.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type AtomicContents = string | Uint8Array | Readable | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** Where a file is written before it is renamed over `path`: hidden, beside it, unique to this write. */
export function tempPathBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** A leftover of an interrupted atomic write (safe to delete: nothing refers to it). */
export function isTempName(name: string): boolean {
  return /^\..+\.tmp-\d+-[0-9a-f]{8}$/.test(name);
}

export async function atomicWrite(path: string, contents: AtomicContents): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathBeside(path);
  try {
    if (typeof contents === 'string' || contents instanceof Uint8Array) {
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(contents);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } else {
      const source = contents instanceof Readable ? contents : Readable.from(contents);
      await pipeline(source, createWriteStream(temp, { flush: true }));
    }
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
