import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractFile } from '../../src/pipeline.js';

const CORPUS = '../shared/corpus/';
const FIXTURES = 'tests/fixtures/txt/';

function truthCells(path: string): Record<string, number | null> {
  return JSON.parse(readFileSync(path, 'utf8')).cells;
}

describe('text inputs through the whole pipeline', () => {
  test.each([
    ['seed/zzszq-gxj-2023.txt', `${CORPUS}seed/zzszq-gxj-2023.txt`, `${CORPUS}seed/zzszq-gxj-2023.truth.json`],
    ['variety/pingtan-2023-glued.txt', `${CORPUS}variety/pingtan-2023-glued.txt`, `${CORPUS}variety/pingtan-2023-glued.truth.json`],
    ['variety/pingtan-2024-glued.txt', `${CORPUS}variety/pingtan-2024-glued.txt`, `${CORPUS}variety/pingtan-2024-glued.truth.json`],
    ['pdftotext -layout of pingtan-2023-pdf', `${FIXTURES}pingtan-2023-pdftotext-layout.txt`, `${CORPUS}rendered/pingtan-2023-pdf.truth.json`],
    ['Markdown of pingtan-2023', `${FIXTURES}pingtan-2023-markdown.md`, `${CORPUS}rendered/pingtan-2023-pdf.truth.json`],
    ['pdftotext -layout of the real huaian-city-2024 PDF', `${FIXTURES}huaian-city-2024-pdftotext-layout.txt`, `${CORPUS}real/huaian-city-2024.truth.json`],
    ['pdftotext -layout of the real hongze-2023 PDF', `${FIXTURES}hongze-2023-pdftotext-layout.txt`, `${CORPUS}real/hongze-2023.truth.json`],
    ['pdf-parse text of pingtan-2023-pdf', `${FIXTURES}pingtan-2023-pdf-parse.txt`, `${CORPUS}rendered/pingtan-2023-pdf.truth.json`],
    ['pdf-parse text of the real huaian-city-2024 PDF', `${FIXTURES}huaian-city-2024-pdf-parse.txt`, `${CORPUS}real/huaian-city-2024.truth.json`],
    ['pdf-parse text of the real hongze-2023 PDF (2019-style requests table)', `${FIXTURES}hongze-2023-pdf-parse.txt`, `${CORPUS}real/hongze-2023.truth.json`],
  ])('%s is read as txt and yields every truth cell', async (_name, file, truthFile) => {
    const record = await extractFile(file);
    expect(record.format).toBe('txt');
    expect(record.status).toBe('ok');
    const expected = truthCells(truthFile);
    expect(Object.fromEntries(Object.keys(expected).map((k) => [k, record.cells[k]]))).toEqual(expected);
  });

  test('the crawler header gives the record its publication date and source URL', async () => {
    const record = await extractFile(`${CORPUS}variety/pingtan-2024-glued.txt`);
    expect(record.published).toBe('2025-03-10');
    expect(record.source_url).toBe('https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm');
  });
});
