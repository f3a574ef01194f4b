/**
 * The picture formats' building blocks (no LibreOffice, no OCR): the PNG writer the table screenshots
 * use, and the Word document whose tables are pasted as those screenshots, in their places.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../tools/variety/build.js';
import { tablePieces } from '../../../tools/variety/model.js';
import { Random } from '../../../tools/variety/random.js';
import { grayPng } from '../../../tools/variety/render/png.js';
import { docxWithTableShots, htmlWithTableShots } from '../../../tools/variety/render/pictures.js';
import { decodeImage, pngSize } from '../../../extractors/image/decode.js';
import { openZip } from '../../../extractors/docx/zip.js';
import { markPictures, partRelationships } from '../../../extractors/docx/pictures.js';
import { loadTruths } from '../../../tools/variety/truths.js';
import { AXES } from '../../../tools/variety/axes/index.js';
import { draftVariant } from '../../../tools/variety/generate.js';

const truths = await loadTruths('../shared/corpus');
const huaian = truths.find((t) => t.id === 'huaian-city-2024')!;

/** A w×h gray gradient: every pixel differs from its neighbours. */
function gradient(width: number, height: number) {
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7) % 256;
  return { width, height, pixels };
}

describe('the gray PNG writer', () => {
  it('writes a PNG that decodes to the same pixels, stating no resolution (a screenshot)', async () => {
    const image = gradient(37, 11);
    const png = grayPng(image);
    expect(pngSize(png)).toEqual({ width: 37, height: 11 });
    const [page] = await decodeImage(png, { maxPages: 1, maxPixels: 37 * 11 });
    expect(page.source).toEqual({ width: 37, height: 11 });
    expect([...page.gray.pixels]).toEqual([...image.pixels]);
  });
});

describe('a report with its tables pasted as screenshots (docx-img)', () => {
  it('holds the report text as paragraphs and each table’s screenshots in its place, in order', async () => {
    const model = buildReport(huaian, new Random(3));
    // Table i gets i + 1 screenshots (a table over several pages gives one per page).
    const shots = tablePieces(model).map((_, i) => Array.from({ length: i + 1 }, (_, j) => grayPng(gradient(200 + 10 * i + j, 100))));
    const zip = await openZip(docxWithTableShots(model, shots));
    try {
      const xml = (await zip.read('word/document.xml'))!.toString('utf8');
      const { xml: marked, pictures } = markPictures(xml, partRelationships((await zip.read('word/_rels/document.xml.rels'))!.toString('utf8'), 'word/document.xml'));
      expect(pictures.map((p) => p.part)).toEqual(['word/media/image1.png', 'word/media/image2.png', 'word/media/image3.png', 'word/media/image4.png', 'word/media/image5.png', 'word/media/image6.png']);
      // The widths tell which table and page each picture is: in order, table by table.
      const widths: number[] = [];
      for (const picture of pictures) widths.push(pngSize((await zip.read(picture.part!))!)!.width);
      expect(widths).toEqual([200, 210, 211, 220, 221, 222]);
      // Each table's pictures stand between its section heading and the next one.
      const texts = [...marked.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => (m[1].startsWith('\ue001') ? 'picture' : m[1]));
      const at = (heading: string) => texts.indexOf(heading);
      expect(texts.slice(at('二、主动公开政府信息情况') + 1, at('三、收到和处理政府信息公开申请情况'))).toEqual(['picture']);
      expect(texts.slice(at('三、收到和处理政府信息公开申请情况') + 1, at('四、政府信息公开行政复议、行政诉讼情况'))).toEqual(['picture', 'picture']);
      expect(texts.slice(at('四、政府信息公开行政复议、行政诉讼情况') + 1, at('五、存在的主要问题及改进情况'))).toEqual(['picture', 'picture', 'picture']);
    } finally {
      zip.close();
    }
  });
});

describe('a portal page with its tables as screenshots beside it (html-img)', () => {
  it('puts each table’s screenshots in its place as <img> files of the folder, and no table', () => {
    const model = buildReport(huaian, new Random(3));
    const shots = tablePieces(model).map((_, i) => Array.from({ length: i + 1 }, (_, j) => grayPng(gradient(200 + 10 * i + j, 100))));
    const page = htmlWithTableShots(model, shots, 'report_files');
    expect(page.html).not.toContain('<table');
    expect(page.files.map((f) => f.name)).toEqual(['table1-1.png', 'table2-1.png', 'table2-2.png', 'table3-1.png', 'table3-2.png', 'table3-3.png']);
    const sources = [...page.html.matchAll(/<img src="([^"]+)" width="(\d+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(sources).toEqual(['report_files/table1-1.png 200', 'report_files/table2-1.png 210', 'report_files/table2-2.png 211', 'report_files/table3-1.png 220', 'report_files/table3-2.png 221', 'report_files/table3-3.png 222']);
    const requests = page.html.indexOf('三、收到和处理政府信息公开申请情况');
    expect(page.html.indexOf('table2-1.png')).toBeGreaterThan(requests);
    expect(page.html.indexOf('table2-2.png')).toBeLessThan(page.html.indexOf('四、政府信息公开行政复议、行政诉讼情况'));
  });
});

describe('tables that are not the template’s, in the table-shots formats', () => {
  // A report that posts its tables as pictures posts all of them: a pre-2019 statistics table (the legacy
  // axis, its truth), platform statistics and summaries. Left out, a legacy docx-img or pdf-img variant had
  // no table at all (scored 0 of 32), and html-img printed it as an HTML table, which no OCR read.
  const legacy = (index: number) => draftVariant(1, { axis: AXES.find((a) => a.id === 'legacy')!, format: 'docx-img', truth: huaian, index }).model;
  const tables = (model: ReturnType<typeof legacy>) => model.blocks.filter((b) => b.kind === 'table' || b.kind === 'other-table');
  const shotsFor = (model: ReturnType<typeof legacy>) => tables(model).map((_, i) => [grayPng(gradient(300 + i, 100))]);

  it('pastes a legacy statistics table (one picture per piece, also over a page break) into the Word document', async () => {
    for (const index of [0, 4]) {
      const model = legacy(index);
      expect(tables(model).length).toBeGreaterThan(0);
      expect(model.blocks.some((b) => b.kind === 'table')).toBe(false);
      const zip = await openZip(docxWithTableShots(model, shotsFor(model)));
      try {
        const xml = (await zip.read('word/document.xml'))!.toString('utf8');
        const { pictures } = markPictures(xml, partRelationships((await zip.read('word/_rels/document.xml.rels'))!.toString('utf8'), 'word/document.xml'));
        expect(pictures).toHaveLength(tables(model).length);
      } finally {
        zip.close();
      }
    }
  });

  it('puts a legacy statistics table as an <img> in the portal page, and no <table>', () => {
    const model = legacy(0);
    const page = htmlWithTableShots(model, shotsFor(model), 'report_files');
    expect(page.html).not.toContain('<table');
    expect(page.files).toHaveLength(tables(model).length);
  });
});
