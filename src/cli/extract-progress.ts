/**
 * What `extract` says while it runs: on a terminal a bar with rate and ETA; otherwise (a log file, CI)
 * one line every few seconds; with --verbose also a line per document; with --quiet or --json nothing.
 */
import cliProgress from 'cli-progress';
import type { BatchProgress } from '../run/batch.js';

/** Seconds between two lines when stderr is not a terminal. */
export const PROGRESS_LINE_SECONDS = 5;

export interface ProgressOptions {
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
  isTTY?: boolean;
  write?: (line: string) => void;
  now?: () => number;
}

export interface ExtractProgress {
  update(progress: BatchProgress): void;
  stop(): void;
  /** Documents done so far. */
  readonly done: number;
}

export function createExtractProgress(total: number, options: ProgressOptions = {}): ExtractProgress {
  const write = options.write ?? ((line: string) => void process.stderr.write(line + '\n'));
  const now = options.now ?? Date.now;
  const started = now();
  let done = 0;
  let failed = 0;
  if (options.quiet || options.json) {
    return { update: (p) => void (done = p.done), stop: () => {}, get done() { return done; } };
  }
  const tty = options.isTTY ?? process.stderr.isTTY === true;
  const bar = tty
    ? new cliProgress.SingleBar(
        { stream: process.stderr, format: 'extract [{bar}] {value}/{total} {rate}/s ETA {eta_formatted} {status}', hideCursor: true, etaBuffer: 50 },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(total, 0, { rate: '0.0', status: '' });
  let lastLine = started;
  return {
    get done() {
      return done;
    },
    update(p) {
      done = p.done;
      // The run's own count wins: an archive given as one input is read as the reports inside it.
      if (p.total !== total) {
        total = p.total;
        bar?.setTotal(total);
      }
      if (p.status === 'failed') failed++;
      const seconds = (now() - started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      if (options.verbose) {
        const why = p.status === 'failed' ? `: ${p.record.error ?? ''}` : '';
        const line = `${p.status.padEnd(7)} ${p.source}${p.resumed ? ' (resumed)' : ''}${why}`;
        if (bar) process.stderr.write(`\r\x1b[K${line}\n`);
        else write(line);
      }
      if (bar) {
        bar.update(done, { rate: rate.toFixed(1), status: `${p.status} ${p.source.slice(-40)}` });
      } else if (now() - lastLine >= PROGRESS_LINE_SECONDS * 1000 || done === total) {
        lastLine = now();
        write(progressLine(done, total, rate, failed));
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

/** `extract: 120/400 (30%), 12.3 docs/s, ETA 23 s, 2 failed` */
export function progressLine(done: number, total: number, rate: number, failed: number): string {
  const percent = total ? Math.floor((done / total) * 100) : 100;
  const eta = rate > 0 && done < total ? `, ETA ${formatSeconds((total - done) / rate)}` : '';
  return `extract: ${done}/${total} (${percent}%), ${rate.toFixed(1)} docs/s${eta}${failed ? `, ${failed} failed` : ''}`;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
