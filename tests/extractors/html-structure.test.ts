import { describe, expect, it } from 'vitest';
import { htmlReader } from '../../extractors/html.js';
import { htmlToDocument } from '../../extractors/html/index.js';
import { expandSpans } from '../../extractors/html/grid.js';
import { joinLines, normaliseLine } from '../../extractors/html/text.js';
import { isoDate } from '../../extractors/html/meta.js';
import type { TableBlock } from '../../extractors/model.js';

const doc = (html: string) => htmlToDocument(html, { format: 'html' });
const grid = (t: TableBlock) => t.rows.map((r) => r.map((c) => (c.spanned ? `~${c.text}` : c.text)));

describe('expandSpans', () => {
  it('places cells after positions reserved by rowspans above and pads short rows', () => {
    const rows = expandSpans([
      [{ text: 'A', rowspan: 2 }, { text: 'B', colspan: 2 }],
      [{ text: 'C' }],
      [{ text: 'D' }],
    ]);
    expect(rows.map((r) => r.map((c) => (c.spanned ? `~${c.text}` : c.text)))).toEqual([
      ['A', 'B', '~B'],
      ['~A', 'C', ''],
      ['D', '', ''],
    ]);
  });

  it('clips a rowspan that runs past the table and treats rowspan=0 as "to the end"', () => {
    const rows = expandSpans([[{ text: 'A', rowspan: 0 }, { text: 'x' }], [{ text: 'y' }], [{ text: 'z', rowspan: 9 }]]);
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([['A', 'x'], ['A', 'y'], ['A', 'z']]);
  });
});

describe('text normalisation', () => {
  it('joins cell lines with nothing between CJK characters and a space otherwise', () => {
    expect(joinLines(['结果', '纠正'])).toBe('结果纠正');
    expect(joinLines(['Total', '2023'])).toBe('Total 2023');
    expect(joinLines(['（一）', 'abc'])).toBe('（一） abc');
    expect(joinLines(['  ', '\u00a0', '数量'])).toBe('数量');
  });

  it('squeezes spaces and &nbsp;, drops spaces between CJK characters, keeps full-width characters', () => {
    expect(normaliseLine('\u3000\u3000一、 概述\u00a0\u00a0（２０２３年） ')).toBe('一、概述（２０２３年）');
    expect(normaliseLine('共 81 件')).toBe('共 81 件');
    expect(normaliseLine('&lt;!--[if !supportLists]--&gt;'.replace(/&lt;/g, '<').replace(/&gt;/g, '>') + '7、公开')).toBe('7、公开');
  });

  it('turns labelled dates into ISO dates and refuses impossible ones', () => {
    expect(isoDate('2024-03-08 15:34')).toBe('2024-03-08');
    expect(isoDate('2024年3月8日')).toBe('2024-03-08');
    expect(isoDate('2024/2/30')).toBeUndefined();
  });
});

describe('the HTML walk', () => {
  it('makes one paragraph per <p>, <div> and <br> line, and headings of h1–h6', () => {
    const { blocks } = doc('<body><h2>一、总体情况</h2><p>第一行<br>第二行</p><div>第三行</div>  <p>&nbsp;</p></body>');
    expect(blocks).toEqual([
      { kind: 'heading', text: '一、总体情况', level: 2 },
      { kind: 'paragraph', text: '第一行' },
      { kind: 'paragraph', text: '第二行' },
      { kind: 'paragraph', text: '第三行' },
    ]);
  });

  it('makes a table nested in a cell its own block after the outer table, without its text in the cell', () => {
    const { blocks } = doc(
      '<table><tr><td>标签</td><td>值</td><td>备注</td><td>x</td></tr><tr><td>甲</td><td><table><tr><td>内1</td><td>内2</td></tr></table>外</td><td>1</td><td>2</td></tr></table>',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['table', 'table']);
    expect(grid(blocks[0] as TableBlock)).toEqual([['标签', '值', '备注', 'x'], ['甲', '外', '1', '2']]);
    expect(grid(blocks[1] as TableBlock)).toEqual([['内1', '内2']]);
  });

  it('reads a one-column frame table around the article as text, not as a table', () => {
    const prose = '本年度报告根据条例编制。'.repeat(30);
    const { blocks } = doc(`<table><tr><td><p>${prose}</p><table><tr><td>项目</td><td>1</td><td>2</td><td>3</td></tr></table></td></tr></table>`);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
    expect(grid(blocks[1] as TableBlock)).toEqual([['项目', '1', '2', '3']]);
  });

  it('finds the body by text share when no known container exists, leaving nav and footer out', () => {
    const body = '<p>' + '政府信息公开工作年度报告正文。'.repeat(20) + '</p>';
    const { blocks } = doc(`<body><nav>首页 政务公开</nav><div id="x1"><div class="wrap">${body}<p>结束</p></div></div><div class="footer">主办单位：某某</div></body>`);
    expect(blocks.map((b) => (b.kind === 'table' ? '' : b.text.slice(0, 4)))).toEqual(['政府信息', '结束']);
  });

  it('drops scripts, styles and hidden elements', () => {
    const { blocks } = doc('<body><script>var a="正文";</script><style>p{}</style><p style="display:none">隐藏</p><p>可见</p></body>');
    expect(blocks).toEqual([{ kind: 'paragraph', text: '可见' }]);
  });
});

