/**
 * The run contract as a user meets it on the command line: one record per input, a run's outputs hold
 * exactly its inputs, honest exit codes, failure codes as data, limits that reach the readers, and one
 * run at a time per output folder.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { lockPath } from '../../../src/run/out-lock.js';

const run = promisify(execFile);
const BIN = join(process.cwd(), 'bin/nianbao.js');
const SAMPLES = join(process.cwd(), 'samples');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function extract(args: string[], cwd = process.cwd()): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'extract', '-w', '0', ...args], { cwd, maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function records(out: string): Array<Record<string, any>> {
  return readFileSync(join(out, 'reports.ndjson'), 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

function csvRows(path: string): string[] {
  return readFileSync(path, 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n').slice(1);
}

function temp(name: string): string {
  return mkdtempSync(join(tmpdir(), `nianbao-contract-${name}-`));
}

describe('one record per input', () => {
  it('gives two identical inputs two records, the second naming the first in duplicate_of', async () => {
    const dir = temp('dupes');
    copyFileSync(join(SAMPLES, 'minzheng-2023.html'), join(dir, 'a.html'));
    copyFileSync(join(SAMPLES, 'minzheng-2023.html'), join(dir, 'b.html'));
    writeFileSync(join(dir, 'empty-1.txt'), '');
    writeFileSync(join(dir, 'empty-2.txt'), '');
    const out = temp('out');
    const result = await extract([dir, '--out', out, '-q']);
    expect(result.code).toBe(0);
    const rs = records(out);
    expect(rs.map((r) => [r.source.slice(dir.length + 1), r.duplicate_of?.slice(dir.length + 1) ?? null])).toEqual([
      ['a.html', null],
      ['b.html', 'a.html'],
      ['empty-1.txt', null],
      ['empty-2.txt', 'empty-1.txt'],
    ]);
    expect(rs[0].report_id).toBe(rs[1].report_id);
    expect(rs[1].cells).toEqual(rs[0].cells);
    expect(csvRows(join(out, 'reports.csv'))).toHaveLength(4);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ documents: 4, failed: 2, failures_by_code: { 'empty-file': 2 } });
  });

  it('holds only the inputs of the latest run when an --out folder is re-used, each under its new name', async () => {
    const dir = temp('reuse');
    copyFileSync(join(SAMPLES, 'minzheng-2023.html'), join(dir, 'first.html'));
    copyFileSync(join(SAMPLES, 'seed-zzszq-gxj-2023.txt'), join(dir, 'second.txt'));
    const out = temp('out');
    expect((await extract([join(dir, 'first.html'), join(dir, 'second.txt'), '--out', out, '-q'])).code).toBe(0);
    // The same bytes under another name, and a file the first run never saw.
    copyFileSync(join(dir, 'first.html'), join(dir, 'renamed.html'));
    copyFileSync(join(SAMPLES, 'minzheng-2023.docx'), join(dir, 'third.docx'));
    const second = await extract([join(dir, 'renamed.html'), join(dir, 'third.docx'), '--out', out, '--json']);
    expect(second.code).toBe(0);
    expect(records(out).map((r) => r.source)).toEqual([join(dir, 'renamed.html'), join(dir, 'third.docx')]);
    expect(JSON.parse(second.stdout)).toMatchObject({ documents: 2, resumed: 1 });
    for (const file of ['reports.csv', 'wide.csv']) expect(csvRows(join(out, file)).join('\n')).not.toMatch(/first\.html|second\.txt/);
  });
});

describe('exit status', () => {
  it('exits 2 naming a missing input, and runs without it under --allow-missing', async () => {
    const out = temp('out');
    const missing = await extract(['missing.pdf', '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.pdf');
    expect(existsSync(join(out, 'reports.ndjson'))).toBe(false);
    const glob = await extract([join(SAMPLES, '*.nothing'), '--out', out]);
    expect(glob.code).toBe(2);
    const allowed = await extract(['missing.pdf', join(SAMPLES, 'minzheng-2023.html'), '--out', out, '--allow-missing', '--json']);
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ documents: 1, missing_inputs: ['missing.pdf'] });
  });

  it('exits 2 when there is nothing to extract, unless --allow-empty', async () => {
    const empty = temp('empty');
    const out = temp('out');
    expect((await extract([empty, '--out', out])).code).toBe(2);
    expect((await extract([empty, '--out', out, '--allow-empty', '-q'])).code).toBe(0);
    expect(records(out)).toEqual([]);
  });

  it('says how to read the pictures a folder holds when it takes none of them (a folder of scans)', async () => {
    const scans = temp('scans');
    writeFileSync(join(scans, 'report-p1.jpg'), 'x');
    writeFileSync(join(scans, 'report-p2.jpg'), 'x');
    const run = await extract([scans, '--out', temp('out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/2 picture files \(\.jpg, \.png, \.tif, …\) in the folder not read: a report scanned to a picture is read when named, or matched by a glob/);
    expect(run.stderr).toMatch(/nothing to extract in/);
  });

  it('keeps failed documents at exit 0, and exits 3 when --fail-on names what the run left', async () => {
    const dir = temp('failon');
    writeFileSync(join(dir, 'empty.pdf'), '');
    const errors = join(SAMPLES, 'minzheng-2024-with-errors.html');
    const clean = join(SAMPLES, 'seed-zzszq-gxj-2023.txt');
    const out = temp('out');
    expect((await extract([join(dir, 'empty.pdf'), clean, '--out', out, '-q'])).code).toBe(0);
    expect((await extract([join(dir, 'empty.pdf'), clean, '--out', out, '-q', '--fail-on', 'failed'])).code).toBe(3);
    expect((await extract([clean, '--out', out, '-q', '--fail-on', 'failed,error'])).code).toBe(0);
    const withErrors = await extract([errors, '--out', out, '-q', '--fail-on', 'printed-error']);
    expect(withErrors.code).toBe(3);
    expect(withErrors.stderr).toMatch(/1 document\(s\) left printed-error/);
    expect((await extract([clean, '--out', out, '--fail-on', 'everything'])).code).toBe(2);
  });
});

describe('limits from flags and the config file', () => {
  it('passes --limit maxPdfPages to the PDF reader, which then refuses a longer PDF with its code', async () => {
    const pdf = join(SAMPLES, 'minzheng-2024-with-errors.pdf'); // three pages
    const out = temp('out');
    expect((await extract([pdf, '--out', out, '-q'])).code).toBe(0);
    expect(records(out)[0].status).not.toBe('failed');
    expect((await extract([pdf, '--out', out, '-q', '--limit', 'maxPdfPages=2'])).code).toBe(0);
    const [record] = records(out);
    expect(record).toMatchObject({ status: 'failed', error_code: 'too-many-pages' });
    expect(record.error).toMatch(/3 pages, more than the limit of 2 \(maxPdfPages\)/);
  });

  it('reads limits from nianbao.config.json in the working folder, and --config names another file', async () => {
    const cwd = temp('config');
    const pdf = join(SAMPLES, 'minzheng-2024-with-errors.pdf');
    writeFileSync(join(cwd, 'nianbao.config.json'), JSON.stringify({ limits: { maxPdfPages: 1 } }));
    const out = join(cwd, 'out');
    expect((await extract([pdf, '--out', out, '-q'], cwd)).code).toBe(0);
    expect(records(out)[0].error_code).toBe('too-many-pages');
    writeFileSync(join(cwd, 'other.json'), JSON.stringify({ limits: { maxPdfPages: 10 } }));
    expect((await extract([pdf, '--out', out, '-q', '--config', 'other.json'], cwd)).code).toBe(0);
    expect(records(out)[0].status).not.toBe('failed');
  });

  it('refuses an unknown limit, a bad value, a bad config and --timeout 0 with exit 2', async () => {
    const out = temp('out');
    const input = join(SAMPLES, 'minzheng-2023.html');
    const unknown = await extract([input, '--out', out, '--limit', 'maxPdfPagez=3']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/maxPdfPagez/);
    const negative = await extract([input, '--out', out, '--limit', 'maxPdfPages=-1']);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toMatch(/maxPdfPages/);
    expect((await extract([input, '--out', out, '--limit', 'maxPdfPages']).then((r) => r.code))).toBe(2);
    expect((await extract([input, '--out', out, '--timeout', '0'])).code).toBe(2);
    expect((await extract([input, '--out', out, '--config', join(out, 'absent.json')])).code).toBe(2);
  });
});

describe('one run at a time per output folder', () => {
  it('refuses a second run while another live run holds the folder, naming it, and takes over a dead run\'s lock', async () => {
    const out = temp('out');
    const input = join(SAMPLES, 'minzheng-2023.html');
    mkdirSync(join(out, '.nianbao'), { recursive: true });
    // This test process is alive: its lock is a live run's.
    writeFileSync(lockPath(out), JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-01-01T00:00:00Z', command: 'extract' }));
    const busy = await extract([input, '--out', out]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain(`pid ${process.pid}`);
    expect(existsSync(join(out, 'reports.ndjson'))).toBe(false);
    // A pid that cannot exist (above the kernel's pid_max): a run that died without releasing the lock.
    writeFileSync(lockPath(out), JSON.stringify({ pid: 2 ** 30, host: hostname(), started: '2026-01-01T00:00:00Z', command: 'extract' }));
    expect((await extract([input, '--out', out, '-q'])).code).toBe(0);
    expect(records(out)).toHaveLength(1);
    expect(existsSync(lockPath(out))).toBe(false);
  });
});
