import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, isLoopback, type RunningServer } from '../../../src/serve/server.js';
import { reviewKey } from '../../../src/reviews/store.js';
import { reviewId } from '../../../src/reviews/review-id.js';

const SHA = 'a'.repeat(64);
const CELLS = ['appeals.review.upheld', 'appeals.review.total'];

describe('nianbao serve', () => {
  const out = mkdtempSync(join(tmpdir(), 'nianbao-serve-'));
  let running: RunningServer;
  const key = reviewKey(SHA, 'appeals.group_total', CELLS);

  beforeAll(async () => {
    const record = { report_id: SHA.slice(0, 16), source: 'x.pdf', sha256: SHA, findings: [{ rule: 'appeals.group_total', cells: CELLS }] };
    writeFileSync(join(out, 'reports.ndjson'), JSON.stringify(record) + '\n');
    mkdirSync(join(out, 'audit', 'reports'), { recursive: true });
    writeFileSync(join(out, 'audit', 'index.html'), '<!doctype html><title>索引</title>');
    running = await startServer({ outDir: out, port: 0 });
  });
  afterAll(() => running.close());

  const post = (body: unknown, type = 'application/json') =>
    fetch(`${running.url}api/reviews`, { method: 'POST', headers: { 'Content-Type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('listens on the loopback address by default', () => {
    expect((running.server.address() as AddressInfo).address).toBe('127.0.0.1');
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('192.168.1.5')).toBe(false);
  });

  it('serves the site and nothing outside it', async () => {
    const index = await fetch(running.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await index.text()).toContain('索引');
    for (const path of ['%2e%2e/reports.ndjson', '..%2freports.ndjson', 'reports/..%2f..%2freports.ndjson']) {
      const res = await fetch(running.url + path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(await res.text()).not.toContain(SHA);
    }
  });

  it('answers on loopback only requests that name it (no DNS rebinding)', async () => {
    const port = (running.server.address() as AddressInfo).port;
    const status = (host: string) =>
      new Promise<number>((ok, fail) => {
        const req = request({ host: '127.0.0.1', port, path: '/api/reviews', headers: { Host: host } }, (res) => { res.resume(); ok(res.statusCode!); });
        req.on('error', fail);
        req.end();
      });
    expect(await status('attacker.example:' + port)).toBe(421);
    expect(await status('localhost:' + port)).toBe(200);
    expect(await status('127.0.0.1:' + port)).toBe(200);
  });

  it('refuses a decision that is not JSON, not a decision, or not about a finding of the extract', async () => {
    expect((await post('decision=confirmed', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post('{not json')).status).toBe(400);
    expect((await post({ key, decision: 'maybe' })).status).toBe(400);
    expect((await post({ key: reviewKey(SHA, 'requests.balance', CELLS), decision: 'confirmed' })).status).toBe(404);
  });

  it('records decisions as lines of reviews.ndjson and answers the one in force by id', async () => {
    const first = await post({ key, decision: 'confirmed', note: '原文总计为 0', reviewer: '甲' });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ key, decision: 'confirmed', reviewer: '甲' });
    await Promise.all(Array.from({ length: 20 }, (_, i) => post({ key, decision: i % 2 ? 'open' : 'dismissed', note: `第${i}次` })));
    const last = await post({ key, decision: 'dismissed', note: '读取错误', reviewer: '乙' });
    expect(last.status).toBe(200);
    const lines = readFileSync(join(out, 'reviews.ndjson'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(22);
    for (const l of lines) expect(JSON.parse(l).key).toBe(key);
    const byId = (await (await fetch(`${running.url}api/reviews`)).json()) as Record<string, { decision: string; note: string }>;
    expect(byId[reviewId(key)]).toMatchObject({ decision: 'dismissed', note: '读取错误' });
  });
});
