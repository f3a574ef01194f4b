import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The measurement renders hundreds of documents through LibreOffice and OCR: a question about how to
// run it, or a mistyped flag, must answer at once instead of starting it with defaults.
const cli = 'dist/tools/variety/accuracy.js';
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 20_000 });

describe('npm run accuracy: arguments', () => {
  it('prints its usage for --help and starts nothing', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--scan-count N');
    expect(r.stdout).toContain('scan-sideways');
    expect(r.stderr).toBe('');
  });

  it('refuses an unknown flag with exit 2 and the usage', () => {
    const r = run('--sed', '3');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown argument --sed');
    expect(r.stderr).toContain('--seed N');
  });

  it('refuses a flag missing its value', () => {
    const r = run('--seed');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--seed needs a value');
  });
});
