/**
 * `npm run hostile`: generates the hostile corpus (truncated and encrypted PDFs, a page-tree loop, a
 * DOCX zip bomb, 100,000 table cells, a 200 MB HTML file, wrong extensions, empty and random files)
 * into a temporary folder and runs it through `extract` in one call, printing each file's outcome and
 * the run's peak memory.  node dist/bench/hostile/run.js [--keep]
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateHostileCorpus } from '../../tools/hostile/generate.js';
import { runExtract } from '../../src/extract-run.js';
import { readJournal } from '../../src/run/journal.js';

const keep = process.argv.includes('--keep');
const dir = await mkdtemp(join(tmpdir(), 'nianbao-hostile-'));
await mkdir(join(dir, 'in'));
const files = await generateHostileCorpus(join(dir, 'in'));
const out = join(dir, 'out');
const summary = await runExtract(
  files.map((f) => ({ path: f.path, source: f.name })),
  { outDir: out },
);
const rows: string[][] = [['file', 'status', 'error / layout', 'why it is here']];
const bySource = new Map<string, { status: string; error?: string; layout: Record<string, string> }>();
for await (const r of readJournal(out)) bySource.set(r.source, r);
for (const f of files) {
  const r = bySource.get(f.name);
  rows.push([f.name, r?.status ?? 'MISSING', r ? (r.error ?? Object.values(r.layout).join('/')) : '', f.why]);
}
const widths = rows[0].map((_, i) => Math.min(60, Math.max(...rows.map((r) => r[i].length))));
for (const r of rows) console.log(r.map((c, i) => c.slice(0, 60).padEnd(widths[i])).join('  '));
console.log(`\n${summary.documents} of ${files.length} files accounted for: ${summary.ok} ok, ${summary.partial} partial, ${summary.failed} failed in ${summary.seconds?.toFixed(1)} s; peak memory of the run (parent + workers) ${summary.peak_rss_mb} MiB`);
if (keep) console.log(`kept in ${dir}`);
else await rm(dir, { recursive: true, force: true });
