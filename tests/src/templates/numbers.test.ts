import { describe, expect, it } from 'vitest';
import { readCell } from '../../../src/templates/numbers.js';

describe('readCell', () => {
  it('reads full-width digits and spaces as the number they print', () => {
    expect(readCell('　０')).toEqual({ kind: 'number', value: 0 });
    expect(readCell('１２３')).toEqual({ kind: 'number', value: 123 });
    expect(readCell(' 1 2 ')).toEqual({ kind: 'number', value: 12 });
  });
  it('reads thousands separators, decimals and signs', () => {
    expect(readCell('3,119')).toEqual({ kind: 'number', value: 3119 });
    expect(readCell('7730.28')).toEqual({ kind: 'number', value: 7730.28 });
    expect(readCell('+2')).toEqual({ kind: 'number', value: 2 });
    expect(readCell('-1')).toEqual({ kind: 'number', value: -1 });
  });
  it('converts an amount printed in 元 to 万元 and keeps one printed in 万元', () => {
    expect(readCell('251000元')).toEqual({ kind: 'number', value: 25.1 });
    expect(readCell('12.5万元')).toEqual({ kind: 'number', value: 12.5 });
  });
  it("treats '', '-', '/', '无' and &nbsp; as blank, never as 0", () => {
    for (const t of ['', '-', '—', '/', '／', '无', '\u00a0']) expect(readCell(t)).toEqual({ kind: 'blank' });
  });
  it('leaves a run of more digits than a count or amount can have as text, never a huge or infinite number', () => {
    // A cell of hundreds of spaced digits (a damaged or hostile page) folded to one run: 1e99, or
    // Infinity past 308 digits, which failed the whole record's validation ("crash").
    expect(readCell('1 '.repeat(400))).toEqual({ kind: 'text' });
    expect(readCell('9'.repeat(16))).toEqual({ kind: 'text' });
    expect(readCell('1,234,567,890,123,456')).toEqual({ kind: 'text' });
    expect(readCell('9'.repeat(15))).toEqual({ kind: 'number', value: 999_999_999_999_999 });
    expect(readCell('123,456,789,012,345')).toEqual({ kind: 'number', value: 123_456_789_012_345 });
  });
  it('leaves words as text', () => {
    expect(readCell('行政许可')).toEqual({ kind: 'text' });
    expect(readCell('1.属于国家秘密')).toEqual({ kind: 'text' });
  });
});
