/**
 * Where a document's time goes, by pipeline stage, for `npm run bench` only. Off unless the bench
 * asks (enableStageTimes, or NIANBAO_STAGE_TIMES=1, which forked workers inherit): off, a stage costs
 * one branch and a closure, and nothing here ever touches a record.
 *
 * Stages: read (file bytes, format sniff, the reader: pdf.js, the HTML/DOCX/TXT walk), structure
 * (sections, title, prose), map (templates onto tables), check (the rules, the record's schema
 * validation and content hash), serialise (the record to JSON text in the worker), hand-over (the
 * worker's IPC send, the parent's journal append and progress report). Times are this process's CPU
 * time (user + system, getrusage: one cheap system call at each end) over one document at a time, so
 * a loaded machine does not inflate them; a helper process a stage waits on (pdftoppm, tesseract) is
 * not in them. The process's CPU is every thread's: what V8's background threads (concurrent
 * compilation, marking) do meanwhile is charged to the stage that is running, and the most to a stage
 * during which the worker's main thread waits or is preempted — the send, which wakes the parent. So
 * hand-over read 0.5–1.8 ms a document where the send itself costs ~0.1 ms (0.09 ms with
 * --single-threaded workers: docs/speed-log.md, branch handover). Node 20 has no per-thread CPU clock
 * (/proc/thread-self/schedstat lags by up to a scheduler tick), so the split stays per process.
 */
export const STAGES = ['read', 'structure', 'map', 'check', 'serialise', 'hand-over'] as const;
export type Stage = (typeof STAGES)[number];
export type StageTimes = Record<Stage, number>;

const ENV = 'NIANBAO_STAGE_TIMES';
let on = process.env[ENV] === '1';
let totals = zero();

function zero(): StageTimes {
  return { read: 0, structure: 0, map: 0, check: 0, serialise: 0, 'hand-over': 0 };
}

/** Turns timing on in this process and in every worker it forks from now on. */
export function enableStageTimes(): void {
  on = true;
  process.env[ENV] = '1';
}

export function stageTimesOn(): boolean {
  return on;
}

/** Runs `run`, adding its duration to `stage` when timing is on. */
export function timeStage<T>(stage: Stage, run: () => T): T {
  if (!on) return run();
  const started = cpuMs();
  try {
    return run();
  } finally {
    totals[stage] += cpuMs() - started;
  }
}

/** The same for a stage that awaits (a reader). */
export async function timeStageAsync<T>(stage: Stage, run: () => Promise<T>): Promise<T> {
  if (!on) return run();
  const started = cpuMs();
  try {
    return await run();
  } finally {
    totals[stage] += cpuMs() - started;
  }
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export function addStageMs(stage: Stage, ms: number): void {
  if (on) totals[stage] += ms;
}

/** Adds times measured elsewhere (a worker's, sent with its result). */
export function addStageTimes(times: Partial<StageTimes>): void {
  for (const stage of STAGES) totals[stage] += times[stage] ?? 0;
}

/** This process's totals so far, and starts again from zero (a worker sends them with each result). */
export function takeStageTimes(): StageTimes {
  const taken = totals;
  totals = zero();
  return taken;
}
