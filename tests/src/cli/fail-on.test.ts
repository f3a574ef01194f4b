/** `extract --fail-on printed-error`: an auditor's pipeline stops while an unreviewed printed error remains. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../../corpus/truth.js';
import { appendReview, reviewKey } from '../../../src/reviews/store.js';

const run = promisify(execFile);
const BIN = join(process.cwd(), 'bin/nianbao.js');

async function extract(args: string[]): Promise<number> {
  try {
    await run(process.execPath, [BIN, 'extract', ...args, '-q']);
    return 0;
  } catch (err) {
    return (err as { code: number }).code;
  }
}

describe('extract --fail-on printed-error', () => {
  it('exits 3 while an error on basis printed is unreviewed, and 0 once each is decided', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nianbao-failon-'));
    const hongze = join(CORPUS, 'real/hongze-2023.pdf');
    const seed = join(CORPUS, 'seed/zzszq-gxj-2023.txt');
    expect(await extract([seed, '--out', out, '--fail-on', 'printed-error'])).toBe(0); // reconciles
    expect(await extract([hongze, '--out', out])).toBe(0); // without the flag, findings never fail the run
    expect(await extract([hongze, '--out', out, '--fail-on', 'printed-error'])).toBe(3);
    const record = JSON.parse(readFileSync(join(out, 'reports.ndjson'), 'utf8').trim());
    const printed = record.findings.filter((f: { severity: string; basis: string }) => f.severity === 'error' && f.basis === 'printed');
    expect(printed.length).toBeGreaterThanOrEqual(2);
    const [first, ...rest] = printed;
    await appendReview(out, { key: reviewKey(record.sha256, first.rule, first.cells), decision: 'confirmed', note: '', reviewer: '', at: '' });
    for (const f of rest) await appendReview(out, { key: reviewKey(record.sha256, f.rule, f.cells), decision: 'open', note: '', reviewer: '', at: '' });
    expect(await extract([hongze, '--out', out, '--fail-on', 'printed-error'])).toBe(3); // 'open' is not a decision
    for (const f of rest) await appendReview(out, { key: reviewKey(record.sha256, f.rule, f.cells), decision: 'dismissed', note: '', reviewer: '', at: '' });
    expect(await extract([hongze, '--out', out, '--fail-on', 'printed-error'])).toBe(0);
    expect(await extract([hongze, '--out', out, '--fail-on', 'everything'])).toBe(2);
  });
});
