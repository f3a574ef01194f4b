/**
 * The per-host lock and turns in Redis, as two worker processes see them (two gates, two connections):
 * one holder at a time, a second job of the holder's own process waits too, and turns are spaced by
 * the delay on Redis's clock whoever asks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { startRedis, type TestRedis } from '../../../bench/redis-server.js';
import { connect } from '../../../src/queue/connection.js';
import { RedisHostGate } from '../../../src/queue/host-gate.js';

let redis: TestRedis;
let clients: Redis[] = [];

beforeAll(async () => {
  redis = await startRedis();
  clients = [await connect(redis.url), await connect(redis.url)];
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await redis?.stop();
});

describe('the host gate in Redis', () => {
  it('lets one holder at a time have a host, and spaces its turns by the delay across holders', async () => {
    const [a, b] = clients.map((c) => new RedisHostGate(c, 5_000));
    const host = 'gate.example:80';
    expect(await a.tryAcquire(host)).toBe(0);
    expect(await b.tryAcquire(host)).toBeGreaterThan(0);
    // Another job of the same process is refused too (it would otherwise share the holder's lock).
    expect(await a.tryAcquire(host)).toBeGreaterThan(0);
    const first = await a.hold(host, () => a.turnsFor(200).turn(host));

    expect(await b.tryAcquire(host)).toBe(0);
    expect(await a.tryAcquire(host)).toBeGreaterThan(0);
    const second = await b.hold(host, () => b.turnsFor(200).turn(host));
    expect(second - first).toBeGreaterThanOrEqual(200);

    // A robots.txt Crawl-delay raises the host's delay for the turns after it.
    expect(await a.tryAcquire(host)).toBe(0);
    const turns = a.turnsFor(200);
    turns.setHostDelay(host, 400);
    const [third, fourth] = await a.hold(host, async () => [await turns.turn(host), await turns.turn(host)]);
    expect(third - second).toBeGreaterThanOrEqual(200);
    expect(fourth - third).toBeGreaterThanOrEqual(400);
  });

  it('refuses a turn to a process that does not hold the host', async () => {
    const gate = new RedisHostGate(clients[0], 5_000);
    await expect(gate.turnsFor(0).turn('unheld.example:80')).rejects.toThrow(/not held/);
  });
});
