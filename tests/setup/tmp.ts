/**
 * vitest globalSetup: every test's temporary files go under one folder for the run, removed when the
 * run ends. Tests make hundreds of temporary folders (fixtures, output folders, crawls); cleaning each
 * in each test is easy to forget, and a forgotten one stays in /tmp on every machine that runs them.
 * Test workers and the processes they start inherit TMPDIR, so os.tmpdir() points here for all of them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const run = mkdtempSync(join(tmpdir(), 'nianbao-test-run-'));
  process.env.TMPDIR = run;
  return () => rmSync(run, { recursive: true, force: true, maxRetries: 3 });
}
