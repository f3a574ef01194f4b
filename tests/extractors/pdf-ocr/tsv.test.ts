import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { fixCjkBrackets, joinCjkWords, parseTesseractTsv, withoutMarks } from '../../../extractors/pdf/ocr/tsv.js';
import { rulingBetween } from '../../../extractors/pdf/ocr.js';

// The head of tesseract 5.3 TSV output (chi_sim+eng, psm 11) for page 2 of a scan of pingtan-2023-pdf.pdf.
const fixture = new URL('../../fixtures/ocr/pingtan-2023-p2-head.tsv', import.meta.url);

describe('tesseract TSV', () => {
  test('only word rows are read, with their boxes and confidences', async () => {
    const words = parseTesseractTsv(await readFile(fixture, 'utf8'));
    expect(words.map((word) => word.text)).toEqual(
      ['行政', '许可', '2629', '第', '二', '十', '条', '第', '〈', '六', ')', '项', '信息', '内', '容', '本', '年', '处', '理', '决', '定数', '量'],
    );
    expect(words[2]).toMatchObject({ text: '2629', left: 838, top: 145, width: 97, height: 34, image: 1, line: '1/2/1/1' });
    expect(words[2].confidence).toBeCloseTo(91.598274);
  });

  test('Chinese read one character per word is joined into runs, and numbers in other blocks stay apart', async () => {
    const joined = joinCjkWords(parseTesseractTsv(await readFile(fixture, 'utf8')));
    expect(joined.map((word) => word.text)).toEqual(['行政许可', '2629', '第二十条第〈六)项', '信息内容', '本年处理决定数量']);
    // Left and right are the union of the parts; top and bottom their medians (here the mean of two).
    const label = joined[0];
    expect(label).toMatchObject({ left: 245, top: 125.5, width: 196, height: 74.5 });
    expect(label.confidence).toBeCloseTo(89.66935);
  });

  test('numbers on one line separated by a column gap are not joined, even next to Chinese', () => {
    const word = (text: string, left: number, width: number) => ({ text, left, top: 100, width, height: 40, confidence: 90, image: 1, line: '1/1/1/1' });
    const joined = joinCjkWords([word('合计', 100, 80), word('12', 400, 40), word('0', 600, 20), word('7', 622, 20)]);
    expect(joined.map((w) => w.text)).toEqual(['合计', '12', '0', '7']);
  });

  test('a join takes the lowest confidence of its parts, so one doubtful character flags the run', () => {
    const joined = joinCjkWords([
      { text: '行', left: 0, top: 0, width: 40, height: 40, confidence: 96, image: 1, line: 'a' },
      { text: '政', left: 42, top: 0, width: 40, height: 40, confidence: 31, image: 1, line: 'a' },
    ]);
    expect(joined).toEqual([{ text: '行政', left: 0, top: 0, width: 82, height: 40, confidence: 31, image: 1, line: 'a' }]);
  });

  test('rows that are not words, and blank words, are ignored', () => {
    expect(parseTesseractTsv('level\tpage_num\n1\t1\t0\t0\t0\t0\t0\t0\t10\t10\t-1\t\n5\t1\t1\t1\t1\t1\t0\t0\t5\t5\t95\t \n')).toEqual([]);
  });
});

describe('joining across tesseract lines', () => {
  const word = (text: string, left: number, line: string, top = 100) => ({ text, left, top, width: 20, height: 40, confidence: 90, image: 1, line });

  test('a label number tesseract put on a line of its own is joined to the label text beside it', () => {
    expect(joinCjkWords([word('1.', 100, 'a'), word('属于', 125, 'b', 102)]).map((w) => w.text)).toEqual(['1.属于']);
  });

  test('nothing is joined across a table ruling, however close', () => {
    const joined = joinCjkWords([word('商业', 100, 'a'), word('科研', 125, 'a')], (left, right) => left.text === '商业' && right.text === '科研');
    expect(joined.map((w) => w.text)).toEqual(['商业', '科研']);
  });

  test('two text lines one above the other stay apart', () => {
    expect(joinCjkWords([word('第一', 100, 'a', 100), word('第二', 100, 'b', 150)]).map((w) => w.text)).toEqual(['第一', '第二']);
  });
});

