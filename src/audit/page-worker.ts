/**
 * A worker thread of `nianbao audit`: writes the report pages it is sent (src/audit/report-writer.ts)
 * and answers each with its index entry (and what the next build needs to keep the page), so the pages of a large run are written on every core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Review } from '../reviews/store.js';
import { reportWriter, type ReportTask } from './report-writer.js';

export interface WorkerInit {
  site: string;
  noEvidence: boolean;
  reviews: Array<[string, Review]>;
  slugs: Array<[string, string]>;
  scripts: string[];
  origins: Array<[string, string]>;
}

export interface WorkerRequest extends ReportTask {
  id: number;
}

const init = workerData as WorkerInit;
const write = reportWriter({ site: init.site, noEvidence: init.noEvidence, reviews: new Map(init.reviews), slugs: new Map(init.slugs), scripts: new Set(init.scripts), origins: new Map(init.origins) });

parentPort!.on('message', (task: WorkerRequest) => {
  write(task).then(
    (page) => parentPort!.postMessage({ id: task.id, page }),
    (err: unknown) => parentPort!.postMessage({ id: task.id, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) }),
  );
});
