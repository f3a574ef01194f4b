import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseStructure } from '../../../src/structure/index.js';
import { findProseFigures } from '../../../src/structure/prose.js';
import { CORPUS, docOf, htmlDocument, paragraph, pdfTextDocument, seedDocument } from './documents.js';

const values = (prose: Record<string, { value: number }>) => Object.fromEntries(Object.entries(prose).map(([k, v]) => [k, v.value]));
const proseOf = (...sentences: string[]) => values(findProseFigures(sentences.map(paragraph)));

describe('prose figures on the corpus', () => {
  it('reads the Shanghai 2019 figures: 受理859 / 答复805 / 上年结转18 / 顺延72 / 复议7 / 诉讼9', () => {
    const prose = analyseStructure(htmlDocument('variety/shanghai-govoffice-2019.html')).prose;
    expect(values(prose)).toEqual({
      'requests.new_received.total': 859,
      'requests.carried_over.total': 18,
      'requests.total_processed.total': 805,
      'requests.carried_forward.total': 72,
      'appeals.review.total': 7,
      'appeals.litigation.total': 9,
    });
    expect(prose['appeals.review.total']!.sentence).toBe(
      '信息公开类行政复议7件，诉讼9件，均获维持，继续保持了省级政府零败诉的记录，维护了市政府依法行政、公开透明的良好形象。',
    );
  });

  it('reads the Huai’an 2024 PDF text across wrapped lines: 3119 received, 3050 answered, 34 carried over, 103 carried forward', () => {
    expect(values(analyseStructure(pdfTextDocument('huaian-city-2024')).prose)).toEqual({
      proactive_items: 5500,
      'requests.new_received.total': 3119,
      'requests.carried_over.total': 34,
      'requests.total_processed.total': 3050,
      'requests.carried_forward.total': 103,
      'appeals.review.total': 351,
      'appeals.litigation.total': 46,
      fees_yuan: 3940,
    });
  });

  it('reads the Pingtan 2023 page without taking percentages or sub-counts for totals', () => {
    const prose = analyseStructure(htmlDocument('real/pingtan-2023-page.html')).prose;
    expect(values(prose)).toEqual({
      proactive_items: 13561,
      'requests.new_received.total': 81,
      'requests.total_processed.total': 81,
      'appeals.review.total': 2,
      'appeals.litigation.total': 7,
      fees_yuan: 0,
    });
    expect(prose['requests.new_received.total']!.sentence).toBe(
      '2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。',
    );
  });

  it('reads 未收到…申请 in the seed as no applications, no appeals and no fees', () => {
    expect(values(analyseStructure(seedDocument()).prose)).toEqual({
      proactive_items: 65,
      'requests.new_received.total': 0,
      'appeals.review.total': 0,
      'appeals.litigation.total': 0,
      fees_yuan: 0,
    });
  });

  it('reads the 2016 Pingtan report: 3460 items, no applications, no appeals, no fees', () => {
    expect(values(analyseStructure(htmlDocument('variety/pingtan-2016-legacy-page.html')).prose)).toEqual({
      proactive_items: 3460,
      'requests.new_received.total': 0,
      'appeals.review.total': 0,
      'appeals.litigation.total': 0,
      fees_yuan: 0,
    });
  });

  it('reads the hongze PDF text: 21 applications received, 1136 items, 0 yuan', () => {
    expect(values(analyseStructure(pdfTextDocument('hongze-2023')).prose)).toEqual({
      proactive_items: 1136,
      'requests.new_received.total': 21,
      fees_yuan: 0,
    });
  });

  it('reads a crawler text flattened to one line: 全年办理政府信息公开申请218件', () => {
    const lines = readFileSync(`${CORPUS}variety/pingtan-2024-glued.txt`, 'utf8').split('\n');
    const body = lines.slice(lines.findIndex((l) => l.includes('正文')) + 1).filter((l) => l.trim());
    const prose = analyseStructure(docOf(body.map(paragraph))).prose;
    expect(prose['requests.total_processed.total']).toEqual({ value: 218, sentence: '全年办理政府信息公开申请218件。' });
    expect(prose['proactive_items']!.value).toBe(10407);
  });
});

