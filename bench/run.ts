/**
 * `npm run bench`: documents per second and peak memory of runBatch, per format, with one worker
 * and with one per core, beside pdftotext and pdf-parse on the same PDFs. A measurement, not a test.
 *
 *   node dist/bench/run.js [--docs 2010] [--formats PDF,HTML,DOCX,TXT] [--corpus ../shared/corpus] [--keep]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBatch } from '../src/run/batch.js';
import { buildCorpus, type BenchFormat } from './corpus.js';
import { pdfParseTiming, pdftotextTiming, type Timing } from './reference.js';

interface Row {
  format: string;
  engine: string;
  workers: number | string;
  documents: number;
  failed: number;
  elapsedMs: number;
  peakRssBytes: number;
}

function parseArgs(argv: string[]): { docs: number; formats: BenchFormat[]; corpus: string; keep: boolean } {
  const get = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at === -1 ? undefined : argv[at + 1];
  };
  return {
    docs: Number(get('--docs') ?? 2010),
    formats: (get('--formats') ?? 'HTML,DOCX,PDF,TXT').split(',').map((f) => f.trim().toUpperCase() as BenchFormat),
    corpus: resolve(get('--corpus') ?? '../shared/corpus'),
    keep: argv.includes('--keep'),
  };
}

function fromTiming(format: string, engine: string, workers: number | string, t: Timing): Row {
  return { format, engine, workers, documents: t.documents, failed: t.failed, elapsedMs: t.elapsedMs, peakRssBytes: t.peakRssBytes };
}

function printTable(rows: Row[]): void {
  const header = ['format', 'engine', 'workers', 'docs', 'failed', 'seconds', 'docs/s', 'peak RSS MiB'];
  const cells = rows.map((r) => [
    r.format,
    r.engine,
    String(r.workers),
    String(r.documents),
    String(r.failed),
    (r.elapsedMs / 1000).toFixed(1),
    (r.documents / Math.max(r.elapsedMs / 1000, 0.001)).toFixed(1),
    (r.peakRssBytes / 1048576).toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]): string => c.map((v, i) => (i < 3 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const cores = availableParallelism();
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-bench-'));
  console.error(`building ${args.docs} documents from ${args.corpus} in ${dir} …`);
  const corpus = await buildCorpus(args.corpus, join(dir, 'corpus'), args.docs);
  const rows: Row[] = [];
  try {
    for (const format of args.formats) {
      const paths = corpus.get(format) ?? [];
      if (paths.length === 0) continue;
      for (const workers of [...new Set([1, cores])]) {
        console.error(`${format}: ${paths.length} documents, ${workers} worker(s) …`);
        const summary = await runBatch(
          paths.map((path) => ({ path, source: path })),
          { outDir: join(dir, `out-${format}-${workers}`), workers },
        );
        rows.push({ format, engine: 'nianbao runBatch', workers, documents: paths.length, failed: summary.failed, elapsedMs: summary.elapsedMs, peakRssBytes: summary.peakRssBytes });
      }
      if (format === 'PDF') {
        console.error('PDF references: pdftotext -layout, pdf-parse getText …');
        rows.push(fromTiming(format, 'pdftotext -layout', 1, await pdftotextTiming(paths, 1)));
        if (cores > 1) rows.push(fromTiming(format, 'pdftotext -layout', cores, await pdftotextTiming(paths, cores)));
        rows.push(fromTiming(format, 'pdf-parse getText', 'in-proc', await pdfParseTiming(paths)));
      }
    }
  } finally {
    if (!args.keep) await rm(dir, { recursive: true, force: true });
  }
  console.log(`\nnianbao benchmark: ${args.docs} documents from ${args.corpus}, ${cores} cores, Node ${process.version}\n`);
  printTable(rows);
  console.log('\nThroughput includes worker start-up, hashing and the journal; peak RSS is this process plus all its children.');
}

await main();
