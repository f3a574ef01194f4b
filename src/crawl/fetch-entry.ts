/**
 * One frontier entry from URL to result: robots check, conditional request with retries in the
 * host's lane, content-addressed storage, page metadata and the links it reveals. Returns what the
 * store must commit; never throws for a failed fetch (the failure is the result).
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { decodePage } from './charset.js';
import { discover } from './discover.js';
import { CrawlError, toCrawlError } from './errors.js';
import { fetchUrl, type FetchContext, type FetchResult } from './fetcher.js';
import type { HostTurns } from './host-scheduler.js';
import type { ManifestKind } from './manifest.js';
import type { ResolvedCrawlOptions } from './options.js';
import { lazyPageDocument } from './page-document.js';
import { dateFromHttp, dateFromUrl, readPageMetadata, reportYear, type PageMetadata } from './page-metadata.js';
import { withRetries, type RetryPolicy } from './retry.js';
import { robotsDisallowed, type RobotsCache, type RobotsRules } from './robots.js';
import { exists, isStoredPath, storeContent, type StoredFile } from './storage.js';
import type { FrontierEntry, FrontierState, ResourceLookup, ResourceRow } from './store.js';

export interface EntryDeps {
  options: ResolvedCrawlOptions;
  /** Earlier results: validators for a conditional request, a failed fetch's kept file, an attachment's page. */
  resources: ResourceLookup;
  scheduler: HostTurns;
  robots: RobotsCache;
  fetchContext: FetchContext;
  retryPolicy: RetryPolicy;
  now: () => string;
}

export interface EntryOutcome {
  row: ResourceRow;
  state: FrontierState;
  bytes: number;
  discovered: FrontierEntry[];
  error?: CrawlError;
  notModified: boolean;
}

const TEXT_EXTENSIONS = new Set(['.html', '.json', '.xml', '.txt']);
/** A screenshot of a report's table is well under 5 MiB; a picture past this is not one. */
export const MAX_IMAGE_BYTES = 20 * 1024 ** 2;

export async function fetchEntry(entry: FrontierEntry, deps: EntryDeps): Promise<EntryOutcome> {
  const { options, resources } = deps;
  const host = new URL(entry.url).host;
  const previous = await resources.resource(entry.url);
  let rules: RobotsRules;
  try {
    rules = await deps.robots.rulesFor(entry.url);
  } catch (err) {
    return failure(entry, previous, toCrawlError(err), deps, 'failed');
  }
  if (rules.crawlDelayMs) deps.scheduler.setHostDelay(host, Math.min(rules.crawlDelayMs, options.maxCrawlDelayMs));
  if (!rules.isAllowed(entry.url)) return failure(entry, previous, robotsDisallowed(entry.url), deps, 'skipped');

  const validators = previous?.path && isStoredPath(previous.path) && (await exists(join(options.outDir, previous.path))) ? previous : undefined;
  let result: FetchResult;
  // The URL's budget runs from its first request (not from the wait for the host's turn).
  let deadline: number | undefined;
  // When the last request for this URL was sent, by the clock of the host's turns.
  let requestedAt: number | undefined;
  try {
    result = await deps.scheduler.run(host, (turn) =>
      withRetries(
        async () => {
          requestedAt = await turn();
          deadline ??= Date.now() + options.urlBudgetMs;
          return fetchUrl({ url: entry.url, userAgent: options.userAgent, etag: validators?.etag, lastModified: validators?.last_modified, deadline }, deps.fetchContext);
        },
        deps.retryPolicy,
        {
          sleep: options.sleep,
          onRetry: (error, waitMs) => options.log(`retry ${entry.url} in ${waitMs} ms: ${error.code} ${error.message}`),
          budgetLeftMs: () => (deadline ?? Infinity) - Date.now(),
          budgetSpent: (last) => new CrawlError('url-budget', `${entry.url}: no retry fits in the rest of its time budget (--url-budget); last error: ${last.code} ${last.message}`, false),
        },
      ),
    );
  } catch (err) {
    return failure(entry, previous, toCrawlError(err), deps, 'failed', requestedAt);
  }

  if (result.status === 304 && !validators) {
    return failure(entry, previous, new CrawlError('http-status', `unasked 304 for ${entry.url}`, false, undefined, 304), deps, 'failed', requestedAt);
  }
  const notModified = result.status === 304 && validators !== undefined;
  const body = notModified ? await readFile(join(options.outDir, validators.path as string)) : result.body;
  const contentType = result.headers['content-type'] ?? (notModified ? validators.content_type : null) ?? '';
  if (entry.kind === 'image' && body.length > MAX_IMAGE_BYTES) {
    return failure(entry, previous, new CrawlError('body-too-large', `${entry.url}: a picture of ${body.length} bytes, over ${MAX_IMAGE_BYTES}`, false), deps, 'failed', requestedAt);
  }
  const stored: StoredFile = notModified
    ? { sha256: validators.sha256 as string, path: validators.path as string, extension: extname(validators.path as string) }
    : await storeContent(options.outDir, body, contentType);
  const lastModified = result.headers['last-modified'] ?? (notModified ? validators.last_modified : null) ?? null;

  const isText = TEXT_EXTENSIONS.has(stored.extension);
  let kind: ManifestKind = entry.kind === 'page' && stored.extension !== '.html' ? 'attachment' : entry.kind;
  let metadata: PageMetadata = { title: null, publishedAt: null, publishedSource: null, publisher: null };
  let discovered: FrontierEntry[] = [];
  let notes: string | null = null;
  if (isText) {
    const decoded = decodePage(body.subarray(0, options.maxParseBytes), contentType);
    const text = decoded.text;
    if (decoded.guessed && decoded.overruled) {
      // Without this the page's links are garbage and nothing would say why none was found.
      notes = `encoding-guessed: declared ${decoded.overruled}, the bytes are ${decoded.encoding}`;
      options.log(`${entry.url}: ${notes}`);
    }
    const document = lazyPageDocument(text);
    if (stored.extension === '.html') metadata = readPageMetadata(document(), result.finalUrl, lastModified ?? undefined);
    if (kind !== 'attachment' && kind !== 'image') {
      const discovery = discover(
        { url: entry.url, finalUrl: result.finalUrl, kind, depth: entry.depth, seed: entry.seed, sha256: stored.sha256, text, contentType, document },
        { reportPattern: options.reportPattern, attachmentExtensions: options.attachmentExtensions, maxDepth: options.maxDepth },
        reportYear(metadata.title) !== null,
      );
      kind = discovery.kind;
      discovered = discovery.entries;
    }
  }
  if (kind === 'attachment') metadata = await attachmentMetadata(entry, result.finalUrl, lastModified, resources);

  const row: ResourceRow = {
    url: entry.url,
    final_url: result.finalUrl,
    referrer: entry.referrer,
    link_text: entry.linkText,
    seed: entry.seed,
    status: result.status,
    content_type: contentType || null,
    size: body.length,
    sha256: stored.sha256,
    path: stored.path,
    requested_at: isoTime(requestedAt),
    fetched_at: deps.now(),
    kind,
    parent_url: entry.parentUrl,
    parent_sha256: entry.parentSha256,
    title: metadata.title,
    published_at: metadata.publishedAt,
    published_source: metadata.publishedSource,
    publisher: metadata.publisher,
    error: null,
    etag: result.headers.etag ?? (notModified ? validators.etag : null) ?? null,
    last_modified: lastModified,
    notes,
  };
  return { row, state: 'done', bytes: notModified ? 0 : body.length, discovered, notModified };
}

