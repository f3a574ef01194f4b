/** The `--queue redis://HOST:PORT/DB` option's check: a bad address is a usage error (exit 2), not a crash. */
import { InvalidArgumentError } from 'commander';
import { connectionOptions, QueueUrlError } from '../queue/url.js';

export function parseQueueUrl(value: string): string {
  try {
    connectionOptions(value);
    return value;
  } catch (err) {
    if (err instanceof QueueUrlError) throw new InvalidArgumentError(err.message.replace(/^--queue \S+: /, ''));
    throw err;
  }
}
