/**
 * `npm run accuracy`: renders variants of every truth in ../shared/corpus along every axis and format
 * (tools/variety/axes, tools/variety/render), extracts them with nianbao's own run, and scores each
 * record against its truth. A measurement: always exits 0, ends with a one-line verdict.
 *
 *   node dist/tools/variety/accuracy.js [--seed N] [--count N] [--slow-count N] [--scan-count N]
 *     [--formats txt,md,html,…,pdf-outlines,scan-stamped (tools/variety/formats/index.ts)] [--axes plain,separators,…] [--out DIR] [--json]
 *     [--corpus ../shared/corpus] [--cache DIR] [--examples N] [--truths id,id] [--timeout SECONDS]
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runExtract } from '../../src/extract-run.js';
import type { ReportRecord } from '../../src/schemas/record.js';
import { AXES, type FormatId } from './axes/index.js';
import { DEFAULT_FORMATS, FORMATS, GENERATOR_VERSION, distinctTruths, generate, type VariantTruth } from './generate.js';
import { formatsWithTools } from './formats/available.js';
import { failureExamples, formatTable, tally, verdict } from './report.js';
import { scoreRecord, type VariantScore } from './score.js';
import { loadTruths } from './truths.js';

interface Options {
  seed: number;
  count: number;
  slowCount: number;
  scanCount: number;
  formats: FormatId[];
  axes: string[];
  out?: string;
  json: boolean;
  corpus: string;
  cache: string;
  examples: number;
  /** Only the truths with these ids (all when absent). */
  truths?: string[];
  /** Seconds each document may take before its worker is killed (documentTimeoutMs; default: the limit's). */
  timeout?: number;
}

const USAGE = `node dist/tools/variety/accuracy.js [--seed N] [--count N] [--slow-count N] [--scan-count N]
  [--formats ${FORMATS.join(',')}]
  [--axes ${AXES.map((a) => a.id).join(',')}]
  [--out DIR] [--json] [--corpus ../shared/corpus] [--cache DIR] [--examples N] [--truths id,id] [--timeout SECONDS]`;

const VALUE_FLAGS = ['--seed', '--count', '--slow-count', '--scan-count', '--formats', '--axes', '--out', '--corpus', '--cache', '--examples', '--truths', '--timeout'];
const SWITCHES = ['--json'];

