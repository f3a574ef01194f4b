/**
 * `nianbao extract <inputs…> --out <dir>`. Exit status: 0 the run completed (failed documents are in
 * the outputs); 1 the output folder is not writable or another run holds it; 2 bad arguments, a
 * missing input or nothing to extract (unless --allow-missing / --allow-empty); 3 the run completed but
 * left something --fail-on names; 130 interrupted (re-run to resume).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { expandInputs, REPORT_EXTENSIONS } from '../sources/inputs.js';
import { refuseArchives } from '../sources/archives.js';
import { runExtract, OutputNotWritableError } from '../extract-run.js';
import { formatSummary } from '../run-summary.js';
import { loadManifestInputs } from '../sources/crawl-manifest.js';
import { OutputBusyError } from '../run/out-lock.js';
import { FAIL_ON, FAIL_ON_EXIT_CODE, type FailOn } from '../run/fail-on.js';
import { collectLimit, ConfigError, limitOverrides, loadConfig } from './config.js';
import { createExtractProgress } from './extract-progress.js';
import { parseQueueUrl, queueAction } from './queue-url.js';

export const EXIT = { ok: 0, output: 1, usage: 2, failOn: FAIL_ON_EXIT_CODE, interrupted: 130 } as const;

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

/** Seconds ≥ 1: 0 would not mean "no limit" but kill every document at once, so it is refused. */
function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected seconds > 0 (there is no "no limit"; raise it instead)');
  return n;
}

function parseFailOn(value: string, previous: FailOn[] = []): FailOn[] {
  const items = value.split(',').map((v) => v.trim()).filter(Boolean);
  for (const item of items) if (!(FAIL_ON as readonly string[]).includes(item)) throw new InvalidArgumentError(`expected one of: ${FAIL_ON.join(', ')}`);
  return [...previous, ...(items as FailOn[])];
}

