/**
 * One URL over HTTP: redirects followed by hand so every hop is checked (scheme, address, loop,
 * count), three timeouts (connect in the agent, headers, body idle) plus a whole-exchange deadline,
 * and a body cap that aborts the stream instead of buffering a hostile response.
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { request, type Dispatcher } from 'undici';
import { assertLiteralHostAllowed, type AddressPolicy } from './address-guard.js';
import { CrawlError, HttpStatusError, toCrawlError } from './errors.js';
import { parseRetryAfterMs } from './retry-after.js';
import { stripCredentials } from '../util/url-credentials.js';

export interface FetchLimits {
  maxRedirects: number;
  maxBodyBytes: number;
  headersTimeoutMs: number;
  bodyIdleTimeoutMs: number;
  totalTimeoutMs: number;
  maxRetryAfterMs: number;
}

export interface FetchRequest {
  url: string;
  userAgent: string;
  /** Validators from an earlier run, for a conditional request. */
  etag?: string | null;
  lastModified?: string | null;
  /** Epoch ms by which the URL's whole budget (--url-budget) is spent: no hop runs past it. */
  deadline?: number;
}

export interface FetchResult {
  requestedUrl: string;
  finalUrl: string;
  /** 200-299, or 304 when the validators matched (then `body` is empty). */
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface FetchContext {
  dispatcher: Dispatcher;
  policy: AddressPolicy;
  limits: FetchLimits;
  /** Called once per hop, just before it is sent (counts requests, feeds progress). */
  onRequest?: (url: string) => void;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function parseHttpUrl(text: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new CrawlError('invalid-url', `not a URL: ${text}`, false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CrawlError('unsupported-scheme', `only http and https are fetched, not ${url.protocol} (${text})`, false);
  }
  url.hash = '';
  return stripCredentials(url);
}

export async function fetchUrl(req: FetchRequest, ctx: FetchContext): Promise<FetchResult> {
  const seen = new Set<string>();
  let current = parseHttpUrl(req.url);
  for (let hop = 0; ; hop++) {
    if (seen.has(current.href)) throw new CrawlError('redirect-loop', `redirect loop at ${current.href}`, false);
    seen.add(current.href);
    assertLiteralHostAllowed(current, ctx.policy);
    const response = await fetchHop(current, req, ctx);
    if ('location' in response) {
      if (hop >= ctx.limits.maxRedirects) {
        throw new CrawlError('too-many-redirects', `more than ${ctx.limits.maxRedirects} redirects from ${req.url}`, false);
      }
      current = parseHttpUrl(response.location, current.href);
      continue;
    }
    return { requestedUrl: req.url, finalUrl: current.href, ...response };
  }
}

type HopOutcome = { location: string } | { status: number; headers: Record<string, string>; body: Buffer };

async function fetchHop(url: URL, req: FetchRequest, ctx: FetchContext): Promise<HopOutcome> {
  const { limits } = ctx;
  const deadline = new AbortController();
  let deadlinePassed = false;
  const budgetLeftMs = req.deadline === undefined ? Infinity : req.deadline - Date.now();
  if (budgetLeftMs <= 0) throw urlBudgetSpent(req.url);
  const byBudget = budgetLeftMs < limits.totalTimeoutMs;
  const timer = setTimeout(() => {
    deadlinePassed = true;
    deadline.abort();
  }, Math.min(limits.totalTimeoutMs, budgetLeftMs));
  try {
    const headers: Record<string, string> = {
      'user-agent': req.userAgent,
      accept: 'text/html,application/xhtml+xml,application/json,application/xml;q=0.9,*/*;q=0.8',
      // Compressed transfer spares the portal's bandwidth; undici does not decode it, decodeBody does.
      'accept-encoding': 'gzip, deflate, br',
    };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    ctx.onRequest?.(url.href);
    const response = await request(url, {
      method: 'GET',
      headers,
      dispatcher: ctx.dispatcher,
      maxRedirections: 0,
      headersTimeout: limits.headersTimeoutMs,
      bodyTimeout: limits.bodyIdleTimeoutMs,
      signal: deadline.signal,
    });
    const responseHeaders = flattenHeaders(response.headers);
    const status = response.statusCode;
    if (REDIRECT_STATUSES.has(status) && responseHeaders.location) {
      await discard(response.body);
      return { location: responseHeaders.location };
    }
    if (status === 304) {
      await discard(response.body);
      return { status, headers: responseHeaders, body: Buffer.alloc(0) };
    }
    if (status < 200 || status >= 300) {
      await discard(response.body);
      throw new HttpStatusError(status, url.href, parseRetryAfterMs(responseHeaders['retry-after'], limits.maxRetryAfterMs));
    }
    const raw = await readCapped(response.body, limits.maxBodyBytes, Number(responseHeaders['content-length'] ?? NaN), url.href);
    return { status, headers: responseHeaders, body: decodeBody(raw, responseHeaders['content-encoding'], limits.maxBodyBytes, url.href) };
  } catch (err) {
    if (deadlinePassed && byBudget) throw urlBudgetSpent(req.url);
    if (deadlinePassed) throw new CrawlError('total-timeout', `no complete response from ${url.href} within ${limits.totalTimeoutMs} ms`, true);
    throw toCrawlError(err);
  } finally {
    clearTimeout(timer);
  }
}

/** Not retryable: the budget is for all attempts together. */
export function urlBudgetSpent(url: string): CrawlError {
  return new CrawlError('url-budget', `${url} took its whole time budget (--url-budget) without a complete response`, false);
}

async function readCapped(body: Dispatcher.ResponseData['body'], maxBytes: number, declaredLength: number, url: string): Promise<Buffer> {
  const tooLarge = () => new CrawlError('body-too-large', `${url} is larger than ${maxBytes} bytes`, false);
  if (declaredLength > maxBytes) {
    abandon(body);
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      abandon(body);
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Undoes Content-Encoding with the same cap on the decoded size, so a compression bomb stops at the cap. */
export function decodeBody(raw: Buffer, encoding: string | undefined, maxBytes: number, url: string): Buffer {
  const coding = (encoding ?? '').trim().toLowerCase();
  if (coding === '' || coding === 'identity') return raw;
  const options = { maxOutputLength: maxBytes };
  try {
    if (coding === 'gzip' || coding === 'x-gzip') return gunzipSync(raw, options);
    if (coding === 'deflate') return inflateSync(raw, options);
    if (coding === 'br') return brotliDecompressSync(raw, options);
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new CrawlError('body-too-large', `${url} decodes to more than ${maxBytes} bytes`, false);
    }
    throw new CrawlError('network-error', `${url}: broken ${coding} body (${(err as Error).message})`, true);
  }
  // An encoding we did not ask for: keep the bytes as they came.
  return raw;
}

/** A small body is drained so the connection can be reused; anything bigger just closes it. */
async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  try {
    await body.dump({ limit: 64 * 1024 });
  } catch {
    abandon(body);
  }
}

/** Closes the connection under a body we will not read; the abort it emits is expected, not an error. */
function abandon(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => {});
  body.destroy();
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
