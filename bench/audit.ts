/**
 * The audit section of `npm run bench` (opt-in: `npm run bench -- --audit [--docs N]`): how long
 * `nianbao audit` takes to build the site for N reports (default 1,000), and how soon its index is
 * interactive in Chromium. A measurement, printed; not a timed test.
 *
 * The reports: ../shared/corpus extracted once, its records cloned into agency families (the agency
 * named with the family's number, the sha256 made unique) — as a real run holds many agencies with a
 * report or two a year. Content variants of the same files (as the extraction bench uses) would all
 * name the same agency, and every report would be compared with hundreds of "previous years".
 * Each clone keeps its source file under its own sha256, so the evidence (the PDF written into the
 * site, source tables re-read) is made for every clone, as for distinct documents.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runExtract } from '../src/extract-run.js';
import { buildSite, type BuildOptions } from '../src/audit/site.js';
import { MANIFEST } from '../src/audit/page-cache.js';
import { cpuMsSoFar } from './cpu.js';
import { expandInputs } from '../src/sources/inputs.js';
import type { ReportRecord } from '../src/schemas/record.js';

const CHROMIUM = '/usr/bin/chromium';

/** N records: the corpus' records in turn, each clone of family k naming its agency with k and hashing apart. */
export function clones(records: ReportRecord[], total: number): ReportRecord[] {
  const out: ReportRecord[] = [];
  for (let i = 0; i < total; i++) {
    const r = records[i % records.length];
    const family = Math.floor(i / records.length);
    const sha256 = family === 0 ? r.sha256 : createHash('sha256').update(`${r.sha256}/${family}`).digest('hex');
    out.push({ ...r, sha256, report_id: sha256.slice(0, 16), agency: r.agency && family ? `${r.agency}（${family}）` : r.agency });
  }
  return out;
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
    const out = join(dir, 'out');
    const { items } = await expandInputs([corpusDir]);
    console.error(`audit: extracting ${items.length} documents of ${corpusDir} …`);
    await runExtract(items, { outDir: out });
    const records = (await readFile(join(out, 'reports.ndjson'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as ReportRecord);
    const many = clones(records, total);
    await writeFile(join(out, 'reports.ndjson'), many.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const formats = new Map<string, number>();
    for (const r of many) formats.set(r.format, (formats.get(r.format) ?? 0) + 1);
    console.error(`audit: ${many.length} records; building the site …`);

    const timed = async (options: BuildOptions) => {
      const before = cpuMsSoFar();
      const result = await buildSite(out, options);
      return { ...result, cpuSeconds: (cpuMsSoFar() - before) / 1000 };
    };
    const fresh = () => rm(join(out, 'audit'), { recursive: true, force: true });
    const bare = await timed({ noEvidence: true });
    await fresh();
    const single = await timed({ threads: 1 });
    await fresh();
    const cold = await timed({});
    const warm = await timed({});
    // As after an upgrade of nianbao: every page written again (the manifest of kept pages gone), the PDFs in sources/ kept.
    await rm(join(out, 'audit', 'reports', MANIFEST), { force: true });
    const rewritten = await timed({});
    // CPU time counts every thread of this process: on a machine others share, the figure to compare with 10 s.
    const figures = (r: typeof bare) => `${r.seconds.toFixed(1).padStart(5)} s elapsed, CPU ${r.cpuSeconds.toFixed(1)} s`;
    const timings = await indexTimings(join(bare.dir, 'index.html'));
    const load = loadavg()[0];

    console.log(`\nnianbao audit: site for ${bare.reports} reports (${[...formats].map(([f, n]) => `${n} ${f.toUpperCase()}`).join(', ')}), ${Math.ceil(total / records.length)} agency families`);
    console.log(`${availableParallelism()} cores, load average ${load.toFixed(1)} when done (elapsed times are only comparable on an idle machine; CPU time less so)\n`);
    console.log(`build without evidence (--no-evidence)             ${figures(bare)}`);
    console.log(`build with evidence, from scratch, one thread      ${figures(single)}`);
    console.log(`build with evidence, from scratch, ${String(availableParallelism()).padEnd(2)} threads      ${figures(cold)}`);
    console.log(`build with evidence, again, nothing changed        ${figures(warm)} (${warm.written} pages written)`);
    console.log(`build with evidence, every page again, PDFs kept   ${figures(rewritten)} (${rewritten.written} pages written)`);
    if (timings) {
      console.log(`index interactive in Chromium (median of 3)        ${timings.readyMs.toFixed(0)} ms after navigation start`);
      console.log(`filter by one rule (table and charts redrawn)      ${timings.filterMs.toFixed(0)} ms (${timings.rows} reports left)`);
    } else console.log(`index timing skipped: no ${CHROMIUM}`);
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}
