/**
 * Resident memory of processes, read from /proc (Linux). RSS is what the kernel charges a process,
 * ArrayBuffers and native allocations included, which V8's heap limit does not cover.
 */
import { readdirSync, readFileSync } from 'node:fs';

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
 * Pids of every live descendant of `root` (children, their helpers, …). Each process's threads list
 * their own children in /proc/<pid>/task/<tid>/children, so the tree costs a few reads per process
 * in it; where the kernel has no such file, every /proc/<pid>/stat is read for its parent pid (a
 * walk of the whole machine's processes, far dearer on a busy host).
 */
export function descendantPids(root: number = process.pid): number[] {
  const direct = childrenFromTasks(root);
  if (direct === undefined) return descendantPidsByScan(root);
  const found: number[] = [];
  const stack = direct;
  while (stack.length) {
    const pid = stack.pop()!;
    found.push(pid);
    stack.push(...(childrenFromTasks(pid) ?? []));
  }
  return found;
}

/** The children of every thread of `pid`; [] once it has exited; undefined when the kernel lacks the files. */
function childrenFromTasks(pid: number): number[] | undefined {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const children: number[] = [];
  for (const tid of tasks) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && tid === String(pid)) return undefined;
      continue; // the thread ended while we looked
    }
    for (const word of text.split(' ')) if (word) children.push(Number(word));
  }
  return children;
}

function descendantPidsByScan(root: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const childrenOf = new Map<number, number[]>();
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 is the parent pid; the command name (field 2) may contain spaces, so parse after its ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = childrenOf.get(parent) ?? [];
      list.push(Number(name));
      childrenOf.set(parent, list);
    } catch {
      // exited while we looked
    }
  }
  const found: number[] = [];
  const stack = [...(childrenOf.get(root) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    found.push(pid);
    stack.push(...(childrenOf.get(pid) ?? []));
  }
  return found;
}

const RESCAN_EVERY = 5;

/**
 * Samples the summed RSS of this process and all its descendants (workers and whatever helpers they
 * spawn), keeping the peak. Sampling misses spikes shorter than the interval: it measures, the
 * pool enforces.
 */
export class PeakMemorySampler {
  private timer: NodeJS.Timeout | undefined;
  private known: number[] = [];
  private samples = 0;
  peakBytes = 0;

  constructor(private readonly intervalMs = 100) {}

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
    // Walking all of /proc for the process tree costs far more than reading a few RSS values: the
    // tree is re-walked every RESCAN_EVERY samples (and at stop), the known pids read in between.
    if (this.samples++ % RESCAN_EVERY === 0 || !this.timer) this.known = descendantPids();
    let total = readRssBytes(process.pid) ?? process.memoryUsage.rss();
    for (const pid of this.known) total += readRssBytes(pid) ?? 0;
    if (total > this.peakBytes) this.peakBytes = total;
    return total;
  }
}
