import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodePage } from '../../../src/crawl/charset.js';

const decodeText = (body: Buffer, contentType: string | undefined) => decodePage(body, contentType).text;

const TEXT = '平潭综合实验区2023年度政府信息公开工作年度报告';

describe('decoding pages', () => {
  it('decodes GBK bytes with no charset anywhere (strict UTF-8 fails, GB18030 reads them)', () => {
    expect(decodeText(iconv.encode(`<p>${TEXT}</p>`, 'gbk'), undefined)).toBe(`<p>${TEXT}</p>`);
    expect(decodeText(iconv.encode(`<p>${TEXT}</p>`, 'gbk'), 'text/html')).toBe(`<p>${TEXT}</p>`);
  });

  it('follows a <meta> charset, reading gb2312 labels as GB18030', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${TEXT}</body></html>`;
    expect(decodeText(iconv.encode(html, 'gbk'), undefined)).toBe(html);
    const html5 = `<meta charset="GBK"><p>${TEXT}</p>`;
    expect(decodeText(iconv.encode(html5, 'gbk'), undefined)).toBe(html5);
  });

  it('lets the header charset win and drops a UTF-8 BOM', () => {
    expect(decodeText(iconv.encode(TEXT, 'gbk'), 'text/html; charset=GBK')).toBe(TEXT);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), 'text/html; charset=gbk')).toBe(TEXT);
  });

  it('reads undeclared UTF-8 as UTF-8', () => {
    expect(decodeText(Buffer.from(`<p>${TEXT}</p>`), undefined)).toBe(`<p>${TEXT}</p>`);
  });
});
