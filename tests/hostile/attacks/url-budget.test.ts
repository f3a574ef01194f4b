/** The slow-server case: one budget for all the attempts at a URL, so a trickling server cannot hold its host. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { toCrawlOptions } from '../../../src/crawl/command.js';
import { CRAWL_DEFAULTS } from '../../../src/crawl/defaults.js';
import { CrawlError } from '../../../src/crawl/errors.js';
import { withRetries } from '../../../src/crawl/retry.js';

const run = promisify(execFile);

describe('--url-budget', () => {
  it('is documented with its default in nianbao crawl --help, and is far below the ~12 minutes of four full attempts', async () => {
    const { stdout } = await run(process.execPath, [join(process.cwd(), 'bin/nianbao.js'), 'crawl', '--help']);
    expect(stdout.replace(/\s+/g, ' ')).toContain(`--url-budget <ms> all the time one URL may take: every attempt, redirect and backoff together (default: ${CRAWL_DEFAULTS.urlBudgetMs})`);
    expect(CRAWL_DEFAULTS.urlBudgetMs).toBeLessThan((CRAWL_DEFAULTS.maxRetries + 1) * CRAWL_DEFAULTS.totalTimeoutMs);
    expect(toCrawlOptions(['http://portal.test/'], { out: 'x', urlBudget: 1234, extensions: 'pdf' }).urlBudgetMs).toBe(1234);
  });

  it('makes no retry whose wait would end after the budget, and says the budget ended it', async () => {
    const waits: number[] = [];
    let attempts = 0;
    let left = 10_000;
    const attempt = withRetries(
      async () => {
        attempts++;
        throw new CrawlError('body-timeout', 'trickled', true);
      },
      { maxRetries: 5, baseDelayMs: 4_000, maxDelayMs: 60_000 },
      {
        sleep: async (ms) => {
          waits.push(ms);
          left -= ms;
        },
        budgetLeftMs: () => left,
        budgetSpent: (last) => new CrawlError('url-budget', `budget spent; last error: ${last.code}`, false),
      },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'url-budget', retryable: false, message: 'budget spent; last error: body-timeout' });
    expect(attempts).toBe(waits.length + 1);
    expect(attempts).toBeLessThan(6);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThan(10_000);
  });
});
