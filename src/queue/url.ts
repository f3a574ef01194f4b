/**
 * `--queue redis://[:password@]HOST:PORT/DB` as connection options for BullMQ and for the run registry,
 * and the errors a queue command reports in one line. Its own module, without ioredis or BullMQ, so
 * that checking the flag (and `nianbao extract` without --queue) loads no Redis client.
 */
import type { RedisOptions } from 'bullmq';

export class QueueUrlError extends Error {}

export function connectionOptions(url: string): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new QueueUrlError(`--queue ${url}: expected redis://HOST:PORT/DB`);
  }
  if (parsed.protocol !== 'redis:') throw new QueueUrlError(`--queue ${url}: expected redis://HOST:PORT/DB`);
  const db = parsed.pathname.replace(/^\//, '') || '0';
  if (!/^\d+$/.test(db)) throw new QueueUrlError(`--queue ${url}: the database must be a number (redis://HOST:PORT/0)`);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    db: Number(db),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    maxRetriesPerRequest: null,
    // Reconnect quickly after a restart, never give up.
    retryStrategy: (times: number) => Math.min(100 * times, 2000),
  };
}

export class QueueUnreachableError extends Error {}

/** No run of that id in the queue. */
export class RunNotFoundError extends Error {}

/** Ctrl-C while waiting: nothing was written, the run goes on in Redis and can be collected later. */
export class CollectInterruptedError extends Error {}
