/** `nianbao queue status` and `queue remove`: what each run in Redis holds, and forgetting a run. */
import { Queue } from 'bullmq';
import { connect, connectionOptions, quietErrors } from './connection.js';
import { forgetRun, getRun, listRuns, queueName, QUEUE_PREFIX, type RunInfo } from './runs.js';
import { runCounts, type RunCounts } from './collect.js';

export interface RunStatus extends RunCounts {
  run: RunInfo;
}

export async function queueStatus(url: string, runId?: string): Promise<RunStatus[]> {
  const redis = await connect(url);
  try {
    const ids = runId ? [runId] : await listRuns(redis);
    const out: RunStatus[] = [];
    for (const id of ids) {
      const run = await getRun(redis, id);
      if (!run) continue;
      const queue = quietErrors(new Queue(queueName(id), { connection: connectionOptions(url), prefix: QUEUE_PREFIX }));
      try {
        out.push({ run, ...(await runCounts(queue)) });
      } finally {
        await queue.close();
      }
    }
    return out;
  } finally {
    redis.disconnect();
  }
}

export function formatStatus(statuses: RunStatus[]): string {
  if (!statuses.length) return 'no runs in this queue';
  const rows = [['run', 'created', 'inputs', 'waiting', 'active', 'done', 'failed', 'state']];
  for (const s of statuses) {
    const state = !s.run.sealed ? 'enqueuing (or interrupted: repeat the enqueuing command)' : s.waiting + s.active + s.delayed ? 'running' : 'finished: collect';
    rows.push([s.run.id, s.run.created, s.run.sealed ? String(s.run.total) : '…', String(s.waiting + s.delayed), String(s.active), String(s.completed), String(s.failed), state]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')).join('\n');
}

/** Removes a run: its jobs, their records and its registry entries. */
export async function removeRun(url: string, runId: string): Promise<void> {
  const redis = await connect(url);
  const queue = quietErrors(new Queue(queueName(runId), { connection: connectionOptions(url), prefix: QUEUE_PREFIX }));
  try {
    await queue.obliterate({ force: true });
    await forgetRun(redis, runId);
  } finally {
    await queue.close();
    redis.disconnect();
  }
}
