import { describe, expect, it } from 'vitest';
import { loneEmptyCell } from '../../../src/templates/resolve/readings.js';
import { readCell } from '../../../src/templates/numbers.js';
import type { ValueCell } from '../../../src/templates/rows.js';

const cell = (raw: string, extra: Partial<ValueCell> = {}): ValueCell => ({ col: 0, raw, reading: readCell(raw), ...extra });

describe('loneEmptyCell', () => {
  it('names the only empty cell of a row that prints a number', () => {
    expect(loneEmptyCell([cell('3'), cell(' '), cell('5')])).toBe(1);
    expect(loneEmptyCell([cell(''), cell('-'), cell('5')])).toBe(0);
  });

  it('is -1 for two empty cells, none, no number, a short row, or any OCR cell', () => {
    expect(loneEmptyCell([cell('3'), cell(''), cell('')])).toBe(-1);
    expect(loneEmptyCell([cell('3'), cell('4')])).toBe(-1);
    expect(loneEmptyCell([cell('-'), cell('')])).toBe(-1);
    expect(loneEmptyCell([cell('')])).toBe(-1);
    expect(loneEmptyCell([cell('3'), cell(''), cell('5', { prov: { origin: 'ocr' } })])).toBe(-1);
  });

  it('names the only empty cell of a row of printed blanks (无 无 无 ∅): the report prints a blank otherwise', () => {
    expect(loneEmptyCell([cell('无'), cell('无'), cell('无'), cell('')])).toBe(3);
    expect(loneEmptyCell([cell('-'), cell('/'), cell('')])).toBe(2);
  });

  it('does not count an empty cell with a doubt of its own (a formula without its value)', () => {
    expect(loneEmptyCell([cell('3'), cell('', { doubt: 'formula-without-value' }), cell('')])).toBe(2);
  });
});
