/**
 * Retries a fetch with exponential backoff and full jitter, only when the typed error says it is
 * retryable (timeouts, resets, 429, 5xx). A server's Retry-After replaces the computed wait.
 */
import { toCrawlError, type CrawlError } from './errors.js';

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function backoffDelayMs(retryIndex: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  // Half fixed, half random: spreads retries of many clients without ever retrying immediately.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export async function withRetries<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  options: {
    sleep?: Sleep;
    onRetry?: (error: CrawlError, waitMs: number) => void;
    /** Time left for this URL (--url-budget): a retry whose wait would not end before it is not made. */
    budgetLeftMs?: () => number;
    /** The error given when the budget, not the retry count, ends the attempts. */
    budgetSpent?: (last: CrawlError) => CrawlError;
  } = {},
): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  for (let retryIndex = 0; ; retryIndex++) {
    try {
      return await attempt();
    } catch (err) {
      const error = toCrawlError(err);
      if (!error.retryable || retryIndex >= policy.maxRetries) throw error;
      const waitMs = error.retryAfterMs ?? backoffDelayMs(retryIndex, policy);
      if (options.budgetLeftMs && waitMs >= options.budgetLeftMs()) throw options.budgetSpent?.(error) ?? error;
      options.onRetry?.(error, waitMs);
      await sleep(waitMs);
    }
  }
}
