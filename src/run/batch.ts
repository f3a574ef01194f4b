/**
 * Runs many documents: hashes each input, skips those the journal already holds (resumable runs),
 * parses the rest in a pool of worker processes under hard limits, and journals every record the
 * moment it exists. Every input is accounted for: a document that could not be parsed still yields
 * a failed record saying why.
 */
import { availableParallelism } from 'node:os';
import { extractFile, failedRecord, type ExtractOptions } from '../pipeline.js';
import type { ReportRecord } from '../schemas/record.js';
import { resolveLimits, type Limits, type LimitsOverrides } from '../limits.js';
import { Journal, writeManifest } from './journal.js';
import { PeakMemorySampler } from './memory.js';
import { WorkerPool, type TaskOutcome } from './pool.js';
import { FinishedRecord } from './finished.js';
import { settingsHash } from './settings.js';
import { prepare, type PreparedInput } from './prepare.js';
import type { BatchInput } from './input.js';
import { failureCodeOfReason } from '../schemas/failure-codes.js';
import { timeStage } from './stages.js';
import { limitConcurrency } from './limit.js';

export type { BatchInput } from './input.js';

export interface BatchProgress {
  done: number;
  total: number;
  /** The finished record, parsed when read; with an output folder, read back from its journal (so while the folder holds it). */
  readonly record: ReportRecord;
  status: ReportRecord['status'];
  /** The input's source (what the record calls the document). */
  source: string;
  /** True when the record came from the journal of an earlier run (or an identical earlier input). */
  resumed: boolean;
}

export interface BatchOptions {
  /** Output folder: the journal goes to <outDir>/.nianbao/. Without it nothing is journalled or resumed. */
  outDir?: string;
  /** Worker processes; 0 parses in this process (no hard limits: for debugging and library use). Default: cores. */
  workers?: number;
  limits?: LimitsOverrides | Limits;
  onProgress?: (progress: BatchProgress) => void;
  /** Stops starting new documents (those in flight finish and are journalled); runBatch then resolves with aborted: true. */
  signal?: AbortSignal;
  /** RSS polling interval for the worker cap and the peak measurement, ms. */
  memoryPollMs?: number;
  /**
   * Anything else that changes what a record says (CLI options passed to the pipeline): folded into
   * the journal key, so a run with different settings re-parses instead of resuming.
   */
  settings?: unknown;
  /** Fork this script instead of the compiled worker (tests). */
  workerEntry?: string;
}

export interface BatchSummary {
  total: number;
  /** Parsed in this run. */
  processed: number;
  /** Already in the journal from an earlier run. */
  resumed: number;
  /** Inputs whose content (and known facts) repeat an earlier input: one record serves both. */
  duplicates: number;
  ok: number;
  partial: number;
  failed: number;
  /** Failed records counted by the error's leading code ('timeout', 'memory', 'crash', 'file-too-large', …). */
  failures: Record<string, number>;
  /** Peak of the summed RSS of this process and all its descendants (workers, their helpers), sampled every memoryPollMs. */
  peakRssBytes: number;
  elapsedMs: number;
  aborted: boolean;
}

/** Inputs hashed at once before parsing starts. */
const PREPARE_CONCURRENCY = 8;

