/**
 * The audit over an extract of a crawl: a record's source is the URL it came from, so the site finds the
 * bytes again through the run's run.json (the crawl's stored file, or archive.zip!/member for a report
 * read out of a zip attachment) and shows where each cell was read.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStoredZip } from '../../../extractors/docx/write-zip.js';
import { earlierEvidence } from '../../../src/audit/evidence.js';
import { buildSite } from '../../../src/audit/site.js';
import type { ManifestEntry } from '../../../src/crawl/manifest.js';
import { runExtract } from '../../../src/extract-run.js';
import { DEFAULT_LIMITS } from '../../../src/limits.js';
import { ReportRecord } from '../../../src/schemas/record.js';
import { unpackArchives } from '../../../src/sources/archives.js';
import { loadManifestInputs } from '../../../src/sources/crawl-manifest.js';
import { expandInputs, REPORT_EXTENSIONS } from '../../../src/sources/inputs.js';
import { CORPUS } from '../../corpus/truth.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let base: string;
let records: ReportRecord[];
let pages: string[];

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'nianbao-crawl-evidence-'));
  const crawlDir = join(base, 'crawl');
  await mkdir(join(crawlDir, 'files'), { recursive: true });
  const page = await readFile(join(CORPUS, 'real/pingtan-2023-page.html'));
  const zip = writeStoredZip([{ name: '2023年报.docx', data: await readFile(join(CORPUS, 'rendered/seed-docx.docx')) }]);
  const row = (url: string, bytes: Buffer, ext: string, kind: ManifestEntry['kind']): ManifestEntry => ({
    url, final_url: url, referrer: 'http://portal.test/nb/', link_text: '年报', seed: 'http://portal.test/nb/', status: 200,
    content_type: 'text/html', size: bytes.length, sha256: sha256(bytes), path: `files/${sha256(bytes)}${ext}`, fetched_at: '2024-03-08T00:00:00Z', kind,
    parent_url: kind === 'attachment' ? 'http://portal.test/nb/2023.htm' : null, parent_sha256: null, title: null, published_at: null, publisher: null, error: null,
  });
  const rows = [row('http://portal.test/nb/2023.htm', page, '.html', 'page'), row('http://portal.test/nb/2023.zip', zip, '.zip', 'attachment')];
  await writeFile(join(crawlDir, rows[0].path!), page);
  await writeFile(join(crawlDir, rows[1].path!), zip);
  await writeFile(join(crawlDir, 'manifest.ndjson'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const { items } = await expandInputs([crawlDir], loadManifestInputs);
  const archives = await unpackArchives(items, DEFAULT_LIMITS, REPORT_EXTENSIONS);
  const out = join(base, 'out');
  await runExtract(archives.items, { outDir: out, workers: 0 });
  archives.cleanUp();
  records = (await readFile(join(out, 'reports.ndjson'), 'utf8')).trim().split('\n').map((line) => ReportRecord.parse(JSON.parse(line)));
  await buildSite(out, { threads: 1 });
  const dir = join(out, 'audit', 'reports');
  pages = await Promise.all((await readdir(dir)).map((name) => readFile(join(dir, name), 'utf8')));
}, 120_000);

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('the audit site over an extract of a crawl', () => {
  it('reads the crawled page and the report inside its zip attachment, each under its URL', () => {
    expect(records.map((r) => [r.source, r.status])).toEqual([
      ['http://portal.test/nb/2023.htm', 'ok'],
      ['http://portal.test/nb/2023.zip!/2023年报.docx', 'ok'],
    ]);
  });

  it.each([0, 1])('shows where each cell of record %i was read, from the stored file the URL names', (i) => {
    const record = records[i];
    const evidence = pages.map((html) => earlierEvidence(html, record)).find((e) => e !== undefined);
    expect(evidence?.tables, record.source).toBeDefined();
    const cells = Object.entries(record.cell_details);
    expect(cells.length).toBeGreaterThan(150);
    for (const [key, d] of cells) expect(evidence!.tables![d.prov!.table!][d.prov!.row!][d.prov!.col!]?.trim(), key).toBe(d.raw.trim());
  });
});
