/** The `--queue redis://HOST:PORT/DB` option's check: a bad address is a usage error (exit 2), not a crash. */
import { InvalidArgumentError } from 'commander';
import { CollectInterruptedError, connectionOptions, QueueUnreachableError, QueueUrlError, RunNotFoundError } from '../queue/url.js';

export function parseQueueUrl(value: string): string {
  try {
    connectionOptions(value);
    return value;
  } catch (err) {
    if (err instanceof QueueUrlError) throw new InvalidArgumentError(err.message.replace(/^--queue \S+: /, ''));
    throw err;
  }
}

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
