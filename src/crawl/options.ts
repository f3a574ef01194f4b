/** The options of a crawl, each defaulting to CRAWL_DEFAULTS, and the honest User-Agent. */
import { packageVersion } from '../util/package-version.js';
import type { PrivateNetworkAllowance, Resolver } from './address-guard.js';
import { CRAWL_DEFAULTS } from './defaults.js';
import type { Sleep } from './retry.js';

export interface CrawlOptions {
  /** Seed URLs: list pages of portals (or report pages). */
  seeds: string[];
  /** Crawl directory: files/, manifest.ndjson, coverage.csv, crawl.sqlite. */
  outDir: string;
  /** Put in the User-Agent so that webmasters can reach you: an email or URL. */
  contact?: string;
  perHostDelayMs?: number;
  perHostConcurrency?: number;
  hostParallelism?: number;
  maxDepth?: number;
  maxPages?: number;
  maxTotalBytes?: number;
  maxBodyBytes?: number;
  maxParseBytes?: number;
  maxRedirects?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyIdleTimeoutMs?: number;
  totalTimeoutMs?: number;
  urlBudgetMs?: number;
  maxRetries?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  maxRetryAfterMs?: number;
  maxCrawlDelayMs?: number;
  /** Regular expression (source) for link text or titles of reports. */
  reportPattern?: string;
  attachmentExtensions?: string[];
  /** See address-guard: true, or a list of addresses/CIDRs. Default: refuse all private addresses. */
  allowPrivateNetwork?: PrivateNetworkAllowance;
  /** Years of coverage.csv (inclusive); default: earliest report found to last year. */
  years?: { from: number; to: number };
  /** Draw progress on stderr; default: when stderr is a TTY. */
  progress?: boolean;
  /** Log lines (retries, refusals); default: silent. */
  log?: (line: string) => void;
  /** Injected in tests to keep waits tiny; default setTimeout. */
  sleep?: Sleep;
  /** Name resolution; injected in tests to answer with chosen addresses; default dns.lookup. */
  resolve?: Resolver;
}

type Numeric = Exclude<keyof typeof CRAWL_DEFAULTS, 'reportLinkPattern' | 'attachmentExtensions' | 'robotsAgentToken'>;

export type ResolvedCrawlOptions = Required<Pick<CrawlOptions, 'seeds' | 'outDir'>> &
  Record<Numeric, number> & {
    reportPattern: RegExp;
    attachmentExtensions: readonly string[];
    allowPrivateNetwork: PrivateNetworkAllowance;
    userAgent: string;
    years?: { from: number; to: number };
    progress?: boolean;
    log: (line: string) => void;
    sleep?: Sleep;
    resolve?: Resolver;
  };

export function resolveOptions(options: CrawlOptions): ResolvedCrawlOptions {
  const numeric = {} as Record<Numeric, number>;
  for (const [key, value] of Object.entries(CRAWL_DEFAULTS)) {
    if (typeof value !== 'number') continue;
    const given = (options as unknown as Record<string, unknown>)[key];
    if (given !== undefined && (typeof given !== 'number' || !Number.isFinite(given) || given < 0)) {
      throw new Error(`crawl option ${key} must be a non-negative number, got ${String(given)}`);
    }
    numeric[key as Numeric] = (given as number | undefined) ?? value;
  }
  if (options.seeds.length === 0) throw new Error('crawl needs at least one seed URL');
  return {
    ...numeric,
    seeds: options.seeds,
    outDir: options.outDir,
    reportPattern: new RegExp(options.reportPattern ?? CRAWL_DEFAULTS.reportLinkPattern, 'i'),
    attachmentExtensions: (options.attachmentExtensions ?? CRAWL_DEFAULTS.attachmentExtensions).map((ext) => (ext.startsWith('.') ? ext : `.${ext}`).toLowerCase()),
    allowPrivateNetwork: options.allowPrivateNetwork ?? false,
    userAgent: userAgent(options.contact),
    years: options.years,
    progress: options.progress,
    log: options.log ?? (() => {}),
    sleep: options.sleep,
    resolve: options.resolve,
  };
}

export function userAgent(contact: string | undefined): string {
  const base = `${CRAWL_DEFAULTS.robotsAgentToken}/${packageVersion()}`;
  return contact?.trim() ? `${base} (+${contact.trim()})` : base;
}

/** Said on stderr when a crawl starts without a contact. */
export const NO_CONTACT_WARNING =
  'no --contact given: the User-Agent tells webmasters nothing about who is crawling them. Pass --contact you@example.org (or "contact" under "crawl" in nianbao.config.json)';

export { packageVersion };
