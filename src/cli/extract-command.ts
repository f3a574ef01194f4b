import { parseQueueUrl, queueAction } from './queue-url.js';
import { InvalidArgumentError, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { expandInputs } from '../sources/inputs.js';
import { runExtract, OutputNotWritableError } from '../extract-run.js';
import { formatSummary } from '../run-summary.js';
import { loadManifestInputs } from '../sources/crawl-manifest.js';
import { unreviewedPrintedErrors } from '../reviews/unreviewed.js';

const FAIL_ON = ['printed-error'] as const;

function parseFailOn(value: string): (typeof FAIL_ON)[number] {
  if (!(FAIL_ON as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of: ${FAIL_ON.join(', ')}`);
  return value as (typeof FAIL_ON)[number];
}
import { runQueuedExtract } from '../queue/extract-queued.js';

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('read reports (files, folders, globs or a crawl folder) and write checked datasets')
    .argument('<inputs...>', 'files, folders or glob patterns (quote globs)')
    .requiredOption('-o, --out <dir>', 'output folder for reports.ndjson, reports.csv, cells.csv, wide.csv, findings.csv')
    .option('-w, --workers <n>', 'worker processes (default: one per core; 0 parses in this process)', parseCount)
    .option('--timeout <seconds>', 'wall-clock limit per document before its worker is killed', parseCount)
    .option('-q, --quiet', 'no progress bar and no summary')
    .option('--fail-on <what>', 'exit 3 when the run leaves any: printed-error (an error on basis printed that no reviewer has decided in reviews.ndjson)', parseFailOn)
    .option('--queue <url>', 'enqueue the documents in Redis (redis://HOST:PORT/DB) for `nianbao worker`s instead of parsing them here', parseQueueUrl)
    .option('--run <id>', 'with --queue: the run id (default: from this machine and --out, so repeating the command resumes)')
    .option('--wait', 'with --queue: wait for the workers, then write the datasets to --out')
    .option('--by-path', 'with --queue: send paths, not bytes (every worker mounts the inputs at the same path)')
    .action(async (inputs: string[], opts: { out: string; quiet?: boolean; workers?: number; timeout?: number; failOn?: string; queue?: string; run?: string; wait?: boolean; byPath?: boolean }) => {
      const { items, missing } = await expandInputs(inputs, loadManifestInputs);
      if (opts.queue) {
        const limits = opts.timeout ? { documentTimeoutMs: opts.timeout * 1000 } : undefined;
        return queueAction(runQueuedExtract)(items, missing, { url: opts.queue, outDir: opts.out, runId: opts.run, wait: opts.wait, byPath: opts.byPath, quiet: opts.quiet, limits });
      }
      const bar =
        !opts.quiet && process.stderr.isTTY
          ? new cliProgress.SingleBar(
              { stream: process.stderr, format: 'extract [{bar}] {value}/{total} {status}', hideCursor: true },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
      bar?.start(items.length, 0, { status: '' });
      try {
        const summary = await runExtract(items, {
          outDir: opts.out,
          missing,
          workers: opts.workers,
          limits: opts.timeout ? { documentTimeoutMs: opts.timeout * 1000 } : undefined,
          onProgress: bar && ((p) => bar.update(p.done, { status: `${p.status} ${p.source.slice(-40)}` })),
        });
        bar?.stop();
        if (!opts.quiet) process.stderr.write(formatSummary(summary, opts.out) + '\n');
        if (opts.failOn === 'printed-error') {
          const left = await unreviewedPrintedErrors(opts.out);
          if (left > 0) {
            process.stderr.write(`nianbao: ${left} error(s) on basis printed not yet reviewed (--fail-on printed-error)\n`);
            process.exitCode = 3;
          }
        }
      } catch (err) {
        bar?.stop();
        if (err instanceof OutputNotWritableError) {
          process.stderr.write(`nianbao: ${err.message}\n`);
          process.exitCode = 1;
          return;
        }
        throw err;
      }
    });
}
