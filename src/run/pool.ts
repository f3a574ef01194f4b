/**
 * A pool of worker processes, each running one document at a time under a wall-clock timeout and an
 * RSS cap. Processes, not threads: a worker thread's resourceLimits do not cover ArrayBuffers, and
 * only a process can be killed hard without taking the run down. A worker that times out, grows over
 * the cap or dies is SIGKILLed and a fresh one is started for the next document.
 */
import { addStageTimes } from './stages.js';
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractOptions } from '../pipeline.js';
import { FinishedRecord } from './finished.js';
import { RssReader } from './memory.js';
import { parseStamp, STAMP_ENV, type TaskAnswer, type TaskMessage, type WorkerMessage } from './protocol.js';

export interface PoolOptions {
  /** Number of worker processes. */
  size: number;
  /** RSS kill threshold of each worker, MiB. */
  workerMemoryMb: number;
  /** V8 heap limit of each worker (--max-old-space-size), MiB; defaults to workerMemoryMb. */
  workerHeapMb?: number;
  /** Wall-clock limit per document, ms. */
  documentTimeoutMs: number;
  /** How often each busy worker's RSS is read, ms. */
  memoryPollMs?: number;
  /** The script to fork; defaults to the compiled worker-main.js. Tests pass fault-injecting workers. */
  workerEntry?: string;
  /**
   * Tasks each worker holds at once (one running, the rest queued in its inbox). Default 3: a worker
   * holds a finished document's answer back while it runs the next (WorkerMessage 'results'), and
   * with three it still has one more to start when it sends the two.
   */
  prefetch?: number;
}

export interface PoolTask {
  /** A Buffer when the file name is not valid UTF-8. */
  path: string | Buffer;
  source?: string;
  known?: ExtractOptions['known'];
  /** The run's resolved limits, for the readers. */
  limits?: ExtractOptions['limits'];
}

/** A record, or why the worker had to be killed ('timeout: …', 'memory: …', 'crash: …'). */
export type TaskOutcome = { finished: FinishedRecord } | { failure: string };

const STDERR_TAIL_BYTES = 4096;
const NONE_SENT = Symbol('no limits sent yet');

/**
 * The compiled worker entry. From dist/ it sits next to this module; under vitest this module is
 * the .ts source, so the entry is looked up in the dist/ build (tests build first).
 */
export function defaultWorkerEntry(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return resolve(dirname(here), 'worker-main.js');
  return resolve(dirname(here), '../../dist/src/run/worker-main.js');
}

/** A task sent to a worker and not yet settled. */
interface Assigned {
  id: number;
  source?: string;
  settle: (outcome: WorkerOutcome) => void;
  /** Set once the task is the one the worker is running (its timeout runs from then). */
  timer?: NodeJS.Timeout;
}

/** What a worker says about one task: its outcome, or that it never started it (the worker died first). */
type WorkerOutcome = TaskOutcome | { requeue: true };

class Worker {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  private stderrTail = '';
  private exited = false;
  /** Tasks sent to the process, in order: the first is running, the others wait in its queue. */
  private readonly assigned: Assigned[] = [];
  private poll: NodeJS.Timeout | undefined;
  /** The process's RSS, read at every poll (opened at the first). */
  private rss: RssReader | undefined;
  private killReason: string | undefined;
  private nextId = 1;
  /** Documents sent to this worker so far. */
  used = 0;
  /** The limits last sent to the process (see TaskMessage.limits); NONE_SENT before its first task. */
  private limitsSent: PoolTask['limits'] | typeof NONE_SENT = NONE_SENT;

