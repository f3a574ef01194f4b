/**
 * `nianbao audit OUT`: OUT/audit/, a static site over an extract's outputs that opens from file:// with
 * no server and no network. Every script and style is copied in (ECharts from its package); data is
 * written as scripts (`window.NIANBAO_… = …`) because browsers forbid fetching JSON from file://.
 */
import { access, copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportRecord } from '../schemas/record.js';
import { yearFacts, type YearFacts } from '../checks/cross-year/facts.js';
import { runYearChecks, type YearCheck } from '../checks/cross-year/index.js';
import { normaliseAgency } from '../structure/agency.js';
import { dataScript } from './html.js';
import { writePdfjs } from './pdfjs.js';
import { indexPage } from './index-page.js';
import { writeReports } from './report-pool.js';
import { codeFingerprint, namesIn, pageKey, recordDigest, takeManifest, writeManifest, type PageRecord } from './page-cache.js';
import { readReviews } from '../reviews/store.js';
import { readLines } from '../util/lines.js';
import { readOrigins } from '../run/journal.js';

export const SITE_DIR = 'audit';

export interface BuildOptions {
  /** Skip the evidence (PDFs, source tables): a faster site without the 原文位置 panel. */
  noEvidence?: boolean;
  /** Threads writing report pages; default one per core. */
  threads?: number;
}

export interface BuildResult {
  dir: string;
  reports: number;
  /** Report pages written; the others were kept from the last build, unchanged. */
  written: number;
  seconds: number;
}

/** The browser assets of the site, beside this module (src/audit/assets, or their copy in dist/). */
function assetsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // The build copies the assets beside the compiled code (scripts/copy-assets.mjs); run from source, they are here.
  return join(here, 'assets');
}

/** Below this many pages to write they are written in this thread: starting workers would cost more than they save. */
const THREADS_FROM = 200;

const ASSETS = ['site.css', 'index.js', 'report.js', 'review.js'];

/** The output folder holds no extract to build a site from. */
export class NoExtractError extends Error {}

export async function buildSite(outDir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = Date.now();
  try {
    await access(join(outDir, 'reports.ndjson'));
  } catch {
    throw new NoExtractError(`${join(outDir, 'reports.ndjson')} not found: run \`nianbao extract … --out ${outDir}\` first`);
  }
  const site = join(outDir, SITE_DIR);
  const reportsDir = join(site, 'reports');
  const noEvidence = !!options.noEvidence;
  // Report pages, PDFs and source tables stay for reuse; pages of reports no longer in the extract go at the end.
  // pages/ held the page images of sites built before PDFs were drawn in the browser.
  for (const d of ['data', 'pages']) await rm(join(site, d), { recursive: true, force: true });
  for (const d of ['assets', 'data', 'reports', 'sources']) await mkdir(join(site, d), { recursive: true });
  const require = createRequire(import.meta.url);
  await copyFile(require.resolve('echarts/dist/echarts.min.js'), join(site, 'assets', 'echarts.min.js'));
  for (const a of ASSETS) await copyFile(join(assetsDir(), a), join(site, 'assets', a));
  if (!noEvidence) await writePdfjs(join(site, 'assets'));
  const code = await codeFingerprint();
  const previous = await takeManifest(reportsDir, code);

  const reviews = await readReviews(outDir);
  // Pass 1: each report's page name (two copies of the same bytes share a report_id), what its page is
  // made from, and the facts the year rules need.
  const facts: YearFacts[] = [];
  const slugs = new Map<string, string>();
  const used = new Set<string>();
  const order: string[] = [];
  const ids: string[] = [];
  const digests: string[] = [];
  for await (const line of readLines(join(outDir, 'reports.ndjson'))) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as ReportRecord;
    let slug = record.report_id;
    for (let n = 2; used.has(slug); n++) slug = `${record.report_id}-${n}`;
    used.add(slug);
    if (!slugs.has(record.report_id)) slugs.set(record.report_id, slug);
    order.push(slug);
    ids.push(record.report_id);
    digests.push(recordDigest(line, record, reviews));
    const f = yearFacts(record, normaliseAgency);
    if (f) facts.push(f);
  }
  const years = runYearChecks(facts);
  const checksOf = new Map<string, YearCheck[]>();
  for (const c of years.checks) {
    for (const id of [c.report_id, c.previous_report_id]) {
      const list = checksOf.get(id);
      if (list) list.push(c);
      else checksOf.set(id, [c]);
    }
  }

  // Which pages of the last build still hold: same key, evidence complete, page and PDF script still there.
  const pagesThere = await namesIn(reportsDir);
  const sourcesThere = noEvidence ? new Set<string>() : await namesIn(join(site, 'sources'));
  // Source tables were kept as JSON files here by earlier versions; the pages carry them now.
  for (const name of sourcesThere) if (name.endsWith('.json')) await rm(join(site, 'sources', name), { force: true });
  const keys = order.map((slug, i) => {
    const yearChecks = checksOf.get(ids[i]) ?? [];
    const linked = yearChecks.map((c) => slugs.get(c.report_id === ids[i] ? c.previous_report_id : c.report_id));
    return pageKey({ code, noEvidence, slug, digest: digests[i], yearChecks, linked });
  });
  const kept = order.map((slug, i) => {
    const p = previous.get(slug);
    return !!p && p.key === keys[i] && p.complete && pagesThere.has(`${slug}.html`) && (!p.script || sourcesThere.has(p.script));
  });
  const toWrite = kept.filter((k) => !k).length;

  // Pass 2: the pages that changed, written on every core; records are not all held.
  const tasks = async function* () {
    let i = 0;
    for await (const line of readLines(join(outDir, 'reports.ndjson'))) {
      if (!line.trim()) continue;
      const at = i++;
      if (!kept[at]) yield { line, slug: order[at], yearChecks: checksOf.get(ids[at]) ?? [] };
    }
  };
  const threads = options.threads ?? (toWrite < THREADS_FROM ? 1 : availableParallelism());
  const written = toWrite ? await writeReports(tasks(), { site, noEvidence, reviews, slugs, scripts: sourcesThere, origins: await readOrigins(outDir) }, threads) : [];

  const pages = new Map<string, PageRecord>();
  let w = 0;
  order.forEach((slug, i) => pages.set(slug, kept[i] ? previous.get(slug)! : { ...written[w++], key: keys[i] }));
  for (const name of pagesThere) if (name.endsWith('.html') && !pages.has(name.slice(0, -'.html'.length))) await rm(join(reportsDir, name), { force: true });

  const index = indexPage([...pages.values()].map((p) => p.entry));
  await writeFile(join(site, 'data', 'index.js'), dataScript('NIANBAO_INDEX', index.data));
  await writeFile(join(site, 'index.html'), index.html);
  await writeManifest(reportsDir, code, pages);
  return { dir: site, reports: order.length, written: toWrite, seconds: (Date.now() - started) / 1000 };
}
