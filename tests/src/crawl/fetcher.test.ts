import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAddressPolicy } from '../../../src/crawl/address-guard.js';
import { fetchUrl, type FetchContext } from '../../../src/crawl/fetcher.js';
import { createGuardedAgent } from '../../../src/crawl/http-agent.js';

let server: Server;
let origin: string;
const seenHeaders: Record<string, Record<string, string | string[] | undefined>> = {};
const policy = createAddressPolicy(['127.0.0.1']);
const dispatcher = createGuardedAgent(policy, 1000, 1);
const ctx = (limits: Partial<FetchContext['limits']> = {}): FetchContext => ({
  dispatcher,
  policy,
  limits: { maxRedirects: 3, maxBodyBytes: 1000, headersTimeoutMs: 300, bodyIdleTimeoutMs: 300, totalTimeoutMs: 3000, maxRetryAfterMs: 60_000, ...limits },
});

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    seenHeaders[path] = req.headers;
    if (path === '/silent') return; // never answers
    if (path === '/trickle') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (path === '/declared-big') return void res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000));
    if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      return void res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/done' }).end();
    }
    if (path === '/done') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('done');
    if (path === '/etag') {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      return void res.writeHead(200, { etag: '"v1"' }).end('body');
    }
    if (path === '/gzip') return void res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/html' }).end(gzipSync('<p>年度报告</p>'));
    if (path === '/bomb') return void res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(1_000_000)));
    if (path === '/busy') return void res.writeHead(503, { 'retry-after': '30' }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await dispatcher.close();
  server.closeAllConnections();
  server.close();
});

describe('fetching one URL', () => {
  it('times out waiting for headers, retryably', async () => {
    await expect(fetchUrl({ url: `${origin}/silent`, userAgent: 't' }, ctx())).rejects.toMatchObject({ code: 'headers-timeout', retryable: true });
  });

  it('gives up on a body that trickles forever at the whole-request deadline', async () => {
    await expect(fetchUrl({ url: `${origin}/trickle`, userAgent: 't' }, ctx({ totalTimeoutMs: 400, maxBodyBytes: 1e6 }))).rejects.toMatchObject({ code: 'total-timeout' });
  });

  it('refuses a body whose declared length is over the cap, without retrying', async () => {
    await expect(fetchUrl({ url: `${origin}/declared-big`, userAgent: 't' }, ctx())).rejects.toMatchObject({ code: 'body-too-large', retryable: false });
  });

  it('follows redirects hop by hop up to the limit, and no further', async () => {
    const result = await fetchUrl({ url: `${origin}/hop/2`, userAgent: 't' }, ctx());
    expect(result).toMatchObject({ finalUrl: `${origin}/done`, status: 200 });
    expect(result.body.toString()).toBe('done');
    await expect(fetchUrl({ url: `${origin}/hop/5`, userAgent: 't' }, ctx())).rejects.toMatchObject({ code: 'too-many-redirects' });
  });

  it('sends the validators and reports 304 with an empty body', async () => {
    const first = await fetchUrl({ url: `${origin}/etag`, userAgent: 'nianbao/0 (+t)' }, ctx());
    expect(first.headers.etag).toBe('"v1"');
    const second = await fetchUrl({ url: `${origin}/etag`, userAgent: 'nianbao/0 (+t)', etag: '"v1"', lastModified: 'Wed, 20 Mar 2024 08:00:00 GMT' }, ctx());
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
    expect(seenHeaders['/etag']).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'Wed, 20 Mar 2024 08:00:00 GMT', 'user-agent': 'nianbao/0 (+t)' });
  });

  it('decodes a gzip body, and stops a compression bomb at the body cap', async () => {
    const page = await fetchUrl({ url: `${origin}/gzip`, userAgent: 't' }, ctx());
    expect(page.body.toString()).toBe('<p>年度报告</p>');
    expect(seenHeaders['/gzip']['accept-encoding']).toBe('gzip, deflate, br');
    await expect(fetchUrl({ url: `${origin}/bomb`, userAgent: 't' }, ctx({ maxBodyBytes: 10_000 }))).rejects.toMatchObject({ code: 'body-too-large' });
  });

  it('turns a 503 into a retryable error carrying Retry-After', async () => {
    await expect(fetchUrl({ url: `${origin}/busy`, userAgent: 't' }, ctx())).rejects.toMatchObject({ code: 'http-status', status: 503, retryable: true, retryAfterMs: 30_000 });
  });
});
