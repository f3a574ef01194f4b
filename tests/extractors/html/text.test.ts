import { describe, expect, it } from 'vitest';
import { normaliseLine, squeezeSpaces } from '../../../extractors/html/text.js';

// The replacements as extractors/html/text.ts states them, applied to every text: what the functions
// must give whether or not they take their shortcut for text that none of them can change.
const CJK = /[\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u31c0-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
const CJK_SPACE_CJK = new RegExp(`(${CJK.source}) (?=${CJK.source})`, 'g');
const squeezedSlowly = (raw: string): string =>
  raw
    .replace(/<!--\[if[^\]\n]{0,80}\]>?-->|<!--\[endif\]-->|<!\[if[^\]\n]{0,80}\]>|<!\[endif\]>|<!--\?xml[^>\n]{0,200}-->/gi, '')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[ \t\r\n\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f]+/g, ' ')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
const normalisedSlowly = (raw: string): string => squeezedSlowly(raw).replace(CJK_SPACE_CJK, '$1');

describe('normaliseLine and squeezeSpaces', () => {
  it('give what the replacements give, for every UTF-16 unit alone, between letters and between Han characters', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const unit = String.fromCharCode(c);
      for (const text of [unit, `a${unit}b`, `一${unit}二`, `一 ${unit}二`]) {
        if (squeezeSpaces(text) !== squeezedSlowly(text)) wrong.push(`squeezeSpaces(${JSON.stringify(text)})`);
        if (normaliseLine(text) !== normalisedSlowly(text)) wrong.push(`normaliseLine(${JSON.stringify(text)})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('leave text that needs nothing as it is, and clean the rest', () => {
    expect(normaliseLine('一、总体情况')).toBe('一、总体情况');
    expect(normaliseLine('1234')).toBe('1234');
    expect(normaliseLine('\u3000\u3000一、 概述\u00a0（２０２３年）\u200b ')).toBe('一、概述（２０２３年）');
    expect(squeezeSpaces('一 二')).toBe('一 二');
    expect(normaliseLine('一 二')).toBe('一二');
    expect(normaliseLine('<!--[if !supportLists]-->7、公开')).toBe('7、公开');
  });
});
