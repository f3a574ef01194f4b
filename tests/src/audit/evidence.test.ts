/** Evidence on the source: every value of the corpus can be found again where the site says it was read. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceOf } from '../../../src/audit/evidence.js';
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

  it.skipIf(!existsSync('/usr/bin/pdftoppm'))('a PDF: an image of each page holding cells, sized in the PDF\'s points', async () => {
    const path = join(CORPUS, 'real/hongze-2023.pdf');
    const record = await extractFile(path);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-ev-'));
    const evidence = await evidenceOf(record, dir);
    const pages = new Set(Object.values(record.cell_details).map((d) => d.prov!.page!));
    expect(Object.keys(evidence.pages!).map(Number).sort()).toEqual([...pages].sort());
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))!;
    for (const page of pages) {
      const img = evidence.pages![page];
      expect(existsSync(join(dir, img.file))).toBe(true);
      expect(Math.abs(img.width - Number(size[1]))).toBeLessThan(1);
      expect(Math.abs(img.height - Number(size[2]))).toBeLessThan(1);
    }
    // A rebuild reuses the images: the same answer, even once the source file is gone.
    expect(await evidenceOf({ ...record, source: '/nonexistent/hongze.pdf' }, dir)).toEqual(evidence);
  });

  it('says why there is no evidence when the source file is gone', async () => {
    const record = await extractFile(join(CORPUS, 'seed/zzszq-gxj-2023.txt'));
    const evidence = await evidenceOf({ ...record, source: '/nonexistent/report.txt' }, mkdtempSync(join(tmpdir(), 'nianbao-ev-')));
    expect(evidence.unavailable).toBe('原文件不在：/nonexistent/report.txt');
  });
});
