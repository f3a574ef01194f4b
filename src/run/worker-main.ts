/**
 * Worker process entry (forked by src/run/pool.ts from dist/src/run/worker-main.js): runs its tasks
 * one at a time, in the order they arrive, and sends each record back. The parent sends the next
 * tasks before this one finishes, so the worker never waits for the parent between documents; a
 * finished record waits for the next one when that one can start at once, and the two go in one
 * message (the parent wakes once for both), the task being run stamped in a file the parent reads
 * should this worker hang or die (protocol.ts).
 * Everything that can go wrong beyond a thrown error (hangs, runaway memory, native crashes) is the
 * parent's job: it kills this process.
 */
import { openSync, readFileSync, writeSync } from 'node:fs';
import { extractFile, type ExtractOptions } from '../pipeline.js';
import { STAMP_BYTES, STAMP_ENV, type TaskAnswer, type TaskMessage, type WorkerMessage } from './protocol.js';
import { stageTimesOn, takeStageTimes, timeStage } from './stages.js';
import { utf8Bytes } from './utf8-bytes.js';

function send(message: WorkerMessage): void {
  process.send?.(message);
}

const inbox: TaskMessage[] = [];
let running = false;
/** The limits in force: a task carries them only when they change (TaskMessage.limits). */
let limits: ExtractOptions['limits'];

/** The stamp file (protocol.ts, STAMP_ENV); without one this worker never holds an answer back. */
let stampFd: number | undefined;
try {
  if (process.env[STAMP_ENV]) stampFd = openSync(process.env[STAMP_ENV], 'r+');
} catch {
  stampFd = undefined;
}
const stampBuffer = Buffer.alloc(STAMP_BYTES);

/** Says which task this worker starts now; false when it cannot (then it must not hold answers back). */
function stamp(id: number): boolean {
  if (stampFd === undefined) return false;
  stampBuffer.fill(0x20);
  stampBuffer.write(`${id} ${Date.now()}`, 'latin1');
  try {
    return writeSync(stampFd, stampBuffer, 0, STAMP_BYTES, 0) === STAMP_BYTES;
  } catch {
    stampFd = undefined;
    return false;
  }
}

/** Answers finished and not sent yet (at most one waits for the next): see WorkerMessage 'results'. */
const held: TaskAnswer[] = [];

/** One turn of the event loop with its poll phase, so that the tasks the parent has sent are in the inbox. */
async function takeInTasks(): Promise<void> {
  // From a message callback (poll phase) the first immediate runs before the loop polls again; the
  // second is queued from the check phase, so the loop polls (without blocking) before it runs.
  await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
  await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
}

function sendHeld(): void {
  const answers = held.splice(0);
  if (answers.length === 1) send(answers[0]);
  else if (answers.length > 1) send({ type: 'results', answers });
}

async function runInbox(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let task = inbox.shift(); task; task = inbox.shift()) {
      const stamped = stamp(task.id);
      const answer = await runTask(task);
      if (stamped && held.length === 0) {
        // Hold this answer back if the next document can start at once: it goes with that one's.
        // The bytes live in a buffer the next record reuses (utf8Bytes), so a held record is copied.
        if (answer.type === 'result' && 'json' in answer && typeof answer.json !== 'string') answer.json = Buffer.from(answer.json);
        held.push(answer);
        await takeInTasks();
        if (inbox.length > 0) continue;
        timeStage('hand-over', sendHeld);
        continue;
      }
      held.push(answer);
      timeStage('hand-over', sendHeld);
    }
  } finally {
    running = false;
  }
}

async function runTask(task: TaskMessage): Promise<TaskAnswer> {
  // Taken first, whatever becomes of this task: the tasks after it run under these limits too.
  if (task.limits !== undefined) limits = task.limits ?? undefined;
  const started = performance.now();
  try {
    // One document at a time: a synchronous read blocks nothing here and spares the thread-pool
    // hand-offs (open, stat, read, close, each a wake-up) of an asynchronous one.
    const path = typeof task.path === 'string' ? task.path : Buffer.from(task.path.buffer, task.path.byteOffset, task.path.byteLength);
    const record = await extractFile(path, { known: task.known, limits }, readFileSync);
    if (task.source !== undefined) record.source = task.source;
    // JSON text as UTF-8 bytes: cheaper to send and to journal than an object the parent would clone
    // and stringify, and half the bytes of a cloned string of Chinese text (UTF-16); the parent
    // appends them to the journal as they came.
    const json = timeStage('serialise', () => utf8Bytes(JSON.stringify(record)));
    // The parse time itself: the parent's clock would also count the wait in this worker's inbox.
    return { type: 'result', id: task.id, json, status: record.status, error: record.error, error_code: record.error_code, elapsedMs: Math.round(performance.now() - started), ...(stageTimesOn() ? { stages: takeStageTimes() } : {}) };
  } catch (err) {
    return { type: 'error', id: task.id, message: err instanceof Error ? err.message : String(err) };
  }
}

process.on('message', (message: TaskMessage) => {
  if (message?.type !== 'task') return;
  inbox.push(message);
  void runInbox();
});

// The parent died (even by kill -9): the IPC channel closes, and an orphaned worker must not linger.
process.on('disconnect', () => process.exit(0));

send({ type: 'ready' });
