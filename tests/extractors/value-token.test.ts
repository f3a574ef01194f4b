import { describe, expect, it } from 'vitest';
import { foldValueText, withoutFootnoteMark } from '../../extractors/value-token.js';

/**
 * What foldValueText is defined to be: a footnote's mark after a figure taken off (withoutFootnoteMark, its own tests in
 * tests/src/templates/footnote-marks.test.ts), then NFKC, then every kind of space and every character of no width removed.
 */
const reference = (text: string): string => withoutFootnoteMark(text).normalize('NFKC').replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff\u00ad]+/g, '');

describe('foldValueText', () => {
  it('folds every UTF-16 unit as NFKC does, spaces removed', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const text = String.fromCharCode(code);
      if (foldValueText(text) !== reference(text)) expect([code, foldValueText(text)]).toEqual([code, reference(text)]);
    }
  });

  it('folds pairs of printable ASCII, and each CJK ideograph beside ASCII, as NFKC does', () => {
    const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
    for (const a of ascii) for (const b of ascii) expect(foldValueText(a + b)).toBe(reference(a + b));
    for (let code = 0x4e00; code <= 0x9fff; code++) {
      const text = `1${String.fromCharCode(code)}-`;
      if (foldValueText(text) !== reference(text)) expect([code, foldValueText(text)]).toEqual([code, reference(text)]);
    }
  });

  it('folds full-width digits, separators and spaces', () => {
    expect(foldValueText('１，２３４ 件')).toBe('1,234件');
    expect(foldValueText('\u00a0—\u200b')).toBe('—');
    expect(foldValueText('1\u200c2\u2060')).toBe('12');
    expect(foldValueText('\u00ad3\u200d4\ufeff')).toBe('34');
    expect(foldValueText('７７３０.２８万元')).toBe('7730.28万元');
  });
});
