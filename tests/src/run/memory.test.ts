import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { descendantPids } from '../../../src/run/memory.js';

describe('descendantPids', () => {
  it('lists children and their children, and nothing once they have exited', async () => {
    // A shell that starts a sleep and waits for it: the sleep is this process's grandchild.
    const shell = spawn('sh', ['-c', 'sleep 30 & wait'], { stdio: 'ignore', detached: true });
    const exited = new Promise((resolveExit) => shell.once('exit', resolveExit));
    try {
      let grandchildren: number[] = [];
      // The shell starts its sleep a moment after it starts itself.
      for (let tries = 0; tries < 500 && grandchildren.length === 0; tries++) {
        await new Promise((resolveWait) => setTimeout(resolveWait, 10));
        grandchildren = descendantPids(shell.pid!);
      }
      expect(grandchildren).toHaveLength(1);
      expect(descendantPids()).toEqual(expect.arrayContaining([shell.pid, grandchildren[0]]));
    } finally {
      process.kill(-shell.pid!, 'SIGKILL');
    }
    await exited;
    expect(descendantPids()).not.toContain(shell.pid);
  });
});

describe('RssReader', () => {
  it('reads what /proc/<pid>/status says (statm pages times the page size), and nothing once the process has exited', async () => {
    const { RssReader, readRssBytes, pageBytes } = await import('../../../src/run/memory.js');
    const page = pageBytes();
    expect(page).toBeDefined();
    expect(Math.log2(page!) % 1).toBe(0);
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
    // spawn returns before the child has become `sleep` (on a loaded host, well before): until then
    // its memory is still moving, so the reads below wait for the exec to have happened.
    for (let tries = 0; tries < 500 && readFileSync(`/proc/${child.pid}/comm`, 'utf8').trim() !== 'sleep'; tries++) {
      await new Promise((resolveWait) => setTimeout(resolveWait, 10));
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
    const reader = new RssReader(child.pid!);
    try {
      // A sleeping process's RSS does not move: both files give the same count.
      const fromStatus = readRssBytes(child.pid!);
      const fromStatm = reader.read();
      expect(fromStatm).toBeGreaterThan(0);
      expect(Math.abs(fromStatm! - fromStatus!)).toBeLessThanOrEqual(16 * page!);
      // Read again through the same open file.
      expect(reader.read()).toBe(fromStatm);
    } finally {
      child.kill('SIGKILL');
    }
    await exited;
    // Reaped: the file held open reads nothing, and so does a fresh open of the pid.
    expect(reader.read()).toBeUndefined();
    reader.close();
  });
});
