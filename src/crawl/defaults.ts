/**
 * Every default of `nianbao crawl` in one place. Units are in the names. The values are chosen to be
 * polite to small government servers (one request at a time per host, a second apart) and to bound
 * every loop and every buffer, so a hostile or broken portal cannot hang the crawl or fill the disk.
 */
export const CRAWL_DEFAULTS = {
  /** Pause between the starts of two requests to the same host; robots.txt Crawl-delay can raise it. */
  perHostDelayMs: 1_000,
  /** Requests in flight at once per host. */
  perHostConcurrency: 1,
  /** Hosts crawled in parallel. */
  hostParallelism: 4,
  /** Link hops from a seed; pagination of a list does not count as a hop. */
  maxDepth: 3,
  /** Fetches per run (list pages, report pages and attachments together). */
  maxPages: 2_000,
  /** Bytes downloaded per run; no new fetch starts once reached. */
  maxTotalBytes: 2 * 1024 ** 3,
  /** One response body; the stream is aborted when exceeded. */
  maxBodyBytes: 100 * 1024 ** 2,
  /** Bytes of an HTML/JSON/XML body read for links and metadata; the whole body is still stored. */
  maxParseBytes: 10 * 1024 ** 2,
  /** Redirect hops followed for one URL (each hop is checked on its own). */
  maxRedirects: 5,
  connectTimeoutMs: 15_000,
  /** From sending the request to receiving the response headers. */
  headersTimeoutMs: 30_000,
  /** Silence allowed between two body chunks. */
  bodyIdleTimeoutMs: 30_000,
  /** Whole exchange, headers and body, of one request. */
  totalTimeoutMs: 180_000,
  /**
   * All the time one URL may take, from its first request: every attempt, redirect hop and backoff.
   * Without it a server trickling a byte a second holds its host ~12 minutes (4 attempts × 180 s).
   */
  urlBudgetMs: 240_000,
  /** Retries after the first attempt, for timeouts, resets, 429 and 5xx only. */
  maxRetries: 3,
  retryBaseDelayMs: 2_000,
  retryMaxDelayMs: 60_000,
  /** A server's Retry-After is honoured up to this much. */
  maxRetryAfterMs: 120_000,
  /** robots.txt Crawl-delay is honoured up to this much. */
  maxCrawlDelayMs: 60_000,
  /** Link text or title that marks a report (case-insensitive regular expression). */
  reportLinkPattern: '年度报告|年报',
  /** Path endings that mark an attachment worth downloading from a report page. */
  attachmentExtensions: ['.pdf', '.ofd', '.doc', '.docx', '.wps', '.xls', '.xlsx', '.et', '.zip', '.rar', '.7z'],
  /**
   * Robots product token; the User-Agent is `nianbao/<version> (+<contact>)`. There is no default
   * contact: who runs a crawl is the user, not the package, so without --contact the User-Agent names
   * none and the crawl warns.
   */
  robotsAgentToken: 'nianbao',
  /** Time between two progress refreshes on a terminal. */
  progressRefreshMs: 200,
} as const;

export type CrawlDefaults = typeof CRAWL_DEFAULTS;
