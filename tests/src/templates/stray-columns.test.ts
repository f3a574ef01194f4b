import { describe, expect, it } from 'vitest';
import { withoutStrayColumns } from '../../../src/templates/stray-columns.js';
import { docWithTables } from './helpers.js';

const grid = (rows: string[][]) => (docWithTables(rows).blocks[0] as { rows: { text: string; spanned?: boolean; absent?: boolean }[][] }).rows;
const shown = (rows: ReturnType<typeof grid>) => rows.map((r) => r.map((c) => (c.absent ? '·' : c.spanned ? `~${c.text}` : c.text)));

describe('grid columns one row\'s stray cell made', () => {
  it('marks absent the empty cells of the other rows past the table when one row of values with an empty cell prints there', () => {
    const rows = grid([
      ['', '自然人', '商业企业', '总计', ''],
      ['1.属于国家秘密', '14', '/', '/', ''],
      ['6.属于四类过程性信息', '', '3', '1', '/'],
      ['（七）总计', '767', '35', '805', ''],
    ]);
    expect(shown(withoutStrayColumns(rows))).toEqual([
      ['', '自然人', '商业企业', '总计', '·'],
      ['1.属于国家秘密', '14', '/', '/', '·'],
      ['6.属于四类过程性信息', '', '3', '1', '/'],
      ['（七）总计', '767', '35', '805', '·'],
    ]);
  });

  it('leaves a column that a header names, or one filled by a row that prints every cell (a total only the total row prints)', () => {
    const named = grid([
      ['', '自然人', '总计', '备考'],
      ['1.属于国家秘密', '14', '', '1'],
      ['2.其他', '1', '1', ''],
    ]);
    expect(withoutStrayColumns(named)).toBe(named);
    const totalOnly = grid([
      ['1.属于国家秘密', '14', '2', ''],
      ['2.其他', '1', '1', ''],
      ['（七）总计', '15', '3', '18'],
    ]);
    expect(withoutStrayColumns(totalOnly)).toBe(totalOnly);
  });
});
