import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, type CrawlSummary } from '../../../src/crawl/index.js';
import { readManifest, type ManifestEntry } from '../../../src/crawl/manifest.js';
import { FAST } from './fast-options.js';
import { sha256Of } from '../../../src/crawl/storage.js';
import { PINGTAN_2023_PDF, startFixtureServer, type FixtureServer } from './fixture-server.js';


let server: FixtureServer;
let dir: string;
let summary: CrawlSummary;
let manifest: ManifestEntry[];
const byUrl = (path: string) => manifest.find((entry) => entry.url === server.origin + path);

beforeAll(async () => {
  server = await startFixtureServer();
  dir = await mkdtemp(join(tmpdir(), 'nianbao-crawl-'));
  summary = await crawl({ ...FAST, seeds: Object.values(server.seeds), outDir: dir });
  manifest = await readManifest(dir);
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a crawl of fixture portals', () => {
  it('discovers every report through TRS script pagination, a GBK list without charset, JSON and XML endpoints and plain links', () => {
    const pages = manifest.filter((entry) => entry.kind === 'page' && entry.status === 200).map((entry) => entry.url.replace(server.origin, '')).sort();
    expect(pages).toEqual([
      '/bportal/202201/t20220115_5.htm',
      '/bportal/202402/t20240205_9.htm',
      '/hostile/flaky.html',
      '/hostile/throttled.html',
      '/moved/2022.htm',
      '/plain/2019.html',
      '/plain/2020.html',
      '/xxgk/nb/201701/t20170118_80485.htm',
      '/xxgk/nb/202201/t20220125_3.htm',
      '/xxgk/nb/202403/t20240308_87885.htm',
    ]);
    const lists = manifest.filter((entry) => entry.kind === 'list').map((entry) => entry.url.replace(server.origin, '')).sort();
    expect(lists).toEqual([
      '/bportal/',
      '/bportal/index.html',
      '/bportal/list.json?page=1',
      '/bportal/list.json?page=2',
      '/bportal/list.xml?page=1',
      '/hostile/index.html',
      '/plain/list.html',
      '/plain/list.html?page=2',
      '/xxgk/nb/',
      '/xxgk/nb/index.html',
      '/xxgk/nb/index_1.html',
      '/xxgk/nb/index_2.html',
    ]);
  });

  it('downloads the relative PDF attachment of the 2023 report once, linked to its page', () => {
    const pdf = byUrl('/xxgk/nb/202403/P020240308_report.pdf');
    const page = byUrl('/xxgk/nb/202403/t20240308_87885.htm');
    expect(pdf).toMatchObject({
      kind: 'attachment',
      status: 200,
      content_type: 'application/pdf',
      sha256: sha256Of(PINGTAN_2023_PDF),
      path: `files/${sha256Of(PINGTAN_2023_PDF)}.pdf`,
      parent_url: page?.url,
      parent_sha256: page?.sha256,
      referrer: page?.url,
      title: '平潭综合实验区2023年度政府信息公开工作年度报告',
      published_at: '2024-03-08',
    });
    expect(server.requests.get('/xxgk/nb/202403/P020240308_report.pdf')).toBe(1);
    expect(server.requests.get('/xxgk/nb/202403/t20240308_87885.htm')).toBe(1);
  });

  it('stores identical content once: the same PDF behind two URLs is one file', async () => {
    const samePdf = manifest.filter((entry) => entry.sha256 === sha256Of(PINGTAN_2023_PDF));
    expect(samePdf.map((entry) => entry.url.replace(server.origin, '')).sort()).toEqual(['/bportal/files/2022.pdf', '/xxgk/nb/202403/P020240308_report.pdf']);
    const files = await readdir(join(dir, 'files'));
    expect(files.filter((name) => name.startsWith(sha256Of(PINGTAN_2023_PDF)))).toHaveLength(1);
    const shas = new Set(manifest.filter((entry) => entry.sha256).map((entry) => entry.sha256));
    expect(files.sort()).toEqual(manifest.filter((entry) => entry.path).map((entry) => entry.path!.slice('files/'.length)).filter((name, i, all) => all.indexOf(name) === i).sort());
    expect(files).toHaveLength(shas.size);
  });

  it('decodes GBK pages without a charset header and reads their titles and dates', () => {
    expect(byUrl('/xxgk/nb/202201/t20220125_3.htm')).toMatchObject({
      title: '平潭县人民政府2021年度政府信息公开工作年度报告',
      published_at: '2022-04-02',
      link_text: '平潭县人民政府2021年度政府信息公开工作年度报告',
      referrer: `${server.origin}/xxgk/nb/index_2.html`,
    });
  });

  it('records the final URL after a redirect and falls back to Last-Modified for the date', () => {
    expect(byUrl('/moved/2022.htm')).toMatchObject({
      final_url: `${server.origin}/xxgk/nb/2022/report.htm`,
      title: '平潭综合实验区2022年政府信息公开工作年度报告',
      published_at: '2023-03-20',
    });
  });

  it('retries a 500 and a 429 (after its capped Retry-After) and gets the page', () => {
    expect(server.requests.get('/hostile/flaky.html')).toBe(2);
    expect(server.requests.get('/hostile/throttled.html')).toBe(2);
    const [first, second] = server.arrivals.get('/hostile/throttled.html')!;
    expect(second - first).toBeGreaterThanOrEqual(90);
    expect(byUrl('/hostile/flaky.html')).toMatchObject({ status: 200, error: null });
  });

  it('gives up on a body that stalls, after the retries, with body-timeout', () => {
    expect(byUrl('/hostile/stall.pdf')).toMatchObject({ status: 0, error: 'body-timeout', sha256: null, path: null });
    expect(server.requests.get('/hostile/stall.pdf')).toBe(3);
  });

  it('stops a redirect loop and does not retry it', () => {
    expect(byUrl('/hostile/loop-a')).toMatchObject({ error: 'redirect-loop' });
    expect(server.requests.get('/hostile/loop-a')).toBe(1);
    expect(server.requests.get('/hostile/loop-b')).toBe(1);
  });

  it('refuses redirects to the metadata service and to a private address', () => {
    expect(byUrl('/hostile/to-metadata')).toMatchObject({ error: 'blocked-address', status: 0 });
    expect(byUrl('/hostile/to-private')).toMatchObject({ error: 'blocked-address', status: 0 });
    expect(server.requests.get('/hostile/to-metadata')).toBe(1);
  });

  it('aborts an oversized body without retrying, and never asks for a robots-disallowed or 404 page twice', () => {
    expect(byUrl('/hostile/huge.pdf')).toMatchObject({ error: 'body-too-large', path: null });
    expect(server.requests.get('/hostile/huge.pdf')).toBe(1);
    expect(byUrl('/hostile/gone.html')).toMatchObject({ status: 404, error: 'http-status' });
    expect(server.requests.get('/hostile/gone.html')).toBe(1);
    expect(byUrl('/private/secret.html')).toMatchObject({ error: 'robots-disallowed', status: 0 });
    expect(server.requests.has('/private/secret.html')).toBe(false);
    expect(server.requests.get('/robots.txt')).toBe(1);
    expect(manifest.some((entry) => entry.url.startsWith('ftp:'))).toBe(false);
  });

  it('names files by their bytes, not by the URL or a wrong Content-Type', () => {
    const download = byUrl('/hostile/download.jsp?id=7');
    expect(download).toMatchObject({ kind: 'attachment', content_type: 'text/html; charset=utf-8' });
    expect(download?.path).toMatch(/^files\/[0-9a-f]{64}\.pdf$/);
    expect(byUrl('/xxgk/nb/index_2.html')?.path).toMatch(/\.html$/);
    expect(byUrl('/bportal/list.json?page=1')?.path).toMatch(/\.json$/);
  });

  it('sends an honest User-Agent with the contact', () => {
    expect([...server.userAgents]).toEqual([expect.stringMatching(/^nianbao\/\d+\.\d+\.\d+ \(\+crawl-tests@example\.org\)$/)]);
  });

  it('fetched no URL twice except for the retried routes', () => {
    const retried = new Set(['/hostile/flaky.html', '/hostile/throttled.html', '/hostile/stall.pdf']);
    for (const [path, count] of server.requests) if (!retried.has(path)) expect({ path, count }).toEqual({ path, count: 1 });
  });

  it('writes coverage.csv with a BOM, found and missing years and the legal deadlines', async () => {
    const csv = await readFile(join(dir, 'coverage.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('portal,year,status,title,url,published_at,date_source,agency,agency_level,deadline,on_time');
    const row = (portal: string, year: number) => lines.find((line) => line.startsWith(`${portal},${year},`));
    const trs = server.seeds.trs;
    expect(row(trs, 2023)).toBe(`${trs},2023,found,平潭综合实验区2023年度政府信息公开工作年度报告,${server.origin}/xxgk/nb/202403/t20240308_87885.htm,2024-03-08,page-meta,平潭综合实验区,government,2024-03-31,yes`);
    expect(row(trs, 2021)).toBe(`${trs},2021,found,平潭县人民政府2021年度政府信息公开工作年度报告,${server.origin}/xxgk/nb/202201/t20220125_3.htm,2022-04-02,page-label,平潭县人民政府,government,2022-03-31,no`);
    expect(row(trs, 2016)).toContain(',2017-01-18,page-meta,平潭综合实验区,government,2017-03-31,yes');
    expect(row(trs, 2019)).toBe(`${trs},2019,missing,,,,,,,,`);
    const dept = server.seeds.json;
    // The page's own 发布日期 (2024-01-11) wins over the date in its URL (2024-02-05).
    expect(row(dept, 2023)).toBe(`${dept},2023,found,市中区工业和信息化局2023年政府信息公开工作年度报告,${server.origin}/bportal/202402/t20240205_9.htm,2024-01-11,page-label,市中区工业和信息化局,department,2024-01-31,yes`);
    expect(row(dept, 2022)).toContain(',2023-01-20,http-header,市中区工业和信息化局,department,2023-01-31,unknown');
    expect(row(dept, 2021)).toContain(',2022-01-15,page-label,市中区工业和信息化局,department,2022-01-31,yes');
    expect(row(server.seeds.plain, 2020)).toContain(',2021-01-10,page-label,某镇,department,2021-01-31,yes');
    // A date known only from the server's Last-Modified header never makes a report late.
    expect(row(server.seeds.hostile, 2018)).toMatch(/,2024-03-20,http-header,,department,2019-01-31,unknown$/);
    expect(lines).toHaveLength(1 + 4 * 8);
  });

  it('summarises the run', () => {
    expect(summary).toMatchObject({ resumed: false, stoppedBy: 'frontier-empty', manifestRows: manifest.length });
    expect(summary.errorsByCode).toEqual({
      'body-timeout': 1,
      'redirect-loop': 1,
      'blocked-address': 2,
      'body-too-large': 1,
      'http-status': 1,
      'robots-disallowed': 1,
    });
  });

  it('re-fetches conditionally on a later run: unchanged pages answer 304 and nothing is downloaded again', async () => {
    const before = new Map(server.completed);
    const again = await crawl({ ...FAST, seeds: Object.values(server.seeds), outDir: dir });
    expect(again.resumed).toBe(false);
    expect(again.notModified).toBeGreaterThanOrEqual(20);
    expect(server.notModified.get('/xxgk/nb/202403/P020240308_report.pdf')).toBe(1);
    // Only routes without validators (the retried and the failing ones) sent a body again.
    const resent = [...server.completed].filter(([path, count]) => count > (before.get(path) ?? 0)).map(([path]) => path).sort();
    expect(resent).toEqual(['/hostile/huge.pdf', '/robots.txt']);
    const rerun = await readManifest(dir);
    expect(rerun.map((entry) => [entry.url, entry.sha256])).toEqual(manifest.map((entry) => [entry.url, entry.sha256]));
  });
});
