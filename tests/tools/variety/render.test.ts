import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../tools/variety/build.js';
import { isDataRow, tablePieces, type DataRow } from '../../../tools/variety/model.js';
import { Random } from '../../../tools/variety/random.js';
import { toGrid, toMatrix } from '../../../tools/variety/render/grid.js';
import { renderHtml } from '../../../tools/variety/render/html.js';
import { tableLines } from '../../../tools/variety/render/text.js';
import { loadTruths } from '../../../tools/variety/truths.js';

const truths = await loadTruths('../shared/corpus');
const huaian = truths.find((t) => t.id === 'huaian-city-2024')!;
const requestsOf = (model: ReturnType<typeof buildReport>) => tablePieces(model).find((p) => p.table === 'requests')!;

describe('the variety renderers', () => {
  it('set table 三 as the template does: three header rows, then one row per template row with its group labels spanning their rows', () => {
    const piece = requestsOf(buildReport(huaian, new Random(1)));
    const grid = toGrid(piece);
    expect(grid).toHaveLength(3 + 25);
    const outcome = grid[3 + 2][0];
    expect(outcome).toMatchObject({ text: '三、本年度办理结果', rowspan: 22, role: 'label' });
    expect(toMatrix(grid).every((row) => row.length === 10)).toBe(true);
  });

  it('count the rows of a label wrapped over table rows in its group label’s span, and leave the extra rows without values', () => {
    const model = buildReport(huaian, new Random(1));
    const piece = requestsOf(model);
    const row = piece.rows.find((r): r is DataRow => isDataRow(r) && r.id === 'denied_state_secret')!;
    Object.assign(row, { label: ['1.属于', '国家秘密'], valueLine: 1, wrap: 'cells' });
    const grid = toGrid(piece);
    const group = grid.flat().find((c) => c.text === '（三）不予公开')!;
    expect(group.rowspan).toBe(9);
    const lines = tableLines(piece).filter((l) => l.includes('1.属于') || l.includes('国家秘密'));
    const printed = row.values.map((v) => String(huaian.cells[v.key!]));
    expect(lines).toEqual([['（三）不予公开', '1.属于'], ['国家秘密', ...printed]]);
    expect(printed).toHaveLength(7);
  });

  it('print a label wrapped inside its cell as lines with the values aligned to the line that carries them', () => {
    const model = buildReport(huaian, new Random(1));
    const row = requestsOf(model).rows.find((r): r is DataRow => isDataRow(r) && r.id === 'carried_forward')!;
    Object.assign(row, { label: ['四、结转下年度', '继续办理'], valueLine: 1, wrap: 'lines' });
    expect(renderHtml(model, 'portal')).toContain('<td colspan="3">四、结转下年度<br>继续办理</td><td valign="bottom">');
  });
});
