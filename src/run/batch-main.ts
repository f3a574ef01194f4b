/**
 * A bare command-line entry to runBatch, for the resume-after-kill test and for debugging the
 * execution layer without the CLI (the user-facing command is `nianbao extract`, src/cli/):
 *
 *   node dist/src/run/batch-main.js --out <dir> [--workers N] [--timeout-ms N] [--memory-mb N]
 *                                   [--worker-entry <script>] <file>...
 *
 * Prints the BatchSummary as JSON on stdout when the run ends.
 */
import { runBatch, type BatchInput } from './batch.js';
import type { LimitsOverrides } from '../limits.js';

function parseArgs(argv: string[]): { outDir: string; workers?: number; limits: LimitsOverrides; workerEntry?: string; files: string[] } {
  const files: string[] = [];
  const limits: LimitsOverrides = {};
  let outDir: string | undefined;
  let workers: number | undefined;
  let workerEntry: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--out') outDir = value();
    else if (arg === '--workers') workers = Number(value());
    else if (arg === '--timeout-ms') limits.documentTimeoutMs = Number(value());
    else if (arg === '--memory-mb') limits.workerMemoryMb = Number(value());
    else if (arg === '--worker-entry') workerEntry = value();
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (!outDir) throw new Error('--out <dir> is required');
  return { outDir, workers, limits, workerEntry, files };
}

const args = parseArgs(process.argv.slice(2));
const inputs: BatchInput[] = args.files.map((path) => ({ path, source: path }));
const summary = await runBatch(inputs, { outDir: args.outDir, workers: args.workers, limits: args.limits, workerEntry: args.workerEntry });
process.stdout.write(`${JSON.stringify(summary)}\n`);
