/**
 * What fetching needs besides the frontier, built one way for a local crawl and for a queue worker:
 * the address policy and the guarded HTTP agent (SSRF safety), the retry policy, and robots.txt
 * fetched in the host's turn and remembered (in the crawl database, or in Redis) so a resumed run —
 * or another worker — does not ask again.
 */
import { createAddressPolicy } from './address-guard.js';
import { CRAWL_DEFAULTS } from './defaults.js';
import { HttpStatusError, toCrawlError } from './errors.js';
import { fetchUrl, type FetchContext } from './fetcher.js';
import type { HostTurns } from './host-scheduler.js';
import { createGuardedAgent } from './http-agent.js';
import type { ResolvedCrawlOptions } from './options.js';
import { withRetries, type RetryPolicy } from './retry.js';
import { RobotsCache, type RobotsLoader } from './robots.js';

type MaybePromise<T> = T | Promise<T>;

/** robots.txt answers kept for a run. */
export interface RobotsMemory {
  robotsFile(url: string): MaybePromise<{ status: number; body: Buffer } | undefined>;
  saveRobotsFile(url: string, status: number, body: Buffer): MaybePromise<void>;
}

export interface FetchSession {
  robots: RobotsCache;
  fetchContext: FetchContext;
  retryPolicy: RetryPolicy;
  close(): Promise<void>;
}

export function openFetchSession(options: ResolvedCrawlOptions, scheduler: HostTurns, memory: RobotsMemory, onRequest?: (url: string) => void): FetchSession {
  const policy = createAddressPolicy(options.allowPrivateNetwork);
  const dispatcher = createGuardedAgent(policy, options.connectTimeoutMs, options.perHostConcurrency, options.resolve);
  const fetchContext: FetchContext = { dispatcher, policy, limits: options, onRequest };
  const retryPolicy: RetryPolicy = { maxRetries: options.maxRetries, baseDelayMs: options.retryBaseDelayMs, maxDelayMs: options.retryMaxDelayMs };
  const robots = new RobotsCache(
    rememberedRobotsLoader(memory, async (robotsUrl) => {
      await scheduler.turn(new URL(robotsUrl).host);
      const deadline = Date.now() + options.urlBudgetMs;
      return withRetries(() => fetchUrl({ url: robotsUrl, userAgent: options.userAgent, deadline }, fetchContext), retryPolicy, {
        sleep: options.sleep,
        budgetLeftMs: () => deadline - Date.now(),
      });
    }),
    CRAWL_DEFAULTS.robotsAgentToken,
  );
  return { robots, fetchContext, retryPolicy, close: () => dispatcher.close() };
}

/** robots.txt answers (2xx and 4xx) are remembered per run: a resumed run does not ask again. */
function rememberedRobotsLoader(memory: RobotsMemory, fetchRobots: RobotsLoader): RobotsLoader {
  return async (robotsUrl) => {
    const remembered = await memory.robotsFile(robotsUrl);
    if (remembered && remembered.status >= 400) throw new HttpStatusError(remembered.status, robotsUrl);
    if (remembered) return remembered;
    try {
      const fetched = await fetchRobots(robotsUrl);
      await memory.saveRobotsFile(robotsUrl, fetched.status, fetched.body);
      return fetched;
    } catch (err) {
      const error = toCrawlError(err);
      if (error.status !== undefined && error.status >= 400 && error.status < 500) await memory.saveRobotsFile(robotsUrl, error.status, Buffer.alloc(0));
      throw error;
    }
  };
}
