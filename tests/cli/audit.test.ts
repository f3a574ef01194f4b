import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = join(process.cwd(), 'bin/nianbao.js');

describe('nianbao audit and serve without an extract', () => {
  it('say that extract must run first, and exit 1', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'nianbao-noextract-'));
    for (const args of [['audit', empty], ['serve', empty, '--port', '0']]) {
      const err = (await run(process.execPath, [BIN, ...args]).catch((e) => e)) as { code: number; stderr: string };
      expect(err.code).toBe(1);
      expect(err.stderr).toContain('reports.ndjson not found: run `nianbao extract');
    }
  });
});
