import { describe, expect, it } from 'vitest';
import { nonSpaceLength } from '../../../extractors/html/dom.js';

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