  constructor(
    entry: string,
    private readonly options: Required<Omit<PoolOptions, 'workerEntry' | 'size' | 'prefetch'>> & { coresShared: boolean },
    onExit: (worker: Worker) => void,
    /** The file this worker stamps with the task it starts (protocol.ts, STAMP_ENV); none: it never holds answers back. */
    private readonly stampPath?: string,
  ) {
    this.child = fork(entry, [], {
      execArgv: [`--max-old-space-size=${options.workerHeapMb}`, ...youngGenerationFlags(options.workerMemoryMb), ...backgroundThreadFlags(options.coresShared)],
      ...(stampPath ? { env: { ...process.env, [STAMP_ENV]: stampPath } } : {}),
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      // Its own process group, so a hard kill also takes down helpers it spawned (pdftoppm, tesseract).
      detached: true,
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      if (process.env.NIANBAO_DEBUG) process.stderr.write(chunk);
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
    this.ready = new Promise<void>((resolveReady, rejectReady) => {
      this.child.once('message', (message: WorkerMessage) => (message.type === 'ready' ? resolveReady() : rejectReady(new Error('worker spoke before ready'))));
      this.child.once('exit', () => rejectReady(new Error(this.crashReason())));
      this.child.once('error', rejectReady);
    });
    this.ready.catch(() => undefined);
    this.child.on('message', (message: WorkerMessage) => this.onMessage(message));
    // Settle on 'close' (stderr drained, so a V8 out-of-memory message is seen), with 'exit' as a
    // fallback in case something else still holds the stderr pipe open.
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      this.exited = true;
      this.rss?.close();
      this.failAll(this.killReason ?? this.crashReason());
      if (this.stampPath) {
        try {
          unlinkSync(this.stampPath);
        } catch {
          // the pool's folder is already gone
        }
      }
      onExit(this);
    };
    this.child.on('close', finish);
    this.child.on('exit', () => setTimeout(finish, 250));
    this.child.on('error', () => undefined); // 'exit' follows and reports
  }

  get alive(): boolean {
    return !this.exited && this.killReason === undefined;
  }

  /** Slots promised to callers that are still waiting for the worker to start. */
  reserved = 0;

  /** Tasks sent and not yet answered, and slots promised. */
  get load(): number {
    return this.assigned.length + this.reserved;
  }

  /**
   * Sends a task. The worker runs its tasks one at a time in order; a task queued behind another is
   * already in the worker's inbox, so the worker never waits for the parent between documents.
   */
  run(task: PoolTask): Promise<WorkerOutcome> {
    // Killed or gone between being chosen and being given the task: it never saw it, run it elsewhere.
    if (!this.alive) return Promise.resolve({ requeue: true });
    const id = this.nextId++;
    this.used++;
    return new Promise<WorkerOutcome>((settle) => {
      this.assigned.push({ id, source: task.source, settle });
      if (this.assigned.length === 1) this.startHead();
      this.startPolling();
      const message: TaskMessage = { type: 'task', id, path: task.path };
      if (task.source !== undefined) message.source = task.source;
      if (task.known !== undefined) message.known = task.known;
      if (task.limits !== this.limitsSent) {
        message.limits = task.limits ?? null;
        this.limitsSent = task.limits;
      }
      this.child.send(message, (err) => {
        if (err) this.kill(`crash: could not send the task to the worker: ${err.message}`);
      });
    });
  }

  kill(reason: string): void {
    if (this.exited) return;
    this.killReason ??= reason;
    killGroup(this.child);
  }

  /** Ends an idle worker politely: it exits when its IPC channel closes. */
  retire(): void {
    if (this.exited) return;
    this.killReason ??= 'crash: pool closed';
    if (this.child.connected) this.child.disconnect();
    setTimeout(() => killGroup(this.child), 2000).unref();
  }

  /** The wall-clock limit of the running task counts from when the worker starts it. */
  private startHead(): void {
    const head = this.assigned[0];
    if (!head || head.timer) return;
    head.timer = setTimeout(() => this.onTimeout(), this.options.documentTimeoutMs);
  }

  /**
   * The head's time is up, by the parent's clock (from the answer before it). A worker that held the
   * head's answer back is running a later task, stamped with when it started it: that task gets its
   * whole time from then. Otherwise the worker is killed, and failAll blames the task it was running.
   */
  private onTimeout(): void {
    const head = this.assigned[0];
    if (!head) return;
    const stamp = this.readStamp();
    if (stamp && stamp.id !== head.id && this.assigned.some((a) => a.id === stamp.id)) {
      const left = stamp.at + this.options.documentTimeoutMs - Date.now();
      if (left > 0) {
        head.timer = setTimeout(() => this.onTimeout(), left);
        return;
      }
    }
    this.kill(`timeout: no result after ${this.options.documentTimeoutMs / 1000} s (documentTimeoutMs); worker killed`);
  }

  /** What the worker last stamped, if it stamps. */
  private readStamp(): { id: number; at: number } | undefined {
    if (!this.stampPath) return undefined;
    try {
      return parseStamp(readFileSync(this.stampPath, 'latin1'));
    } catch {
      return undefined;
    }
  }

  private startPolling(): void {
    if (this.poll) return;
    const capBytes = this.options.workerMemoryMb * 1024 * 1024;
    this.poll = setInterval(() => {
      if (this.child.pid !== undefined) this.rss ??= new RssReader(this.child.pid);
      const rss = this.rss?.read();
      if (rss !== undefined && rss > capBytes) {
        this.kill(`memory: worker RSS ${Math.round(rss / 1048576)} MiB over the ${this.options.workerMemoryMb} MiB cap (workerMemoryMb); worker killed`);
      }
    }, this.options.memoryPollMs);
  }

  private onMessage(message: WorkerMessage): void {
    if (message.type === 'ready') return;
    if (message.type === 'results') {
      for (const answer of message.answers) this.onAnswer(answer);
      return;
    }
    this.onAnswer(message);
  }

  private onAnswer(message: TaskAnswer): void {
    const at = this.assigned.findIndex((a) => a.id === message.id);
    if (at === -1) return;
    const [task] = this.assigned.splice(at, 1);
    clearTimeout(task.timer);
    if (this.assigned.length === 0 && this.poll) {
      clearInterval(this.poll);
      this.poll = undefined;
    }
    this.startHead();
    if (message.type === 'error') return task.settle({ failure: `crash: ${message.message}` });
    if ('json' in message) {
      if (message.stages) addStageTimes(message.stages);
      return task.settle({ finished: FinishedRecord.fromJson(message.json, message.status, message.error, message.elapsedMs, message.error_code) });
    }
    // A worker that answers with an object does not know the task's source: the record gets it here.
    const { source } = task;
    task.settle({ finished: FinishedRecord.fromRecord(source === undefined ? message.record : { ...message.record, source }) });
  }

  /**
   * The worker is gone: the task it was running failed with the reason; the ones queued behind it
   * never started, and those before it (finished, their answers held back and lost with the worker)
   * run again elsewhere. The running task is the one the worker stamped, when it is still unanswered;
   * otherwise (a worker that does not stamp, or one gone between two tasks) the first unanswered one.
   */
  private failAll(reason: string): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
    const tasks = this.assigned.splice(0);
    const stamp = tasks.length > 0 ? this.readStamp() : undefined;
    const stamped = stamp ? tasks.findIndex((task) => task.id === stamp.id) : -1;
    const running = stamped === -1 ? 0 : stamped;
    tasks.forEach((task, i) => {
      clearTimeout(task.timer);
      task.settle(i === running ? { failure: reason } : { requeue: true });
    });
  }

