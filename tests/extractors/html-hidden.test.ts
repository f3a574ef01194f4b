/**
 * What a page hides is not what it prints: rows and cells with display:none or the hidden attribute,
 * elements a class of the page's own stylesheet hides, Word's mso-hide:all. Read, a hidden cell shifts
 * its row and a hidden row adds one; both gave confident wrong numbers.
 */
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../extractors/html/index.js';

function read(html: string) {
  const doc = htmlToDocument(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`, { format: 'html' });
  return {
    rows: doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r.map((c) => c.text)) : [])),
    paragraphs: doc.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : [])),
  };
}

describe('hidden parts of a page', () => {
  it('leaves out a hidden row and a hidden cell (display:none, hidden attribute), as a browser shows the table', () => {
    const got = read(
      '<table><tr><td>项目</td><td>数量</td><td style="display:none">上年</td></tr>' +
        '<tr><td>新收</td><td>12</td><td hidden>99</td></tr>' +
        '<tr style="display: none"><td>新收</td><td>77</td></tr>' +
        '<tbody hidden><tr><td>旧表</td><td>5</td></tr></tbody>' +
        '<tr><td>办结</td><td style="visibility:hidden">55</td><td>8</td></tr></table>',
    );
    expect(got.rows).toEqual([['项目', '数量'], ['新收', '12'], ['办结', '8']]);
  });

  it("leaves out what the page's stylesheet hides by a class or an id, and Word's mso-hide:all", () => {
    const got = read(
      '<style>.hide , #old {display:none} td.was{ visibility : hidden !important } .shown{color:red}</style>' +
        '<p id="old">2022年政府信息公开工作年度报告</p><p class="shown intro">2023年政府信息公开工作年度报告</p>' +
        '<table><tr><td>新收</td><td>12<span class="x hide">3</span></td><td class="was">4</td></tr>' +
        "<tr><td>办结</td><td>9<span style='mso-hide:all'>0</span></td></tr></table>",
    );
    expect(got.paragraphs).toEqual(['2023年政府信息公开工作年度报告']);
    expect(got.rows).toEqual([['新收', '12'], ['办结', '9']]);
  });

  it('keeps what only a print or phone stylesheet hides, or a selector it would take a CSS engine to match', () => {
    const got = read(
      '<style>@media print { .noprint { display:none } } @media (max-width: 600px) { .wide{display:none} } div .deep{display:none} [data-x]{display:none}</style>' +
        '<table><tr><td class="noprint">新收</td><td class="wide">12</td><td class="deep">3</td></tr></table>',
    );
    expect(got.rows).toEqual([['新收', '12', '3']]);
  });

  it('hides nothing where the stylesheet would hide most of the page (a script shows it: a tab, a veil lifted on load)', () => {
    const got = read(
      '<style>.pane{display:none}</style><div class="pane"><p>2023年政府信息公开工作年度报告</p><table><tr><td>新收</td><td>12</td></tr><tr><td>办结</td><td>9</td></tr></table></div><p>附件</p>',
    );
    expect(got.rows).toEqual([['新收', '12'], ['办结', '9']]);
  });
});
