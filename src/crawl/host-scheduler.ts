/**
 * Politeness per host: a p-queue per host caps requests in flight (default one), and a turn gate
 * spaces request starts by the host's delay (ours, or robots.txt Crawl-delay when larger). Hosts run
 * in parallel, up to `hostParallelism` at once.
 */
import PQueue from 'p-queue';
import type { Sleep } from './retry.js';

/** Waits for the host's turn and answers when the request starts (epoch ms), for the manifest's requested_at. */
export type Turn = () => Promise<number>;

/**
 * What fetching one URL needs of politeness: this process's HostScheduler for a local crawl, a lock and
 * turn kept in Redis for a crawl shared by many workers (src/queue/host-gate.ts).
 */
export interface HostTurns {
  /** Runs `task` as the host's request slot; `task` calls `turn()` before each request it sends. */
  run<T>(host: string, task: (turn: Turn) => Promise<T>): Promise<T>;
  /** A single request outside any slot's task (robots.txt), still spaced by the host's turns. */
  turn(host: string): Promise<number>;
  /** Raises a host's delay (robots.txt Crawl-delay; never below the configured one). */
  setHostDelay(host: string, delayMs: number): void;
}

export interface HostSchedulerOptions {
  perHostConcurrency: number;
  perHostDelayMs: number;
  hostParallelism: number;
  sleep: Sleep;
  now?: () => number;
}

class HostLane {
  readonly queue: PQueue;
  delayMs: number;
  private nextStartAt = 0;

  constructor(concurrency: number, delayMs: number, private readonly sleep: Sleep, private readonly now: () => number) {
    this.queue = new PQueue({ concurrency });
    this.delayMs = delayMs;
  }

  /**
   * Waits until this host may receive the next request, then books the next slot from the moment this
   * one really starts: a timer that fired late (a loaded machine) never shortens the following gap.
   * Checking and booking happen in one synchronous step, so concurrent waiters cannot share a slot.
   */
  async waitTurn(): Promise<number> {
    for (;;) {
      const now = this.now();
      if (now >= this.nextStartAt) {
        this.nextStartAt = now + this.delayMs;
        return now;
      }
      await this.sleep(this.nextStartAt - now);
    }
  }
}

export class HostScheduler implements HostTurns {
  private readonly lanes = new Map<string, HostLane>();
  private readonly hosts: PQueue;
  private readonly now: () => number;

  constructor(private readonly options: HostSchedulerOptions) {
    this.now = options.now ?? Date.now;
    this.hosts = new PQueue({ concurrency: options.hostParallelism * options.perHostConcurrency });
  }

  private lane(host: string): HostLane {
    let lane = this.lanes.get(host);
    if (!lane) {
      lane = new HostLane(this.options.perHostConcurrency, this.options.perHostDelayMs, this.options.sleep, this.now);
      this.lanes.set(host, lane);
    }
    return lane;
  }

  /** Raises a host's delay (never lowers it below the configured one). */
  setHostDelay(host: string, delayMs: number): void {
    const lane = this.lane(host);
    lane.delayMs = Math.max(this.options.perHostDelayMs, delayMs);
  }

  /** Runs `task` in the host's lane; `task` calls `turn()` before each request it sends. */
  run<T>(host: string, task: (turn: Turn) => Promise<T>): Promise<T> {
    const lane = this.lane(host);
    return lane.queue.add(() => this.hosts.add(() => task(() => lane.waitTurn()))) as Promise<T>;
  }

  /** A single request outside any lane's queue (robots.txt), still spaced by the host's turns. */
  turn(host: string): Promise<number> {
    return this.lane(host).waitTurn();
  }

  /** Queued or running tasks per host, for the progress line. */
  queueSizes(): Record<string, number> {
    const sizes: Record<string, number> = {};
    for (const [host, lane] of this.lanes) {
      const size = lane.queue.size + lane.queue.pending;
      if (size > 0) sizes[host] = size;
    }
    return sizes;
  }
}