describe('prose patterns', () => {
  it('reads Chinese numerals and thousands separators', () => {
    expect(proseOf('本年度共收到政府信息公开申请十二件，上年结转两件。', '被申请行政复议一件。')).toEqual({
      'requests.new_received.total': 12,
      'requests.carried_over.total': 2,
      'appeals.review.total': 1,
    });
    expect(proseOf('全年共受理政府信息公开申请1,204件。')).toEqual({ 'requests.new_received.total': 1204 });
  });

  it('reads 结转下年度 in both word orders', () => {
    expect(proseOf('结转下年度继续办理5件。')).toEqual({ 'requests.carried_forward.total': 5 });
    expect(proseOf('另有8件申请顺延至下一年度办理。')).toEqual({ 'requests.carried_forward.total': 8 });
    expect(proseOf('依申请公开答复215件，3件结转下年度。')).toEqual({ 'requests.carried_forward.total': 3 });
  });

  it('does not read a count its own verb claims (答复218件) as the one carried forward after it', () => {
    // An OCR reading that lost '，…继续办理0件' between the two figures.
    expect(proseOf('已全部按时答复218件结转下年度。')).toEqual({});
    expect(proseOf('已全部按时答复二十件结转下年度。')).toEqual({});
    expect(proseOf('已办结215件3件结转下年度。')).toEqual({ 'requests.carried_forward.total': 3 });
    // The count the processed figure reads is not also the one carried forward, found first or not.
    expect(proseOf('办结政府信息公开申请218件结转下年度继续办理。')).toEqual({ 'requests.total_processed.total': 218 });
    expect(proseOf('办结政府信息公开申请200件。', '办结政府信息公开申请218件结转下年度继续办理。')).toEqual({ 'requests.total_processed.total': 200 });
  });

  it('does not read percentages, years, outcome counts or appeal outcomes as totals', () => {
    expect(proseOf('予以公开及部分公开42件，占51.85%；不予处理1件；其他处理2件。')).toEqual({});
    expect(proseOf('2023年，申请数量较去年回落12.3%。')).toEqual({});
    expect(proseOf('其中结果维持72件，结果纠正64件，尚未审结37件；未经复议直接起诉3件。')).toEqual({});
  });

  it('keeps the first statement of a figure', () => {
    expect(proseOf('共收到政府信息公开申请81件。', '其中，区直部门收到政府信息公开申请60件。')).toEqual({ 'requests.new_received.total': 81 });
  });

  it('reads a count of one channel or one kind of applicant as a part, and the whole stated after the parts', () => {
    expect(proseOf('本年度收到当面申请3件、网上申请20件，共23件。')).toEqual({ 'requests.new_received.total': 23 });
    expect(proseOf('本机关收到自然人提出的申请20件，法人或其他组织提出的申请5件。')).toEqual({});
    expect(proseOf('受理网上申请20件。')).toEqual({});
    expect(proseOf('收到信访举报投诉类申请3件，均转有关部门办理。')).toEqual({});
    // Parts named together are the whole.
    expect(proseOf('共收到自然人、法人或其他组织提出的政府信息公开申请52件。')).toEqual({ 'requests.new_received.total': 52 });
    expect(proseOf('共收到当面和网上申请23件。')).toEqual({ 'requests.new_received.total': 23 });
    expect(proseOf('2023年共收到政府信息公开申请25件，其中通过网络申请20件，信函申请5件。')).toEqual({ 'requests.new_received.total': 25 });
  });

  it('passes over a clause about another year, and reads this year’s figure after it', () => {
    const prose = (year: number, ...sentences: string[]) => values(findProseFigures(sentences.map(paragraph), false, year));
    expect(prose(2023, '2022年收到申请30件，2023年收到申请40件。')).toEqual({ 'requests.new_received.total': 40 });
    expect(prose(2023, '去年受理政府信息公开申请30件，今年受理政府信息公开申请40件。')).toEqual({ 'requests.new_received.total': 40 });
    expect(prose(2023, '本年度接收依申请公开事项14件，上年结转2件。')).toEqual({ 'requests.new_received.total': 14, 'requests.carried_over.total': 2 });
  });

  it('does not read a refusal to receive appeals as no applications', () => {
    expect(proseOf('本年度未收到有关政府信息公开行政复议、提起行政诉讼的申请。')).toEqual({
      'appeals.review.total': 0,
      'appeals.litigation.total': 0,
    });
  });

  it('reads one figure stated for both kinds of appeal', () => {
    expect(proseOf('发生政府信息公开行政复议、行政诉讼各1件。')).toEqual({ 'appeals.review.total': 1, 'appeals.litigation.total': 1 });
    expect(proseOf('政府信息公开行政复议和行政诉讼均为0件。')).toEqual({ 'appeals.review.total': 0, 'appeals.litigation.total': 0 });
  });

  it('reads fees stated in yuan and fees stated as none, but not administrative fees', () => {
    expect(proseOf('全年收取政府信息公开信息处理费3940元。')).toEqual({ fees_yuan: 3940 });
    expect(proseOf('2023年，无收取信息处理费情况。')).toEqual({ fees_yuan: 0 });
    expect(proseOf('依申请提供政府信息暂不收费。')).toEqual({ fees_yuan: 0 });
    expect(proseOf('本年度未产生信息处理费。')).toEqual({ fees_yuan: 0 });
    expect(proseOf('本年行政事业性收费5949万元。')).toEqual({});
  });
});

describe('prose figures read by OCR', () => {
  it('marks a figure whose sentence came from OCR text, and only that one', () => {
    const ocr = { ...paragraph('全年共收到政府信息公开申请21件。'), prov: { origin: 'ocr' as const } };
    const prose = findProseFigures([paragraph('因政府信息公开工作被申请行政复议7件。'), ocr]);
    expect(prose['requests.new_received.total']).toMatchObject({ value: 21, origin: 'ocr' });
    expect(prose['appeals.review.total']).toEqual({ value: 7, sentence: '因政府信息公开工作被申请行政复议7件。' });
  });
});
