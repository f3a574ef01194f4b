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

/** The report with its tables as screenshots, exported to PDF. */
async function reportPdf(dir: string): Promise<Buffer> {
  const model = buildReport(truth, new Random(7));
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

describe.skipIf(!available)('a PDF whose requests and appeals tables are pictures beside its text', () => {
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

  it('reads each table picture by OCR in its place between the text layer paragraphs, the requests table joined over them', () => {
    expect(record.format).toBe('pdf');
    const kinds = doc.blocks.map((b) => (b.kind === 'table' ? 'table' : b.text));
    console.log(kinds.map((k) => k.slice(0, 40)), doc.messages);
    expect(kinds[0]).toBe(HEADING);
    expect(kinds.at(-1)).toBe(CLOSING);
    expect(kinds.filter((k) => k === 'table').length).toBeGreaterThanOrEqual(2);
    expect(doc.blocks[0].prov?.origin).toBe('text');
    expect(doc.blocks.at(-1)?.prov?.origin).toBe('text');
    const codes = doc.messages.map((m) => m.code);
    expect(codes.filter((c) => c === 'pdf-picture-ocr')).toHaveLength(2);
    expect(codes).toContain('table-split-joined');
    // The logo is below a table's size: ignored without OCR and without a message.
    expect(codes).not.toContain('picture-skipped');
    expect(codes).not.toContain('ocr-used');
  });

  it('gets at least 98% of the requests and appeals cells right, none silently wrong, each read by OCR with its confidence', () => {
    expectScore(record, truth.cells, 'PDF pictures');
    expectOcrCells(record);
  });

  it('reads nothing by OCR when table pictures are turned off: the text layer alone, no table', async () => {
    const plain = await readPdf(bytes, { tablePictures: false });
    expect(plain.blocks.some((b) => b.kind === 'table')).toBe(false);
    expect(plain.messages.map((m) => m.code)).not.toContain('pdf-picture-ocr');
  });
});
