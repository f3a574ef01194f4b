/**
 * The LibreOffice-printed fixtures of tests/fixtures/pdf (scripts/make-pdf-fixtures.mjs): every truth
 * cell exact, the layout right, and every cell's provenance pointing at the number as printed.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/pipeline.js';
import { readPdf } from '../../../extractors/pdf/index.js';
import type { DocumentModel, TableBlock } from '../../../extractors/model.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { cellsFor, loadFixtures, pageSizes, popplerWords, wordsInside, type FixtureTruth, type Word } from './helpers.js';

const fixtures = loadFixtures();
const byName = (name: string): FixtureTruth => fixtures.find((f) => f.fixture === `${name}.pdf`)!;

const records = new Map<string, Promise<ReportRecord>>();
const recordOf = (f: FixtureTruth): Promise<ReportRecord> => {
  if (!records.has(f.path)) records.set(f.path, extractFile(f.path));
  return records.get(f.path)!;
};

const requestsTable = (doc: DocumentModel): TableBlock =>
  doc.blocks.find((b): b is TableBlock => b.kind === 'table' && b.rows.some((r) => r.some((c) => c.text.includes('本年新收'))))!;

it('has the five fixtures the generator makes', () => {
  expect(fixtures.map((f) => f.fixture)).toEqual([
    'landscape-2019-other.pdf',
    'long-wrapped-labels.pdf',
    'narrow-wrapped-digits.pdf',
    'split-no-header.pdf',
    'split-repeated-header.pdf',
  ]);
});

describe.each(fixtures)('$fixture', (f) => {
  let record: ReportRecord;
  let words: Map<number, Word[]>;
  beforeAll(async () => {
    record = await recordOf(f);
    words = popplerWords(f.path);
  });

  it('extracts every truth cell exactly, with the truth layout, agency and year and status ok', () => {
    expect(record.error).toBeUndefined();
    expect(record.status).toBe('ok');
    expect(record.layout).toEqual(f.layout);
    expect(record.agency).toBe(f.agency);
    expect(record.year).toBe(f.year);
    expect(cellsFor(f.cells, record.cells)).toEqual(f.cells);
    expect(Object.keys(record.cells).sort()).toEqual(Object.keys(f.cells).sort());
  });

  it('reads no header row twice and finds every template row', () => {
    const codes = record.messages.map((m) => m.code);
    expect(codes).not.toContain('extra-values');
    expect(codes).not.toContain('row-not-found');
    expect(codes).not.toContain('missing-value');
  });

  it('gives every cell a provenance from the text layer: page, a box of four numbers, origin text', () => {
    const pages = pageSizes(f.path).length;
    for (const key of Object.keys(f.cells)) {
      const prov = record.cell_details[key]?.prov;
      expect(prov, key).toBeDefined();
      expect(prov!.origin, key).toBe('text');
      expect(prov!.page, key).toBeGreaterThanOrEqual(1);
      expect(prov!.page, key).toBeLessThanOrEqual(pages);
      expect(prov!.bbox, key).toHaveLength(4);
      const [x0, y0, x1, y1] = prov!.bbox!;
      expect([x0, y0, x1, y1].every(Number.isFinite), key).toBe(true);
      expect(x1 > x0 && y1 > y0, key).toBe(true);
    }
  });

  it('boxes each cell around its number as poppler places it: the words inside the box are the printed value', () => {
    const wrong: string[] = [];
    for (const key of Object.keys(f.cells)) {
      const { raw, prov } = record.cell_details[key];
      const inside = wordsInside(words.get(prov!.page!) ?? [], prov!.bbox!);
      const text = inside.map((w) => w.text).join('');
      if (text !== raw.replace(/\s+/g, '')) wrong.push(`${key}: box holds '${text}', cell printed '${raw}'`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('a requests table split over a page break', () => {
  it.each(['split-repeated-header', 'split-no-header'])('%s: is joined into one table whose rows straddle the break', async (name) => {
    const f = byName(name);
    const record = await recordOf(f);
    expect(record.messages.map((m) => m.code)).toContain('table-split-joined');
    // The break really falls inside the table: its first row and its last row are on different pages.
    const first = record.cell_details['requests.new_received.total'].prov!.page!;
    const last = record.cell_details['requests.carried_forward.total'].prov!.page!;
    expect(last).toBe(first + 1);
    const doc = await readPdf(await readFile(f.path));
    // 3 header rows + 25 rows of the 2021 template: nothing lost, nothing read twice.
    expect(requestsTable(doc).rows).toHaveLength(28);
  });

  it('with <thead> prints the header rows again on the next page, and the join drops them', async () => {
    const f = byName('split-repeated-header');
    const record = await recordOf(f);
    const nextPage = record.cell_details['requests.carried_forward.total'].prov!.page!;
    const onNext = popplerWords(f.path).get(nextPage)!.map((w) => w.text).join('');
    expect(onNext).toContain('申请人情况');
    const plain = popplerWords(byName('split-no-header').path).get(nextPage)!.map((w) => w.text).join('');
    expect(plain).not.toContain('申请人情况');
    const doc = await readPdf(await readFile(f.path));
    const headerRows = requestsTable(doc).rows.filter((r) => r.some((c) => c.text === '申请人情况' && !c.spanned));
    expect(headerRows).toHaveLength(1);
  });
});

describe('layouts', () => {
  it('landscape-2019-other is printed on A4 landscape pages and read as the 2019 requests layout', async () => {
    const f = byName('landscape-2019-other');
    const sizes = pageSizes(f.path);
    expect(sizes.length).toBeGreaterThan(1);
    for (const s of sizes) expect(s.width).toBeGreaterThan(s.height);
    const record = await recordOf(f);
    expect(record.layout.requests).toBe('2019');
    expect(record.cells['requests.other_handling.total']).toBe(f.cells['requests.other_handling.total']);
  });

  it('narrow-wrapped-digits prints multi-digit numbers over several lines and reads them whole', async () => {
    const f = byName('narrow-wrapped-digits');
    const record = await recordOf(f);
    const words = popplerWords(f.path);
    const wrapped = Object.keys(f.cells).filter((key) => {
      const prov = record.cell_details[key].prov!;
      return wordsInside(words.get(prov.page!)!, prov.bbox!).length > 1;
    });
    // 3001 printed as 30 over 01, 3119 as 31 over 19, 178 on page 4 as 1, 7, 8 a line each.
    expect(wrapped).toEqual(expect.arrayContaining(['requests.new_received.natural_person', 'requests.new_received.total', 'appeals.review.other']));
    expect(wrapped.length).toBeGreaterThanOrEqual(20);
    for (const key of wrapped) expect(record.cells[key], key).toBe(f.cells[key]);
  });

  it('long-wrapped-labels wraps the 部分公开 label over five or more lines and still maps its row', async () => {
    const f = byName('long-wrapped-labels');
    const doc = await readPdf(await readFile(f.path));
    const label = requestsTable(doc)
      .rows.flat()
      .find((c) => c.text.startsWith('（二）部分公开') && !c.spanned)!;
    expect(label.text).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    const [, y0, , y1] = label.prov!.bbox!;
    expect(y1 - y0).toBeGreaterThan(4 * 11);
    const record = await recordOf(f);
    expect(record.cells['requests.partially_granted.total']).toBe(f.cells['requests.partially_granted.total']);
  });
});
