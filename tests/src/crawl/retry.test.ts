import { describe, expect, it } from 'vitest';
import { CrawlError, HttpStatusError, toCrawlError } from '../../../src/crawl/errors.js';
import { backoffDelayMs, withRetries } from '../../../src/crawl/retry.js';
import { parseRetryAfterMs } from '../../../src/crawl/retry-after.js';

const policy = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 5000 };

describe('retries', () => {
  it('back off exponentially with jitter between half and all of the ceiling, capped', () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffDelayMs(n, policy, () => 0))).toEqual([500, 1000, 2000, 2500, 2500]);
    expect([0, 1, 2, 3, 4].map((n) => backoffDelayMs(n, policy, () => 1))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('are made for 5xx, 429, timeouts and resets, and never for other 4xx', () => {
    expect(new HttpStatusError(500, 'u').retryable).toBe(true);
    expect(new HttpStatusError(503, 'u').retryable).toBe(true);
    expect(new HttpStatusError(429, 'u').retryable).toBe(true);
    expect(new HttpStatusError(404, 'u').retryable).toBe(false);
    expect(new HttpStatusError(403, 'u').retryable).toBe(false);
    expect(toCrawlError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toMatchObject({ code: 'connection-reset', retryable: true });
    expect(toCrawlError(Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' }))).toMatchObject({ code: 'headers-timeout', retryable: true });
    expect(toCrawlError(Object.assign(new Error('x'), { code: 'UND_ERR_BODY_TIMEOUT' }))).toMatchObject({ code: 'body-timeout', retryable: true });
    expect(toCrawlError(Object.assign(new Error('x'), { code: 'UND_ERR_CONNECT_TIMEOUT' }))).toMatchObject({ code: 'connect-timeout', retryable: true });
    expect(toCrawlError(Object.assign(new Error('x'), { code: 'ENOTFOUND' }))).toMatchObject({ code: 'dns-failed', retryable: false });
  });

  it('stop after maxRetries and wait the server-given Retry-After instead of the backoff', async () => {
    const waits: number[] = [];
    let attempts = 0;
    const failing = withRetries(
      async () => {
        attempts++;
        throw new HttpStatusError(429, 'u', 7000);
      },
      policy,
      { sleep: async (ms) => void waits.push(ms) },
    );
    await expect(failing).rejects.toMatchObject({ status: 429 });
    expect(attempts).toBe(4);
    expect(waits).toEqual([7000, 7000, 7000]);
  });

  it('do not retry a non-retryable error', async () => {
    let attempts = 0;
    await expect(
      withRetries(async () => {
        attempts++;
        throw new CrawlError('body-too-large', 'big', false);
      }, policy, { sleep: async () => {} }),
    ).rejects.toMatchObject({ code: 'body-too-large' });
    expect(attempts).toBe(1);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2024-03-08T10:00:00Z');
  it('reads delta-seconds and HTTP dates, capped', () => {
    expect(parseRetryAfterMs('120', 600_000, now)).toBe(120_000);
    expect(parseRetryAfterMs('Fri, 08 Mar 2024 10:00:30 GMT', 600_000, now)).toBe(30_000);
    expect(parseRetryAfterMs('86400', 120_000, now)).toBe(120_000);
    expect(parseRetryAfterMs('Fri, 08 Mar 2024 09:00:00 GMT', 600_000, now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfterMs('soon', 1000, now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, 1000, now)).toBeUndefined();
  });
});
