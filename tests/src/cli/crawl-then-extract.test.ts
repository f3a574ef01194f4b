/**
 * The hand-over from crawl to extract: a crawl of fixture portals on 127.0.0.1, then `nianbao extract`
 * on the crawl folder gives each downloaded report a record carrying its URL, and the PDF attachment
 * of a report page is cross-checked against the page.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl } from '../../../src/crawl/index.js';
import { FAST } from '../crawl/fast-options.js';
import { startFixtureServer, type FixtureServer } from '../crawl/fixture-server.js';
import { loadTruths } from '../../corpus/truth.js';

const run = promisify(execFile);
let server: FixtureServer;
let crawlDir: string;
let outDir: string;
let records: Array<Record<string, any>>;

beforeAll(async () => {
  server = await startFixtureServer();
  crawlDir = await mkdtemp(join(tmpdir(), 'nianbao-crawl-extract-'));
  outDir = await mkdtemp(join(tmpdir(), 'nianbao-crawl-extract-out-'));
  await crawl({ ...FAST, seeds: [server.seeds.trs], outDir: crawlDir });
  await run(process.execPath, [join(process.cwd(), 'bin/nianbao.js'), 'extract', crawlDir, '--out', outDir]);
  records = (await readFile(join(outDir, 'reports.ndjson'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
}, 180_000);

afterAll(async () => {
  await server?.close();
  for (const d of [crawlDir, outDir]) if (d) await rm(d, { recursive: true, force: true });
});

describe('nianbao extract on a crawl folder', () => {
  it('reads every downloaded report page and attachment, each under its URL', () => {
    expect(records.length).toBeGreaterThanOrEqual(3);
    for (const r of records) {
      expect(r.source).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(r.source_url).toBe(r.source);
    }
  });

  it('gives the 2023 report page its truth cells and its publication date from the page', () => {
    const truth = loadTruths(['real']).find((t) => t.id === 'pingtan-2023-page')!;
    const page = records.find((r) => r.source.endsWith('/202403/t20240308_87885.htm'))!;
    expect(page).toMatchObject({ status: 'ok', format: 'html', year: 2023, published: '2024-03-08' });
    for (const [key, value] of Object.entries(truth.cells)) expect(page.cells[key], key).toBe(value);
  });

  it('links the PDF attachment to its page and finds them in agreement', () => {
    const pdf = records.find((r) => r.format === 'pdf')!;
    expect(pdf.parent_url).toMatch(/\/202403\/t20240308_87885\.htm$/);
    expect(pdf.status).toBe('ok');
    expect(pdf.findings.filter((f: { rule: string }) => f.rule === 'crosscheck.same_report')).toEqual([]);
  });
});