  private crashReason(): string {
    const { exitCode, signalCode } = this.child;
    const tail = this.stderrTail.trim();
    if (/heap out of memory|Reached heap limit|Allocation failed/i.test(tail)) {
      return `memory: V8 heap limit of ${this.options.workerHeapMb} MiB reached (workerHeapMb); worker died`;
    }
    const how = signalCode ? `signal ${signalCode}` : `code ${exitCode}`;
    const lines = tail.split('\n').map((line) => line.trim()).filter((line) => line && !/^Node\.js v\d/.test(line));
    // Prefer the thrown error's own line over the stack frames printed after it.
    const said = lines.find((line) => /^(\w*Error|Uncaught|FATAL|Segmentation)\b|Error:/.test(line)) ?? lines[lines.length - 1];
    return `crash: worker exited with ${how}${said ? `: ${said.slice(0, 300)}` : ''}`;
  }
}

export class WorkerPool {
  private readonly all = new Set<Worker>();
  private readonly waiting: (() => void)[] = [];
  private readonly entry: string;
  private readonly prefetch: number;
  private freshWaiting = 0;
  private closed = false;
  /** A folder of the workers' stamp files (protocol.ts, STAMP_ENV), made with the first worker. */
  private stampDir: string | undefined;
  private spawned = 0;