function parseArgs(argv: string[]): Options {
  // A mistyped flag would otherwise run the whole measurement (many minutes of OCR) with defaults.
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (VALUE_FLAGS.includes(arg)) {
      if (argv[i + 1] === undefined || argv[i + 1]?.startsWith('--')) throw new Error(`${arg} needs a value\n${USAGE}`);
      i++;
    } else if (!SWITCHES.includes(arg)) throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  const get = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at === -1 ? undefined : argv[at + 1];
  };
  const list = (flag: string, all: string[]): string[] => {
    const value = get(flag);
    if (!value) return all;
    const chosen = value.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = chosen.filter((c) => !all.includes(c));
    if (unknown.length) throw new Error(`${flag}: unknown ${unknown.join(', ')} (known: ${all.join(', ')})`);
    return chosen;
  };
  const number = (flag: string, fallback: number): number => {
    const value = get(flag);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number, got ${value}`);
    return n;
  };
  return {
    seed: number('--seed', 1),
    count: number('--count', 9),
    slowCount: number('--slow-count', 3),
    scanCount: number('--scan-count', 2),
    formats: (get('--formats') ? list('--formats', FORMATS) : DEFAULT_FORMATS) as FormatId[],
    axes: list('--axes', AXES.map((a) => a.id)),
    out: get('--out') ? resolve(get('--out') as string) : undefined,
    json: argv.includes('--json'),
    corpus: resolve(get('--corpus') ?? '../shared/corpus'),
    cache: resolve(get('--cache') ?? join('node_modules', '.cache', 'nianbao-variety', `v${GENERATOR_VERSION}`)),
    examples: number('--examples', 4),
    truths: get('--truths')?.split(',').map((s) => s.trim()).filter(Boolean),
    // OCR pictures take minutes a page on a loaded machine: over the default limit the document fails, measuring nothing.
    timeout: get('--timeout') === undefined ? undefined : number('--timeout', 0) || undefined,
  };
}

/** Records by source and by content hash: two variants can render the same bytes and share one record. */
async function readRecords(outDir: string): Promise<Map<string, ReportRecord>> {
  const records = new Map<string, ReportRecord>();
  const text = await readFile(join(outDir, 'reports.ndjson'), 'utf8');
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as ReportRecord;
    records.set(record.source, record);
    if (!records.has(record.sha256)) records.set(record.sha256, record);
  }
  return records;
}

const sha256Of = async (path: string): Promise<string> => createHash('sha256').update(await readFile(path)).digest('hex');

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // A full measurement renders hundreds of documents through LibreOffice and OCR: asking how to run it must not start it.
  if (argv.includes('--help') || argv.includes('-h')) return void process.stdout.write(`${USAGE}\n`);
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`accuracy: ${(err as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  options.formats = await formatsWithTools(options.formats, log);
  const work = options.out ?? (await mkdtemp(join(tmpdir(), 'nianbao-accuracy-')));
  const variantsDir = join(work, 'variants');
  const recordsDir = join(work, 'records');
  try {
    const started = Date.now();
    await rm(variantsDir, { recursive: true, force: true });
    const all = await loadTruths(options.corpus);
    const truths = options.truths ? all.filter((t) => options.truths?.includes(t.id)) : all;
    if (!truths.length) throw new Error(`no truth files in ${options.corpus}${options.truths ? ` with ids ${options.truths.join(', ')} (known: ${all.map((t) => t.id).join(', ')})` : ''}`);
    const variants: VariantTruth[] = await generate(truths, { ...options, outDir: variantsDir, cacheDir: options.cache, log });
    const generated = Date.now();
    log(`${variants.length} variants of ${distinctTruths(truths).length} distinct truths generated in ${((generated - started) / 1000).toFixed(1)} s; extracting …`);
    // A kept --out folder from an earlier run must not lend its journal: records of an older build would be resumed.
    await rm(recordsDir, { recursive: true, force: true });
    await mkdir(recordsDir, { recursive: true });
    let last = 0;
    await runExtract(
      variants.map((v) => ({ path: join(variantsDir, v.file), source: v.file })),
      {
        outDir: recordsDir,
        ...(options.timeout ? { limits: { documentTimeoutMs: options.timeout * 1000 } } : {}),
        onProgress: (p) => {
          if (p.done === p.total || Date.now() - last > 5000) {
            last = Date.now();
            log(`  ${p.done}/${p.total} extracted`);
          }
        },
      },
    );
    const records = await readRecords(recordsDir);
    const scores: VariantScore[] = [];
    for (const v of variants) scores.push(scoreRecord(v, records.get(v.file) ?? records.get(await sha256Of(join(variantsDir, v.file)))));
    const { rows, byAxis, byFormat, total } = tally(scores);
    const seconds = (Date.now() - started) / 1000;
    if (options.out) await writeFile(join(work, 'scores.json'), JSON.stringify(scores, null, 1) + '\n');
    if (options.json) {
      process.stdout.write(JSON.stringify({ seed: options.seed, generator: GENERATOR_VERSION, seconds, rows, byAxis, byFormat, total, verdict: verdict(rows, total), scores }, null, 1) + '\n');
      return;
    }
    const print = (text: string): void => {
      process.stdout.write(`${text}\n`);
    };
    print(`# nianbao accuracy — seed ${options.seed}, generator v${GENERATOR_VERSION}, ${variants.length} variants, ${seconds.toFixed(0)} s\n`);
    print(formatTable(rows));
    print('\nPer axis:\n');
    print(formatTable(byAxis));
    print('\nPer format:\n');
    print(formatTable([...byFormat, total]));
    print(failureExamples(scores, options.examples, options.out ? variantsDir : undefined, options.seed));
    print(`\n${verdict(rows, total)}`);
  } finally {
    if (!options.out) await rm(work, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`accuracy: ${err.message}\n`);
  process.stdout.write('VERDICT: NOT MEASURED — the run could not proceed\n');
});
