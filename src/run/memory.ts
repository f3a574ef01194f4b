/**
 * Resident memory of processes, read from /proc (Linux). RSS is what the kernel charges a process,
 * ArrayBuffers and native allocations included, which V8's heap limit does not cover.
 */
import { readFileSync } from 'node:fs';

/** VmRSS of a process in bytes, or undefined when it has exited or /proc is not available. */
export function readRssBytes(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Samples the summed RSS of this process and the processes `pids()` names, keeping the peak.
 * Sampling misses spikes shorter than the interval; it measures, it does not enforce.
 */
export class PeakMemorySampler {
  private timer: NodeJS.Timeout | undefined;
  peakBytes = 0;

  constructor(
    private readonly pids: () => number[],
    private readonly intervalMs = 100,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
    return this.peakBytes;
  }

  sample(): number {
    let total = readRssBytes(process.pid) ?? process.memoryUsage.rss();
    for (const pid of this.pids()) total += readRssBytes(pid) ?? 0;
    if (total > this.peakBytes) this.peakBytes = total;
    return total;
  }
}
