/**
 * Politeness per host across every worker of every machine: one lock per host in Redis (one request
 * at a time, whoever sends it) and the host's next allowed start, both changed only by Lua scripts so
 * that checking and booking are one step. Times are Redis's clock (TIME), so machines whose clocks
 * disagree still space their requests by the delay.
 *
 *   nianbao:host:<host>:lock   the holder's token, expiring after lockMs unless renewed (a killed
 *                              worker's lock lapses by itself)
 *   nianbao:host:<host>:next   epoch ms (Redis clock) before which no request may start
 *
 * The keys are not per run: two crawl runs visiting one host share its turns.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { HostTurns, Turn } from '../crawl/host-scheduler.js';
import { QUEUE_PREFIX } from './runs.js';

const lockKey = (host: string): string => `${QUEUE_PREFIX}:host:${host}:lock`;
const nextKey = (host: string): string => `${QUEUE_PREFIX}:host:${host}:next`;

const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** 0 when the lock is ours now; else how long to wait before asking again (ms). */
const ACQUIRE = `${NOW}
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then
  local wait = tonumber(redis.call('GET', KEYS[2]) or '0') - now
  if wait < 50 then wait = 50 end
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 and ttl < wait then wait = ttl end
  return wait
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 0`;

/** {wait, now}: wait 0 = the request may start now and the next start is booked; -1 = the lock is not ours. */
const TURN = `${NOW}
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return {-1, now} end
local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0')
if now < nextAt then return {nextAt - now, now} end
redis.call('SET', KEYS[2], now + tonumber(ARGV[2]), 'PX', tonumber(ARGV[2]) + 3600000)
return {0, now}`;

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class RedisHostGate {
  /**
   * Hosts whose lock a job of this process holds, with its token: a second job here waits like anyone
   * else's, and a turn asked outside the job's task (robots.txt) is the holder's. A token per hold, never
   * per process: a hold that has just ended must not release a lock this process has taken again since.
   */
  private readonly held = new Map<string, string>();

  constructor(
    private readonly redis: Redis,
    /** A lock not renewed for this long lapses (its worker is gone). */
    private readonly lockMs: number,
  ) {}

  /** 0 when this process now holds the host; else ms to wait before trying again. */
  async tryAcquire(host: string): Promise<number> {
    if (this.held.has(host)) return 50;
    const token = randomUUID();
    const wait = Number(await this.redis.eval(ACQUIRE, 2, lockKey(host), nextKey(host), token, this.lockMs));
    if (wait === 0) this.held.set(host, token);
    return wait;
  }

  /** Runs `task` holding a host acquired with tryAcquire, renewing the lock, and releases it after. */
  async hold<T>(host: string, task: () => Promise<T>): Promise<T> {
    const token = this.tokenOf(host);
    const renew = setInterval(() => void this.redis.eval(RENEW, 1, lockKey(host), token, this.lockMs).catch(() => undefined), Math.max(100, Math.floor(this.lockMs / 3)));
    try {
      return await task();
    } finally {
      clearInterval(renew);
      await this.redis.eval(RELEASE, 1, lockKey(host), token).catch(() => undefined);
      this.held.delete(host);
    }
  }

  private tokenOf(host: string): string {
    const token = this.held.get(host);
    if (!token) throw new Error(`host ${host} is not held by this worker (a request outside its job)`);
    return token;
  }

  /**
   * Waits for the host's next allowed start and books the one after (now + delay); answers the start,
   * Redis clock. A lock lost meanwhile (Redis unreachable longer than lockMs) is taken again first.
   */
  async turn(host: string, delayMs: number): Promise<number> {
    const token = this.tokenOf(host);
    for (;;) {
      const [wait, now] = (await this.redis.eval(TURN, 2, lockKey(host), nextKey(host), token, Math.round(delayMs))) as [number, number];
      if (wait === 0) return now;
      if (wait > 0) await sleep(wait);
      else {
        const again = Number(await this.redis.eval(ACQUIRE, 2, lockKey(host), nextKey(host), token, this.lockMs));
        if (again > 0) await sleep(again);
      }
    }
  }

  /** The HostTurns of one crawl run: its delay, raised per host by robots.txt Crawl-delay. */
  turnsFor(perHostDelayMs: number): HostTurns {
    const delays = new Map<string, number>();
    const turn = (host: string): Promise<number> => this.turn(host, delays.get(host) ?? perHostDelayMs);
    return {
      // The job already holds the host (one request at a time): the task only waits for its turns.
      run: <T>(host: string, task: (turn: Turn) => Promise<T>): Promise<T> => task(() => turn(host)),
      turn,
      setHostDelay: (host, delayMs) => delays.set(host, Math.max(perHostDelayMs, delayMs)),
    };
  }
}
