/**
 * The PDF reader on the real reports of ../shared/corpus/real: tables that run over page breaks
 * (with running page numbers between their rows), a vertical row-group label cut by the break, and a
 * mistyped row label.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/pipeline.js';
import { readPdf } from '../../../extractors/pdf/index.js';
import type { DocumentModel, TableBlock } from '../../../extractors/model.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { CORPUS, popplerWords, type Word } from './helpers.js';

const COLUMNS = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_legal_person', 'total'];

function rowOf(record: ReportRecord, row: string, columns = COLUMNS): { values: (number | null)[]; pages: number[] } {
  const keys = columns.map((c) => `${row}.${c}`);
  return {
    values: keys.map((k) => record.cells[k]),
    pages: [...new Set(keys.map((k) => record.cell_details[k].prov!.page!))],
  };
}

const tableWith = (doc: DocumentModel, text: string): TableBlock =>
  doc.blocks.find((b): b is TableBlock => b.kind === 'table' && b.rows.some((r) => r.some((c) => c.text.includes(text))))!;

describe('huaian-city-2024.pdf: tables over page breaks with page numbers between their rows', () => {
  const file = path.join(CORPUS, 'real/huaian-city-2024.pdf');
  let record: ReportRecord;
  let doc: DocumentModel;
  let words: Map<number, Word[]>;
  beforeAll(async () => {
    record = await extractFile(file);
    doc = await readPdf(await readFile(file));
    words = popplerWords(file);
  });

  it('prints running page numbers -3- and -4- between the halves of the tables', () => {
    expect(words.get(3)!.map((w) => w.text)).toContain('-3-');
    expect(words.get(4)!.map((w) => w.text)).toContain('-4-');
  });

  it('joins both split tables and reads no row twice or not at all', () => {
    expect(record.messages.filter((m) => m.code === 'table-split-joined').map((m) => m.message)).toEqual([
      'a table continues from page 3 on page 4; joined',
      'a table continues from page 4 on page 5; joined',
    ]);
    const codes = record.messages.map((m) => m.code);
    for (const code of ['extra-values', 'row-not-found', 'missing-value', 'unreadable-value']) expect(codes).not.toContain(code);
  });

  it('reads the proactive rows on either side of the page 3/4 break', () => {
    expect(record.cells['proactive.administrative_license.decisions']).toBe(447228);
    expect(record.cell_details['proactive.administrative_license.decisions'].prov!.page).toBe(3);
    expect(record.cells['proactive.administrative_penalty.decisions']).toBe(3985758);
    expect(record.cell_details['proactive.administrative_penalty.decisions'].prov!.page).toBe(4);
  });

  it('reads the requests rows on either side of the page 4/5 break, inside the group （四）无法提供', () => {
    expect(rowOf(record, 'requests.unavailable_not_held')).toEqual({ values: [746, 12, 0, 0, 10, 1, 769], pages: [4] });
    expect(rowOf(record, 'requests.unavailable_needs_creation')).toEqual({ values: [11, 0, 0, 0, 0, 0, 11], pages: [5] });
    expect(rowOf(record, 'requests.unavailable_still_unclear')).toEqual({ values: [1, 0, 0, 0, 0, 0, 1], pages: [5] });
  });

  it('does not take the page number -4- printed between the rows for a row or a value', () => {
    const table = tableWith(doc, '本年新收');
    expect(table.rows.flat().some((c) => /-\s*4\s*-/.test(c.text))).toBe(false);
    const texts = doc.blocks.filter((b) => b.kind !== 'table').map((b) => b.text.trim());
    expect(texts).not.toContain('-4-');
  });

  it('keeps the vertical label 三、本年度办理结果 one cell over all outcome rows, on both sides of the page break', () => {
    const table = tableWith(doc, '本年新收');
    const first = table.rows.map((r) => r[0]);
    const labelled = first.filter((c) => c.text === '三、本年度办理结果');
    expect(labelled.filter((c) => !c.spanned)).toHaveLength(1);
    // （一）予以公开 … （七）总计: 11 outcome rows printed on page 4 and 11 on page 5.
    expect(labelled).toHaveLength(22);
    const rowOfLabel = (own: string): number => table.rows.findIndex((r) => r.some((c) => c.text === own));
    expect(first[rowOfLabel('2.没有现成信息需要另行制作')].text).toBe('三、本年度办理结果');
    expect(first[rowOfLabel('（七）总计')].text).toBe('三、本年度办理结果');
  });

  it('reads the group label （四）无法提供, printed as （四）无 above the break and 法提供 below it, as one cell', () => {
    const table = tableWith(doc, '本年新收');
    const group = table.rows.map((r) => r[1]).filter((c) => c.text.startsWith('（四）'));
    expect(group.map((c) => c.text)).toEqual(['（四）无法提供', '（四）无法提供', '（四）无法提供']);
    expect(group.map((c) => Boolean(c.spanned))).toEqual([false, true, true]);
  });

  it('gives the whole record its truth cells with the 2021 layouts', () => {
    expect(record.status).toBe('ok');
    expect(record.layout).toEqual({ proactive: '2021', requests: '2021', appeals: '2021' });
    expect(rowOf(record, 'requests.total_processed')).toEqual({ values: [2932, 53, 0, 0, 61, 4, 3050], pages: [5] });
    expect(rowOf(record, 'appeals.review', ['upheld', 'corrected', 'other', 'pending', 'total']).values).toEqual([72, 64, 178, 37, 351]);
  });
});

describe('hongze-2023.pdf: a mistyped row label', () => {
  const file = path.join(CORPUS, 'real/hongze-2023.pdf');
  let record: ReportRecord;
  let doc: DocumentModel;
  beforeAll(async () => {
    record = await extractFile(file);
    doc = await readPdf(await readFile(file));
  });

  it('prints the label as 2.其他法律行政止公开 (法规禁 missing)', () => {
    const labels = tableWith(doc, '本年新收').rows.flat().map((c) => c.text);
    expect(labels).toContain('2.其他法律行政止公开');
    expect(labels).not.toContain('2.其他法律行政法规禁止公开');
  });

  it('maps the mistyped label to requests.denied_prohibited_by_law, from the values on that label’s line', () => {
    const words = popplerWords(file).get(3)!;
    const label = words.find((w) => w.text.includes('行政止公开'))!;
    expect(label).toBeDefined();
    const labelMiddle = (label.box[1] + label.box[3]) / 2;
    for (const column of COLUMNS) {
      const key = `requests.denied_prohibited_by_law.${column}`;
      expect(record.cells[key], key).toBe(0);
      const [, y0, , y1] = record.cell_details[key].prov!.bbox!;
      expect(labelMiddle, key).toBeGreaterThan(y0 - 3);
      expect(labelMiddle, key).toBeLessThan(y1 + 3);
    }
    expect(record.messages.map((m) => m.code)).not.toContain('row-not-found');
  });

  it('reads the 2019-style single （六）其他处理 row as requests.other_handling', () => {
    expect(record.layout.requests).toBe('2019');
    expect(rowOf(record, 'requests.other_handling').values).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(record.cells['requests.total_processed.total']).toBe(21);
  });
});

describe('drawn paths read from the raw content streams', () => {
  const files = ['real/hongze-2023.pdf', 'real/huaian-city-2024.pdf', 'rendered/pingtan-2023-pdf.pdf', 'rendered/seed-pdf.pdf'];
  for (const name of files) {
    it(`${name}: every page readable by the raw reader, and the document the same as with pdf.js's operator list`, async () => {
      const bytes = await readFile(path.join(CORPUS, name));
      const { openRawPdf } = await import('../../../extractors/pdf/raw/index.js');
      const { opIds } = await import('../../../extractors/pdf/page.js');
      const { loadPdfJs } = await import('../../../extractors/pdf/pdfjs.js');
      const raw = openRawPdf(bytes)!;
      const ids = opIds((await loadPdfJs()).OPS);
      for (let page = 0; page < raw.pageCount; page++) expect(() => raw.operatorList(page, ids)).not.toThrow();
      expect(await readPdf(bytes)).toEqual(await readPdf(bytes, { rawPaths: false }));
    });
  }
});
