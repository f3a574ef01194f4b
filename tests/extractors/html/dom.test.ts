import { describe, expect, it } from 'vitest';
import { descendants, isElement, nonSpaceLength, parseHtml, textLengths } from '../../../extractors/html/dom.js';

describe('nonSpaceLength', () => {
  const squeezed = (text: string): number => text.replace(/\s+/g, '').length;

  it('counts what /\\s+/ squeezing leaves, for every UTF-16 unit', () => {
    // Each code unit alone, and between two letters: every whitespace JavaScript knows is dropped, nothing else.
    for (let c = 0; c <= 0xffff; c++) {
      const unit = String.fromCharCode(c);
      expect(nonSpaceLength(`a${unit}b`), `U+${c.toString(16)}`).toBe(squeezed(`a${unit}b`));
    }
  });

  it('counts text as a report page prints it', () => {
    for (const text of ['', '   ', '\u3000\u3000一、总体情况\r\n', '主动公开 12 件\u00a0（含\ufeff）', '😀 surrogate pair', '\u2028\u2029\u202f\u205f\u1680x']) {
      expect(nonSpaceLength(text)).toBe(squeezed(text));
    }
  });
});

describe('textLengths', () => {
  it('gives every element the non-space characters under it, skipped subtrees and comments counting nothing', () => {
    const root = parseHtml('<body><div id="a"> 一二 <!-- 注释 --><p>三 四</p><script>var x = 1;</script></div><div id="b"></div></body>');
    const lengths = textLengths(root, (el) => el.name === 'script');
    const byId = (id: string) => [...descendants(root)].find((n) => isElement(n) && n.attribs.id === id)!;
    const p = [...descendants(root)].find((n) => isElement(n) && n.name === 'p')!;
    expect(lengths.get(root)).toBe(4);
    expect(lengths.get(byId('a'))).toBe(4);
    expect(lengths.get(p)).toBe(2);
    expect(lengths.get(byId('b'))).toBe(0);
    expect(lengths.get([...descendants(root)].find((n) => isElement(n) && n.name === 'script')!)).toBeUndefined();
  });
});
