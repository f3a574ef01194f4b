import { afterEach, describe, expect, it, vi } from 'vitest';
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
  // A virtual clock: sleeps are timers that fire only when the test advances time, and each request
  // start is stamped with that clock. Spacing is then exact, whatever the machine's load: the test
  // checks the schedule the scheduler makes, not how fast this machine runs it.
  afterEach(() => {
    vi.useRealTimers();
  });

  async function schedule(configure: (scheduler: HostScheduler) => void, hosts: string[], perHostDelayMs: number) {
    vi.useFakeTimers({ now: 0 });
    const starts: Array<[string, number]> = [];
    const scheduler = new HostScheduler({
      perHostConcurrency: 1,
      perHostDelayMs,
      hostParallelism: 4,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      now: () => Date.now(),
    });
    configure(scheduler);
    const all = Promise.all(hosts.map((host) => scheduler.run(host, async (turn) => {
      await turn();
      starts.push([host, Date.now()]);
    })));
    await vi.runAllTimersAsync();
    await all;
    return (host: string) => starts.filter(([h]) => h === host).map(([, t]) => t);
  }

  it('spaces the requests to one host by its delay and runs hosts side by side', async () => {
    const times = await schedule((s) => s.setHostDelay('b.gov.cn', 120), ['a.gov.cn', 'a.gov.cn', 'b.gov.cn', 'b.gov.cn', 'a.gov.cn'], 40);
    expect(times('a.gov.cn')).toEqual([0, 40, 80]);
    // b's first request did not wait behind a's queue; its second waits b's own, longer delay.
    expect(times('b.gov.cn')).toEqual([0, 120]);
  });

  it('never lowers a host delay below the configured one', async () => {
    const times = await schedule((s) => s.setHostDelay('a.gov.cn', 10), ['a.gov.cn', 'a.gov.cn'], 1000);
    expect(times('a.gov.cn')).toEqual([0, 1000]);
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
