import { describe, expect, it } from 'vitest';
import { docxReader } from '../../extractors/docx.js';
import type { TableBlock } from '../../extractors/model.js';
import { buildDocx, p, tbl, tc, tr } from '../fixtures/docx/build-docx.js';

const read = (body: string) => docxReader.read(buildDocx(body), {});
const grid = (t: TableBlock) => t.rows.map((r) => r.map((c) => (c.spanned ? `~${c.text}` : c.text)));
const tablesOf = async (body: string) => (await read(body)).blocks.filter((b): b is TableBlock => b.kind === 'table');

const RESTART = '<w:vMerge w:val="restart"/>';
const CONTINUE = '<w:vMerge/>';

describe('DOCX table geometry read from document.xml', () => {
  it('repeats a vMerge label down the rows it covers (mammoth would leave those positions out)', async () => {
    const body = tbl(
      tr(tc(p('（四）无法提供'), RESTART) + tc(p('1.本机关不掌握')) + tc(p('31'))) +
        tr(tc('', CONTINUE) + tc(p('2.没有现成信息')) + tc(p('0'))) +
        tr(tc('', '<w:vMerge w:val="continue"/>') + tc(p('3.补正后仍不明确')) + tc(p('2'))),
    );
    expect(grid((await tablesOf(body))[0])).toEqual([
      ['（四）无法提供', '1.本机关不掌握', '31'],
      ['~（四）无法提供', '2.没有现成信息', '0'],
      ['~（四）无法提供', '3.补正后仍不明确', '2'],
    ]);
  });

  it('keeps the text a continuation cell carries itself, where mammoth drops it', async () => {
    const body = tbl(tr(tc(p('三、办理结果'), RESTART) + tc(p('5'))) + tr(tc(p('（七）总计'), CONTINUE) + tc(p('9'))));
    expect(grid((await tablesOf(body))[0])).toEqual([
      ['三、办理结果', '5'],
      ['（七）总计', '9'],
    ]);
  });

  it('places cells after w:gridBefore and across w:gridSpan, padding short rows', async () => {
    const body = tbl(
      tr(tc(p('申请人情况'), '<w:gridSpan w:val="3"/>')) +
        tr(tc(p('自然人')) + tc(p('法人')), '<w:gridBefore w:val="1"/>') +
        tr(tc(p('总计')) + tc(p('7')) + tc(p('8'))),
    );
    expect(grid((await tablesOf(body))[0])).toEqual([
      ['申请人情况', '~申请人情况', '~申请人情况'],
      ['', '自然人', '法人'],
      ['总计', '7', '8'],
    ]);
  });

  it('continues a legacy w:hMerge to the right', async () => {
    const body = tbl(tr(tc(p('行政许可'), '<w:hMerge w:val="restart"/>') + tc('', '<w:hMerge/>') + tc(p('4529'))));
    expect(grid((await tablesOf(body))[0])).toEqual([['行政许可', '~行政许可', '4529']]);
  });

  it('joins a cell\'s paragraphs and line breaks CJK-aware and ignores deleted text', async () => {
    const cell = '<w:p><w:r><w:t>结果</w:t></w:r><w:r><w:br/><w:t>纠正</w:t></w:r></w:p><w:p><w:r><w:t>A</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p>';
    expect(grid((await tablesOf(tbl(tr(tc(cell) + tc(p('1'))))))[0])).toEqual([['结果纠正 A', '1']]);
  });

  it('makes a nested table its own block right after the outer one, without its text in the outer cell', async () => {
    const inner = tbl(tr(tc(p('内1')) + tc(p('内2'))));
    const body = p('前') + tbl(tr(tc(p('外') + inner + p('')) + tc(p('3')))) + p('后');
    const doc = await read(body);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'table', 'paragraph']);
    expect(grid(doc.blocks[1] as TableBlock)).toEqual([['外', '3']]);
    expect(grid(doc.blocks[2] as TableBlock)).toEqual([['内1', '内2']]);
  });

  it('reads tables wrapped in content controls (w:sdt) in their place', async () => {
    const body = p('前') + `<w:sdt><w:sdtContent>${tbl(tr(tc(p('甲')) + tc(p('1'))))}</w:sdtContent></w:sdt>` + p('后');
    const doc = await read(body);
    expect(doc.blocks.map((b) => (b.kind === 'table' ? grid(b) : b.text))).toEqual(['前', [['甲', '1']], '后']);
  });
});

describe('DOCX tables cut out before mammoth converts the rest', () => {
  it('puts every table back where it stood, between the paragraphs mammoth converted', async () => {
    const body = p('一、总体情况') + tbl(tr(tc(p('甲')) + tc(p('1')))) + p('中间') + tbl(tr(tc(p('乙')) + tc(p('2')))) + p('结尾');
    const doc = await read(body);
    expect(doc.blocks.map((b) => (b.kind === 'table' ? grid(b) : b.text))).toEqual(['一、总体情况', [['甲', '1']], '中间', [['乙', '2']], '结尾']);
    expect(doc.messages).toEqual([]);
  });

  it('converts the whole document instead when a table stands where mammoth reads nothing (its marker would be lost)', async () => {
    // A table inside a VML shapetype: document.xml has it, mammoth ignores the element and all it holds.
    const hidden = `<w:p><w:r><w:pict><v:shapetype xmlns:v="urn:schemas-microsoft-com:vml"><w:txbxContent>${tbl(tr(tc(p('藏')) + tc(p('9'))))}</w:txbxContent></v:shapetype></w:pict></w:r></w:p>`;
    const body = p('前') + tbl(tr(tc(p('甲')) + tc(p('1')))) + hidden + p('后');
    const doc = await read(body);
    expect(doc.blocks.filter((b) => b.kind === 'table').map((b) => grid(b as TableBlock))).toEqual([[['甲', '1']]]);
    expect(doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text)).toEqual(['前', '后']);
    expect(doc.messages.map((m) => m.code)).toEqual(['docx-table-geometry-unavailable']);
  });
});

describe('DOCX change tracking', () => {
  it('leaves out table rows deleted with change tracking, as the printed document does', async () => {
    const body = tbl(tr(tc(p('规章')) + tc(p('1'))) + tr(tc(p('旧行')) + tc(p('9')), '<w:del w:id="1" w:author="x"/>'));
    expect(grid((await tablesOf(body))[0])).toEqual([['规章', '1']]);
  });
});
