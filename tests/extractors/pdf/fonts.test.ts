/**
 * Chinese text in a font the PDF does not embed (STSong-Light, UniGB-UCS2-H: the Adobe CJK fonts
 * viewers are expected to supply) reads exactly like the same table printed with embedded fonts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../../extractors/pdf/index.js';
import type { DocumentModel, TableBlock } from '../../../extractors/model.js';
import { ruledGrid, stSongPdf } from './minimal-pdf.js';
import { sofficeConvert } from '../../../extractors/soffice.js';

const GRID = [
  ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
  ['规章', '1', '0', '11'],
  ['行政规范性文件', '8', '26', '66'],
];
const HEADING = '二、主动公开政府信息情况';

const cellTexts = (doc: DocumentModel): string[][] => {
  const table = doc.blocks.find((b): b is TableBlock => b.kind === 'table')!;
  return table.rows.map((r) => r.map((c) => c.text));
};
const fontsOf = (pdf: string): string[] => execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);

describe('a PDF whose Chinese font is not embedded', () => {
  let dir = '';
  let bare = '';
  let embedded = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'nianbao-pdf-fonts-'));
    bare = path.join(dir, 'stsong.pdf');
    const { texts, lines } = ruledGrid(GRID, [60, 190, 290, 390, 490], [700, 680, 660, 640]);
    writeFileSync(bare, stSongPdf([{ text: HEADING, x: 60, y: 730, size: 12 }, ...texts], lines));
    // The same heading and table printed by LibreOffice, which embeds (subsets of) its fonts.
    const html = path.join(dir, 'embedded.html');
    writeFileSync(
      html,
      `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>${HEADING}</p><table border="1" cellspacing="0">${GRID.map(
        (r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`,
      ).join('')}</table></body></html>`,
    );
    await sofficeConvert({ files: [html], infilter: 'HTML (StarWriter)', convertTo: 'pdf:writer_pdf_Export', outDir: dir, timeoutMs: 120_000 });
    embedded = path.join(dir, 'embedded.pdf');
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('really leaves STSong-Light unembedded (no FontFile in the file), while LibreOffice embeds its fonts', () => {
    // pdffonts cannot list a CID font whose language pack poppler lacks, so the bytes are checked.
    const bytes = readFileSync(bare).toString('latin1');
    expect(bytes).toContain('/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H');
    expect(bytes).not.toMatch(/\/FontFile/);
    const embeddedFonts = fontsOf(embedded);
    expect(embeddedFonts.length).toBeGreaterThan(0);
    for (const f of embeddedFonts) expect(f).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+$/);
  });

  it('reads the heading and every table cell of the unembedded-font PDF exactly', async () => {
    const doc = await readPdf(readFileSync(bare));
    expect(doc.blocks.filter((b) => b.kind !== 'table').map((b) => b.text)).toEqual([HEADING]);
    expect(cellTexts(doc)).toEqual(GRID);
    expect(doc.messages).toEqual([]);
  });

  it('reads the unembedded-font PDF the same as the embedded-font one', async () => {
    const bareDoc = await readPdf(readFileSync(bare));
    const embeddedDoc = await readPdf(readFileSync(embedded));
    expect(cellTexts(bareDoc)).toEqual(cellTexts(embeddedDoc));
    expect(bareDoc.blocks.map((b) => b.kind)).toEqual(embeddedDoc.blocks.map((b) => b.kind));
  });

  it('places each unembedded cell on its row with a text-layer provenance', async () => {
    const doc = await readPdf(readFileSync(bare));
    const table = doc.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    const eleven = table.rows[1][3];
    expect(eleven.text).toBe('11');
    expect(eleven.prov).toMatchObject({ page: 1, origin: 'text' });
    const [x0, y0, x1, y1] = eleven.prov!.bbox!;
    expect(x0).toBeGreaterThanOrEqual(390);
    expect(x1).toBeLessThanOrEqual(490);
    expect(y0).toBeGreaterThanOrEqual(660 - 4);
    expect(y1).toBeLessThanOrEqual(680);
  });
});
