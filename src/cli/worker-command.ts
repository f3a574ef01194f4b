import { parseQueueUrl, queueAction } from './queue-url.js';
import { InvalidArgumentError, type Command } from 'commander';
import { availableParallelism } from 'node:os';
import { runQueueWorker, DEFAULT_LOCK_MS, DEFAULT_MAX_STALLS } from '../queue/worker.js';

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('take extract and crawl jobs from a Redis queue (any number of machines) until stopped with Ctrl-C')
    .requiredOption('--queue <url>', 'redis://HOST:PORT/DB', parseQueueUrl)
    .option('-w, --workers <n>', 'worker processes on this machine (default: one per core)', parsePositive)
    .option('--lock-ms <ms>', `a job whose worker stops answering is taken again after this long (default ${DEFAULT_LOCK_MS})`, parsePositive)
    .option('--max-stalls <n>', `times a job may lose its worker before it ends failed (default ${DEFAULT_MAX_STALLS})`, parsePositive)
    .option('--allow-private-network [cidrs...]', 'crawl jobs: let runs that ask for private/loopback addresses fetch them, all (no value) or only these addresses/CIDRs (default: refused whatever the run asks)')
    .option('-v, --verbose', 'one line per job started and finished')
    .addOption(program.createOption('--worker-entry <path>').hideHelp())
    .action(queueAction(async (opts: { queue: string; workers?: number; lockMs?: number; maxStalls?: number; verbose?: boolean; workerEntry?: string; allowPrivateNetwork?: boolean | string[] }) => {
      const abort = new AbortController();
      // First Ctrl-C: finish the jobs in hand, then exit; the queue hands out nothing more to this worker.
      const stop = (): void => abort.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await runQueueWorker({
        url: opts.queue,
        workers: opts.workers ?? availableParallelism(),
        lockMs: opts.lockMs,
        maxStalls: opts.maxStalls,
        workerEntry: opts.workerEntry,
        signal: abort.signal,
        onJob: opts.verbose ? (event, runId, data, result) => process.stdout.write(`${event} ${runId} ${data.key} ${data.source}${result ? ` ${result.status}` : ''}\n`) : undefined,
        crawl: {
          allowPrivateNetwork: Array.isArray(opts.allowPrivateNetwork) ? opts.allowPrivateNetwork.flatMap((entry) => entry.split(',')) : opts.allowPrivateNetwork === true,
          log: opts.verbose ? (line) => process.stderr.write(`nianbao worker: ${line}\n`) : undefined,
          onJob: opts.verbose ? (event, runId, url, result) => process.stdout.write(`${event} crawl-${runId} ${url}${result ? ` ${result.row?.status ?? 'pending'}` : ''}\n`) : undefined,
        },
        onWarning: (message) => process.stderr.write(`nianbao worker: ${message}\n`),
      });
    }));
}
