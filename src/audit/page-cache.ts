/**
 * Report pages kept across builds: a page is written again only when something it shows may have
 * changed. Each page's key hashes everything its HTML is made from — the record's NDJSON line, its
 * page name, the review decisions on its findings, its year checks and the names of the pages they
 * link to, whether evidence is built, and the code that renders it (every file of the package's
 * compiled src/ and extractors/, so a new nianbao rewrites every page). The keys and index entries of
 * the last build are kept in `reports/.pages.json`, deleted when a build starts and written when it
 * ends, so a build that stops half way leaves no key that could vouch for a page it rewrote.
 *
 * A page is kept only if its evidence was complete (a page that said 原文件不在 is tried again: the
 * source may be back) and the PDF script it draws from is still in sources/.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { YearCheck } from '../checks/cross-year/index.js';
import type { Review } from '../reviews/store.js';
import { reviewKey } from '../reviews/store.js';
import type { ReportRecord } from '../schemas/record.js';
import type { IndexEntry } from './index-page.js';

export const MANIFEST = '.pages.json';

/** What the build learns about a page it wrote, beside its index entry. */
export interface WrittenPage {
  entry: IndexEntry;
  /** The PDF script in sources/ the page draws its evidence from. */
  script?: string;
  /** False when some evidence was unavailable (source file gone, unreadable): such a page is written again next time. */
  complete: boolean;
}

export interface PageRecord extends WrittenPage {
  key: string;
}

interface Manifest {
  code: string;
  pages: Record<string, PageRecord>;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

/** A hash of the code that renders pages and evidence: src/ and extractors/ beside this module (compiled or source). */
export async function codeFingerprint(): Promise<string> {
  const src = dirname(dirname(fileURLToPath(import.meta.url)));
  const h = createHash('sha256');
  for (const dir of [src, join(dirname(src), 'extractors')]) {
    let files: string[];
    try {
      files = await filesUnder(dir);
    } catch {
      continue;
    }
    for (const f of files) h.update(f.slice(dir.length)).update('\0').update(await readFile(f)).update('\0');
  }
  return h.digest('hex');
}

/** The manifest of the last build, removed from disk (see above); empty when there is none or it is for other code. */
export async function takeManifest(reportsDir: string, code: string): Promise<Map<string, PageRecord>> {
  const path = join(reportsDir, MANIFEST);
  let manifest: Manifest | undefined;
  try {
    manifest = JSON.parse(await readFile(path, 'utf8')) as Manifest;
  } catch {
    return new Map();
  }
  await rm(path, { force: true });
  return manifest.code === code ? new Map(Object.entries(manifest.pages)) : new Map();
}

export async function writeManifest(reportsDir: string, code: string, pages: Map<string, PageRecord>): Promise<void> {
  const path = join(reportsDir, MANIFEST);
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ code, pages: Object.fromEntries(pages) } satisfies Manifest));
  await rename(tmp, path);
}

/** The part of a page's key known from its record alone (pass 1 of the build): its line and the decisions on its findings. */
export function recordDigest(line: string, record: ReportRecord, reviews: Map<string, Review>): string {
  const h = createHash('sha256').update(line);
  for (const f of record.findings ?? []) {
    const review = reviews.get(reviewKey(record.sha256, f.rule, f.cells));
    h.update('\0').update(review ? JSON.stringify(review) : '-');
  }
  return h.digest('hex');
}

/** The page's whole key, once the year checks of the run are known. */
export function pageKey(parts: { code: string; noEvidence: boolean; slug: string; digest: string; yearChecks: YearCheck[]; linked: Array<string | undefined> }): string {
  return createHash('sha256')
    .update(JSON.stringify([parts.code, parts.noEvidence, parts.slug, parts.digest, parts.yearChecks, parts.linked]))
    .digest('hex');
}

/** The files of a folder, as a set of names (none when it does not exist). */
export async function namesIn(dir: string): Promise<Set<string>> {
  try {
    return new Set(await readdir(dir));
  } catch {
    return new Set();
  }
}
