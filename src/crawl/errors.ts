/**
 * Typed crawl errors. `retryable` alone decides whether a failed fetch is tried again, so the retry
 * loop never has to guess from a message. `code` is stable and is what the manifest records.
 */
export type CrawlErrorCode =
  | 'blocked-address'
  | 'unsupported-scheme'
  | 'invalid-url'
  | 'dns-failed'
  | 'connect-timeout'
  | 'headers-timeout'
  | 'body-timeout'
  | 'total-timeout'
  | 'url-budget'
  | 'connection-reset'
  | 'network-error'
  | 'http-status'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'body-too-large'
  | 'robots-disallowed';

export class CrawlError extends Error {
  constructor(
    readonly code: CrawlErrorCode,
    message: string,
    readonly retryable: boolean,
    /** Server-requested wait before a retry (Retry-After), already capped. */
    readonly retryAfterMs?: number,
    /** HTTP status when the error is an HTTP response. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CrawlError';
  }
}

export class BlockedAddressError extends CrawlError {
  constructor(readonly host: string, readonly address: string) {
    super('blocked-address', `refused ${host}: ${address} is a private, local or metadata address (see --allow-private-network)`, false);
    this.name = 'BlockedAddressError';
  }
}

export class HttpStatusError extends CrawlError {
  constructor(status: number, url: string, retryAfterMs?: number) {
    super('http-status', `HTTP ${status} for ${url}`, status === 429 || status >= 500, retryAfterMs, status);
    this.name = 'HttpStatusError';
  }
}

/** Maps low-level socket and undici errors to typed ones; our own errors pass through unchanged. */
export function toCrawlError(err: unknown): CrawlError {
  if (err instanceof CrawlError) return err;
  const e = err as { code?: string; name?: string; message?: string; cause?: unknown };
  if (e?.cause instanceof CrawlError) return e.cause;
  const code = e?.code ?? '';
  const message = e?.message ?? String(err);
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new CrawlError('connect-timeout', message, true);
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new CrawlError('headers-timeout', message, true);
    case 'UND_ERR_BODY_TIMEOUT':
      return new CrawlError('body-timeout', message, true);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return new CrawlError('connection-reset', message, true);
    case 'ENOTFOUND':
      return new CrawlError('dns-failed', message, false);
    case 'EAI_AGAIN':
      return new CrawlError('dns-failed', message, true);
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return new CrawlError('network-error', message, true);
    default:
      return new CrawlError('network-error', message, false);
  }
}
