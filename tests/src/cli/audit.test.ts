import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { failedRecord } from '../../../src/pipeline.js';
import { CORPUS } from '../../corpus/truth.js';

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

describe('nianbao serve --host', () => {
  it('warns that a non-loopback address shares the site and its review form without a login', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nianbao-host-'));
    writeFileSync(join(out, 'reports.ndjson'), JSON.stringify(failedRecord('x.pdf', Buffer.from('x'), 'pdf', 'test', 'crash')) + '\n');
    const child = spawn(process.execPath, [BIN, 'serve', out, '--host', '0.0.0.0', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    await new Promise<void>((ok, fail) => {
      child.stderr!.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('serve: ')) ok();
      });
      child.once('exit', (code) => fail(new Error(`serve exited ${code}: ${stderr}`)));
    });
    child.kill();
    expect(stderr).toContain('warning: listening on 0.0.0.0: anyone who can reach this address can read the reports and record review decisions');
    expect(stderr).toMatch(/serve: 1 reports at http:\/\/0\.0\.0\.0:\d+\//);
  });
});

describe('nianbao audit --threads', () => {
  it('writes the same site from worker threads as from one thread', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nianbao-threads-'));
    await run(process.execPath, [BIN, 'extract', join(CORPUS, 'real'), join(CORPUS, 'rendered'), join(CORPUS, 'variety'), '--out', out, '-q'], { maxBuffer: 1 << 24 });
    const site = (): Map<string, string> => {
      const files = new Map<string, string>();
      for (const dir of ['reports', 'sources', 'data']) {
        for (const name of readdirSync(join(out, 'audit', dir))) files.set(`${dir}/${name}`, readFileSync(join(out, 'audit', dir, name), 'utf8'));
      }
      files.set('index.html', readFileSync(join(out, 'audit', 'index.html'), 'utf8'));
      return files;
    };
    await run(process.execPath, [BIN, 'audit', out, '--threads', '2']);
    const threaded = site();
    rmSync(join(out, 'audit'), { recursive: true });
    await run(process.execPath, [BIN, 'audit', out, '--threads', '1']);
    const single = site();
    expect([...threaded.keys()].sort()).toEqual([...single.keys()].sort());
    expect([...threaded.keys()].filter((k) => k.startsWith('reports/') && k.endsWith('.html')).length).toBe(readFileSync(join(out, 'reports.ndjson'), 'utf8').trim().split('\n').length);
    for (const [name, text] of single) expect(threaded.get(name), name).toBe(text);
  }, 180_000);
});
