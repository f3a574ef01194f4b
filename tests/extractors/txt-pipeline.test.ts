import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractBytes, extractFile } from '../../src/pipeline.js';

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
    ['pdftotext -layout of a generated variant: table 三 over a page break, vertical group labels', `${FIXTURES}pingtan-2024-variety-split-tables-pdftotext.txt`, `${CORPUS}rendered/pingtan-2024-docx.truth.json`],
    ['pdftotext -layout of a generated variant: labels wrapped beside vertical group labels', `${FIXTURES}pingtan-2024-variety-wrapped-labels-pdftotext.txt`, `${CORPUS}rendered/pingtan-2024-docx.truth.json`],
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

  const PROACTIVE = (penalty: string[], enforcement: string[]) =>
    [
      '2024年某县人民政府政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '规章\t0\t0\t0',
      '行政规范性文件\t88\t55\t698',
      '第二十条第（五）项',
      '信息内容\t本年处理决定数量',
      '行政许可\t10690',
      '第二十条第（六）项',
      '信息内容\t本年处理决定数量',
      ...penalty,
      ...enforcement,
      '第二十条第（八）项',
      '信息内容\t本年收费金额（单位：万元）',
      '行政事业性收费\t9116.36',
      '三、收到和处理政府信息公开申请情况',
    ].join('\n');

  test.each([
    ['the next label starts on the line before its values', ['行政处罚\t2113'], ['行政强', '制\t7']],
    ['the label above ends on the line after its values', ['行政处', '罚\t2113'], ['行政强制\t7']],
    ['a label ends after its values, right before the next item heading', ['行政处罚\t2113'], ['行政强\t7', '制']],
  ])('a label wrapped between two unnumbered rows completes the row it belongs to: %s', async (_name, penalty, enforcement) => {
    const record = await extractBytes(Buffer.from(PROACTIVE(penalty, enforcement)), 'wrapped.txt');
    const keys = ['administrative_license', 'administrative_penalty', 'administrative_enforcement'].map((r) => `proactive.${r}.decisions`);
    expect(keys.map((k) => [record.cells[k], record.cell_details[k].doubt])).toEqual([
      [10690, null],
      [2113, null],
      [7, null],
    ]);
    expect(record.cells['proactive.administrative_fees.amount_10k_yuan']).toBe(9116.36);
  });
});
