/** Attack 6: a GBK page served as charset=utf-8 (or another wrong label) decodes to garbage. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { htmlReader } from '../../../extractors/html.js';
import { decodeText } from '../../../extractors/text-decode.js';
import { decodePage } from '../../../src/crawl/charset.js';

const PAGE = '<html><head><title>平潭综合实验区2023年度政府信息公开工作年度报告</title></head><body><a href="/nb/2023.htm">平潭综合实验区2023年度政府信息公开工作年度报告</a></body></html>';
const gbk = iconv.encode(PAGE, 'gbk');

describe('a declared charset the bytes contradict', () => {
  it.each(['text/html; charset=utf-8', 'text/html; charset=euc-kr', 'text/html; charset=shift_jis', 'text/html; charset=windows-1251'])(
    'the crawler reads GBK bytes served as "%s" as GB18030, and says the label was overruled',
    (contentType) => {
      const decoded = decodePage(gbk, contentType);
      expect(decoded).toMatchObject({ text: PAGE, encoding: 'gb18030', guessed: true });
      expect(decoded.overruled?.toLowerCase()).toBe(contentType.split('=')[1]);
    },
  );

  it('the extractor reads a GBK page whose <meta> says utf-8 and records encoding-guessed naming the label', async () => {
    const bytes = iconv.encode(PAGE.replace('<head>', '<head><meta charset="utf-8">'), 'gbk');
    const doc = await htmlReader.read(bytes, {});
    expect(doc.messages).toContainEqual({ code: 'encoding-guessed', message: 'the declared charset utf-8 does not fit the bytes; decoded as gb18030' });
    expect(JSON.stringify(doc.blocks)).toContain('平潭综合实验区2023年度政府信息公开工作年度报告');
  });

  it('keeps a label that fits: real UTF-8, Big5, EUC-KR and windows-1251 text are not overruled', () => {
    expect(decodeText(Buffer.from(PAGE), { declared: 'utf-8' })).toEqual({ text: PAGE, encoding: 'utf-8', guessed: false });
    const big5 = '臺北市政府資訊公開年度報告';
    expect(decodeText(iconv.encode(big5, 'big5'), { declared: 'big5' })).toEqual({ text: big5, encoding: 'big5', guessed: false });
    const korean = '정부 정보 공개 연례 보고서';
    expect(decodeText(iconv.encode(korean, 'euc-kr'), { declared: 'euc-kr' })).toEqual({ text: korean, encoding: 'euc-kr', guessed: false });
    const russian = 'Годовой отчёт о раскрытии правительственной информации за 2023 год';
    expect(decodeText(iconv.encode(russian, 'windows-1251'), { declared: 'windows-1251' })).toEqual({ text: russian, encoding: 'windows-1251', guessed: false });
  });

  it('keeps a UTF-8 label on UTF-8 bytes with one broken byte rather than reading the page as GB18030', () => {
    const broken = Buffer.concat([Buffer.from('政府信息公开工作年度报告。'), Buffer.from([0xff]), Buffer.from('第一部分，总体情况。')]);
    expect(decodeText(broken, { declared: 'utf-8' })).toMatchObject({ encoding: 'utf-8', guessed: false });
  });
});
