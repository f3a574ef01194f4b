import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../../src/run/prepare.js';
import { resolveLimits } from '../../../src/limits.js';
import { tempDir } from './helpers.js';

const limits = resolveLimits({});
const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('prepare', () => {
  it('hashes every file whole, large then small then empty (one read buffer serves them all)', async () => {
    const dir = tempDir('prepare');
    const files: [string, Buffer][] = [
      ['large.txt', Buffer.from('政府信息公开'.repeat(50000))], // 900,000 bytes: just under the synchronous read's 1 MiB
      ['small.txt', Buffer.from('short')],
      ['empty.txt', Buffer.alloc(0)],
      ['over.txt', Buffer.alloc(3 * 1024 * 1024, 7)], // read by the asynchronous path
    ];
    for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
    for (const [name, bytes] of files) {
      const item = await prepare({ path: join(dir, name), source: name }, limits, 'settings');
      expect({ name, sha256: item.sha256, sizeBytes: item.sizeBytes, bytesRead: item.bytesRead, refusal: item.refusal }).toEqual({ name, sha256: sha(bytes), sizeBytes: bytes.length, bytesRead: true, refusal: undefined });
    }
  });

  it('refuses a folder with the message reading it gives', async () => {
    const dir = tempDir('prepare');
    mkdirSync(join(dir, 'sub'));
    const item = await prepare({ path: join(dir, 'sub'), source: 'sub' }, limits, 'settings');
    expect(item.refusal).toBe('cannot read file: EISDIR: illegal operation on a directory, read');
    expect(item.bytesRead).toBe(false);
  });
});
