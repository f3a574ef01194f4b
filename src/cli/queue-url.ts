/** Errors of the queue commands as one-line messages; the `--queue` option's check is queue-url-option.ts. */
export { parseQueueUrl } from './queue-url-option.js';
import { CollectInterruptedError, QueueUnreachableError, RunNotFoundError } from '../queue/url.js';

/** Runs a queue command; Redis unreachable or no such run is a one-line error and exit status 1 (130 for Ctrl-C). */
export function queueAction<A extends unknown[]>(action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (err) {
      if (!(err instanceof QueueUnreachableError || err instanceof RunNotFoundError || err instanceof CollectInterruptedError)) throw err;
      process.stderr.write(`nianbao: ${err.message}\n`);
      process.exitCode = err instanceof CollectInterruptedError ? 130 : 1;
    }
  };
}
