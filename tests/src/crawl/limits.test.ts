import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl } from '../../../src/crawl/index.js';
import { readManifest } from '../../../src/crawl/manifest.js';
import { FAST } from './fast-options.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';

let server: FixtureServer;
const dirs: string[] = [];
const newDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-limits-'));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('crawl limits', () => {
  it('stops after the page budget of a run', async () => {
    const dir = await newDir();
    const summary = await crawl({ ...FAST, seeds: [server.seeds.trs], outDir: dir, maxPages: 3 });
    expect(summary.stoppedBy).toBe('max-pages');
    expect(await readManifest(dir)).toHaveLength(3);
  });

  it('stops at the byte budget', async () => {
    const dir = await newDir();
    const summary = await crawl({ ...FAST, seeds: [server.seeds.trs], outDir: dir, maxTotalBytes: 50_000 });
    expect(summary.stoppedBy).toBe('max-total-bytes');
    expect(summary.bytes).toBeGreaterThanOrEqual(50_000);
    expect((await readManifest(dir)).length).toBeLessThan(8);
  });

  it('at depth 1 takes the reports a list links to but not their attachments', async () => {
    const dir = await newDir();
    await crawl({ ...FAST, seeds: [server.seeds.trs], outDir: dir, maxDepth: 1 });
    const manifest = await readManifest(dir);
    expect(manifest.some((entry) => entry.url.endsWith('t20240308_87885.htm'))).toBe(true);
    expect(manifest.some((entry) => entry.kind === 'attachment')).toBe(false);
  });

  it('without --allow-private-network refuses a loopback portal, robots.txt included, and says why', async () => {
    const dir = await newDir();
    const before = server.requests.size;
    const robotsBefore = server.requests.get('/robots.txt') ?? 0;
    const summary = await crawl({ ...FAST, seeds: [`${server.origin}/nowhere/index.html`], outDir: dir, allowPrivateNetwork: false });
    expect(summary.errorsByCode).toEqual({ 'blocked-address': 1 });
    expect((await readManifest(dir))[0]).toMatchObject({ error: 'blocked-address', status: 0, path: null });
    expect(server.requests.size).toBe(before);
    expect(server.requests.get('/robots.txt') ?? 0).toBe(robotsBefore);
    expect(server.requests.has('/nowhere/index.html')).toBe(false);
  });

  it('rejects a seed that is not an http(s) URL', async () => {
    await expect(crawl({ ...FAST, seeds: ['ftp://example.org/'], outDir: await newDir() })).rejects.toMatchObject({ code: 'unsupported-scheme' });
  });
});

describe('the command line options', () => {
  it('read seeds from a file, one a line, with comments', async () => {
    const { expandSeeds } = await import('../../../src/crawl/command.js');
    const dir = await newDir();
    const file = join(dir, 'seeds.txt');
    await writeFile(file, '# portals\nhttps://a.gov.cn/nb/\n\n https://b.gov.cn/nb/index.html # county\n');
    expect(expandSeeds([file, 'https://c.gov.cn/'])).toEqual(['https://a.gov.cn/nb/', 'https://b.gov.cn/nb/index.html', 'https://c.gov.cn/']);
  });

  it('map flags to options, with an allow-list for private networks', async () => {
    const { Command } = await import('commander');
    const { registerCrawlCommand, toCrawlOptions } = await import('../../../src/crawl/command.js');
    const program = new Command().exitOverride();
    const command = registerCrawlCommand(program);
    command.action(() => {});
    await program.parseAsync(['node', 'nianbao', 'crawl', 'https://a.gov.cn/', '--out', 'x', '--allow-private-network', '127.0.0.1', '10.0.0.0/8', '--delay', '250', '--years', '2019-2023'], { from: 'node' });
    const options = toCrawlOptions(command.processedArgs[0] as string[], command.opts());
    expect(options).toMatchObject({
      seeds: ['https://a.gov.cn/'],
      outDir: 'x',
      allowPrivateNetwork: ['127.0.0.1', '10.0.0.0/8'],
      perHostDelayMs: 250,
      perHostConcurrency: 1,
      years: { from: 2019, to: 2023 },
      reportPattern: '年度报告|年报',
    });
  });
});
