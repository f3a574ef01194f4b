/**
 * A pool of worker processes, each running one document at a time under a wall-clock timeout and an
 * RSS cap. Processes, not threads: a worker thread's resourceLimits do not cover ArrayBuffers, and
 * only a process can be killed hard without taking the run down. A worker that times out, grows over
 * the cap or dies is SIGKILLed and a fresh one is started for the next document.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractOptions } from '../pipeline.js';
import { FinishedRecord } from './finished.js';
import { readRssBytes } from './memory.js';
import type { TaskMessage, WorkerMessage } from './protocol.js';

export interface PoolOptions {
  /** Number of worker processes. */
  size: number;
  /** V8 heap cap (--max-old-space-size) and RSS kill threshold of each worker, MiB. */
  workerMemoryMb: number;
  /** Wall-clock limit per document, ms. */
  documentTimeoutMs: number;
  /** How often each busy worker's RSS is read, ms. */
  memoryPollMs?: number;
  /** The script to fork; defaults to the compiled worker-main.js. Tests pass fault-injecting workers. */
  workerEntry?: string;
}

export interface PoolTask {
  path: string;
  source?: string;
  known?: ExtractOptions['known'];
}

/** A record, or why the worker had to be killed ('timeout: …', 'memory: …', 'crash: …'). */
export type TaskOutcome = { finished: FinishedRecord } | { failure: string };

const STDERR_TAIL_BYTES = 4096;

/**
 * The compiled worker entry. From dist/ it sits next to this module; under vitest this module is
 * the .ts source, so the entry is looked up in the dist/ build (tests build first).
 */
export function defaultWorkerEntry(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return resolve(dirname(here), 'worker-main.js');
  return resolve(dirname(here), '../../dist/src/run/worker-main.js');
}

class Worker {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  private stderrTail = '';
  private exited = false;
  private current: { id: number; source?: string; settle: (outcome: TaskOutcome) => void } | undefined;
  private killReason: string | undefined;
  private nextId = 1;
  /** Documents sent to this worker so far. */
  used = 0;

