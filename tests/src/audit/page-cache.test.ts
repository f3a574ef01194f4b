/** Rebuilding the audit site: pages whose inputs did not change are kept as they are; the others are written again. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../../src/audit/site.js';
import { MANIFEST } from '../../../src/audit/page-cache.js';
import { extractFile } from '../../../src/pipeline.js';
import { appendReview, reviewKey } from '../../../src/reviews/store.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { CORPUS } from '../../corpus/truth.js';

const FILES = ['real/hongze-2023.pdf', 'rendered/seed-docx.docx', 'seed/zzszq-gxj-2023.txt', 'real/pingtan-2023-page.html'];

describe('a rebuild of the audit site', () => {
  let records: ReportRecord[];
  beforeAll(async () => {
    records = [];
    for (const f of FILES) records.push(await extractFile(join(CORPUS, f)));
  }, 120_000);

  const setUp = (recs: ReportRecord[]) => {
    const out = mkdtempSync(join(tmpdir(), 'nianbao-pages-'));
    writeFileSync(join(out, 'reports.ndjson'), recs.map((r) => JSON.stringify(r)).join('\n') + '\n');
    return out;
  };
  const pages = (out: string) => readdirSync(join(out, 'audit', 'reports')).filter((n) => n.endsWith('.html')).sort();
  const page = (out: string, r: ReportRecord) => join(out, 'audit', 'reports', `${r.report_id}.html`);

  it('writes every page once, then keeps them all, byte for byte, when nothing changed', async () => {
    const out = setUp(records);
    const first = await buildSite(out);
    expect(first).toMatchObject({ reports: 4, written: 4 });
    const before = new Map(pages(out).map((n) => [n, readFileSync(join(out, 'audit', 'reports', n), 'utf8')]));
    const mtimes = records.map((r) => statSync(page(out, r)).mtimeMs);
    const index = readFileSync(join(out, 'audit', 'data', 'index.js'), 'utf8');

    const again = await buildSite(out);
    expect(again).toMatchObject({ reports: 4, written: 0 });
    expect(new Map(pages(out).map((n) => [n, readFileSync(join(out, 'audit', 'reports', n), 'utf8')]))).toEqual(before);
    expect(records.map((r) => statSync(page(out, r)).mtimeMs)).toEqual(mtimes);
    expect(readFileSync(join(out, 'audit', 'data', 'index.js'), 'utf8')).toBe(index);
  });

  it('writes again the page of a report whose finding was reviewed, and only that one', async () => {
    const out = setUp(records);
    await buildSite(out);
    const reviewed = records.find((r) => r.findings.length)!;
    const f = reviewed.findings[0];
    await appendReview(out, { key: reviewKey(reviewed.sha256, f.rule, f.cells), decision: 'confirmed', note: '表格不平', reviewer: '审核员', at: new Date().toISOString() });
    expect(await buildSite(out)).toMatchObject({ written: 1 });
    expect(readFileSync(page(out, reviewed), 'utf8')).toContain('表格不平');
    expect(readFileSync(join(out, 'audit', 'data', 'index.js'), 'utf8')).toContain('"confirmed"');
  });

  it('removes the page of a report no longer in the extract, and writes a page whose PDF script is gone', async () => {
    const out = setUp(records);
    await buildSite(out);
    writeFileSync(join(out, 'reports.ndjson'), records.slice(0, 3).map((r) => JSON.stringify(r)).join('\n') + '\n');
    rmSync(join(out, 'audit', 'sources', `${records[0].sha256}.js`));
    expect(await buildSite(out)).toMatchObject({ reports: 3, written: 1 });
    expect(pages(out)).toEqual(records.slice(0, 3).map((r) => `${r.report_id}.html`).sort());
    expect(readdirSync(join(out, 'audit', 'sources'))).toContain(`${records[0].sha256}.js`);
  });

  it('writes every page again for a build without evidence, and after an interrupted build (no manifest)', async () => {
    const out = setUp(records);
    await buildSite(out);
    expect(await buildSite(out, { noEvidence: true })).toMatchObject({ written: 4 });
    expect(readFileSync(page(out, records[2]), 'utf8')).toContain('"evidence":{}');
    rmSync(join(out, 'audit', 'reports', MANIFEST));
    expect(await buildSite(out, { noEvidence: true })).toMatchObject({ written: 4 });
  });

  it('keeps showing the source tables once the source file is gone: taken from the page of the last build', async () => {
    const out = setUp(records);
    await buildSite(out);
    const html = records[3];
    const shown = readFileSync(page(out, html), 'utf8');
    // The source moves away (the record names its new place, so the page is written again): the tables come from the earlier page.
    const moved = records.map((r) => (r === html ? { ...r, source: '/nonexistent/pingtan-2023-page.html' } : r));
    writeFileSync(join(out, 'reports.ndjson'), moved.map((r) => JSON.stringify(r)).join('\n') + '\n');
    expect(await buildSite(out)).toMatchObject({ written: 1 });
    const data = (text: string) => JSON.parse(/window\.NIANBAO_REPORT = (.*);\n<\/script>/.exec(text)![1]) as { evidence: unknown };
    const now = readFileSync(page(out, html), 'utf8');
    expect(data(now).evidence).toEqual(data(shown).evidence);
    expect(data(now).evidence).toHaveProperty('tables');
  });
});
