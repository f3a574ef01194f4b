/**
 * Pictures in a DOCX body, end to end: a Word document whose tables were pasted as screenshots (the
 * corpus report hongze-2023's requests and appeals pages at 96 dpi, one picture per page, the requests
 * table running from the first picture into the second), with a logo and a vector picture beside them.
 * Scored on the truth cells of the tables the pictures show.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/pipeline.js';
import { docxReader } from '../../../extractors/docx.js';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import type { DocumentModel } from '../../../extractors/model.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { docxWithPictures, pagePicture } from '../../helpers/pictures.js';
import { expectOcrCells, expectScore } from '../image/picture-score.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const PDF = path.join(CORPUS, 'real/hongze-2023.pdf');
const TRUTH: Record<string, number | null> = JSON.parse(readFileSync(path.join(CORPUS, 'real/hongze-2023.truth.json'), 'utf8')).cells;
const shown = Object.fromEntries(Object.entries(TRUTH).filter(([key]) => key.startsWith('requests.') || key.startsWith('appeals.')));

const available = await ocrAvailable();

/** A 40×40 PNG: the size of a seal or a logo. */
async function logo(): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  return Buffer.from(new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18" fill="red"/></svg>').render().asPng());
}

/** The first bytes of an EMF (record type 1, the header): Word's format for pasted drawings. */
const EMF = Buffer.concat([Buffer.from([1, 0, 0, 0, 108, 0, 0, 0]), Buffer.alloc(100)]);

async function report(): Promise<Buffer> {
  return docxWithPictures([
    { text: '三、收到和处理政府信息公开申请情况' },
    { picture: await logo(), name: 'image1.png', widthPx: 40, heightPx: 40 },
    { picture: await pagePicture(PDF, 3, 96, 'png'), name: 'image2.png' },
    { picture: await pagePicture(PDF, 4, 96, 'png'), name: 'image3.png', vml: true },
    { text: '五、存在的主要问题及改进情况' },
    { picture: EMF, name: 'image4.emf' },
  ]);
}

describe.skipIf(!available)('a DOCX whose requests and appeals tables are pasted as screenshots, one per page', () => {
  let dir = '';
  let record: ReportRecord;
  let doc: DocumentModel;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-docx-pictures-'));
    const file = path.join(dir, 'report.docx');
    const bytes = await report();
    await writeFile(file, bytes);
    record = await extractFile(file);
    doc = await docxReader.read(bytes, {});
  }, 600_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads the two table pictures by OCR in their place among the paragraphs, the requests table joined over them', () => {
    expect(record.format).toBe('docx');
    const kinds = doc.blocks.map((b) => (b.kind === 'table' ? 'table' : b.text));
    expect(kinds[0]).toBe('三、收到和处理政府信息公开申请情况');
    expect(kinds.at(-1)).toBe('五、存在的主要问题及改进情况');
    expect(kinds.filter((k) => k === 'table').length).toBeGreaterThanOrEqual(2);
    const codes = doc.messages.map((m) => m.code);
    expect(doc.messages.filter((m) => m.code === 'ocr-used').map((m) => m.message.split(' ')[0])).toEqual(['word/media/image2.png', 'word/media/image3.png']);
    expect(codes).toContain('table-split-joined');
  });

  it('says why the logo and the vector picture were not read', () => {
    const skipped = doc.messages.filter((m) => m.code === 'picture-skipped').map((m) => m.message);
    expect(skipped).toEqual([
      'word/media/image1.png: 40×40 pixels: too small to hold a table (an icon or a logo); not read',
      'word/media/image4.emf: a vector picture (EMF/WMF/SVG), not decoded; not read',
    ]);
  });

  it('gets at least 98% of the requests and appeals cells right, none silently wrong, each naming its picture', () => {
    expectScore(record, shown, 'DOCX pictures');
    expectOcrCells(record);
    const images = new Set(Object.values(record.cell_details).map((d) => d.prov?.image).filter(Boolean));
    expect([...images].sort()).toEqual(['word/media/image2.png', 'word/media/image3.png']);
  });
});
