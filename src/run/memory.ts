/**
 * Resident memory of processes, read from /proc (Linux). RSS is what the kernel charges a process,
 * ArrayBuffers and native allocations included, which V8's heap limit does not cover.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';

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
 * One process's RSS read again and again, for the pool's memory cap and the peak sampler (each reads
 * every worker ten times a second): /proc/<pid>/statm held open and read from its start each time,
 * one pread(2) of a line of numbers, where readRssBytes opens, reads and closes /proc/<pid>/status, a
 * page of text the kernel composes on every read (~3 µs against ~15 µs of this process's CPU; docs/
 * speed-log.md, branch pool, eleventh session). statm counts pages: RSS is its second field times the
 * page size (status's VmRSS is the same count in kB). The open file stays with the process it was
 * opened for: once that process has exited it reads nothing, and a read after a failure opens the
 * pid's file anew (as readRssBytes does every time).
 */
export class RssReader {
  private fd: number | undefined;

  constructor(readonly pid: number) {}

  /** RSS in bytes, or undefined once the process has exited (or without /proc). */
  read(): number | undefined {
    const page = pageBytes();
    if (page === undefined) return readRssBytes(this.pid);
    try {
      this.fd ??= openSync(`/proc/${this.pid}/statm`, 'r');
      const length = readSync(this.fd, statmBuffer, 0, statmBuffer.length, 0);
      // "size resident shared text lib data dt", in pages.
      const line = statmBuffer.toString('latin1', 0, length);
      const start = line.indexOf(' ') + 1;
      const resident = start > 0 ? Number(line.slice(start, line.indexOf(' ', start))) : NaN;
      if (Number.isFinite(resident)) return resident * page;
    } catch {
      // gone (ESRCH), or never there
    }
    // Opened again at the next read, as readRssBytes opens every time: a passing failure (no file
    // descriptor to spare) must not end the cap's polling.
    this.close();
    return undefined;
  }

  close(): void {
    if (this.fd === undefined) return;
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    this.fd = undefined;
  }
}

const statmBuffer = Buffer.alloc(256);
let pageSize: number | undefined | null = null;

/**
 * The kernel's page size, from the first mapping of /proc/self/smaps (the node binary: base pages);
 * undefined where that cannot be read, and then RSS is read from status instead.
 */
export function pageBytes(): number | undefined {
  if (pageSize !== null) return pageSize;
  pageSize = undefined;
  let fd: number | undefined;
  try {
    fd = openSync('/proc/self/smaps', 'r');
    const head = Buffer.alloc(4096);
    const text = head.toString('latin1', 0, readSync(fd, head, 0, head.length, 0));
    const kb = Number(/^KernelPageSize:\s+(\d+) kB/m.exec(text)?.[1]);
    if (kb > 0) pageSize = kb * 1024;
  } catch {
    // no /proc: status is not there either, and readRssBytes says so
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return pageSize;
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
  private known = new Map<number, RssReader>();
  private readonly own = new RssReader(process.pid);
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
    for (const reader of this.known.values()) reader.close();
    this.known.clear();
    this.own.close();
    return this.peakBytes;
  }

  sample(): number {
    // Walking all of /proc for the process tree costs far more than reading a few RSS values: the
    // tree is re-walked every RESCAN_EVERY samples (and at stop), the known pids read in between.
    if (this.samples++ % RESCAN_EVERY === 0 || !this.timer) this.rescan();
    let total = this.own.read() ?? process.memoryUsage.rss();
    for (const reader of this.known.values()) total += reader.read() ?? 0;
    if (total > this.peakBytes) this.peakBytes = total;
    return total;
  }

  /** The tree as it is now: a reader kept for each process still in it, opened for each new one. */
  private rescan(): void {
    const now = new Map<number, RssReader>();
    for (const pid of descendantPids()) {
      now.set(pid, this.known.get(pid) ?? new RssReader(pid));
    }
    for (const [pid, reader] of this.known) if (now.get(pid) !== reader) reader.close();
    this.known = now;
  }
}
