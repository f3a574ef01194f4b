/**
 * CLI start-up: `nianbao --help` against node's own start-up (`node -e 0`), each run as a whole
 * process, in turn (A B A B …) so drift on a shared machine hits both. CPU time of the reaped
 * children (user + system), from /proc/self/stat: the figure a loaded machine distorts least.
 * The file is dist/bench/startup.js, so the CLI is two folders up.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMsSoFar } from './cpu.js';

const run = promisify(execFile);
const NIANBAO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'nianbao.js');

export interface StartupTiming {
  runs: number;
  /** Mean CPU ms of one process. */
  nianbaoHelpMs: number;
  nodeMs: number;
  /** Total over total: the kernel counts CPU in 10 ms ticks, too coarse for one 50 ms process. */
  ratio: number;
}

async function cpuOf(args: string[]): Promise<number> {
  const before = cpuMsSoFar();
  await run(process.execPath, args);
  return cpuMsSoFar() - before;
}

export async function startupTiming(runs = 20): Promise<StartupTiming> {
  await cpuOf([NIANBAO, '--help']); // warm the file cache
  let help = 0;
  let bare = 0;
  for (let i = 0; i < runs; i++) {
    help += await cpuOf([NIANBAO, '--help']);
    bare += await cpuOf(['-e', '0']);
  }
  return { runs, nianbaoHelpMs: help / runs, nodeMs: bare / runs, ratio: help / Math.max(bare, 1) };
}
