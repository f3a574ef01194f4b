/**
 * The crawl settings a config file's "crawl" object and `crawl --limit name=value` may set, named as
 * the long flags are (camelCase): validated here, so a misspelt name stops the crawl with its name.
 */
import { z } from 'zod';

const count = z.number().nonnegative();

/** Numeric settings, settable by `--limit` too. */
export const CrawlLimits = z
  .object({
    delay: count,
    perHostConcurrency: z.number().int().positive(),
    hosts: z.number().int().positive(),
    maxDepth: count,
    maxPages: z.number().int().positive(),
    maxBytes: count,
    maxBodyBytes: count,
    maxRedirects: count,
    connectTimeout: count,
    headersTimeout: count,
    bodyTimeout: count,
    totalTimeout: count,
    retries: count,
    retryBaseDelay: count,
    retryMaxDelay: count,
    maxRetryAfter: count,
  })
  .partial()
  .strict();

export const CrawlSettings = CrawlLimits.extend({
  contact: z.string().min(1),
  reportPattern: z.string().min(1),
  extensions: z.string().min(1),
})
  .partial()
  .strict();
export type CrawlSettings = z.infer<typeof CrawlSettings>;
