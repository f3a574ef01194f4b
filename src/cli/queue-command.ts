import { parseQueueUrl, queueAction } from './queue-url.js';
import type { Command } from 'commander';
import { formatStatus, queueStatus, removeRun } from '../queue/status.js';

export function registerQueueCommand(program: Command): void {
  const queue = program.command('queue').description('runs in a Redis queue: their state, and removing them');
  queue
    .command('status')
    .description('waiting/active/done/failed per run')
    .requiredOption('--queue <url>', 'redis://HOST:PORT/DB', parseQueueUrl)
    .option('--run <id>', 'only this run')
    .option('--json', 'as JSON')
    .action(queueAction(async (opts: { queue: string; run?: string; json?: boolean }) => {
      const statuses = await queueStatus(opts.queue, opts.run);
      process.stdout.write((opts.json ? JSON.stringify(statuses, null, 2) : formatStatus(statuses)) + '\n');
    }));
  queue
    .command('remove')
    .description('forget a run: its jobs and their records leave Redis (collect it first)')
    .requiredOption('--queue <url>', 'redis://HOST:PORT/DB', parseQueueUrl)
    .requiredOption('--run <id>', 'the run')
    .action(queueAction(async (opts: { queue: string; run: string }) => {
      await removeRun(opts.queue, opts.run);
    }));
}
