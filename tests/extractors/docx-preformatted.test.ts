/**
 * A DOCX whose tables are text in preformatted paragraphs (LibreOffice's "Preformatted Text", Word's "HTML
 * Preformatted": what a page's <pre> becomes when saved as Word), a cell per line, rows parted by empty paragraphs.
 */
import { describe, expect, it } from 'vitest';
import { docxReader } from '../../extractors/docx.js';
import type { Block, TableBlock } from '../../extractors/model.js';
import { buildDocx, p } from '../fixtures/docx/build-docx.js';

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="PreformattedText"><w:name w:val="Preformatted Text"/></w:style><w:style w:type="paragraph" w:styleId="HTMLPreformatted"><w:name w:val="HTML Preformatted"/></w:style></w:styles>`;
const DOC_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
const pre = (text: string, style = 'PreformattedText') =>
  text === '' ? `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr></w:p>` : `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const read = (body: string) =>
  docxReader.read(buildDocx(body, [{ name: 'word/styles.xml', data: Buffer.from(STYLES) }, { name: 'word/_rels/document.xml.rels', data: Buffer.from(DOC_RELS) }]), {});
const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');

/** LibreOffice sets a <pre>'s tab as eight spaces: each cell a line led by them, a blank cell those spaces alone. */
const TAB = '        ';
const ROWS: string[][] = [
  ['自然人', '法人或其他组织', '总计'],
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
  ['一、本年新收政府信息公开申请数量', '821', '35', '', '', '2', '1', '859'],
  ['二、上年结转政府信息公开申请数量', '18', '', '', '', '', '', '18'],
  ['三、本年度办理结果', '（一）予以公开', '258', '12', '', '', '1', '1', ''],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '3', '', '', '', '', '', ''],
  ['（三）不予公开', '1.属于国家秘密', '14', '', '', '', '', '', ''],
  ['2.其他法律行政法规禁止公开', '', '', '', '', '', '', ''],
  ['6.属于四类过程性信息', '3', '1', '', '', '', '', ''],
  ['（七）总计', '767', '35', '', '', '2', '1', '805'],
  ['四、结转下年度继续办理', '72', '', '', '', '', '', '72'],
];
const APPEALS: string[][] = [
  ['行政复议', '行政诉讼'],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
  ['5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', '', ''],
];
const asParagraphs = (rows: string[][], style?: string) => rows.map((r) => r.map((c) => pre(TAB + c, style)).join('')).join(pre('', style));

describe('a DOCX table printed as preformatted text, a cell a line', () => {
  it("keeps the rows' empty paragraphs and the blank cells' lines, and reads each cell in its place", async () => {
    // Seed 37 flattened-tables/docx, Shanghai 2019 (blanks printed as nothing): mammoth dropped the empty paragraphs that
    // part the rows and the walk the blank cells' whitespace-only ones: rows not parted, blanks gone, table 三 ambiguous.
    for (const style of ['PreformattedText', 'HTMLPreformatted']) {
      const body = p('三、收到和处理政府信息公开申请情况') + asParagraphs(ROWS, style) + p('四、政府信息公开行政复议、行政诉讼情况') + asParagraphs(APPEALS, style) + p('五、存在的主要问题及改进情况');
      const found = tables((await read(body)).blocks);
      expect(found.length).toBe(2);
      // The seven cells after the label (the grid is as wide as its widest row: 三、本年度办理结果 | （一）予以公开 | …).
      const row = (label: string) => {
        const cells = found[0].rows.find((r) => r.some((c) => c.text.endsWith(label)))?.map((c) => c.text) ?? [];
        const at = cells.findIndex((t) => t.endsWith(label)) + 1;
        return cells.slice(at, at + 7);
      };
      expect(row('本年新收政府信息公开申请数量')).toEqual(['821', '35', '', '', '2', '1', '859']);
      expect(row('上年结转政府信息公开申请数量')).toEqual(['18', '', '', '', '', '', '18']);
      expect(row('属于四类过程性信息')).toEqual(['3', '1', '', '', '', '', '']);
      expect(row('其他法律行政法规禁止公开')).toEqual(['', '', '', '', '', '', '']);
      expect(row('（七）总计')).toEqual(['767', '35', '', '', '2', '1', '805']);
      const values = found[1].rows.at(-1)!.map((c) => c.text);
      const first = values.indexOf('5');
      expect(values.slice(first, first + 15)).toEqual(['5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', '', '']);
    }
  });

  it('leaves preformatted paragraphs of prose one paragraph each, as before', async () => {
    const lines = ['一、总体情况', '2019年，本机关共收到政府信息公开申请859件。', '办结政府信息公开申请805件。', '二、主动公开政府信息情况'];
    const blocks = (await read(lines.map((l) => pre(l)).join(pre('')))).blocks;
    expect(blocks.map((b) => (b.kind === 'table' ? 'table' : b.text))).toEqual(lines);
  });
});
