/**
 * `npm run bench`: documents per second and peak memory of runBatch, per format, with one worker
 * and with one per core, beside pdftotext and pdf-parse on the same PDFs. A measurement, not a test.
 *
 *   node dist/bench/run.js [--docs N] [--formats PDF,HTML,DOCX,TXT] [--ceiling HTML,TXT] [--pairs N] [--corpus ../shared/corpus] [--keep] [--queue]
 *   node dist/bench/run.js --audit [--docs N]     (only the audit site's section: bench/audit.ts)
 *
 * Documents per format: 2,010 HTML and TXT, 1,005 DOCX and PDF (6,030 in all), or --docs N of each.
 * Large enough that worker start-up is a small part of every run, as in a researcher's real batch.
 *
 * Per format it also prints where one worker's time goes by pipeline stage (src/run/stages.ts), the
 * marginal CPU of one more document (the N-document run less the run of its first half, over N/2: a warm
 * worker's cost; the N-document run less a 1-document run, over N − 1, is printed beside it) as a ratio
 * to the references measured in the same run (getText and pdftotext for PDF, a bare cheerio walk for
 * HTML, the bare loops for the pool), and `nianbao --help` against `node -e 0`. The pool of 1 and of N
 * workers against as many bare loops is also measured in --pairs N pairs run in turn (default 3;
 * bench/pool-pairs.ts), whose median is the figure that holds on a machine whose load drifts.
 *
 * --queue adds, per format, the same documents through Redis (a redis-server of its own) with 1 and 2
 * `nianbao worker` processes, and the queue's overhead per document against the local pool.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBatch } from '../src/run/batch.js';
import { buildCorpus, type BenchFormat } from './corpus.js';
import { cheerioWalkTiming, pdfParseTiming, pdftotextTiming, type Timing } from './reference.js';
import { enableStageTimes, takeStageTimes, STAGES, type StageTimes } from '../src/run/stages.js';
import { startupTiming, type StartupTiming } from './startup.js';
import { ceilingTiming } from './ceiling.js';
import { auditBench } from './audit.js';
import { cpuMsSoFar } from './cpu.js';
import { queueTiming } from './queue.js';
import { median, poolAgainstBareLoops, type PoolPair } from './pool-pairs.js';

interface Row {
  format: string;
  engine: string;
  workers: number | string;
  documents: number;
  failed: number;
  elapsedMs: number;
  /** CPU time of this process and its children (workers, pdftotext) over the run. */
  cpuMs: number;
  peakRssBytes: number;
}


async function measured<T extends { elapsedMs: number; peakRssBytes: number }>(run: () => Promise<T>): Promise<T & { cpuMs: number }> {
  const before = cpuMsSoFar();
  const result = await run();
  return { ...result, cpuMs: cpuMsSoFar() - before };
}

const DEFAULT_DOCS: Record<BenchFormat, number> = { HTML: 2010, TXT: 2010, DOCX: 1005, PDF: 1005 };

function parseArgs(argv: string[]): { docs: Partial<Record<BenchFormat, number>>; formats: BenchFormat[]; corpus: string; keep: boolean; ceiling: BenchFormat[]; pairs: number; queue: boolean } {
  const get = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at === -1 ? undefined : argv[at + 1];
  };
  const formats = (get('--formats') ?? 'HTML,TXT,DOCX,PDF').split(',').map((f) => f.trim().toUpperCase() as BenchFormat);
  const each = get('--docs');
  return {
    docs: Object.fromEntries(formats.map((f) => [f, each ? Number(each) : DEFAULT_DOCS[f]])),
    formats,
    corpus: resolve(get('--corpus') ?? '../shared/corpus'),
    keep: argv.includes('--keep'),
    queue: argv.includes('--queue'),
    // Bare loops in 1 and N processes for these formats (the machine's ceiling); PDF's takes minutes.
    ceiling: (get('--ceiling') ?? 'HTML,TXT').split(',').map((f) => f.trim().toUpperCase() as BenchFormat).filter(Boolean),
    pairs: Number(get('--pairs') ?? 3),
  };
}

function fromTiming(format: string, engine: string, workers: number | string, t: Timing & { cpuMs: number }): Row {
  return { format, engine, workers, documents: t.documents, failed: t.failed, elapsedMs: t.elapsedMs, cpuMs: t.cpuMs, peakRssBytes: t.peakRssBytes };
}

