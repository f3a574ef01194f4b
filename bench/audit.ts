/**
 * The audit section of `npm run bench` (opt-in: `npm run bench -- --audit [--docs N]`): how long
 * `nianbao audit` takes to build the site for N reports (default 1,000: HTML, TXT, DOCX and PDF
 * variants of ../shared/corpus, extracted first), and how soon its index is interactive in Chromium.
 * A measurement, printed; not a timed test.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runExtract } from '../src/extract-run.js';
import { buildSite } from '../src/audit/site.js';
import { buildCorpus, type BenchFormat } from './corpus.js';

const CHROMIUM = '/usr/bin/chromium';

/** The mix of a portal crawl: mostly web pages, then PDFs, text dumps and Word files. */
function mix(total: number): Record<BenchFormat, number> {
  const pdf = Math.round(total * 0.2);
  const txt = Math.round(total * 0.25);
  const docx = Math.round(total * 0.15);
  return { HTML: total - pdf - txt - docx, TXT: txt, DOCX: docx, PDF: pdf };
}

async function indexTimings(indexPath: string): Promise<{ readyMs: number; filterMs: number; rows: number } | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const runs: Array<{ readyMs: number; filterMs: number; rows: number }> = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(pathToFileURL(indexPath).href + `?run=${i}`);
      await page.waitForFunction(() => (window as unknown as { NIANBAO_READY?: number }).NIANBAO_READY !== undefined);
      // NIANBAO_READY is performance.now() when the table and charts were first drawn: ms since navigation began.
      const readyMs = await page.evaluate(() => (window as unknown as { NIANBAO_READY: number }).NIANBAO_READY);
      const filterMs = await page.evaluate(() => {
        const sel = document.getElementById('f-rule') as HTMLSelectElement;
        const t0 = performance.now();
        sel.value = sel.options[1]?.value ?? '';
        sel.dispatchEvent(new Event('change'));
        return performance.now() - t0;
      });
      const rows = await page.locator('#reports tbody tr').count();
      runs.push({ readyMs, filterMs, rows });
    }
    runs.sort((a, b) => a.readyMs - b.readyMs);
    return runs[1]; // the median of three loads
  } finally {
    await browser.close();
  }
}

export async function auditBench(corpusDir: string, total: number, keep: boolean): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-bench-audit-'));
  try {
    const counts = mix(total);
    console.error(`audit: building ${total} documents (${JSON.stringify(counts)}) and extracting them …`);
    const corpus = await buildCorpus(corpusDir, join(dir, 'corpus'), counts);
    const items = [...corpus.values()].flat().map((path) => ({ path, source: path }));
    const out = join(dir, 'out');
    const extracted = Date.now();
    await runExtract(items, { outDir: out });
    console.error(`audit: extracted in ${((Date.now() - extracted) / 1000).toFixed(1)} s; building the site …`);

    const bare = await buildSite(out, { noEvidence: true });
    const cold = await buildSite(out);
    const warm = await buildSite(out);
    const timings = await indexTimings(join(bare.dir, 'index.html'));

    console.log(`\nnianbao audit: site for ${bare.reports} reports (${Object.entries(counts).map(([f, n]) => `${n} ${f}`).join(', ')})\n`);
    console.log(`build without evidence (--no-evidence)         ${bare.seconds.toFixed(1)} s`);
    console.log(`build with evidence, first (renders PDF pages)  ${cold.seconds.toFixed(1)} s`);
    console.log(`build with evidence, again (page images kept)   ${warm.seconds.toFixed(1)} s`);
    if (timings) {
      console.log(`index interactive in Chromium (median of 3)     ${timings.readyMs.toFixed(0)} ms after navigation start (${timings.rows} rows after the filter)`);
      console.log(`filter by one rule (re-render table and charts)  ${timings.filterMs.toFixed(0)} ms`);
    } else console.log(`index timing skipped: no ${CHROMIUM}`);
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}
