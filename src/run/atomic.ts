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

export async function atomicWrite(path: string, contents: AtomicContents): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
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