  constructor(
    entry: string,
    private readonly options: Required<Omit<PoolOptions, 'workerEntry' | 'size'>>,
    onExit: (worker: Worker) => void,
  ) {
    this.child = fork(entry, [], {
      execArgv: [`--max-old-space-size=${options.workerMemoryMb}`],
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
      this.settle({ failure: this.killReason ?? this.crashReason() });
      onExit(this);
    };
    this.child.on('close', finish);
    this.child.on('exit', () => setTimeout(finish, 250));
    this.child.on('error', () => undefined); // 'exit' follows and reports
  }

  get alive(): boolean {
    return !this.exited && this.killReason === undefined;
  }

  run(task: PoolTask): Promise<TaskOutcome> {
    const id = this.nextId++;
    this.used++;
    return new Promise<TaskOutcome>((resolveTask) => {
      this.current = { id, source: task.source, settle: resolveTask };
      const seconds = this.options.documentTimeoutMs / 1000;
      const timer = setTimeout(
        () => this.kill(`timeout: no result after ${seconds} s (documentTimeoutMs); worker killed`),
        this.options.documentTimeoutMs,
      );
      const capBytes = this.options.workerMemoryMb * 1024 * 1024;
      const poll = setInterval(() => {
        const rss = this.child.pid ? readRssBytes(this.child.pid) : undefined;
        if (rss !== undefined && rss > capBytes) {
          this.kill(`memory: worker RSS ${Math.round(rss / 1048576)} MiB over the ${this.options.workerMemoryMb} MiB cap (workerMemoryMb); worker killed`);
        }
      }, this.options.memoryPollMs);
      const done = this.current.settle;
      this.current.settle = (outcome) => {
        clearTimeout(timer);
        clearInterval(poll);
        done(outcome);
      };
      const message: TaskMessage = { type: 'task', id, path: task.path, source: task.source, known: task.known };
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

  private onMessage(message: WorkerMessage): void {
    if (message.type === 'ready' || !this.current || message.id !== this.current.id) return;
    if (message.type === 'error') return this.settle({ failure: `crash: ${message.message}` });
    if ('json' in message) return this.settle({ finished: FinishedRecord.fromJson(message.json, message.status, message.error) });
    // A worker that answers with an object does not know the task's source: the record gets it here.
    const { source } = this.current;
    this.settle({ finished: FinishedRecord.fromRecord(source === undefined ? message.record : { ...message.record, source }) });
  }

  private settle(outcome: TaskOutcome): void {
    const current = this.current;
    this.current = undefined;
    current?.settle(outcome);
  }

  private crashReason(): string {
    const { exitCode, signalCode } = this.child;
    const tail = this.stderrTail.trim();
    if (/heap out of memory|Reached heap limit|Allocation failed/i.test(tail)) {
      return `memory: V8 heap limit of ${this.options.workerMemoryMb} MiB reached (workerMemoryMb); worker died`;
    }
    const how = signalCode ? `signal ${signalCode}` : `code ${exitCode}`;
    const lines = tail.split('\n').map((line) => line.trim()).filter((line) => line && !/^Node\.js v\d/.test(line));
    // Prefer the thrown error's own line over the stack frames printed after it.
    const said = lines.find((line) => /^(\w*Error|Uncaught|FATAL|Segmentation)\b|Error:/.test(line)) ?? lines[lines.length - 1];
    return `crash: worker exited with ${how}${said ? `: ${said.slice(0, 300)}` : ''}`;
  }
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly waiting: ((worker: Worker) => void)[] = [];
  private readonly entry: string;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    this.entry = options.workerEntry ?? defaultWorkerEntry();
    if (!existsSync(this.entry)) {
      throw new Error(`worker entry ${this.entry} not found: run \`npm run build\` first`);
    }
  }

  /** Pids of the live worker processes (for memory sampling). */
  pids(): number[] {
    return [...this.all].map((w) => w.child.pid).filter((pid): pid is number => pid !== undefined);
  }

  /** Runs one document; `fresh` insists on a worker that has run nothing before (for retries). */
  async run(task: PoolTask, options: { fresh?: boolean } = {}): Promise<TaskOutcome> {
    if (this.closed) return { failure: 'crash: pool closed' };
    let worker = await this.acquire();
    if (options.fresh && worker.used > 0) {
      this.all.delete(worker);
      worker.retire();
      worker = this.spawn();
    }
    try {
      await worker.ready;
    } catch (err) {
      const message = (err as Error).message;
      const reason = /^(crash|memory):/.test(message) ? message : `crash: worker failed to start: ${message}`;
      worker.kill(reason);
      this.release(worker);
      return { failure: reason };
    }
    const outcome = await worker.run(task);
    this.release(worker);
    return outcome;
  }

  async close(): Promise<void> {
    this.closed = true;
    const exits = [...this.all].map((w) => new Promise<void>((resolveExit) => (w.child.exitCode !== null || w.child.signalCode !== null ? resolveExit() : w.child.once('exit', () => resolveExit()))));
    for (const worker of this.all) worker.retire();
    await Promise.all(exits);
  }

  /** Starts every worker now, so their start-up (loading the readers) overlaps other work. */
  warm(): void {
    while (!this.closed && this.all.size < this.options.size) this.idle.push(this.spawn());
  }

  private acquire(): Promise<Worker> {
    const worker = this.idle.pop();
    if (worker) return Promise.resolve(worker);
    if (this.all.size < this.options.size) return Promise.resolve(this.spawn());
    return new Promise((resolveWorker) => this.waiting.push(resolveWorker));
  }

  private release(worker: Worker): void {
    if (!worker.alive) {
      this.all.delete(worker);
      worker.kill('crash: replaced');
      if (this.waiting.length && !this.closed) this.waiting.shift()!(this.spawn());
      return;
    }
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  private spawn(): Worker {
    const worker = new Worker(
      this.entry,
      { workerMemoryMb: this.options.workerMemoryMb, documentTimeoutMs: this.options.documentTimeoutMs, memoryPollMs: this.options.memoryPollMs ?? 100 },
      (dead) => {
        this.all.delete(dead);
        const at = this.idle.indexOf(dead);
        if (at !== -1) this.idle.splice(at, 1);
      },
    );
    this.all.add(worker);
    return worker;
  }
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL'); // no group (not detached, or already gone)
  }
}
