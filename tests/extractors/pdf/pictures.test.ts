/**
 * PDF pages with a text layer whose tables are pictures: the corpus report hongze-2023 typed in Word with
 * each table pasted as a 96 dpi screenshot (the variety generator's pdf-img: the table rendered alone by
 * LibreOffice, cropped to its ink, fitted in the margins) and a logo, exported to PDF by LibreOffice as
 * people publish it. The prose is read from the text layer, the pictures by OCR in their place; scored on
 * every truth cell.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/pipeline.js';
import { readPdf } from '../../../extractors/pdf/index.js';
import { readPagePictures } from '../../../extractors/pdf/pictures.js';
import type { PageContent } from '../../../extractors/pdf/items.js';
import { imagesToPdf } from '../../../tools/pdf/images-to-pdf.js';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { sofficeAvailable } from '../../../extractors/soffice.js';
import type { DocumentModel } from '../../../extractors/model.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { buildReport } from '../../../tools/variety/build.js';
import { tablePieces } from '../../../tools/variety/model.js';
import { Random } from '../../../tools/variety/random.js';
import { loadTruths } from '../../../tools/variety/truths.js';
import { convertWithOffice } from '../../../tools/variety/render/office.js';
import { tableOnlyHtml, tableScreenshots } from '../../../tools/variety/render/pictures.js';
import { pdfWithTableShots } from '../../../tools/variety/render/pdf-pictures.js';
import { expectOcrCells, expectScore } from '../image/picture-score.js';

const truth = (await loadTruths('../shared/corpus')).find((t) => t.id === 'hongze-2023')!;
const available = (await ocrAvailable()) && (await sofficeAvailable());

const model = buildReport(truth, new Random(7));

/** The report with its tables as screenshots, exported to PDF. */
async function reportPdf(dir: string): Promise<Buffer> {
  const pieces = tablePieces(model);
  const htmls: string[] = [];
  for (const [i, piece] of pieces.entries()) {
    htmls.push(path.join(dir, `table${i}.html`));
    await writeFile(htmls[i], tableOnlyHtml(model, piece));
  }
  await convertWithOffice(htmls, 'pdf', dir);
  const shots: Buffer[][] = [];
  for (const html of htmls) shots.push(await tableScreenshots(html.replace(/\.html$/, '.pdf'), 96));
  return pdfWithTableShots(model, shots);
}

describe.skipIf(!available)('a PDF whose tables are pictures beside its text layer', () => {
  let dir = '';
  let record: ReportRecord;
  let doc: DocumentModel;
  let bytes: Buffer;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-pdf-pictures-'));
    bytes = await reportPdf(dir);
    const pdf = path.join(dir, 'report.pdf');
    await writeFile(pdf, bytes);
    record = await extractFile(pdf);
    doc = await readPdf(bytes);
  }, 900_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads each table picture by OCR in its place among the text layer paragraphs', () => {
    expect(record.format).toBe('pdf');
    const printed = model.blocks.flatMap((b) => (b.kind === 'table' || b.kind === 'other-table' ? ['table'] : b.kind === 'break' || b.kind === 'dash-table' ? [] : [b.text]));
    expect(doc.blocks.map((b) => (b.kind === 'table' ? 'table' : b.text))).toEqual(printed);
    for (const block of doc.blocks) {
      if (block.kind !== 'table') expect(block.prov?.origin).toBe('text');
      else for (const cell of block.rows.flat().filter((c) => c.text.trim())) expect(cell.prov?.origin).toBe('ocr');
    }
    const read = doc.messages.filter((m) => m.code === 'pdf-picture-ocr');
    expect(read).toHaveLength(tablePieces(model).length);
    expect(read[0].message).toMatch(/^page 1: picture of \d+×\d+ pt at \(\d+, \d+\) read by OCR as a table \(\d+ words, rendered at 300 dpi\)$/);
    // Each table's cells stand inside the picture they were read from, on its page.
    const boxes = read.map((m) => {
      const [, page, w, h, x, y] = /^page (\d+): picture of (\d+)×(\d+) pt at \((\d+), (\d+)\)/.exec(m.message)!.map(Number);
      return { page, x0: x - 1, y0: y - 1, x1: x + w + 1, y1: y + h + 1 };
    });
    for (const block of doc.blocks.filter((b) => b.kind === 'table')) {
      for (const cell of block.rows.flat().filter((c) => c.text.trim())) {
        const [x0, y0, x1, y1] = cell.prov!.bbox!;
        expect(boxes.some((b) => b.page === cell.prov!.page && x0 >= b.x0 && y0 >= b.y0 && x1 <= b.x1 && y1 <= b.y1), `${cell.text} at ${cell.prov!.bbox}`).toBe(true);
      }
    }
    // A page with a good text layer is not a scan: nothing else is read by OCR, nothing skipped.
    expect(doc.messages.map((m) => m.code).filter((c) => c !== 'pdf-picture-ocr')).toEqual([]);
  });

  it('gets at least 98% of the cells right and every other one blank or in doubt, none silently wrong, each read by OCR with its confidence', () => {
    expectScore(record, truth.cells, 'PDF pictures');
    expectOcrCells(record);
  });

  it('says, picture by picture, that OCR is missing where it is, and still reads the text layer', async () => {
    const without = await readPdf(bytes, { ocrAvailable: async () => false });
    expect(without.blocks.some((b) => b.kind === 'table')).toBe(false);
    expect(without.blocks[0]).toEqual(doc.blocks[0]);
    const skipped = without.messages.filter((m) => m.code === 'picture-skipped').map((m) => m.message);
    expect(skipped).toHaveLength(tablePieces(model).length);
    for (const message of skipped) expect(message).toMatch(/^page \d+: picture of .*: only OCR can read a picture .*apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils; not read$/);
  });

  it('reads nothing by OCR when table pictures are turned off: the text layer alone, no table', async () => {
    const plain = await readPdf(bytes, { tablePictures: false });
    expect(plain.blocks.some((b) => b.kind === 'table')).toBe(false);
    expect(plain.messages.map((m) => m.code)).not.toContain('pdf-picture-ocr');
  });
});

