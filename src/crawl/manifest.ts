/**
 * <crawl dir>/manifest.ndjson: one row per URL the crawl fetched (or failed to), regenerated from the
 * crawl database after every change of state, atomically, so it is always complete and consistent.
 * `nianbao extract <crawl dir>` reads it to attach source URLs and dates to the files.
 */
import { DATE_SOURCES } from './date-sources.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { atomicWrite } from '../util/atomic.js';
import { withoutCredentials } from '../util/url-credentials.js';

export const MANIFEST_FILE = 'manifest.ndjson';

/** `image`: a picture of a report page (its tables posted as <img>), stored so the page extracts with it; parent_url names the page. */
export const ManifestKind = z.enum(['page', 'attachment', 'list', 'image']);
export type ManifestKind = z.infer<typeof ManifestKind>;

export const ManifestEntry = z.object({
  /** The URL as discovered (normalised, no fragment). */
  url: z.string(),
  /** Where the redirects ended; equals `url` without redirects. */
  final_url: z.string().nullable(),
  /** The page the link was found on; null for seeds. */
  referrer: z.string().nullable(),
  link_text: z.string().nullable(),
  /** The seed (portal) this URL was reached from. */
  seed: z.string(),
  /** HTTP status of the last response: 2xx, 304 (unchanged since the last run, file from then), 4xx/5xx; 0 when no response. */
  status: z.number().int(),
  content_type: z.string().nullable(),
  size: z.number().int().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  /** Relative to the crawl directory: files/<sha256><ext>. */
  path: z.string().nullable(),
  /**
   * When the (last) request for this URL was sent, by the clock that spaces requests to its host (a queue
   * crawl: Redis's); with fetched_at, when its answer was in. Absent in manifests of older crawls.
   */
  requested_at: z.string().nullable().optional(),
  fetched_at: z.string(),
  kind: ManifestKind,
  /** For an attachment or an image: the report page that links or shows it, and that page's content hash. */
  parent_url: z.string().nullable(),
  parent_sha256: z.string().nullable(),
  /** From the page (or, for an attachment, its link text and parent page). */
  title: z.string().nullable(),
  published_at: z.string().nullable(),
  /** Where published_at came from (page-label, page-meta, url, http-header); absent in manifests of older crawls. */
  published_source: z.enum(DATE_SOURCES).nullable().optional(),
  publisher: z.string().nullable(),
  /** Stable error code when the fetch failed (http-status, body-too-large, blocked-address …). */
  error: z.string().nullable(),
  /** What the crawl noticed about a successful fetch, e.g. `encoding-guessed: …` (absent in older manifests). */
  notes: z.string().nullable().optional(),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export async function readManifest(crawlDir: string): Promise<ManifestEntry[]> {
  const text = await readFile(join(crawlDir, MANIFEST_FILE), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = ManifestEntry.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${MANIFEST_FILE} line ${index + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

export async function writeManifest(crawlDir: string, entries: ManifestEntry[]): Promise<void> {
  await atomicWrite(join(crawlDir, MANIFEST_FILE), entries.map((entry) => `${JSON.stringify(withoutUrlCredentials(entry))}\n`).join(''));
}

/** URLs are stored without credentials even when an older crawl database still holds some. */
export function withoutUrlCredentials(entry: ManifestEntry): ManifestEntry {
  return {
    ...entry,
    url: withoutCredentials(entry.url),
    final_url: withoutCredentials(entry.final_url),
    referrer: withoutCredentials(entry.referrer),
    seed: withoutCredentials(entry.seed),
    parent_url: withoutCredentials(entry.parent_url),
  };
}
