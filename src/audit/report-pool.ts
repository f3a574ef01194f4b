/**
 * Writes the report pages of a build, on every core: worker threads (src/audit/page-worker.ts) each take
 * a few reports at a time; what each page's writing learnt (its index entry) comes back in the order of the tasks. Run from the
 * TypeScript source (tests), where no compiled worker script exists, the pages are written in this thread.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WrittenPage } from './page-cache.js';
import type { WorkerInit, WorkerRequest } from './page-worker.js';
import { reportWriter, type ReportContext, type ReportTask } from './report-writer.js';

/** Reports a thread has in hand at once: one is read from disk while another is rendered. */
const PER_THREAD = 2;
/**
 * A larger young generation than V8's default for the workers: a page's record, source tables and
 * HTML are short-lived but large, and with the default most of a worker's time went to scavenges.
 */
const YOUNG_GENERATION_MB = 64;

function workerScript(): string | undefined {
  const path = join(dirname(fileURLToPath(import.meta.url)), 'page-worker.js');
  return existsSync(path) ? path : undefined;
}

interface Slot {
  worker: Worker;
  busy: number;
}

export async function writeReports(tasks: AsyncIterable<ReportTask>, ctx: ReportContext, threads: number): Promise<WrittenPage[]> {
  const script = workerScript();
  const pages: WrittenPage[] = [];
  const waiting = new Map<number, { resolve: (e: WrittenPage) => void; reject: (e: Error) => void }>();
  let write: (task: ReportTask, id: number) => Promise<WrittenPage>;
  let slots: Slot[] = [];
  let failure: Error | undefined;
  // Set once the pages are written: terminate() ends the workers with exit code 1, which is no failure.
  let closing = false;
  const fail = (err: Error) => {
    failure ??= err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  if (script && threads > 1) {
    const init: WorkerInit = { site: ctx.site, noEvidence: ctx.noEvidence, reviews: [...ctx.reviews], slugs: [...ctx.slugs], scripts: [...ctx.scripts], origins: [...ctx.origins] };
    slots = Array.from({ length: threads }, () => {
      const worker = new Worker(script, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker.on('message', (m: { id: number; page?: WrittenPage; error?: string }) => {
        const w = waiting.get(m.id);
        waiting.delete(m.id);
        if (m.error !== undefined) w?.reject(new Error(m.error));
        else w?.resolve(m.page!);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => !closing && fail(new Error(`audit page worker exited with code ${code}`)));
      return { worker, busy: 0 };
    });
    write = (task, id) => {
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      slot.busy++;
      return new Promise<WrittenPage>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        slot.worker.postMessage({ ...task, id } satisfies WorkerRequest);
      }).finally(() => slot.busy--);
    };
  } else {
    const one = reportWriter(ctx);
    write = (task) => one(task);
  }

  const limit = Math.max(1, slots.length || threads) * PER_THREAD;
  const inflight = new Set<Promise<void>>();
  try {
    let id = 0;
    for await (const task of tasks) {
      const at = id++;
      const done: Promise<void> = write(task, at)
        .then((page) => void (pages[at] = page))
        .catch((err: Error) => void (failure ??= err))
        .finally(() => inflight.delete(done));
      inflight.add(done);
      if (inflight.size >= limit) await Promise.race(inflight);
      if (failure) break;
    }
    await Promise.all(inflight);
  } finally {
    closing = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
  if (failure) throw failure;
  return pages;
}
