/**
 * Attacks 10 and 11 on the extract side: a crawl manifest is input like any other. A row whose path
 * leads out of the crawl folder (../, absolute, a symbolic link) is a failed record that reads nothing;
 * a file whose bytes are not the row's sha256 is a failed record; credentials in its URLs never reach
 * a record.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../../../src/crawl/manifest.js';
import { runExtract } from '../../../src/extract-run.js';
import { loadManifestInputs } from '../../../src/sources/crawl-manifest.js';
import { expandInputs } from '../../../src/sources/inputs.js';
import { CORPUS } from '../../corpus/truth.js';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const OUTSIDE_TEXT = 'root:x:0:0:the file outside the crawl folder\n';

let base: string;
let records: Array<Record<string, any>>;
let ndjson: string;
const bySource = (source: string) => records.find((r) => r.source === source);

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'nianbao-manifest-'));
  const crawlDir = join(base, 'crawl');
  await mkdir(join(crawlDir, 'files'), { recursive: true });
  const outsideFile = join(base, 'outside-secret.txt');
  await writeFile(outsideFile, OUTSIDE_TEXT);
  const report = await readFile(join(CORPUS, 'variety/pingtan-2023-glued.txt'));
  const goodPath = `files/${sha256(report)}.txt`;
  await writeFile(join(crawlDir, goodPath), report);
  const swapped = Buffer.concat([report, Buffer.from('\n被替换的内容\n')]);
  await writeFile(join(crawlDir, `files/${sha256(report).replace(/^./, '0')}.txt`), swapped);
  await symlink(outsideFile, join(crawlDir, 'files/link.txt'));
  const row = (url: string, path: string, sha: string): ManifestEntry => ({
    url, final_url: url, referrer: 'http://portal.test/nb/', link_text: '年报', seed: 'http://portal.test/nb/', status: 200,
    content_type: 'text/plain', size: 1, sha256: sha, path, fetched_at: '2024-03-08T00:00:00Z', kind: 'page',
    parent_url: null, parent_sha256: null, title: null, published_at: null, publisher: null, error: null,
  });
  const rows = [
    row('http://reader:pa55word@portal.test/nb/good.htm', goodPath, sha256(report)),
    row('http://portal.test/nb/dotdot.htm', '../outside-secret.txt', sha256(OUTSIDE_TEXT)),
    row('http://portal.test/nb/deep.htm', '../../../../../../../../etc/passwd', sha256(OUTSIDE_TEXT)),
    row('http://portal.test/nb/absolute.htm', outsideFile, sha256(OUTSIDE_TEXT)),
    row('http://portal.test/nb/link.htm', 'files/link.txt', sha256(OUTSIDE_TEXT)),
    row('http://portal.test/nb/swapped.htm', `files/${sha256(report).replace(/^./, '0')}.txt`, sha256(report).replace(/^./, '0')),
  ];
  await writeFile(join(crawlDir, 'manifest.ndjson'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const { items } = await expandInputs([crawlDir], loadManifestInputs);
  const out = join(base, 'out');
  await runExtract(items, { outDir: out, workers: 0 });
  ndjson = await readFile(join(out, 'reports.ndjson'), 'utf8');
  records = ndjson.trim().split('\n').map((line) => JSON.parse(line));
}, 60_000);

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('extract on a crawl folder whose manifest is hostile', () => {
  it('gives every row a record: the good one read, the others failed with their reason', () => {
    expect(records).toHaveLength(6);
    expect(bySource('http://portal.test/nb/good.htm')).toMatchObject({ status: 'ok', source_url: 'http://portal.test/nb/good.htm' });
    for (const name of ['dotdot', 'deep', 'absolute', 'link']) {
      expect(bySource(`http://portal.test/nb/${name}.htm`), name).toMatchObject({ status: 'failed', sha256: '', error: expect.stringMatching(/^manifest-path-outside: .*; not read$/) });
    }
    expect(bySource('http://portal.test/nb/link.htm')?.error).toMatch(/resolves to .*outside-secret\.txt, outside the crawl folder/);
    expect(bySource('http://portal.test/nb/swapped.htm')).toMatchObject({ status: 'failed', error: expect.stringMatching(/^manifest-mismatch: the file's sha256 is [0-9a-f]{64}, not the 0[0-9a-f]{63} the crawl manifest recorded/) });
  });

  it('publishes nothing of the file outside: neither its text nor its hash', () => {
    expect(ndjson).not.toContain('root:x:0:0');
    expect(ndjson).not.toContain(sha256(OUTSIDE_TEXT));
    expect(ndjson).not.toContain(sha256(OUTSIDE_TEXT).slice(0, 16));
  });

  it('gives the refused rows distinct ids', () => {
    expect(new Set(records.map((r) => r.report_id)).size).toBe(6);
  });

  it('keeps no credentials of the manifest in any record', () => {
    expect(ndjson).not.toContain('pa55word');
    expect(ndjson).not.toContain('reader:');
  });
});
