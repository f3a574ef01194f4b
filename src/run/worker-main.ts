/**
 * Worker process entry (forked by src/run/pool.ts from dist/src/run/worker-main.js): runs one document
 * at a time through the pipeline and sends the record back. Everything that can go wrong beyond a
 * thrown error (hangs, runaway memory, native crashes) is the parent's job: it kills this process.
 */
import { extractFile } from '../pipeline.js';
import type { TaskMessage, WorkerMessage } from './protocol.js';

function send(message: WorkerMessage): void {
  process.send?.(message);
}

process.on('message', (message: TaskMessage) => {
  if (message?.type !== 'task') return;
  extractFile(message.path, { known: message.known }).then(
    (record) => {
      if (message.source !== undefined) record.source = message.source;
      // JSON text: cheaper to send and to journal than an object the parent would clone and stringify.
      send({ type: 'result', id: message.id, json: JSON.stringify(record), status: record.status, error: record.error });
    },
    (err: unknown) => send({ type: 'error', id: message.id, message: err instanceof Error ? err.message : String(err) }),
  );
});

// The parent died (even by kill -9): the IPC channel closes, and an orphaned worker must not linger.
process.on('disconnect', () => process.exit(0));

send({ type: 'ready' });