describe('pictures that are not read (no tesseract run)', () => {
  let dir = '';
  let file = '';
  /** A 400×300 pt page covered by a smooth gray gradient: a photo or a chart, no rulings. */
  const page: PageContent = { page: 1, width: 400, height: 300, items: [], lines: [] };
  const whole = { x0: 0, y0: 0, x1: 400, y1: 300 };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-pdf-pictures-skip-'));
    const pixels = new Uint8Array(200 * 150);
    for (let y = 0; y < 150; y++) for (let x = 0; x < 200; x++) pixels[y * 200 + x] = 120 + Math.round((x + y) / 3);
    file = path.join(dir, 'photo.pdf');
    await writeFile(file, imagesToPdf([{ gray: { width: 200, height: 150, pixels }, width: 400, height: 300 }]));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('skips a picture without table rulings after rendering it, the page left as it was', async () => {
    const read = await readPagePictures(file, page, [whole], { maxPixels: 20_000_000, ocrAvailable: async () => true });
    expect(read.messages).toEqual([{ code: 'picture-skipped', message: 'page 1: picture of 400×300 pt at (0, 0): no table rulings in the picture; not read' }]);
    expect(read.content).toEqual(page);
  });

  it('leaves a picture with text printed over it to the text layer (a seal, a scan under its own OCR layer)', async () => {
    const signed: PageContent = { ...page, items: [{ text: '某某 人民政府', page: 1, x: 150, y: 140, width: 100, height: 12, origin: 'text' }] };
    const read = await readPagePictures(file, signed, [whole], { maxPixels: 20_000_000, ocrAvailable: async () => true });
    expect(read.messages).toEqual([
      { code: 'picture-skipped', message: 'page 1: picture of 400×300 pt at (0, 0): 6 characters of the text layer are printed over it (a seal, or a scan under its own text layer); not read' },
    ]);
    expect(read.content).toEqual(signed);
  });

  it('says which packages to install where OCR is missing', async () => {
    const read = await readPagePictures(file, page, [whole], { maxPixels: 20_000_000, ocrAvailable: async () => false });
    expect(read.messages).toEqual([
      {
        code: 'picture-skipped',
        message: 'page 1: picture of 400×300 pt at (0, 0): only OCR can read a picture and tesseract (with chi_sim) is not installed: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils; not read',
      },
    ]);
  });

  it('reads a PDF without pictures exactly as with table pictures turned off', async () => {
    const bytes = await import('node:fs/promises').then((fs) => fs.readFile(path.resolve('../shared/corpus/rendered/seed-pdf.pdf')));
    expect(await readPdf(bytes)).toEqual(await readPdf(bytes, { tablePictures: false }));
  });
});
