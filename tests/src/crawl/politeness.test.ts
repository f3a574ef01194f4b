import { describe, expect, it } from 'vitest';
import { CRAWL_DEFAULTS } from '../../../src/crawl/defaults.js';
import { HostScheduler } from '../../../src/crawl/host-scheduler.js';
import { userAgent } from '../../../src/crawl/options.js';
import { parseRobots, RobotsCache } from '../../../src/crawl/robots.js';
import { HttpStatusError } from '../../../src/crawl/errors.js';

describe('robots.txt', () => {
  const text = 'User-agent: *\nDisallow: /private/\n\nUser-agent: nianbao\nDisallow: /search\nCrawl-delay: 5\n';

  it('honours the group for our token, with its Crawl-delay', () => {
    const rules = parseRobots('https://a.gov.cn/robots.txt', text, 'nianbao');
    expect(rules.isAllowed('https://a.gov.cn/search?q=1')).toBe(false);
    expect(rules.isAllowed('https://a.gov.cn/xxgk/2023.htm')).toBe(true);
    expect(rules.crawlDelayMs).toBe(5000);
  });

  it('is fetched once per origin; a 404 allows everything, a 5xx or network failure disallows everything', async () => {
    const asked: string[] = [];
    const cache = new RobotsCache(async (url) => {
      asked.push(url);
      if (url.startsWith('https://gone')) throw new HttpStatusError(404, url);
      if (url.startsWith('https://down')) throw new HttpStatusError(503, url);
      return { status: 200, body: Buffer.from(text) };
    }, 'nianbao');
    expect((await cache.rulesFor('https://a.gov.cn/x')).isAllowed('https://a.gov.cn/x')).toBe(true);
    await cache.rulesFor('https://a.gov.cn/y');
    expect((await cache.rulesFor('https://gone.gov.cn/x')).isAllowed('https://gone.gov.cn/x')).toBe(true);
    expect((await cache.rulesFor('https://down.gov.cn/x')).isAllowed('https://down.gov.cn/x')).toBe(false);
    expect(asked).toEqual(['https://a.gov.cn/robots.txt', 'https://gone.gov.cn/robots.txt', 'https://down.gov.cn/robots.txt']);
  });
});

describe('per-host scheduling', () => {
  it('spaces the requests to one host by its delay and runs hosts side by side', async () => {
    const starts: Array<[string, number]> = [];
    const scheduler = new HostScheduler({
      perHostConcurrency: 1,
      perHostDelayMs: 40,
      hostParallelism: 4,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
    scheduler.setHostDelay('b.gov.cn', 120);
    const request = (host: string) => scheduler.run(host, async (turn) => {
      await turn();
      starts.push([host, performance.now()]);
    });
    const began = performance.now();
    await Promise.all([request('a.gov.cn'), request('a.gov.cn'), request('b.gov.cn'), request('b.gov.cn'), request('a.gov.cn')]);
    const times = (host: string) => starts.filter(([h]) => h === host).map(([, t]) => t);
    const gaps = (values: number[]) => values.slice(1).map((v, i) => v - values[i]);
    // Date.now() truncation and timers firing a little early cost a few ms; never a whole delay.
    expect(Math.min(...gaps(times('a.gov.cn')))).toBeGreaterThanOrEqual(35);
    expect(Math.min(...gaps(times('b.gov.cn')))).toBeGreaterThanOrEqual(115);
    // b's first request did not wait behind a's queue.
    expect(times('b.gov.cn')[0] - began).toBeLessThan(40);
  });

  it('never lowers a host delay below the configured one', () => {
    const scheduler = new HostScheduler({ perHostConcurrency: 1, perHostDelayMs: 1000, hostParallelism: 1, sleep: async () => {} });
    scheduler.setHostDelay('a.gov.cn', 10);
    expect(scheduler.queueSizes()).toEqual({});
  });
});

describe('defaults', () => {
  it('are polite: one request at a time per host, a second apart, and bounded everywhere', () => {
    expect(CRAWL_DEFAULTS.perHostConcurrency).toBe(1);
    expect(CRAWL_DEFAULTS.perHostDelayMs).toBeGreaterThanOrEqual(1000);
    for (const key of ['maxDepth', 'maxPages', 'maxTotalBytes', 'maxBodyBytes', 'maxRedirects', 'maxRetries', 'maxRetryAfterMs', 'maxCrawlDelayMs', 'totalTimeoutMs'] as const) {
      expect(Number.isFinite(CRAWL_DEFAULTS[key])).toBe(true);
    }
  });

  it('make an honest User-Agent with version and contact', () => {
    expect(userAgent('mailto:data@example.org')).toMatch(/^nianbao\/\d+\.\d+\.\d+ \(\+mailto:data@example\.org\)$/);
  });
});
