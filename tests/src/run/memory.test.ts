import { spawn } from 'node:child_process';
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
