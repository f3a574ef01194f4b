import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { htmlReader } from '../../extractors/html.js';
import { decodeText, normaliseCharsetLabel } from '../../extractors/text-decode.js';
import { declaredCharset } from '../../extractors/html/decode.js';
import { corpusBytes } from './html-helpers.js';

const PAGE = 'rendered/pingtan-2022-portal.html';
const utf8Page = corpusBytes(PAGE).toString('utf8');

function gbkBytes(html: string): Buffer {
  return iconv.encode(html, 'gbk');
}

describe('decodeText', () => {
  it('follows a BOM before anything else', () => {
    const text = '<p>政府信息公开</p>';
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), { declared: 'gbk' })).toEqual({ text, encoding: 'utf-8', guessed: false });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16le', guessed: false });
  });

  it('decodes a declared GB2312/GBK page as GB18030, the superset real pages need', () => {
    const text = '平潭综合实验区：镕'; // 镕 is outside GB2312 but in GBK
    expect(decodeText(gbkBytes(text), { declared: 'gb2312' })).toEqual({ text, encoding: 'gb18030', guessed: false });
  });

  it('guesses GB18030 for undeclared bytes that are not UTF-8, and says so', () => {
    expect(decodeText(gbkBytes('年度报告'))).toEqual({ text: '年度报告', encoding: 'gb18030', guessed: true });
  });

  it('does not trust a UTF-8 label on GBK bytes, nor a GBK label on UTF-8 bytes', () => {
    expect(decodeText(gbkBytes('年度报告'), { declared: 'utf-8' })).toMatchObject({ text: '年度报告', encoding: 'gb18030', guessed: true });
    expect(decodeText(Buffer.from('年度报告'), { declared: 'gbk' })).toMatchObject({ text: '年度报告', encoding: 'utf-8', guessed: true });
  });

  it('reads Chinese bytes under a Western server-default label (iso-8859-1) as GB18030, flagged as a guess', () => {
    expect(decodeText(gbkBytes('政府信息公开'), { declared: 'ISO-8859-1' })).toEqual({ text: '政府信息公开', encoding: 'gb18030', guessed: true, overruled: 'ISO-8859-1' });
    expect(decodeText(Buffer.from('plain ascii'), { declared: 'iso-8859-1' })).toMatchObject({ text: 'plain ascii', guessed: false });
  });

  it('maps charset labels to decoders and rejects unknown ones', () => {
    expect(normaliseCharsetLabel(' GBK ')).toBe('gb18030');
    expect(normaliseCharsetLabel('UTF8')).toBe('utf-8');
    expect(normaliseCharsetLabel('no-such-charset')).toBeUndefined();
  });
});

describe('declaredCharset', () => {
  it('reads <meta charset> and the http-equiv content-type form', () => {
    expect(declaredCharset(Buffer.from('<html><head><meta charset="gb2312"></head>'))).toBe('gb2312');
    expect(declaredCharset(Buffer.from('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=GBK">'))).toBe('GBK');
    expect(declaredCharset(Buffer.from('<meta name="keywords" content="x"><p>charset=big5</p>'))).toBeUndefined();
  });
});

describe('the HTML reader on GBK-encoded copies of a page', () => {
  it('reads a GBK copy with <meta charset="gbk"> exactly like the UTF-8 original', async () => {
    const original = await htmlReader.read(Buffer.from(utf8Page), {});
    const copy = await htmlReader.read(gbkBytes(utf8Page.replace('<meta charset="utf-8">', '<meta charset="gbk">')), {});
    expect(copy.blocks).toEqual(original.blocks);
    expect(copy.meta).toEqual(original.meta);
    expect(copy.messages).toEqual([]);
  });

  it('reads a GBK copy with an http-equiv declaration exactly like the original', async () => {
    const original = await htmlReader.read(Buffer.from(utf8Page), {});
    const html = utf8Page.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    expect((await htmlReader.read(gbkBytes(html), {})).blocks).toEqual(original.blocks);
  });

  it('reads an undeclared GBK copy identically and reports the guess as encoding-guessed', async () => {
    const original = await htmlReader.read(Buffer.from(utf8Page), {});
    const copy = await htmlReader.read(gbkBytes(utf8Page.replace('<meta charset="utf-8">', '')), {});
    expect(copy.blocks).toEqual(original.blocks);
    expect(copy.messages.map((m) => m.code)).toEqual(['encoding-guessed']);
    expect(copy.messages[0].message).toContain('gb18030');
  });

  it('sniffs a GBK page as HTML', () => {
    expect(htmlReader.sniff(gbkBytes(utf8Page).subarray(0, 65536), 'page.htm')).toBe(true);
  });
});
