/**
 * The enqueuing side of a queue run: every input hashed as a local run hashes it (src/run/prepare.ts),
 * one job per distinct journal key (a document given twice is one job), every input listed in the
 * run's input order. Interrupted, it leaves the run unsealed; the same command again resumes it (jobs
 * already there are kept by BullMQ, whose job ids are the keys).
 */
import { readFile } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { displayPath, joinPath, pathBytes } from '../sources/file-path.js';
import { Queue } from 'bullmq';
import PQueue from 'p-queue';
import type { InputItem } from '../sources/inputs.js';
import type { RunManifest } from '../run/journal.js';
import { QUEUE_LIMITS, resolveLimits, type LimitsOverrides } from '../limits.js';
import { settingsHash } from '../run/settings.js';
import { prepare, type PreparedInput } from '../run/prepare.js';
import { connect, connectionOptions, quietErrors } from './connection.js';
import { appendInputs, beginRun, queueName, sealRun, QUEUE_PREFIX } from './runs.js';
import { jobId, JOB_OPTIONS, type ExtractJobData, type ExtractJobResult } from './job.js';

export interface EnqueueOptions {
  url: string;
  runId: string;
  missing?: string[];
  limits?: LimitsOverrides;
  /** Send every document by path (the input folder is mounted at the same path on every worker). */
  byPath?: boolean;
  /** Stops enqueuing; the run stays unsealed and resumable. */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface EnqueueSummary {
  runId: string;
  inputs: number;
  /** Distinct documents (jobs) in the run. */
  jobs: number;
  /** Jobs of these that were already in Redis (an earlier, interrupted enqueue). */
  existing: number;
  sealed: boolean;
}

const PREPARE_CONCURRENCY = 8;
const INPUTS_PAGE = 1000;

export async function enqueueRun(items: InputItem[], options: EnqueueOptions): Promise<EnqueueSummary> {
  const limits = resolveLimits(options.limits ?? {});
  const settings = await settingsHash(limits);
  const redis = await connect(options.url);
  const queue = quietErrors(new Queue<ExtractJobData, ExtractJobResult, 'extract'>(queueName(options.runId), { connection: connectionOptions(options.url), prefix: QUEUE_PREFIX }));
  const summary: EnqueueSummary = { runId: options.runId, inputs: items.length, jobs: 0, existing: 0, sealed: false };
  try {
    await beginRun(redis, options.runId, settings, limits, options.missing ?? []);
    const preparer = new PQueue({ concurrency: PREPARE_CONCURRENCY });
    const preparing = items.map((input) => preparer.add(() => prepare(input, limits, settings)) as Promise<PreparedInput>);
    const seen = new Set<string>();
    let listed: RunManifest['inputs'] = [];
    let done = 0;
    for (const pending of preparing) {
      if (options.signal?.aborted) break;
      const item = await pending;
      listed.push({ key: item.key, source: item.input.source, ...(item.input.origin ? { origin: item.input.origin } : {}) });
      if (!seen.has(item.key)) {
        seen.add(item.key);
        summary.jobs++;
        const id = jobId(item.key);
        if (await queue.getJob(id)) summary.existing++;
        else await queue.add('extract', await jobData(item, options.byPath ?? false), { ...JOB_OPTIONS, jobId: id });
      }
      if (listed.length >= INPUTS_PAGE) {
        await appendInputs(redis, options.runId, listed);
        listed = [];
      }
      options.onProgress?.(++done, items.length);
    }
    preparer.clear();
    await appendInputs(redis, options.runId, listed);
    if (!options.signal?.aborted) {
      await sealRun(redis, options.runId, items.length);
      summary.sealed = true;
    }
    return summary;
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

async function jobData(item: PreparedInput, byPath: boolean): Promise<ExtractJobData> {
  const { input } = item;
  // A name that is not UTF-8 is shown escaped (its extension, all a reader looks at, is ASCII).
  const name = basename(displayPath(input.path));
  const data: ExtractJobData = { key: item.key, source: input.source, known: input.known, sha256: item.sha256, sizeBytes: item.sizeBytes, format: item.format, bytesRead: item.bytesRead, refusal: item.refusal, name };
  if (item.refusal) return data;
  if (!byPath && item.sizeBytes <= QUEUE_LIMITS.maxJobDocumentBytes) data.bytes = (await readFile(input.path)).toString('base64');
  else if (typeof input.path === 'string') data.path = resolve(input.path);
  else data.pathBytes = pathBytes(isAbsolute(displayPath(input.path)) ? input.path : joinPath(process.cwd(), input.path)).toString('base64');
  return data;
}