export async function runBatch(inputs: BatchInput[], options: BatchOptions = {}): Promise<BatchSummary> {
  const started = Date.now();
  const limits = resolveLimits(options.limits ?? {});
  const workers = options.workers ?? availableParallelism();
  const pool =
    workers > 0
      ? new WorkerPool({ size: workers, workerMemoryMb: limits.workerMemoryMb, workerHeapMb: limits.workerHeapMb, documentTimeoutMs: limits.documentTimeoutMs, memoryPollMs: options.memoryPollMs, workerEntry: options.workerEntry })
      : undefined;
  // Workers first: each takes ~0.5 s to load the pipeline, and the settings hash and the journal's
  // opening (20–50 ms of this process's time) then pass while they load instead of before.
  pool?.warm();
  let settings: string;
  let journal: Journal | undefined;
  try {
    settings = await settingsHash(limits, options.settings);
    journal = options.outDir ? await Journal.open(options.outDir) : undefined;
  } catch (err) {
    await pool?.close();
    throw err;
  }
  const sampler = new PeakMemorySampler(options.memoryPollMs ?? 100).start();
  const summary: BatchSummary = { total: inputs.length, processed: 0, resumed: 0, duplicates: 0, ok: 0, partial: 0, failed: 0, failures: {}, peakRssBytes: 0, elapsedMs: 0, aborted: false };
  let done = 0;
  const report = (finished: FinishedRecord, source: string, resumed: boolean): void => {
    done++;
    summary[finished.status]++;
    if (finished.status === 'failed') {
      const code = failureCode(finished);
      summary.failures[code] = (summary.failures[code] ?? 0) + 1;
    }
    options.onProgress?.({
      done,
      total: inputs.length,
      status: finished.status,
      source,
      get record() {
        return finished.record;
      },
      resumed,
    });
  };

  try {
    // Hashing is I/O: a few files at a time. Each document is dispatched as soon as it and those
    // before it are hashed, so parsing starts at once instead of after the whole input is read.
    const preparer = limitConcurrency(PREPARE_CONCURRENCY);
    const preparing = inputs.map((input) => preparer(() => prepare(input, limits, settings)));

    // Enough documents in flight for every worker to hold its next one queued (see WorkerPool.capacity).
    const dispatch = limitConcurrency(pool ? pool.capacity : 1);
    const inFlight = new Map<string, Promise<FinishedRecord | undefined>>();
    const tasks: Promise<void>[] = [];
    const prepared: PreparedInput[] = [];
    for (const pending of preparing) {
      const item = await pending;
      prepared.push(item);
      const earlier = inFlight.get(item.key);
      if (earlier) {
        summary.duplicates++;
        tasks.push(earlier.then((finished) => finished && report(finished, item.input.source, true)));
        continue;
      }
      if (journal?.has(item.key)) {
        summary.resumed++;
        const fromJournal = journal.get(item.key).then((entry) => FinishedRecord.fromRecord(entry!.record));
        inFlight.set(item.key, fromJournal);
        tasks.push(fromJournal.then((finished) => report(finished, item.input.source, true)));
        continue;
      }
      const parsed = dispatch(async (): Promise<FinishedRecord | undefined> => {
        if (options.signal?.aborted) return undefined;
        const began = Date.now();
        const finished = await parse(item, pool, limits);
        summary.processed++;
        timeStage('hand-over', () => {
          journal?.appendJson({ key: item.key, source: item.input.source, elapsedMs: finished.elapsedMs ?? Date.now() - began, finishedAt: new Date().toISOString() }, finished.serialisedJson);
          report(finished, item.input.source, false);
          // Kept until the run ends (inFlight): journalled, the record itself need not be.
          if (journal) finished.release(() => journal.getSync(item.key)!.record);
        });
        return finished;
      });
      inFlight.set(item.key, parsed);
      tasks.push(parsed.then(() => undefined));
    }
    // The input order the outputs follow; read only once the run is over, so written while documents parse.
    if (options.outDir) await writeManifest(options.outDir, { settingsHash: settings, inputs: prepared.map((p) => ({ key: p.key, source: p.input.source, ...(p.input.origin ? { origin: p.input.origin } : {}) })) });
    await Promise.all(tasks);
    summary.aborted = options.signal?.aborted ?? false;
  } finally {
    await pool?.close();
    journal?.close();
    summary.peakRssBytes = sampler.stop();
    summary.elapsedMs = Date.now() - started;
  }
  return summary;
}

/** A failed record's code (`error_code`), for records from before codes were data: its reason's leading code. */
export function failureCode(finished: { errorCode?: string; error?: string }): string {
  return finished.errorCode ?? failureCodeOfReason(finished.error ?? '');
}

/** One prepared document to a record: refused, parsed in the pool (a crash retried once in a fresh worker), or in-process. Queue workers (src/queue/worker.ts) run jobs through it too. */
export async function parse(item: PreparedInput, pool: WorkerPool | undefined, limits: Limits): Promise<FinishedRecord> {
  const { input } = item;
  if (item.refusal) return FinishedRecord.fromRecord(refused(item, item.refusal));
  let outcome: TaskOutcome;
  const task = { path: input.path, source: input.source, known: input.known, limits };
  if (pool) {
    outcome = await pool.run(task);
    // A crash or memory kill may not be this document's fault: a late error or a leak left by the
    // worker's previous documents. One retry in a fresh worker tells the two apart; a timeout is
    // not retried (it would cost the whole timeout again).
    if ('failure' in outcome && /^(crash|memory):/.test(outcome.failure)) {
      const retry = await pool.run(task, { fresh: true });
      outcome = 'failure' in retry ? { failure: `${retry.failure} (also on a retry in a fresh worker)` } : retry;
    }
  } else {
    outcome = await inProcess(input, limits);
  }
  if ('failure' in outcome) return FinishedRecord.fromRecord(refused(item, outcome.failure));
  return outcome.finished;
}

/** Without workers a stuck parse cannot be stopped: the timeout only stops waiting for it. */
async function inProcess(input: BatchInput, limits: Limits): Promise<TaskOutcome> {
  const timeoutMs = limits.documentTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<TaskOutcome>((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout({ failure: `timeout: no result after ${timeoutMs / 1000} s (documentTimeoutMs); abandoned in-process` }), timeoutMs);
  });
  try {
    return await Promise.race([
      extractFile(input.path, { known: input.known, limits }).then(
        (record): TaskOutcome => ({ finished: FinishedRecord.fromRecord({ ...record, source: input.source }) }),
        (err: unknown): TaskOutcome => ({ failure: `crash: ${err instanceof Error ? err.message : String(err)}` }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The id is the content hash when bytes were read, else the hash prepare derived from the path (sha256 stays empty). */
export function refused(item: PreparedInput, reason: string): ReportRecord {
  const record = failedRecord(item.input.source, Buffer.alloc(0), item.format, reason, failureCodeOfReason(reason));
  return { ...record, sha256: item.bytesRead ? item.sha256 : '', report_id: item.sha256.slice(0, 16) };
}
