/**
 * `nianbao extract` end to end, as a user runs it: the corpus in, the datasets of the output contract
 * out (../shared/spec/outputs.md), every input accounted for, bad inputs failing alone.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, loadTruths } from '../../corpus/truth.js';
import { ALL_CELLS } from '../../../src/templates/ids.js';

const run = promisify(execFile);
const BIN = join(process.cwd(), 'bin/nianbao.js');

function csv(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  // Good enough for the assertions below: no field of these files holds a newline.
  return text.slice(1).trimEnd().split('\r\n').map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1));
}

describe('nianbao extract on the shared corpus', () => {
  const out = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
  const junk = mkdtempSync(join(tmpdir(), 'nianbao-junk-'));
  let stderr = '';
  let records: Array<Record<string, any>> = [];

  beforeAll(async () => {
    writeFileSync(join(junk, 'not-a-report.txt'), '会议通知\n请各单位于下周一参加会议。\n');
    const pdf = readFileSync(join(CORPUS, 'rendered/seed-pdf.pdf'));
    writeFileSync(join(junk, 'truncated.pdf'), pdf.subarray(0, 2000));
    writeFileSync(join(junk, 'empty.docx'), '');
    const result = await run(process.execPath, [BIN, 'extract', join(CORPUS, 'seed'), join(CORPUS, 'rendered'), join(CORPUS, 'real'), join(CORPUS, 'variety'), junk, '--out', out], { maxBuffer: 1 << 24 });
    stderr = result.stderr;
    records = readFileSync(join(out, 'reports.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  }, 300_000);

  it('writes one record per input, the truth documents exactly as their truth files say', () => {
    const truths = loadTruths();
    expect(records).toHaveLength(truths.length + 3);
    for (const t of truths) {
      const r = records.find((x) => x.source === t.path);
      expect(r, t.path).toBeDefined();
      expect(r!.layout).toEqual(t.layout);
      expect([r!.agency, r!.year]).toEqual([t.agency, t.year]);
      for (const [key, value] of Object.entries(t.cells)) expect(r!.cells[key], `${t.id} ${key}`).toBe(value);
    }
  });

  it('fails bad inputs with a clear reason and goes on', () => {
    const bySource = (name: string) => records.find((x) => x.source.endsWith(name))!;
    expect(bySource('not-a-report.txt')).toMatchObject({ status: 'failed' });
    expect(bySource('not-a-report.txt').error).toMatch(/not a report/);
    expect(bySource('truncated.pdf').status).toBe('failed');
    expect(bySource('truncated.pdf').error).toMatch(/corrupt-pdf|truncated/);
    expect(bySource('empty.docx')).toMatchObject({ status: 'failed', error: expect.stringMatching(/empty/) });
    expect(stderr).toMatch(/documents: \d+ ok, \d+ partial, 3 failed/);
  });

  it('writes the CSV datasets with the contract columns, UTF-8 with BOM', () => {
    expect(csv(join(out, 'reports.csv'))[0].slice(0, 12)).toEqual([
      'report_id', 'source', 'format', 'status', 'agency', 'year', 'published',
      'layout_proactive', 'layout_requests', 'layout_appeals', 'findings', 'error',
    ]);
    const cells = csv(join(out, 'cells.csv'));
    expect(cells[0].slice(0, 10)).toEqual(['report_id', 'source', 'table', 'row', 'column', 'key', 'value', 'raw', 'row_label', 'column_label']);
    const huaian = cells.find((r) => r[1].endsWith('huaian-city-2024.pdf') && r[5] === 'requests.new_received.total')!;
    expect(huaian[6]).toBe('3119');
    expect(huaian[11]).toMatch(/^\d+$/); // page
    const wide = csv(join(out, 'wide.csv'));
    expect(wide[0]).toEqual(['report_id', 'source', 'agency', 'year', ...ALL_CELLS.map((c) => c.key)]);
    expect(wide).toHaveLength(records.length + 1);
    expect(csv(join(out, 'findings.csv'))[0].slice(0, 8)).toEqual(['report_id', 'source', 'rule', 'severity', 'cells', 'expected', 'actual', 'message']);
  });

  it('reports the errors of the published hongze tables in findings.csv', () => {
    const [header, ...all] = csv(join(out, 'findings.csv'));
    const at = (name: string) => header.indexOf(name);
    const rows = all.filter((r) => r[at('source')].endsWith('hongze-2023.pdf') && r[at('rule')] === 'appeals.group_total');
    expect(rows.map((r) => [r[at('where')], r[at('left')], r[at('right')], r[at('basis')]])).toEqual([
      ['review', '11', '0', 'printed'],
      ['litigation_after_review', '5', '0', 'printed'],
    ]);
  });

  it('exits 2 on bad arguments and 1 when the output folder is not writable', async () => {
    await expect(run(process.execPath, [BIN, 'extract'])).rejects.toMatchObject({ code: 2 });
    const file = join(junk, 'a-file');
    writeFileSync(file, 'x');
    await expect(run(process.execPath, [BIN, 'extract', join(CORPUS, 'seed'), '--out', join(file, 'sub')])).rejects.toMatchObject({ code: 1 });
  });
});