function printTable(rows: Row[]): void {
  const header = ['format', 'engine', 'workers', 'docs', 'failed', 'seconds', 'docs/s', 'CPU ms/doc', 'peak RSS MiB'];
  const cells = rows.map((r) => [
    r.format,
    r.engine,
    String(r.workers),
    String(r.documents),
    String(r.failed),
    (r.elapsedMs / 1000).toFixed(1),
    (r.documents / Math.max(r.elapsedMs / 1000, 0.001)).toFixed(1),
    (r.cpuMs / Math.max(r.documents, 1)).toFixed(1),
    (r.peakRssBytes / 1048576).toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]): string => c.map((v, i) => (i < 3 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

/** The figures the targets are stated in: all-core over one-worker throughput, PDF cost over getText's. */
function printRatios(rows: Row[], cores: number): void {
  const rate = (r: Row | undefined): number => (r ? r.documents / Math.max(r.elapsedMs / 1000, 0.001) : NaN);
  const find = (format: string, engine: string, workers: number | string): Row | undefined =>
    rows.find((r) => r.format === format && r.engine === engine && r.workers === workers);
  for (const format of [...new Set(rows.map((r) => r.format))]) {
    const one = find(format, 'nianbao runBatch', 1);
    const all = find(format, 'nianbao runBatch', cores);
    if (one && all && cores > 1) {
      console.log(`${format}: ${cores} workers give ${(rate(all) / rate(one)).toFixed(2)}× one worker's throughput (${rate(all).toFixed(1)} vs ${rate(one).toFixed(1)} docs/s)`);
    }
    const bareOne = find(format, 'bare loops (ceiling)', 1);
    const bareAll = find(format, 'bare loops (ceiling)', cores);
    if (bareOne && bareAll && cores > 1) {
      console.log(`${format}: ${cores} bare extraction loops in separate processes give ${(rate(bareAll) / rate(bareOne)).toFixed(2)}× one (this machine's ceiling for a pool; the pool's workers reach ${all ? ((100 * rate(all)) / rate(bareAll)).toFixed(0) : '?'}% of the bare loops' throughput)`);
    }
    const viaRedis = find(format, 'nianbao via Redis', 1);
    const viaRedis2 = find(format, 'nianbao via Redis', 2);
    if (one && viaRedis) {
      console.log(`${format}: through Redis, one worker process costs ${((viaRedis.elapsedMs - one.elapsedMs) / viaRedis.documents).toFixed(1)} ms more per document than the local pool's one worker (${rate(viaRedis).toFixed(1)} vs ${rate(one).toFixed(1)} docs/s)`);
    }
    if (viaRedis && viaRedis2) console.log(`${format}: through Redis, 2 worker processes give ${(rate(viaRedis2) / rate(viaRedis)).toFixed(2)}× one (${rate(viaRedis2).toFixed(1)} docs/s)`);
    const getText = find(format, 'pdf-parse getText', 'in-proc');
    if (one && getText) {
      console.log(`${format}: one worker costs ${(rate(getText) / rate(one)).toFixed(2)}× pdf-parse getText per document (${(1000 / rate(one)).toFixed(0)} vs ${(1000 / rate(getText)).toFixed(0)} ms)`);
    }
    const pdftotext = find(format, 'pdftotext -layout', 1);
    if (one && pdftotext) {
      console.log(`${format}: one worker costs ${(rate(pdftotext) / rate(one)).toFixed(2)}× pdftotext -layout per document (${(1000 / rate(pdftotext)).toFixed(0)} ms)`);
    }
  }
}

const USAGE = `node dist/bench/run.js [--docs N] [--formats PDF,HTML,DOCX,TXT] [--ceiling HTML,TXT] [--pairs N] [--corpus ../shared/corpus] [--keep] [--queue]
node dist/bench/run.js --audit [--docs N]`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // The full bench takes many minutes of both cores: asking how to run it must not start it.
  if (argv.includes('--help') || argv.includes('-h')) return void console.log(USAGE);
  const args = parseArgs(argv);
  if (argv.includes('--audit')) {
    const docs = argv.indexOf('--docs');
    return auditBench(args.corpus, docs === -1 ? 1000 : Number(argv[docs + 1]), args.keep);
  }
  const cores = availableParallelism();
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-bench-'));
  const total = Object.values(args.docs).reduce((a, b) => a + b, 0);
  console.error(`building ${total} documents from ${args.corpus} in ${dir} …`);
  const corpus = await buildCorpus(args.corpus, join(dir, 'corpus'), args.docs);
  // Thousands of new files: let the kernel write them back now, not during the first timed run.
  await promisify(execFile)('sync').catch(() => undefined);
  const rows: Row[] = [];
  const fixedCpuMs = new Map<string, number>();
  const halfCpuMs = new Map<string, { cpuMs: number; documents: number }>();
  const stages = new Map<string, StageTimes>();
  const pairs = new Map<string, PoolPair[]>();
  enableStageTimes();
  try {
    for (const format of args.formats) {
      const paths = corpus.get(format) ?? [];
      if (paths.length === 0) continue;
      // The fixed cost of a run (worker start-up, the first document's module loading), so that the
      // N-document run gives the marginal cost of one more document.
      const first = await measured(() => runBatch([{ path: paths[0], source: paths[0] }], { outDir: join(dir, `out-${format}-first`), workers: 1 }));
      fixedCpuMs.set(format, first.cpuMs);
      // The first half alone: the second half's cost over its documents is what one more document
      // costs once the worker is warm (V8 compiles the hot code over the first tens of documents, a
      // cost per run like module loading, which the 1-document run does not hold).
      if (paths.length >= 4) {
        const half = paths.slice(0, Math.floor(paths.length / 2));
        const halfRun = await measured(() => runBatch(half.map((path) => ({ path, source: path })), { outDir: join(dir, `out-${format}-half`), workers: 1 }));
        halfCpuMs.set(format, { cpuMs: halfRun.cpuMs, documents: half.length });
      }
      takeStageTimes();
      for (const workers of [...new Set([1, cores])]) {
        console.error(`${format}: ${paths.length} documents, ${workers} worker(s) …`);
        const summary = await measured(() =>
          runBatch(
            paths.map((path) => ({ path, source: path })),
            { outDir: join(dir, `out-${format}-${workers}`), workers },
          ),
        );
        rows.push({ format, engine: 'nianbao runBatch', workers, documents: paths.length, failed: summary.failed, elapsedMs: summary.elapsedMs, cpuMs: summary.cpuMs, peakRssBytes: summary.peakRssBytes });
        const times = takeStageTimes();
        if (workers === 1) stages.set(format, times);
      }
      if (args.queue) {
        for (const processes of [1, 2]) {
          console.error(`${format}: through Redis, ${processes} worker process(es) …`);
          const t = await measured(() => queueTiming(paths, processes, join(dir, `out-${format}-queue-${processes}`)));
          rows.push({ format, engine: 'nianbao via Redis', workers: processes, documents: t.documents, failed: t.failed, elapsedMs: t.elapsedMs, cpuMs: t.cpuMs, peakRssBytes: t.peakRssBytes });
        }
      }
      if (args.ceiling.includes(format)) {
        console.error(`${format}: bare extraction loops, 1 and ${cores} processes …`);
        for (const processes of [...new Set([1, cores])]) {
          rows.push(fromTiming(format, 'bare loops (ceiling)', processes, await measured(() => ceilingTiming(paths, processes))));
        }
        for (const processes of args.pairs > 0 ? [...new Set([1, cores])] : []) {
          console.error(`${format}: the pool of ${processes} and ${processes} bare loop(s) in turn, ${args.pairs} pairs …`);
          pairs.set(`${format}:${processes}`, await poolAgainstBareLoops(paths, processes, join(dir, `out-${format}-pairs-${processes}`), args.pairs));
        }
      }
      if (format === 'HTML') {
        console.error('HTML reference: a bare cheerio walk …');
        rows.push(fromTiming(format, 'bare cheerio walk', 'in-proc', await measured(() => cheerioWalkTiming(paths))));
      }
      if (format === 'PDF') {
        console.error('PDF references: pdftotext -layout, pdf-parse getText …');
        rows.push(fromTiming(format, 'pdftotext -layout', 1, await measured(() => pdftotextTiming(paths, 1))));
        if (cores > 1) rows.push(fromTiming(format, 'pdftotext -layout', cores, await measured(() => pdftotextTiming(paths, cores))));
        rows.push(fromTiming(format, 'pdf-parse getText', 'in-proc', await measured(() => pdfParseTiming(paths))));
      }
    }
  } finally {
    if (!args.keep) await rm(dir, { recursive: true, force: true });
  }
  console.log(`\nnianbao benchmark: ${total} documents generated from ${args.corpus}, ${cores} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}\n`);
  printTable(rows);
  console.log('\nThroughput includes worker start-up, hashing and the journal; CPU is this process plus its workers;');
  console.log('peak RSS is this process plus all its children.\n');
  printRatios(rows, cores);
  console.log('\nCPU per document against references measured in this run (marginal: the N-document run less the run of its first half, over N/2; "warm-up included": less a 1-document run, over N − 1):\n');
  printCpuRatios(rows, cores, fixedCpuMs, halfCpuMs, pairs);
  console.log('\nWhere one worker\'s time goes, CPU ms per document by stage (measured inside the pipeline):\n');
  printStages(stages, rows);
  console.error('CLI start-up: nianbao --help against node -e 0 …');
  printStartup(await startupTiming());
  const peak = Math.max(...rows.map((r) => r.peakRssBytes));
  console.log(`\npeak memory of any run: ${(peak / 1048576).toFixed(0)} MiB (target < 1024)`);
}

function printCpuRatios(rows: Row[], cores: number, fixedCpuMs: Map<string, number>, halfCpuMs: Map<string, { cpuMs: number; documents: number }>, pairs: Map<string, PoolPair[]>): void {
  const find = (format: string, engine: string, workers: number | string): Row | undefined =>
    rows.find((r) => r.format === format && r.engine === engine && r.workers === workers);
  const perDoc = (r: Row): number => r.cpuMs / Math.max(r.documents, 1);
  for (const format of [...new Set(rows.map((r) => r.format))]) {
    const one = find(format, 'nianbao runBatch', 1);
    if (!one) continue;
    const fixed = fixedCpuMs.get(format) ?? 0;
    const cold = one.documents > 1 ? (one.cpuMs - fixed) / (one.documents - 1) : perDoc(one);
    const half = halfCpuMs.get(format);
    const warm = half && one.documents > half.documents ? (one.cpuMs - half.cpuMs) / (one.documents - half.documents) : undefined;
    const marginal = warm ?? cold;
    const against = (engine: string, workers: number | string, target: number): void => {
      const ref = find(format, engine, workers);
      if (!ref) return;
      const ratio = marginal / perDoc(ref);
      console.log(`${format}: ${ratio.toFixed(2)}× ${engine} (${marginal.toFixed(1)} vs ${perDoc(ref).toFixed(1)} ms CPU per document; target ≤ ${target}×; warm-up included: ${(cold / perDoc(ref)).toFixed(2)}×)`);
    };
    console.log(`${format}: a run's fixed cost ${fixed.toFixed(0)} ms CPU; one more document ${marginal.toFixed(1)} ms CPU once the worker is warm (the second half of the run), ${cold.toFixed(1)} ms with the warm-up spread over the run`);
    against('pdf-parse getText', 'in-proc', 1.2);
    against('pdftotext -layout', 1, 2);
    against('bare cheerio walk', 'in-proc', 2);
    const bare = find(format, 'bare loops (ceiling)', 1);
    if (bare) console.log(`${format}: the pool's one worker spends ${(perDoc(one) / perDoc(bare)).toFixed(2)}× a bare loop's CPU per document (${perDoc(one).toFixed(1)} vs ${perDoc(bare).toFixed(1)} ms)`);
    const all = find(format, 'nianbao runBatch', cores);
    const bareAll = find(format, 'bare loops (ceiling)', cores);
    if (all && bareAll && cores > 1) {
      const rate = (r: Row): number => r.documents / Math.max(r.elapsedMs / 1000, 0.001);
      console.log(`${format}: the pool of ${cores} reaches ${((100 * rate(all)) / rate(bareAll)).toFixed(0)}% of ${cores} bare loops' throughput, ${((100 * perDoc(bareAll)) / perDoc(all)).toFixed(0)}% by CPU per document (target ≥ 95%)`);
    }
    const percents = (values: number[]): string => values.map((v) => `${(100 * v).toFixed(0)}%`).join(', ');
    for (const processes of [...new Set([1, cores])]) {
      const paired = pairs.get(`${format}:${processes}`);
      if (!paired?.length) continue;
      const throughput = paired.map((p) => p.throughput);
      const cpu = paired.map((p) => p.cpu);
      console.log(`${format}: in ${paired.length} pairs run in turn, the pool of ${processes} reaches ${percents(throughput)} of ${processes} bare loop(s)' throughput (median ${(100 * median(throughput)).toFixed(0)}%), ${percents(cpu)} by CPU per document (median ${(100 * median(cpu)).toFixed(0)}%${processes === cores ? '; target ≥ 95%' : ''})`);
    }
  }
}

function printStages(stages: Map<string, StageTimes>, rows: Row[]): void {
  const header = ['format', ...STAGES, 'sum', 'CPU/doc'];
  const lines = [...stages].map(([format, times]) => {
    const row = rows.find((r) => r.format === format && r.engine === 'nianbao runBatch' && r.workers === 1);
    const docs = Math.max(row?.documents ?? 1, 1);
    const sum = STAGES.reduce((s, stage) => s + times[stage], 0);
    return [format, ...STAGES.map((stage) => (times[stage] / docs).toFixed(2)), (sum / docs).toFixed(2), row ? (row.cpuMs / docs).toFixed(2) : '?'];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (c: string[]): string => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const l of lines) console.log(line(l));
  console.log('(CPU/doc is the whole run\'s: worker start-up, hashing, the parent and the OS beside the stages)');
  console.log('(a stage is charged the whole process\'s CPU while it runs: V8\'s background compiling and marking fall mostly into hand-over, where the worker\'s send wakes the parent; its own cost is ~0.1 ms)');
}

function printStartup(t: StartupTiming): void {
  console.log(`\nCLI: nianbao --help costs ${t.nianbaoHelpMs.toFixed(0)} ms CPU, node -e 0 ${t.nodeMs.toFixed(0)} ms: ${t.ratio.toFixed(2)}× (target ≤ 2×; ${t.runs} runs each, in turn)`);
}

await main();
