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

  it('leaves the columns of a table continued in a block as wide as the one before, whose header and rows print there', () => {
    const header = grid([
      ['', '自然人', '商业企业', '法律服务机构', '总计'],
      ['1.属于国家秘密', '14', '', '', '14'],
    ]);
    const continued = grid([
      ['5.属于三类内部事务信息', '5', '', '', ''],
      ['1.本机关不掌握相关政府信息', '252', '12', '1', ''],
      ['2.没有现成信息需要另行制作', '44', '3', '', ''],
    ]);
    // Alone, the block's last two columns are printed in by one row of values with empty cells among them.
    expect(shown(withoutStrayColumns(continued))[0]).toEqual(['5.属于三类内部事务信息', '5', '', '·', '·']);
    expect(withoutStrayColumns(continued, header)).toBe(continued);
    // A block of another width is no continuation of it.
    expect(shown(withoutStrayColumns(continued, header.map((r) => r.slice(0, 4))))[0]).toEqual(['5.属于三类内部事务信息', '5', '', '·', '·']);
  });
});
