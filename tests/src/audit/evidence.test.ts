/** Evidence on the source: every value of the corpus can be found again where the site says it was read. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { writeStoredZip } from '../../../extractors/docx/write-zip.js';
import { earlierEvidence, evidenceOf, PDF_GLOBAL } from '../../../src/audit/evidence.js';
import { reportPage } from '../../../src/audit/report-page.js';
import { extractFile } from '../../../src/pipeline.js';
import { CORPUS } from '../../corpus/truth.js';

const NON_PDF = ['real/pingtan-2023-page.html', 'rendered/huaian-2024-word-html.html', 'rendered/pingtan-2024-docx.docx', 'rendered/seed-docx.docx', 'seed/zzszq-gxj-2023.txt', 'variety/shanghai-govoffice-2019.html'];

describe('evidence of where each value was read', () => {
  it.each(NON_PDF)('%s: the source table as read holds each cell\'s printed text at the cell\'s position', async (file) => {
    const record = await extractFile(join(CORPUS, file));
    const evidence = await evidenceOf(record, mkdtempSync(join(tmpdir(), 'nianbao-ev-')));
    const cells = Object.entries(record.cell_details);
    expect(cells.length).toBeGreaterThan(150);
    for (const [key, d] of cells) {
      const p = d.prov!;
      expect(p.table, key).toBeDefined();
      expect(evidence.tables![p.table!][p.row!][p.col!]?.trim(), key).toBe(d.raw.trim());
    }
  });

  it('text with glued rows: each cell found on the source line that prints its glued digits', async () => {
    const path = join(CORPUS, 'variety/pingtan-2023-glued.txt');
    const record = await extractFile(path);
    const evidence = await evidenceOf(record, mkdtempSync(join(tmpdir(), 'nianbao-ev-')));
    const lines = readFileSync(path, 'utf8').split(/\r?\n/);
    const located = Object.entries(evidence.cellLines ?? {});
    expect(located.length).toBeGreaterThan(150);
    for (const [key, at] of located) {
      expect(at.match).toBe(record.cell_details[key].raw);
      expect(lines[at.line - 1]).toContain(at.before.replace(/^…/, '') + at.match + at.after.replace(/…$/, ''));
    }
  });

  it('a PDF: the document itself written once into the site, named by its hash, for pdf.js to draw in the browser', async () => {
    const path = join(CORPUS, 'real/hongze-2023.pdf');
    const record = await extractFile(path);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-ev-'));
    const evidence = await evidenceOf(record, dir);
    expect(evidence).toEqual({ pdf: { script: `${record.sha256}.js` } });
    // The script hands the page the document's exact bytes under its hash.
    const script = readFileSync(join(dir, evidence.pdf!.script), 'utf8');
    const sandbox: { window: Record<string, Record<string, string>> } = { window: {} };
    runInNewContext(script, sandbox);
    const bytes = Buffer.from(sandbox.window[PDF_GLOBAL][record.sha256], 'base64');
    expect(bytes.equals(readFileSync(path))).toBe(true);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(record.sha256);
    // A rebuild reuses it: the same answer, even once the source file is gone.
    expect(await evidenceOf({ ...record, source: '/nonexistent/hongze.pdf' }, dir)).toEqual(evidence);
    expect(readdirSync(dir)).toEqual([`${record.sha256}.js`]);
  });

  it('a report read from a zip archive (source archive.zip!/member): its evidence is read from the member', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-ev-'));
    const zip = join(dir, 'reports.zip');
    const html = readFileSync(join(CORPUS, 'real/pingtan-2023-page.html'));
    const pdf = readFileSync(join(CORPUS, 'real/hongze-2023.pdf'));
    writeFileSync(zip, writeStoredZip([{ name: '平潭.html', data: html }, { name: 'hongze.pdf', data: pdf }]));
    const htmlRecord = { ...(await extractFile(join(CORPUS, 'real/pingtan-2023-page.html'))), source: `${zip}!/平潭.html` };
    const fromMember = await evidenceOf(htmlRecord, dir);
    expect(Object.keys(fromMember.tables ?? {}).length).toBeGreaterThan(0);
    expect(fromMember).toEqual(await evidenceOf(await extractFile(join(CORPUS, 'real/pingtan-2023-page.html')), dir));
    const pdfRecord = { ...(await extractFile(join(CORPUS, 'real/hongze-2023.pdf'))), source: `${zip}!/hongze.pdf` };
    expect(await evidenceOf(pdfRecord, dir)).toEqual({ pdf: { script: `${pdfRecord.sha256}.js` } });
    expect(await evidenceOf({ ...htmlRecord, source: `${zip}!/gone.html` }, dir)).toEqual({ unavailable: `原文件不在：${zip}!/gone.html` });
  });

  it('says why there is no evidence when the source file is gone', async () => {
    const record = await extractFile(join(CORPUS, 'seed/zzszq-gxj-2023.txt'));
    const evidence = await evidenceOf({ ...record, source: '/nonexistent/report.txt' }, mkdtempSync(join(tmpdir(), 'nianbao-ev-')));
    expect(evidence.unavailable).toBe('原文件不在：/nonexistent/report.txt');
  });

  it('a source gone: the tables of the page an earlier build wrote, only if it read the same bytes at the same positions', async () => {
    const record = await extractFile(join(CORPUS, 'real/pingtan-2023-page.html'));
    const evidence = await evidenceOf(record, mkdtempSync(join(tmpdir(), 'nianbao-ev-')));
    const { html } = reportPage({ record, slug: record.report_id, reviews: new Map(), yearChecks: [], slugs: new Map(), evidence });
    const gone = { ...record, source: '/nonexistent/page.html' };
    expect(await evidenceOf(gone, mkdtempSync(join(tmpdir(), 'nianbao-ev-')), { earlier: async () => earlierEvidence(html, gone) })).toEqual(evidence);
    const [key, d] = Object.entries(record.cell_details)[0];
    const moved = { ...gone, cell_details: { ...record.cell_details, [key]: { ...d, prov: { ...d.prov, col: d.prov!.col! + 1 } } } };
    expect(earlierEvidence(html, moved)).toBeUndefined();
    expect(earlierEvidence(html, { ...gone, sha256: '0'.repeat(64) })).toBeUndefined();
    const unavailable = reportPage({ record, slug: record.report_id, reviews: new Map(), yearChecks: [], slugs: new Map(), evidence: { unavailable: '原文件不在：x' } }).html;
    expect(earlierEvidence(unavailable, gone)).toBeUndefined();
  });
});