/**
 * An attachment is titled by its link text when that names a year, else by its page's title; it was
 * published with its page.
 */
async function attachmentMetadata(entry: FrontierEntry, finalUrl: string, lastModified: string | null, resources: ResourceLookup): Promise<PageMetadata> {
  const parent = entry.parentUrl ? await resources.resource(entry.parentUrl) : undefined;
  const linkTitle = entry.linkText?.replace(/\.(pdf|docx?|wps|xlsx?|et|zip)$/i, '').trim() || null;
  const fromParent = parent?.published_at ? { at: parent.published_at, source: parent.published_source ?? null } : undefined;
  const fromUrl = dateFromUrl(finalUrl);
  const fromHttp = dateFromHttp(lastModified ?? undefined);
  const dated = fromParent ?? (fromUrl ? { at: fromUrl, source: 'url' as const } : fromHttp ? { at: fromHttp, source: 'http-header' as const } : undefined);
  return {
    title: (reportYear(linkTitle) !== null ? linkTitle : null) ?? parent?.title ?? linkTitle,
    publishedAt: dated?.at ?? null,
    publishedSource: dated?.source ?? null,
    publisher: parent?.publisher ?? null,
  };
}

/** A failed fetch keeps the file of an earlier successful run, so a flaky re-run loses nothing. */
function failure(entry: FrontierEntry, previous: ResourceRow | undefined, error: CrawlError, deps: EntryDeps, state: FrontierState, requestedAt?: number): EntryOutcome {
  deps.options.log(`${error.code}: ${error.message}`);
  const kept = previous?.sha256 ? previous : undefined;
  const row: ResourceRow = {
    url: entry.url,
    final_url: kept?.final_url ?? null,
    referrer: entry.referrer,
    link_text: entry.linkText,
    seed: entry.seed,
    status: error.status ?? 0,
    content_type: kept?.content_type ?? null,
    size: kept?.size ?? null,
    sha256: kept?.sha256 ?? null,
    path: kept?.path ?? null,
    requested_at: isoTime(requestedAt),
    fetched_at: deps.now(),
    kind: kept?.kind ?? entry.kind,
    parent_url: entry.parentUrl,
    parent_sha256: entry.parentSha256,
    title: kept?.title ?? null,
    published_at: kept?.published_at ?? null,
    published_source: kept?.published_source ?? null,
    publisher: kept?.publisher ?? null,
    error: error.code,
    etag: kept?.etag ?? null,
    last_modified: kept?.last_modified ?? null,
    notes: kept?.notes ?? null,
  };
  return { row, state, bytes: 0, discovered: [], error, notModified: false };
}

function isoTime(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}
