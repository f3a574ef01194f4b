/**
 * `nianbao extract … --queue`: the inputs to a run in Redis instead of parsing them here; with --wait,
 * then collects the run into --out. Ctrl-C stops enqueuing and leaves the run resumable.
 */
import type { InputItem } from '../sources/inputs.js';
import type { LimitsOverrides } from '../limits.js';
import { formatSummary } from '../run-summary.js';
import { enqueueRun } from './enqueue.js';
import { collectRun } from './collect.js';
import { checkRunId, defaultRunId } from './runs.js';

export interface QueuedExtractOptions {
  url: string;
  outDir: string;
  runId?: string;
  wait?: boolean;
  byPath?: boolean;
  quiet?: boolean;
  limits?: LimitsOverrides;
}

export async function runQueuedExtract(items: InputItem[], missing: string[], options: QueuedExtractOptions): Promise<void> {
  const runId = checkRunId(options.runId ?? defaultRunId(options.outDir));
  const abort = new AbortController();
  const onSigint = (): void => abort.abort();
  process.once('SIGINT', onSigint);
  const say = (text: string): void => {
    if (!options.quiet) process.stderr.write(text + '\n');
  };
  try {
    const enqueued = await enqueueRun(items, { url: options.url, runId, missing, limits: options.limits, byPath: options.byPath, signal: abort.signal });
    if (!enqueued.sealed) {
      say(`run ${runId}: interrupted after enqueuing part of ${enqueued.inputs} inputs; the same command again resumes it`);
      process.exitCode = 130;
      return;
    }
    say(`run ${runId}: ${enqueued.inputs} inputs, ${enqueued.jobs} documents (${enqueued.existing} already queued)`);
    if (!options.wait) {
      say(`start workers with \`nianbao worker --queue ${options.url}\`, then \`nianbao collect --queue ${options.url} --run ${runId} --out ${options.outDir}\``);
      return;
    }
    const summary = await collectRun({ url: options.url, runId, outDir: options.outDir, signal: abort.signal });
    say(formatSummary(summary, options.outDir));
  } finally {
    process.off('SIGINT', onSigint);
  }
}
