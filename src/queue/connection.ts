/**
 * `--queue redis://[:password@]HOST:PORT/DB` as connection options for BullMQ and for the run registry.
 * Every connection waits through a Redis restart instead of failing the command in flight
 * (maxRetriesPerRequest: null): a run survives Redis going away for a while.
 */
import { Redis } from 'ioredis';
import type { RedisOptions } from 'bullmq';

export { QueueUrlError, connectionOptions, QueueUnreachableError } from './url.js';
import { connectionOptions, QueueUnreachableError } from './url.js';

/** How long a command waits for a Redis it has never reached before saying so. */
const FIRST_CONNECT_MS = 10_000;

/**
 * A client that retries for ever once it has been connected (a restarted Redis comes back), and
 * rejects with QueueUnreachableError when it cannot reach Redis at all at first.
 */
export async function connect(url: string): Promise<Redis> {
  const options = connectionOptions(url);
  const redis = new Redis(options as import('ioredis').RedisOptions);
  let lastError = '';
  // Connection errors are retried by the client; kept here for the message, not thrown as events.
  redis.on('error', (err: Error) => (lastError = err.message));
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new QueueUnreachableError(`cannot reach Redis at ${options.host}:${options.port}${lastError ? `: ${lastError}` : ''}`)), FIRST_CONNECT_MS);
      }),
    ]);
  } catch (err) {
    redis.disconnect();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return redis;
}

/** BullMQ queues and workers report connection errors as events: the client reconnects by itself. */
export function quietErrors<T extends { on(event: 'error', listener: (err: Error) => void): unknown }>(emitter: T, onError?: (err: Error) => void): T {
  emitter.on('error', (err) => onError?.(err));
  return emitter;
}