function parseLimit(value: string, previous?: Record<string, number>): Record<string, number> {
  try {
    return collectLimit(value, previous);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

interface ExtractFlags {
  out: string;
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
  workers?: number;
  timeout?: number;
  limit?: Record<string, number>;
  config?: string;
  allowMissing?: boolean;
  allowEmpty?: boolean;
  failOn?: FailOn[];
  queue?: string;
  run?: string;
  wait?: boolean;
  byPath?: boolean;
}

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('read reports (files, folders, globs or a crawl folder) and write checked datasets')
    .argument('<inputs...>', 'files, folders or glob patterns (quote globs)')
    .requiredOption('-o, --out <dir>', 'output folder for the datasets: reports.ndjson, the CSVs, nianbao.sqlite, parquet/, datapackage.json')
    .option('-w, --workers <n>', 'worker processes (default: one per core; 0 parses in this process)', parseCount)
    .option('--timeout <seconds>', 'wall-clock limit per document before its worker is killed (same as --limit documentTimeoutMs=…)', parseSeconds)
    .option('--limit <name=value>', 'override one limit of extractors/limits.ts, e.g. maxPdfPages=100 (repeatable)', parseLimit)
    .option('--config <file>', 'settings file (default: nianbao.config.json in the working folder when present)')
    .option('--allow-missing', 'carry on when an input path or pattern matches nothing (it is listed in summary.json)')
    .option('--allow-empty', 'exit 0 even when there is nothing to extract')
    .option('--fail-on <what>', `exit ${FAIL_ON_EXIT_CODE} when the run leaves any: ${FAIL_ON.join(', ')} (comma-separated or repeated)`, parseFailOn)
    .option('-q, --quiet', 'no progress and no summary')
    .option('-v, --verbose', 'a line per document')
    .option('--json', 'print the summary as JSON on stdout (no progress)')
    .option('--queue <url>', 'enqueue the documents in Redis (redis://HOST:PORT/DB) for `nianbao worker`s instead of parsing them here', parseQueueUrl)
    .option('--run <id>', 'with --queue: the run id (default: from this machine and --out, so repeating the command resumes)')
    .option('--wait', 'with --queue: wait for the workers, then write the datasets to --out')
    .option('--by-path', 'with --queue: send paths, not bytes (every worker mounts the inputs at the same path)')
    .action(async (inputs: string[], opts: ExtractFlags) => {
      const code = await extractAction(inputs, opts);
      if (code !== undefined) process.exitCode = code;
    });
}

/** The exit status, or undefined when a queue run set it itself. */
async function extractAction(inputs: string[], opts: ExtractFlags): Promise<number | undefined> {
  const say = (line: string): void => void process.stderr.write(`nianbao: ${line}\n`);
  let limits;
  try {
    limits = limitOverrides(loadConfig(opts.config), { ...opts.limit, ...(opts.timeout !== undefined ? { documentTimeoutMs: Math.round(opts.timeout * 1000) } : {}) });
  } catch (err) {
    if (err instanceof ConfigError) {
      say(err.message);
      return EXIT.usage;
    }
    throw err;
  }
  const { items: named, missing, pictures } = await expandInputs(inputs, loadManifestInputs);
  if (missing.length && !opts.allowMissing) {
    for (const m of missing) say(`no such file, or no file matches: ${m}`);
    say('nothing was extracted (pass --allow-missing to carry on without them)');
    return EXIT.usage;
  }
  if (pictures > 0 && (named.length === 0 || !opts.quiet)) {
    say(`${pictures} picture file${pictures === 1 ? '' : 's'} (.jpg, .png, .tif, …) in the folder${inputs.length === 1 ? '' : 's'} not read: a report scanned to a picture is read when named, or matched by a glob (nianbao extract 'FOLDER/**/*.jpg')`);
  }
  if (named.length === 0 && !opts.allowEmpty) {
    say(`nothing to extract in ${inputs.join(' ')} (pass --allow-empty to accept an empty run)`);
    return EXIT.usage;
  }

  if (opts.queue) {
    // Loaded only for --queue: a local run needs no Redis client.
    const { runQueuedExtract } = await import('../queue/extract-queued.js');
    await queueAction(runQueuedExtract)(refuseArchives(named, REPORT_EXTENSIONS), missing, { url: opts.queue, outDir: opts.out, runId: opts.run, wait: opts.wait, byPath: opts.byPath, quiet: opts.quiet, limits });
    return undefined;
  }

  const items = named;
  const progress = createExtractProgress(items.length, { quiet: opts.quiet, verbose: opts.verbose, json: opts.json });
  const stop = new AbortController();
  const resumeHint = (): string => `re-run the same command to resume: the ${progress.done} documents done are kept in ${opts.out}/.nianbao`;
  const onInterrupt = (): void => {
    if (stop.signal.aborted) {
      progress.stop();
      say(`interrupted; ${resumeHint()}`);
      process.exit(EXIT.interrupted);
    }
    stop.abort();
    progress.stop();
    say(`stopping after the documents in progress (Ctrl-C again to stop now); ${resumeHint()}`);
  };
  process.on('SIGINT', onInterrupt);
  try {
    const summary = await runExtract(items, { outDir: opts.out, missing, limits, failOn: opts.failOn, signal: stop.signal, onProgress: (p) => progress.update(p) });
    progress.stop();
    if (summary.aborted) {
      say(`interrupted: no dataset written; ${resumeHint()}`);
      return EXIT.interrupted;
    }
    if (opts.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else if (!opts.quiet) process.stderr.write(formatSummary(summary, opts.out) + '\n');
    if (summary.failing) {
      say(`${summary.failing} document(s) left ${opts.failOn!.join(' or ')} (--fail-on)`);
      return EXIT.failOn;
    }
    return EXIT.ok;
  } catch (err) {
    progress.stop();
    if (err instanceof OutputNotWritableError || err instanceof OutputBusyError) {
      say(err.message);
      return EXIT.output;
    }
    throw err;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}
