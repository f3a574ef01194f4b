/**
 * One run at a time per output folder: `<out>/.nianbao/lock`, created exclusively, names the run
 * holding it. A second run into the same folder is refused with that name instead of interleaving
 * its journal and datasets with the first (each would publish only its own records). A lock left by
 * a run that died (its process no longer exists on this host) is taken over.
 */
import { hostname } from 'node:os';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export interface LockHolder {
  pid: number;
  host: string;
  started: string;
  command: string;
}

export class OutputBusyError extends Error {
  constructor(
    readonly outDir: string,
    readonly holder: LockHolder | undefined,
    readonly lockPath: string,
  ) {
    const who = holder ? `another nianbao run (pid ${holder.pid} on ${holder.host}, started ${holder.started})` : 'another nianbao run';
    super(`${outDir} is in use by ${who}; wait for it to finish or choose another --out (if no such run exists, delete ${lockPath})`);
  }
}

export function lockPath(outDir: string): string {
  return join(outDir, '.nianbao', 'lock');
}

/** Takes the folder's lock or throws OutputBusyError; the returned function releases it. */
export async function lockOutput(outDir: string): Promise<() => Promise<void>> {
  const path = lockPath(outDir);
  await mkdir(join(outDir, '.nianbao'), { recursive: true });
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: process.argv.slice(1).join(' ').slice(0, 500) };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, JSON.stringify(me) + '\n', { flag: 'wx' });
      // A run killed by a signal never reaches its finally: the lock goes with the process.
      const onExit = (): void => rmSync(path, { force: true });
      process.once('exit', onExit);
      return async () => {
        process.removeListener('exit', onExit);
        await rm(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = await readHolder(path);
      if (holder && isStale(holder)) {
        await rm(path, { force: true });
        continue;
      }
      throw new OutputBusyError(outDir, holder, path);
    }
  }
  throw new OutputBusyError(outDir, await readHolder(path), path);
}

async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/** Only a lock from this host can be judged: its process is gone. */
function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname() || !Number.isInteger(holder.pid)) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
