/**
 * A footnote's mark after a figure is no digit of it. NFKC folds ¹ and ① to 1, so 80¹ and 2629① had read
 * 801 and 26291 with certainty, and a page's 80<sup>1</sup> or Word's raised 1 glued the same way.
 */
import { describe, expect, it } from 'vitest';
import { readCell } from '../../../src/templates/numbers.js';
import { isValueToken } from '../../../extractors/value-token.js';
import { htmlToDocument } from '../../../extractors/html/index.js';
import { docxToDocument } from '../../../extractors/docx/index.js';
import { buildDocx, tbl, tr } from '../../fixtures/docx/build-docx.js';

const number = (value: number) => ({ kind: 'number', value });

describe('a footnote mark after a figure', () => {
  it('is taken off: superscript digits, circled numbers, stars, daggers, ※, [1], （注1）, 注2', () => {
    const cases: Array<[string, number]> = [
      ['80¹', 80], ['12²³', 12], ['2629①', 2629], ['7⑽', 7], ['81*', 81], ['０＊', 0], ['12※', 12], ['5件†', 5],
      ['3‡', 3], ['12[1]', 12], ['12［2］', 12], ['12（注1）', 12], ['0(注12)', 0], ['5注2', 5], ['9 注', 9], ['18651.06万元①', 18651.06],
    ];
    for (const [text, value] of cases) expect({ text, reading: readCell(text) }).toEqual({ text, reading: number(value) });
    expect(isValueToken('80①')).toBe(true);
  });

  it('is no mark where no figure comes before it, or where words follow 注', () => {
    expect(readCell('*')).toEqual({ kind: 'text' });
    expect(readCell('注')).toEqual({ kind: 'text' });
    expect(readCell('12注释')).toEqual({ kind: 'text' });
    expect(readCell('12a')).toEqual({ kind: 'text' });
  });

  it('in a page: a sup of one or two digits after a figure is its mark; m<sup>2</sup> is left as it is', () => {
    const doc = htmlToDocument(
      '<html><body><p>收到申请80<sup>1</sup>件，面积12m<sup>2</sup>。</p><table><tr><td>新收</td><td>80<sup>1</sup></td><td>81<sup><a href="#n2">2</a></sup></td><td>5<sup>x</sup></td></tr></table></body></html>',
      { format: 'html' },
    );
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows[0]!.map((c) => c.text)).toEqual(['新收', '80¹', '81²', '5x']);
    expect(doc.blocks[0]!.kind === 'paragraph' && doc.blocks[0]!.text).toBe('收到申请80¹件，面积12m2。');
    expect(readCell('80¹')).toEqual(number(80));
  });

  it('in Word: a raised run of one or two digits after a figure is its mark (a superscript, or raised by points as LibreOffice writes a .doc)', () => {
    const superscript = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>';
    const raised = '<w:rPr><w:position w:val="7"/><w:sz w:val="17"/></w:rPr>';
    const run = (text: string, properties = '') => `<w:r>${properties}<w:t>${text}</w:t></w:r>`;
    const cell = (...runs: string[]) => `<w:tc><w:p>${runs.join('')}</w:p></w:tc>`;
    const row = tr(cell(run('新收')) + cell(run('80'), run('1', superscript)) + cell(run('77'), run('2', raised)) + cell(run('m'), run('2', superscript)) + cell(run('12'), run('3')) + cell(run('4'), run('5', '<w:rPr><w:position w:val="-3"/></w:rPr>')));
    return docxToDocument(buildDocx(tbl(row))).then((doc) => {
      const table = doc.blocks.find((b) => b.kind === 'table');
      expect(table?.kind === 'table' && table.rows[0]!.map((c) => c.text)).toEqual(['新收', '80¹', '77²', 'm2', '123', '45']);
    });
  });
});