describe('OCR text clean-up', () => {
  test('angle brackets misread for full-width round ones are put back', () => {
    expect(fixCjkBrackets('\u3008一\u3009予以公开')).toBe('（一）予以公开');
    expect(fixCjkBrackets('《条例》')).toBe('《条例》');
  });
});

describe('a table ruling between two words of a line', () => {
  const word = (text: string, left: number, width: number, height = 60) => ({ text, left, top: 2339, width, height, confidence: 90, image: 1, line: '1/24/1/1' });
  const ruling = (at: number) => ({ orientation: 'vertical' as const, at, from: 2320, to: 3370, thickness: 3 });

  test('parts them when a box reaches over it (单位 | 2011年度: 单位\'s box ends on the erased ruling\'s fringe)', () => {
    // Seed 1, legacy, pdf-outlines at 300 dpi: 单位 800–898, the ruling at 895.5, 2011 from 916. Joined, the
    // header read 单位2011 | 年度 and the statistics table was not found (its unit heading not 单位).
    const rulings = [ruling(785), ruling(895.5), ruling(1098)];
    const joined = joinCjkWords([word('单位', 800, 98), word('2011', 916, 72)], (left, right) => rulingBetween(rulings, left, right));
    expect(joined.map((w) => w.text)).toEqual(['单位', '2011']);
  });

  test('does not part two words in one cell, nor words beside a ruling of another row', () => {
    const rulings = [ruling(785), ruling(1098), { ...ruling(895.5), from: 2420, to: 3370 }];
    const joined = joinCjkWords([word('单位', 800, 98), word('2011', 916, 72), word('政府', 1110, 80), word('信息', 1195, 80)], (left, right) => rulingBetween(rulings, left, right));
    expect(joined.map((w) => w.text)).toEqual(['单位2011', '政府信息']);
  });
});

describe('marks read as words of their own', () => {
  // Boxes as tesseract 5.3 (chi_sim+eng, psm 11) gave them at 150 dpi for a scanned pre-2019 statistics table's
  // indicator 其中：1、当面申请数: the full-width colon a word of its own, tall as the line.
  const word = (text: string, left: number, width: number, line = '1/3/1/1', top = 1256, height = 13) => ({ text, left, top, width, height, confidence: 92, image: 1, line });
  const indicator = [word('其', 160, 12), word('中', 173, 11), word(':', 183, 11, '1/3/1/1', 1238, 43), word('1、', 197, 14), word('当面申请数', 212, 66)];

  test('a colon between two words of its line, after a Chinese character, is the text’s colon: kept', () => {
    expect(joinCjkWords(withoutMarks(indicator)).map((w) => w.text).join('')).toBe('其中:1、当面申请数');
  });

  test('specks and remnants are dropped: a colon at a line’s end, after a number, far from its neighbours, other marks', () => {
    expect(withoutMarks([word('合计', 100, 30), word(':', 131, 5)]).map((w) => w.text)).toEqual(['合计']);
    expect(withoutMarks([word('12', 100, 20), word(':', 121, 5), word('30', 127, 20)]).map((w) => w.text)).toEqual(['12', '30']);
    expect(withoutMarks([word('合计', 100, 30), word(':', 200, 5), word('12', 206, 20)]).map((w) => w.text)).toEqual(['合计', '12']);
    expect(withoutMarks([word('合计', 100, 30), word(':', 131, 5, '1/3/1/2'), word('12', 137, 20, '1/3/1/2')]).map((w) => w.text)).toEqual(['合计', '12']);
    expect(withoutMarks([word('其中', 100, 30), word('|', 131, 3), word('1、', 135, 14)]).map((w) => w.text)).toEqual(['其中', '1、']);
  });
});
