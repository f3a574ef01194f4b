import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/structure/numerals.js';

describe('parseNumber', () => {
  it('reads Arabic numbers, grouped or not, and Chinese numerals', () => {
    expect(parseNumber('1,234')).toBe(1234);
    expect(parseNumber('7730.28')).toBe(7730.28);
    expect(parseNumber('一百零五')).toBe(105);
    expect(parseNumber('二〇二四')).toBe(2024);
  });
  it('is no number for a run of more digits than any figure a report counts (1e99, Infinity past 308 digits)', () => {
    expect(parseNumber('1'.repeat(400))).toBeUndefined();
    expect(parseNumber('9'.repeat(16))).toBeUndefined();
    expect(parseNumber('一'.repeat(400))).toBeUndefined();
    expect(parseNumber('9'.repeat(15))).toBe(999_999_999_999_999);
  });
});