describe('HTML sniffing', () => {
  const sniff = (text: string | Buffer) => htmlReader.sniff(Buffer.isBuffer(text) ? text : Buffer.from(text), undefined);
  it('accepts pages and fragments that open with a tag, after a BOM and whitespace', () => {
    expect(sniff('<!DOCTYPE html><html>')).toBe(true);
    expect(sniff('\ufeff\n  <html><body>')).toBe(true);
    expect(sniff("<p style='text-align: center'>报告</p>")).toBe(true);
    expect(sniff('<table border="1"><tr>')).toBe(true);
    expect(sniff(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><body>', 'utf16le')]))).toBe(true);
  });
  it('refuses PDF, zip, OLE2, XML that is not XHTML and plain text', () => {
    expect(sniff('%PDF-1.7 <html>')).toBe(false);
    expect(sniff(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('<html>')]))).toBe(false);
    expect(sniff(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.from('<html>')]))).toBe(false);
    expect(sniff('<?xml version="1.0"?><svg><p>x</p></svg>')).toBe(false);
    expect(sniff('政府信息公开工作年度报告\n<p>')).toBe(false);
  });
});

describe('finding the body', () => {
  it('enters an old portal\'s frame table to the cell that holds the article, leaving the menu cell out', async () => {
    const article = '<p>' + '本机关2023年度政府信息公开工作年度报告正文。'.repeat(20) + '</p><table><tr><td>项目</td><td>1</td><td>2</td><td>3</td></tr></table>';
    const menu = '<a href="/">首页</a><br><a href="/a">机构概况</a><br><a href="/b">政策文件</a>';
    const { blocks } = doc(`<body><table width="980"><tr><td width="200">${menu}</td><td>${article}</td></tr></table></body>`);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
  });

  it('ignores a known container class that holds only a sliver of the page text', async () => {
    const article = '<div id="wz"><p>' + '报告正文内容。'.repeat(100) + '</p></div>';
    const { blocks } = doc(`<body><div class="content">${'相关链接'.repeat(30)}</div>${article}</body>`);
    expect(blocks.length).toBe(1);
    expect((blocks[0] as { text: string }).text.startsWith('报告正文内容')).toBe(true);
  });
});

describe('Word "Save as HTML" debris', () => {
  it('drops the empty column-width row and the downlevel-revealed conditional comments', async () => {
    const html = `<body><p class=MsoNormal><![if !supportLists]><span>1.<span>&nbsp;&nbsp; </span></span><![endif]>属于国家秘密<o:p></o:p></p>
<table class=MsoNormalTable><tr><td><p class=MsoNormal>规章<o:p></o:p></p></td><td>1</td><td>0</td><td>11</td></tr>
<![if !supportMisalignedColumns]><tr height=0><td width=100 style='border:none'></td><td width=50 style='border:none'></td><td width=50></td><td width=50></td></tr><![endif]></table></body>`;
    const { blocks } = doc(html);
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '1. 属于国家秘密' },
      { kind: 'table', rows: [[{ text: '规章' }, { text: '1' }, { text: '0' }, { text: '11' }]] },
    ]);
  });
});