  constructor(private readonly options: PoolOptions) {
    this.entry = options.workerEntry ?? defaultWorkerEntry();
    this.prefetch = Math.max(1, options.prefetch ?? 3);
    if (!existsSync(this.entry)) {
      throw new Error(`worker entry ${this.entry} not found: run \`npm run build\` first`);
    }
  }

  /** Documents the pool accepts at once: each worker runs one and holds the next ones queued. */
  get capacity(): number {
    return this.options.size * this.prefetch;
  }

  /** Pids of the live worker processes (for memory sampling). */
  pids(): number[] {
    return [...this.all].map((w) => w.child.pid).filter((pid): pid is number => pid !== undefined);
  }

  /** Runs one document; `fresh` insists on a worker that has run nothing before (for retries). */
  async run(task: PoolTask, options: { fresh?: boolean } = {}): Promise<TaskOutcome> {
    for (;;) {
      const worker = options.fresh ? await this.acquireFresh() : await this.acquire();
      if (!worker) return { failure: 'crash: pool closed' };
      try {
        await worker.ready;
      } catch (err) {
        worker.reserved--;
        const message = (err as Error).message;
        const reason = /^(crash|memory):/.test(message) ? message : `crash: worker failed to start: ${message}`;
        worker.kill(reason);
        this.release(worker);
        return { failure: reason };
      }
      worker.reserved--;
      const outcome = await worker.run(task);
      this.release(worker);
      // Queued behind a document that killed its worker: not this document's fault, so run it elsewhere.
      if (!('requeue' in outcome)) return outcome;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const exits = [...this.all].map((w) => new Promise<void>((resolveExit) => (w.child.exitCode !== null || w.child.signalCode !== null ? resolveExit() : w.child.once('exit', () => resolveExit()))));
    for (const worker of this.all) worker.retire();
    this.wake();
    await Promise.all(exits);
    if (this.stampDir) rmSync(this.stampDir, { recursive: true, force: true });
    this.stampDir = undefined;
  }

  /** Starts every worker now, so their start-up (loading the readers) overlaps other work. */
  warm(): void {
    while (!this.closed && this.all.size < this.options.size) this.spawn();
  }

  /**
   * An idle worker first, then a new one while under size, then the least loaded with room in its
   * queue. Idle workers and new ones are left to fresh runs (retries) while any is waiting.
   */
  private async acquire(): Promise<Worker | undefined> {
    while (!this.closed) {
      const found = this.pick();
      if (found) return reserve(found);
      await this.nextRelease();
    }
    return undefined;
  }

  private pick(): Worker | undefined {
    const live = [...this.all].filter((w) => w.alive);
    if (this.freshWaiting === 0) {
      const idle = live.find((w) => w.load === 0);
      if (idle) return idle;
      if (this.all.size < this.options.size) return this.spawn();
    }
    return live.filter((w) => w.load > 0 && w.load < this.prefetch).sort((a, b) => a.load - b.load)[0];
  }

  /** A worker that has run nothing: an idle used worker is retired and replaced. */
  private async acquireFresh(): Promise<Worker | undefined> {
    this.freshWaiting++;
    try {
      while (!this.closed) {
        const live = [...this.all].filter((w) => w.alive);
        const unused = live.find((w) => w.load === 0 && w.used === 0);
        if (unused) return reserve(unused);
        if (this.all.size < this.options.size) return reserve(this.spawn());
        const idle = live.find((w) => w.load === 0);
        if (idle) {
          this.all.delete(idle);
          idle.retire();
          return reserve(this.spawn());
        }
        await this.nextRelease();
      }
      return undefined;
    } finally {
      this.freshWaiting--;
    }
  }

  private nextRelease(): Promise<void> {
    return new Promise<void>((resolveWait) => this.waiting.push(resolveWait));
  }

  private wake(): void {
    for (const resolveWait of this.waiting.splice(0)) resolveWait();
  }

  private release(worker: Worker): void {
    if (!worker.alive && worker.load === 0) {
      this.all.delete(worker);
      worker.kill('crash: replaced');
    }
    this.wake();
  }

  /** An empty stamp file for the next worker; none (it will not hold answers back) where no file can be made. */
  private newStampFile(): string | undefined {
    try {
      this.stampDir ??= mkdtempSync(join(tmpdir(), 'nianbao-pool-'));
      const path = join(this.stampDir, `worker-${++this.spawned}`);
      writeFileSync(path, '');
      return path;
    } catch {
      return undefined;
    }
  }

  private spawn(): Worker {
    const worker = new Worker(
      this.entry,
      {
        workerMemoryMb: this.options.workerMemoryMb,
        workerHeapMb: this.options.workerHeapMb ?? this.options.workerMemoryMb,
        documentTimeoutMs: this.options.documentTimeoutMs,
        memoryPollMs: this.options.memoryPollMs ?? 100,
        coresShared: this.options.size >= availableParallelism(),
      },
      (dead) => {
        this.all.delete(dead);
        this.wake();
      },
      this.newStampFile(),
    );
    this.all.add(worker);
    return worker;
  }
}

/**
 * V8's background threads (concurrent marking and sweeping, compilation) make one worker faster by
 * using a core it would not otherwise have; with a worker on every core there is no such core, and
 * the same collection work done concurrently costs more CPU than doing it on the worker's own thread
 * (measured on HTML reports: two workers with concurrent GC ran ~10% slower in total). One platform
 * thread always (four by default, which only contend), and no concurrent GC when every core has a worker.
 */
export function backgroundThreadFlags(coresShared: boolean): string[] {
  return coresShared ? ['--v8-pool-size=1', '--single-threaded-gc'] : ['--v8-pool-size=1'];
}

/**
 * A larger young generation for workers whose RSS cap leaves room for it: a semi-space of a
 * sixteenth of the cap (32 MiB at the default 512 MiB; V8's own default, 16 MiB, is the floor; 64 MiB
 * the ceiling). Reading a PDF allocates heavily and keeps much of it alive for the whole document
 * (pdf.js's parsed objects and fonts), so each scavenge copies a large live set: doubling the
 * semi-space halves the scavenges (91 → 38 over the bench's 60 PDFs at 48 MiB) for ~50 MiB more
 * RSS per worker. The records are the same; only when garbage is collected changes.
 */
export function youngGenerationFlags(workerMemoryMb: number): string[] {
  const semiSpaceMb = Math.min(64, Math.floor(workerMemoryMb / 16));
  return semiSpaceMb > 16 ? [`--max-semi-space-size=${semiSpaceMb}`] : [];
}

/**
 * Takes a slot at once, before the caller awaits the worker's start-up, so callers that arrive
 * together spread over the workers instead of all seeing the same idle one. run() gives it back.
 */
function reserve(worker: Worker): Worker {
  worker.reserved++;
  return worker;
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL'); // no group (not detached, or already gone)
  }
}
