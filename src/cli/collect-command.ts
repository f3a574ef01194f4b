import { parseQueueUrl, queueAction } from './queue-url.js';
import type { Command } from 'commander';
import { collectRun, RunNotFoundError } from '../queue/collect.js';
import { collectCrawlIfCrawlRun } from '../queue/crawl-collect.js';
import { formatSummary as formatCrawlSummary } from '../crawl/command.js';
import { formatSummary } from '../run-summary.js';

export function registerCollectCommand(program: Command): void {
  program
    .command('collect')
    .description('wait for a queue run to end and write its datasets (a crawl run: its crawl folder), as a local run would')
    .requiredOption('--queue <url>', 'redis://HOST:PORT/DB', parseQueueUrl)
    .option('-o, --out <dir>', 'output folder (required for an extract run; a crawl run defaults to its own --out)')
    .option('--run <id>', 'the run (default: the newest; see `nianbao queue status`)')
    .option('-q, --quiet', 'no progress and no summary')
    .action(queueAction(async (opts: { queue: string; out?: string; run?: string; quiet?: boolean }) => {
      const abort = new AbortController();
      process.once('SIGINT', () => abort.abort());
      const crawled = await collectCrawlIfCrawlRun({ url: opts.queue, runId: opts.run, outDir: opts.out, signal: abort.signal });
      if (crawled) {
        if (!opts.quiet) process.stderr.write(formatCrawlSummary(crawled));
        return;
      }
      if (!opts.out) throw new RunNotFoundError('--out is needed to collect an extract run');
      const summary = await collectRun({
          url: opts.queue,
          runId: opts.run,
          outDir: opts.out!,
          signal: abort.signal,
          onWaiting: opts.quiet || !process.stderr.isTTY ? undefined : (c, run) => process.stderr.write(`\rrun ${run.id}: ${c.waiting + c.delayed} waiting, ${c.active} active, ${c.completed} done, ${c.failed} failed   `),
        });
      if (!opts.quiet) process.stderr.write(`\n${formatSummary(summary, opts.out!)}\n`);
    }));
}
