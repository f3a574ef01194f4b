import { describe, expect, it } from 'vitest';
import { cleanText, startDocumentTexts } from '../../../src/structure/text.js';

// The replacements as src/structure/text.ts states them, applied to every text: what cleanText must
// give whether or not it takes its shortcut for text that none of them can change.
const CJK = '\\u2e80-\\u2fff\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u201c\\u201d\\u2018\\u2019';
const SPACE_NEAR_CJK = new RegExp(`(?<=[${CJK}])\\s+|\\s+(?=[${CJK}])`, 'g');
const cleanedSlowly = (raw: string): string =>
  raw
    .replace(/<!--\[if[^\]]*\]-->|<!--\[endif\]-->|<!\[endif\]-->|<!--\?xml[^>]*-->/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2002-\u200a]/g, ' ')
    .replace(SPACE_NEAR_CJK, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('cleanText', () => {
  it('gives what the replacements give, for every UTF-16 unit alone, between letters and between Han characters', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      startDocumentTexts();
      const unit = String.fromCharCode(c);
      for (const text of [unit, `a${unit}b`, `一${unit}二`, `a ${unit} b`]) if (cleanText(text) !== cleanedSlowly(text)) wrong.push(JSON.stringify(text));
    }
    expect(wrong).toEqual([]);
  });

  it('leaves text that needs nothing as it is, and cleans the rest', () => {
    startDocumentTexts();
    expect(cleanText('一、总体情况')).toBe('一、总体情况');
    expect(cleanText('收到申请１２件')).toBe('收到申请12件');
    expect(cleanText(' 2024 年 ')).toBe('2024年');
    expect(cleanText('<!--[if !supportLists]-->一、概述')).toBe('一、概述');
    // Characters of no width are dropped, not spaced: a number or a word they split reads whole.
    expect(cleanText('收到申请1\u200c2件，1\u200b0件')).toBe('收到申请12件，10件');
    expect(cleanText('三、收到和处理\u2060政府信息公开申\u00ad请情况')).toBe('三、收到和处理政府信息公开申请情况');
  });
});
