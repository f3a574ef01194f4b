/**
 * Progress on a terminal: one line with pages, files, bytes, errors and the busiest host queues.
 * Only when stderr is a TTY; otherwise (CI, pipes, tests) nothing is drawn.
 */
import cliProgress from 'cli-progress';

export interface CrawlStats {
  pages: number;
  files: number;
  bytes: number;
  errors: number;
  notModified: number;
  requests: number;
}

export interface ProgressReporter {
  update(stats: CrawlStats, finished: number, total: number, queues: Record<string, number>): void;
  stop(): void;
}

export function createProgress(enabled: boolean = process.stderr.isTTY === true): ProgressReporter {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'crawl [{bar}] {value}/{total} | pages {pages} files {files} {size} | errors {errors} | {queues}',
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(stats, finished, total, queues) {
      const payload = {
        pages: stats.pages,
        files: stats.files,
        size: formatBytes(stats.bytes),
        errors: stats.errors,
        queues: formatQueues(queues),
      };
      if (!started) {
        bar.start(total, finished, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(finished, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

function formatQueues(queues: Record<string, number>): string {
  const busiest = Object.entries(queues).sort((a, b) => b[1] - a[1]).slice(0, 3);
  return busiest.length ? busiest.map(([host, size]) => `${host}:${size}`).join(' ') : 'idle';
}
