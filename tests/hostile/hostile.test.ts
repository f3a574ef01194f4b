import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch, type BatchSummary } from '../../src/run/batch.js';
import { resolveLimits } from '../../src/limits.js';
import { unpackArchives } from '../../src/sources/archives.js';
import { REPORT_EXTENSIONS } from '../../src/sources/inputs.js';
import { readJournal } from '../../src/run/journal.js';
import type { ReportRecord } from '../../src/schemas/record.js';
import { ensureBuilt, tempDir } from '../src/run/helpers.js';
import { generateHostileCorpus, SEED_DOCX, SEED_HTML, SEED_PDF, type HostileFile } from '../../tools/hostile/generate.js';

const GiB = 1024 ** 3;
/** What a format's reader says while it is still a placeholder: then only "handled cleanly" is asserted. */
const PLACEHOLDER = /not-implemented|format not recognised/;
/** Outcomes the runner imposes from outside: a hostile file must be refused by the reader before these. */
const KILLED = /^(timeout|memory|crash):/;

let files: HostileFile[];
let summary: BatchSummary;
const bySource = new Map<string, ReportRecord>();
const landed = { pdf: false, docx: false, html: false };

beforeAll(async () => {
  ensureBuilt();
  files = await generateHostileCorpus(tempDir('hostile'));
  // The real seed report in each format rides along as a control: it tells whether that format's
  // reader has landed, and the wrongly named copies must come out exactly like it.
  const controls = [SEED_PDF, SEED_HTML, SEED_DOCX].map((path) => ({ path, source: `control-${basename(path)}` }));
  const out = tempDir('hostile-out');
  // As a run does (src/extract-run.ts): an archive is read as the reports inside it.
  const { items } = await unpackArchives(files.map((f) => ({ path: f.path, source: f.name })), resolveLimits({}), REPORT_EXTENSIONS);
  summary = await runBatch([...items, ...controls], {
    outDir: out,
    workers: 2,
    // Two workers capped at 384 MiB leave room for the test process itself (~250 MiB) under 1 GiB.
    limits: { documentTimeoutMs: 60_000, workerMemoryMb: 384 },
    memoryPollMs: 50,
  });
  for await (const record of readJournal(out)) bySource.set(record.source, record);
  landed.pdf = !PLACEHOLDER.test(bySource.get('control-seed-pdf.pdf')?.error ?? '');
  landed.html = !PLACEHOLDER.test(bySource.get('control-seed-html.html')?.error ?? '');
  landed.docx = !PLACEHOLDER.test(bySource.get('control-seed-docx.docx')?.error ?? '');
}, 600_000);

function outcome(name: string): ReportRecord {
  const record = bySource.get(name);
  expect(record, `${name} has a record`).toBeDefined();
  return record!;
}

function expectRefused(name: string, reason: RegExp, readerLanded: boolean): void {
  const record = outcome(name);
  expect(record.status, `${name}: ${record.error}`).toBe('failed');
  expect(record.error).not.toMatch(KILLED);
  expect(record.error).toMatch(readerLanded ? reason : new RegExp(`${reason.source}|${PLACEHOLDER.source}`, 'i'));
}

describe('the hostile corpus in one runBatch call', () => {
  it('accounts for every file with exactly one record', () => {
    expect(summary.total).toBe(files.length + 3);
    expect(summary.ok + summary.partial + summary.failed).toBe(files.length + 3);
    expect([...bySource.keys()].sort()).toEqual([...files.map((f) => f.name), 'control-seed-docx.docx', 'control-seed-html.html', 'control-seed-pdf.pdf'].sort());
  });

  it('keeps the whole run, parent and workers together, under 1 GiB of RSS', () => {
    expect(summary.peakRssBytes).toBeGreaterThan(0);
    expect(summary.peakRssBytes).toBeLessThan(GiB);
  });

  it('refuses the 200 MiB HTML page by its size without reading it', () => {
    expect(outcome('huge-200mb.html').error).toMatch(/^file-too-large: 200\.\d MiB, over the 100\.0 MiB limit \(maxFileBytes\); not read$/);
  });

  it('calls an empty file empty', () => {
    expect(outcome('empty.pdf')).toMatchObject({ status: 'failed', error: 'empty file' });
  });

  it('refuses random bytes as an unrecognised format', () => {
    expectRefused('random.pdf', /format not recognised|not a report/, true);
  });

  it('refuses the zip bomb before inflating it', () => {
    expectRefused('zip-bomb.docx', /zip-bomb|zip-too-large|too-large: the DOCX zip exceeds/, landed.docx);
  });

  it('refuses a zip archive of reports whose member is a bomb as one record, before inflating it', () => {
    expectRefused('zip-bomb-archive.zip', /^too-large: the zip archive exceeds a limit: (entries declare more than \d+ bytes uncompressed|report\.pdf compresses \d+×)/, true);
  });

  it('refuses the XLSX zip bomb and the merged range over a whole sheet before the spreadsheet library sees them', () => {
    expectRefused('zip-bomb.xlsx', /^too-large: the XLSX zip exceeds/, true);
    expectRefused('merge-bomb.xlsx', /^too-large: the worksheets store or merge more than \d+ cells/, true);
  });

  it('handles the XML entity bomb without being killed', () => {
    expect(outcome('xml-entity-bomb.docx').error ?? '').not.toMatch(KILLED);
  });

  it('refuses the 100,000-cell table by the cell limit, or at worst by the worker memory cap', () => {
    // A reader that counts cells before building them refuses it ('too-large … maxTableCells'); one
    // that builds the whole table first is stopped by the runner's RSS cap. Either way: failed, no crash.
    const record = outcome('table-100k-cells.docx');
    expect(record.status).toBe('failed');
    expect(record.error).toMatch(landed.docx ? /maxTableCells|^memory: / : PLACEHOLDER);
  });

  it('refuses the encrypted PDF as encrypted', () => {
    expectRefused('encrypted.pdf', /encrypt|password/i, landed.pdf);
  });

  it('refuses the truncated PDF and the PDF whose page tree loops, without a timeout or crash', () => {
    expectRefused('truncated.pdf', /./, landed.pdf);
    expectRefused('page-tree-loop.pdf', /./, landed.pdf);
  });

  it('survives 100,000 nested divs', () => {
    expect(outcome('nested-divs.html').error ?? '').not.toMatch(KILLED);
  });

  it('reads a file by its content, not its extension', () => {
    // The copies carry a trailing comment (distinct content, so the batch does not merge them).
    const strip = (r: ReportRecord) => ({ ...r, source: '', sha256: '', report_id: '' });
    expect(strip(outcome('pdf-named.docx'))).toEqual(strip(outcome('control-seed-pdf.pdf')));
    expect(strip(outcome('html-named.pdf'))).toEqual(strip(outcome('control-seed-html.html')));
  });
});
