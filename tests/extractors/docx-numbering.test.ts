import { describe, expect, it } from 'vitest';
import { docxReader } from '../../extractors/docx.js';
import { chineseCounting, formatNumber } from '../../extractors/docx/number-format.js';
import type { TableBlock } from '../../extractors/model.js';
import { buildDocx, tbl, tc, tr } from '../fixtures/docx/build-docx.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const lvl = (ilvl: number, format: string, text: string) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>
<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}</w:abstractNum>
<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '•')}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>`;
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="My Heading"/><w:basedOn w:val="Heading1"/></w:style>
</w:styles>`;

const styled = (style: string, text: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const numbered = (numId: number, ilvl: number, text: string) =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

const read = (body: string) =>
  docxReader.read(
    buildDocx(body, [
      { name: 'word/numbering.xml', data: Buffer.from(NUMBERING) },
      { name: 'word/styles.xml', data: Buffer.from(STYLES) },
    ]),
    {},
  );

describe('Word auto-numbering written out as text', () => {
  it('numbers headings through their style and sub-items through numPr, restarting sub-levels', async () => {
    const doc = await read(
      styled('Heading1', '总体情况') +
        numbered(1, 1, '主动公开') +
        numbered(1, 1, '依申请公开') +
        styled('MyHeading', '主动公开政府信息情况') +
        numbered(1, 1, '规章') +
        numbered(2, 0, '要点') +
        '<w:p><w:r><w:t>正文</w:t></w:r></w:p>',
    );
    expect(doc.blocks.map((b) => (b.kind === 'heading' ? `h${b.level} ${b.text}` : b.kind === 'paragraph' ? b.text : 'table'))).toEqual([
      'h1 一、总体情况',
      '（一）主动公开',
      '（二）依申请公开',
      '二、主动公开政府信息情况',
      '（一）规章',
      '要点',
      '正文',
    ]);
  });

  it('numbers paragraphs inside table cells, so auto-numbered row labels keep their numbers', async () => {
    const cell = (text: string) => tc(numbered(3, 2, text));
    const doc = await read(tbl(tr(cell('属于国家秘密') + tc('<w:p><w:r><w:t>0</w:t></w:r></w:p>')) + tr(cell('其他法律行政法规禁止公开') + tc('<w:p><w:r><w:t>2</w:t></w:r></w:p>'))));
    const table = doc.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['1. 属于国家秘密', '0'],
      ['2. 其他法律行政法规禁止公开', '2'],
    ]);
  });
});

describe('number formats', () => {
  it('writes Chinese counting numbers as printed', () => {
    expect([1, 9, 10, 11, 20, 21, 100, 105, 110].map(chineseCounting)).toEqual(['一', '九', '十', '十一', '二十', '二十一', '一百', '一百零五', '一百一十']);
  });
  it('writes circled, full-width, letter and roman numbers, and nothing for bullets', () => {
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(28, 'upperLetter')).toBe('BB');
    expect(formatNumber(14, 'lowerRoman')).toBe('xiv');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatNumber(1, 'bullet')).toBeUndefined();
  });
});
