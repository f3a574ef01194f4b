/**
 * One report of the site from its NDJSON line: the record validated, its evidence prepared, its page
 * written; returns its index entry and what a later build needs to know to keep the page. Runs in the site's worker threads (src/audit/page-worker.ts), or
 * in the building thread when there are none.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ReportRecord } from '../schemas/record.js';
import type { YearCheck } from '../checks/cross-year/index.js';
import type { Review } from '../reviews/store.js';
import { earlierEvidence, evidenceOf, type Evidence } from './evidence.js';
import { indexEntry } from './index-page.js';
import type { WrittenPage } from './page-cache.js';
import { reportPage } from './report-page.js';

/** What every report of a build shares (sent once to each worker). */
export interface ReportContext {
  site: string;
  noEvidence: boolean;
  reviews: Map<string, Review>;
  /** report_id → slug, for links to the neighbouring years' pages. */
  slugs: Map<string, string>;
  /** The PDF scripts in the site's sources/ folder when the build began. */
  scripts: Set<string>;
  /** Where sources that name no local file are read back (a crawl's URL → its stored file): the extract's run.json. */
  origins: Map<string, string>;
}

export interface ReportTask {
  line: string;
  slug: string;
  yearChecks: YearCheck[];
}

export function reportWriter(ctx: ReportContext): (task: ReportTask) => Promise<WrittenPage> {
  // Copies of one document being prepared at once share the work; later copies find it on disk.
  // Only those in flight are held: keeping every document's source tables was most of the GC time.
  const inflight = new Map<string, Promise<Evidence>>();
  const evidenceFor = (record: ReportRecord, page: string): Promise<Evidence> => {
    let p = inflight.get(record.sha256);
    if (!p) {
      const earlier = () => readFile(page, 'utf8').then((html) => earlierEvidence(html, record), () => undefined);
      inflight.set(record.sha256, (p = evidenceOf(record, join(ctx.site, 'sources'), { scripts: ctx.scripts, earlier, origin: ctx.origins.get(record.source) })));
      void p.finally(() => inflight.delete(record.sha256));
    }
    return p;
  };
  return async ({ line, slug, yearChecks }) => {
    const record = ReportRecord.parse(JSON.parse(line));
    const path = join(ctx.site, 'reports', `${slug}.html`);
    const evidence = ctx.noEvidence ? {} : await evidenceFor(record, path);
    const { html } = reportPage({ record, slug, reviews: ctx.reviews, yearChecks, slugs: ctx.slugs, evidence });
    await writeFile(path, html);
    return { entry: indexEntry(record, slug, ctx.reviews), script: evidence.pdf?.script, complete: evidence.unavailable === undefined };
  };
}
