import type { CrawlOptions } from '../../../src/crawl/options.js';

/** Tiny waits for tests: the politeness defaults are tested as numbers, not by waiting for them. */
export const FAST: Partial<CrawlOptions> = {
  perHostDelayMs: 0,
  retryBaseDelayMs: 5,
  retryMaxDelayMs: 20,
  maxRetries: 2,
  maxRetryAfterMs: 100,
  bodyIdleTimeoutMs: 300,
  headersTimeoutMs: 2_000,
  totalTimeoutMs: 5_000,
  maxBodyBytes: 1024 * 1024,
  allowPrivateNetwork: ['127.0.0.1'],
  years: { from: 2016, to: 2023 },
  progress: false,
  contact: 'crawl-tests@example.org',
};
