/**
 * The run loop: feeds frontier entries from the store into host lanes (at most as many per host as
 * it may have in flight, so one slow host never hoards the queue), commits each outcome, and stops
 * when the frontier is empty or the page or byte budget of the run is spent.
 */
import type { EntryDeps, EntryOutcome } from './fetch-entry.js';
import { fetchEntry } from './fetch-entry.js';
import type { CrawlStats } from './progress.js';
import type { CrawlStore, FrontierEntry } from './store.js';

export type StopReason = 'frontier-empty' | 'max-pages' | 'max-total-bytes';

export interface RunLoopHooks {
  onOutcome?: (entry: FrontierEntry, outcome: EntryOutcome) => void;
}

export interface RunLoopResult {
  stoppedBy: StopReason;
  errorsByCode: Record<string, number>;
}

/** How many pending rows are read per refill; the rest wait in the database. */
const REFILL_BATCH = 1_000;

export async function runLoop(runId: number, deps: EntryDeps & { store: CrawlStore }, stats: CrawlStats, hooks: RunLoopHooks = {}): Promise<RunLoopResult> {
  const { store, options } = deps;
  const inflight = new Set<string>();
  const perHost = new Map<string, number>();
  const errorsByCode: Record<string, number> = {};
  const completions = new Notifier();
  let stoppedBy: StopReason = 'frontier-empty';

  const start = (entry: FrontierEntry, host: string) => {
    inflight.add(entry.url);
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
    fetchEntry(entry, deps)
      .then((outcome) => {
        store.record(runId, outcome.row, outcome.state, outcome.bytes, outcome.discovered);
        count(stats, errorsByCode, outcome);
        hooks.onOutcome?.(entry, outcome);
      })
      .catch((err: unknown) => {
        // A bug, not a fetch failure: keep the entry pending for the next run and say so.
        options.log(`internal error on ${entry.url}: ${(err as Error).stack ?? String(err)}`);
        errorsByCode.internal = (errorsByCode.internal ?? 0) + 1;
        store.mark(runId, entry.url, 'failed');
      })
      .finally(() => {
        inflight.delete(entry.url);
        perHost.set(host, (perHost.get(host) ?? 1) - 1);
        completions.notify();
      });
  };

  for (;;) {
    const totals = store.runTotals(runId);
    let budget = options.maxPages - totals.finished - inflight.size;
    if (totals.bytes >= options.maxTotalBytes) stoppedBy = 'max-total-bytes';
    else if (budget <= 0 && totals.pending > inflight.size) stoppedBy = 'max-pages';
    else {
      for (const entry of store.pending(runId, inflight.size + REFILL_BATCH)) {
        if (budget <= 0) break;
        if (inflight.has(entry.url)) continue;
        const host = new URL(entry.url).host;
        if ((perHost.get(host) ?? 0) >= options.perHostConcurrency) continue;
        start(entry, host);
        budget--;
      }
    }
    if (inflight.size === 0) break;
    await completions.wait();
  }
  return { stoppedBy, errorsByCode };
}

function count(stats: CrawlStats, errorsByCode: Record<string, number>, outcome: EntryOutcome): void {
  if (outcome.error) {
    stats.errors++;
    errorsByCode[outcome.error.code] = (errorsByCode[outcome.error.code] ?? 0) + 1;
    return;
  }
  if (outcome.notModified) stats.notModified++;
  if (outcome.row.kind === 'attachment') stats.files++;
  else stats.pages++;
  stats.bytes += outcome.bytes;
}

/** Wakes the loop once per completion, including completions that happened before it waited. */
class Notifier {
  private pending = 0;
  private waiter: (() => void) | undefined;

  notify(): void {
    this.pending++;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }

  async wait(): Promise<void> {
    if (this.pending === 0) await new Promise<void>((resolve) => (this.waiter = resolve));
    this.pending = 0;
  }
}
