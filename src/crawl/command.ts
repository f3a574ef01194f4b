/** `nianbao crawl <seeds…> --out <dir>`: the commander wiring of the crawler's options. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { CrawlSummary } from './index.js';
import { CRAWL_DEFAULTS } from './defaults.js';
import type { CrawlOptions } from './options.js';
import { formatBytes } from './progress.js';
import { NO_CONTACT_WARNING } from './options.js';
import { collectLimit, ConfigError, crawlOverrides, loadConfig } from '../cli/config.js';
import { parseQueueUrl } from '../cli/queue-url-option.js';

function nonNegative(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new InvalidArgumentError('expected a non-negative number');
  return number;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a positive integer');
  return number;
}

function yearRange(value: string): { from: number; to: number } {
  const match = value.match(/^(\d{4})(?:\s*[-–:]\s*(\d{4}))?$/);
  if (!match) throw new InvalidArgumentError('expected YYYY or YYYY-YYYY');
  const from = Number(match[1]);
  const to = Number(match[2] ?? match[1]);
  if (to < from) throw new InvalidArgumentError('the range ends before it starts');
  return { from, to };
}

/** A seed argument is a URL, or a file of URLs (one a line, # comments). */
export function expandSeeds(args: string[]): string[] {
  const seeds: string[] = [];
  for (const arg of args) {
    if (!/^https?:\/\//i.test(arg) && existsSync(arg) && statSync(arg).isFile()) {
      for (const line of readFileSync(arg, 'utf8').split(/\r?\n/)) {
        const seed = line.replace(/#.*$/, '').trim();
        if (seed) seeds.push(seed);
      }
    } else seeds.push(arg);
  }
  return seeds;
}

const D = CRAWL_DEFAULTS;

export function registerCrawlCommand(program: Command): Command {
  return program
    .command('crawl')
    .description('download annual reports (and their attachments) from government portals, politely and resumably')
    .argument('<seeds...>', 'list page URLs of portals, or files listing them one per line')
    .requiredOption('-o, --out <dir>', 'crawl directory (files/, manifest.ndjson, coverage.csv, crawl.sqlite); rerun the same command to resume')
    .option('--contact <email-or-url>', 'how webmasters can reach you, sent in the User-Agent (please set it; warned when missing)')
    .option('--delay <ms>', 'pause between requests to one host (robots.txt Crawl-delay can raise it)', nonNegative, D.perHostDelayMs)
    .option('--per-host-concurrency <n>', 'requests in flight per host', positiveInteger, D.perHostConcurrency)
    .option('--hosts <n>', 'hosts crawled in parallel', positiveInteger, D.hostParallelism)
    .option('--max-depth <n>', 'link hops from a seed (pagination does not count)', nonNegative, D.maxDepth)
    .option('--max-pages <n>', 'fetches per run (lists, pages and attachments)', positiveInteger, D.maxPages)
    .option('--max-bytes <n>', 'bytes downloaded per run', nonNegative, D.maxTotalBytes)
    .option('--max-body-bytes <n>', 'largest response body accepted', nonNegative, D.maxBodyBytes)
    .option('--max-redirects <n>', 'redirect hops per URL', nonNegative, D.maxRedirects)
    .option('--connect-timeout <ms>', 'TCP/TLS connect timeout', nonNegative, D.connectTimeoutMs)
    .option('--headers-timeout <ms>', 'wait for response headers', nonNegative, D.headersTimeoutMs)
    .option('--body-timeout <ms>', 'silence allowed between body chunks', nonNegative, D.bodyIdleTimeoutMs)
    .option('--total-timeout <ms>', 'whole request, headers and body', nonNegative, D.totalTimeoutMs)
    .option('--url-budget <ms>', 'all the time one URL may take: every attempt, redirect and backoff together', nonNegative, D.urlBudgetMs)
    .option('--retries <n>', 'retries for timeouts, resets, 429 and 5xx', nonNegative, D.maxRetries)
    .option('--retry-base-delay <ms>', 'first backoff (doubles each retry, with jitter)', nonNegative, D.retryBaseDelayMs)
    .option('--retry-max-delay <ms>', 'longest backoff', nonNegative, D.retryMaxDelayMs)
    .option('--max-retry-after <ms>', 'cap on a server\'s Retry-After', nonNegative, D.maxRetryAfterMs)
    .option('--report-pattern <regex>', 'link text or title of a report', D.reportLinkPattern)
    .option('--extensions <list>', 'attachment extensions, comma-separated', D.attachmentExtensions.join(','))
    .addOption(
      new Option('--allow-private-network [cidrs...]', 'allow private/loopback addresses: all (no value) or only the given addresses/CIDRs; link-local and cloud metadata addresses stay refused'),
    )
    .option('--years <from-to>', 'years of coverage.csv, e.g. 2019-2024 (default: earliest report found to last year)', yearRange)
    .option('--no-progress', 'no progress bar even on a terminal')
    .option('-v, --verbose', 'log retries and refusals to stderr')
    .option('--json', 'print the summary as JSON')
    .option('--limit <name=value>', 'set a numeric setting by its flag name, e.g. maxPages=500 (repeatable)', (value: string, previous?: Record<string, number>) => {
      try {
        return collectLimit(value, previous);
      } catch (err) {
        throw new InvalidArgumentError((err as Error).message);
      }
    })
    .option('--queue <url>', 'redis://HOST:PORT/DB: the frontier goes to Redis and `nianbao worker` processes on any machine fetch it (--out must be the same path on every machine); this command waits and writes the folder', parseQueueUrl)
    .option('--run <id>', 'with --queue: the run id (default: made from this machine and --out, so the same command resumes)')
    .option('--detach', 'with --queue: enqueue the seeds and return; `nianbao collect --queue … --run ID` writes the folder')
    .option('--config <file>', 'settings file (default: nianbao.config.json in the working folder when present); its "crawl" object sets flags by name')
    .action(async (seedArgs: string[], flags: Record<string, unknown>, command: Command) => {
      let settings;
      try {
        settings = crawlOverrides(loadConfig(flags.config as string | undefined), flags.limit as Record<string, number> | undefined, (name) => command.getOptionValueSource(name) === 'cli');
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        process.stderr.write(`nianbao crawl: ${err.message}\n`);
        process.exitCode = 2;
        return;
      }
      const merged = { ...flags, ...settings };
      if (!merged.contact) process.stderr.write(`nianbao crawl: warning: ${NO_CONTACT_WARNING}\n`);
      if (flags.queue) return queuedCrawl(toCrawlOptions(seedArgs, merged), flags);
      // The crawler (HTTP client, SQLite) loads only when a crawl runs: `nianbao extract` starts faster.
      const { crawl } = await import('./index.js');
      const summary = await crawl(toCrawlOptions(seedArgs, merged));
      process.stdout.write(flags.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
    });
}

/** `crawl --queue`: the run in Redis, then (unless --detach) its folder written as the workers go. */
async function queuedCrawl(options: CrawlOptions, flags: Record<string, unknown>): Promise<void> {
  // Loaded only for a queued crawl: the queue's error handling pulls in the extract side.
  const [{ runQueuedCrawl }, { queueAction }] = await Promise.all([import('../queue/crawl-queued.js'), import('../cli/queue-url.js')]);
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  await queueAction(async () => {
    const summary = await runQueuedCrawl(options, {
      url: flags.queue as string,
      runId: flags.run as string | undefined,
      detach: flags.detach === true,
      signal: abort.signal,
      onStarted: (runId) => process.stderr.write(`nianbao crawl: run ${runId} in ${flags.queue as string}${flags.detach ? '' : '; waiting for `nianbao worker` processes (Ctrl-C leaves the run going)'}\n`),
    });
    if (summary) process.stdout.write(flags.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
  })();
}

export function toCrawlOptions(seedArgs: string[], flags: Record<string, unknown>): CrawlOptions {
  const allow = flags.allowPrivateNetwork as boolean | string[] | undefined;
  return {
    seeds: expandSeeds(seedArgs),
    outDir: flags.out as string,
    contact: flags.contact as string,
    perHostDelayMs: flags.delay as number,
    perHostConcurrency: flags.perHostConcurrency as number,
    hostParallelism: flags.hosts as number,
    maxDepth: flags.maxDepth as number,
    maxPages: flags.maxPages as number,
    maxTotalBytes: flags.maxBytes as number,
    maxBodyBytes: flags.maxBodyBytes as number,
    maxRedirects: flags.maxRedirects as number,
    connectTimeoutMs: flags.connectTimeout as number,
    headersTimeoutMs: flags.headersTimeout as number,
    bodyIdleTimeoutMs: flags.bodyTimeout as number,
    totalTimeoutMs: flags.totalTimeout as number,
    urlBudgetMs: flags.urlBudget as number,
    maxRetries: flags.retries as number,
    retryBaseDelayMs: flags.retryBaseDelay as number,
    retryMaxDelayMs: flags.retryMaxDelay as number,
    maxRetryAfterMs: flags.maxRetryAfter as number,
    reportPattern: flags.reportPattern as string,
    attachmentExtensions: String(flags.extensions).split(',').map((ext) => ext.trim()).filter(Boolean),
    allowPrivateNetwork: Array.isArray(allow) ? allow.flatMap((entry) => entry.split(',')) : allow === true,
    years: flags.years as { from: number; to: number } | undefined,
    progress: flags.progress === false ? false : undefined,
    log: flags.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
  };
}

export function formatSummary(summary: CrawlSummary): string {
  const errors = Object.entries(summary.errorsByCode).map(([code, count]) => `${code} ${count}`).join(', ');
  return [
    `crawl ${summary.resumed ? 'resumed' : 'run'} #${summary.runId} into ${summary.outDir} (${summary.stoppedBy})`,
    `  ${summary.requests} requests, ${summary.pages} pages, ${summary.files} files, ${formatBytes(summary.bytes)}, ${summary.notModified} unchanged`,
    `  ${summary.errors} errors${errors ? `: ${errors}` : ''}`,
    `  coverage: ${summary.coverage.found} found, ${summary.coverage.missing} missing, ${summary.coverage.late} late`,
    `  ${summary.manifestPath} (${summary.manifestRows} rows), ${summary.coveragePath}`,
    '',
  ].join('\n');
}
