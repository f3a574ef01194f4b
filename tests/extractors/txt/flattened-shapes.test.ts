import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../../src/pipeline.js';
import { LAYOUTS, TABLE_IDS, cellKey } from '../../../src/templates/ids.js';

/**
 * Real reports' figures (../shared/corpus truths) flattened into text the ways copies of a table
 * come: spaced on one line, spaced one row per line with '-' for blanks, tab-separated with empty
 * cells. Every cell must come back exact — blanks included — and no identity may fail that the
 * report itself does not break.
 */
const CORPUS = new URL('../../../../shared/corpus/', import.meta.url);
const truth = (path: string) => JSON.parse(readFileSync(new URL(path, CORPUS), 'utf8'));
const TRUTHS = ['variety/shanghai-govoffice-2019.truth.json', 'real/pingtan-2023-page.truth.json', 'real/hongze-2023.truth.json'].map(truth);

const APPEALS_HEADER = ['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'];

type Wrap = 'none' | 'first' | 'middle' | 'last';

function render(t: { year: number; agency: string; layout: Record<string, string>; cells: Record<string, number | null> }, sep: string, rowSep: string, blank: string, wrap: Wrap = 'none'): string {
  const value = (k: string) => (t.cells[k] === null || t.cells[k] === undefined ? blank : String(t.cells[k]));
  const parts = [`${t.year}年${t.agency}政府信息公开工作年度报告`, '一、总体情况', '本年度依法做好政府信息公开工作。'];
  for (const table of TABLE_IDS) {
    const layout = LAYOUTS[table].find((l) => l.layout === t.layout[table])!;
    if (table === 'appeals') {
      parts.push('四、政府信息公开行政复议、行政诉讼情况', APPEALS_HEADER.join(sep));
      parts.push(layout.rows.flatMap((r) => r.columns.map((c) => value(cellKey(table, r.id, c.id)))).join(sep));
      continue;
    }
    parts.push(table === 'proactive' ? '二、主动公开政府信息情况' : '三、收到和处理政府信息公开申请情况');
    for (const r of layout.rows) {
      const values = r.columns.map((c) => value(cellKey(table, r.id, c.id)));
      // A long label wrapped over two or three lines, its values on the first, middle or last one.
      const [a, b, c] = [r.label.slice(0, 8), r.label.slice(8, 14), r.label.slice(14)];
      if (wrap === 'none' || r.label.length <= 14) parts.push([r.label, ...values].join(sep));
      else if (wrap === 'first') parts.push([a, ...values].join(sep), b + c);
      else if (wrap === 'middle') parts.push(a, [b, ...values].join(sep), c);
      else parts.push(a, [b + c, ...values].join(sep));
    }
  }
  parts.push('五、存在的主要问题及改进情况', '无。', '六、其他需要报告的事项', '无。');
  return parts.join(rowSep) + '\n';
}

const SHAPES: Array<[string, string, string, string, Wrap]> = [
  ['spaced on one line', ' ', ' ', '-', 'none'],
  ['spaced, one row per line, blanks as -', ' ', '\n', '-', 'none'],
  ['tab-separated with empty cells', '\t', '\n', '', 'none'],
  ['labels wrapped, values on the first line', '  ', '\n', '-', 'first'],
  ['labels wrapped, values on the middle line', '  ', '\n', '-', 'middle'],
  ['labels wrapped, values on the last line, tab-separated', '\t', '\n', '', 'last'],
];

describe.each(SHAPES)('a table flattened into text: %s', (_name, sep, rowSep, blank, wrap) => {
  it.each(TRUTHS.map((t) => [t.id, t]))('reads %s exactly', async (_id, t) => {
    const record = await extractBytes(Buffer.from(render(t, sep, rowSep, blank, wrap)), `${t.id}.txt`);
    const wrong = Object.entries(t.cells as Record<string, number | null>).filter(([k, v]) => record.cells[k] !== v);
    expect(wrong).toEqual([]);
    const expected = new Set((t.expected_findings as Array<{ rule: string; where: string }>).map((f) => `${f.rule} ${f.where}`));
    const identities = record.findings.filter((f) => /^(requests|appeals)\./.test(f.rule)).map((f) => `${f.rule} ${f.where}`);
    expect(new Set(identities)).toEqual(expected);
  });
});

describe('crawler text with glued tables where some runs kept their spaces', () => {
  it('reads table 四 printed as fifteen values separated by single spaces, as printed and certain', async () => {
    const glued = readFileSync(new URL('variety/pingtan-2023-glued.txt', CORPUS), 'utf8');
    const t = truth('variety/pingtan-2023-glued.truth.json');
    const run = LAYOUTS.appeals[0].rows.flatMap((r) => r.columns.map((c) => String(t.cells[cellKey('appeals', r.id, c.id)])));
    expect(glued).toContain(run.join(''));
    const record = await extractBytes(Buffer.from(glued.replace(run.join(''), run.join(' '))), 'pingtan-2023-spaced-appeals.txt');
    for (const r of LAYOUTS.appeals[0].rows)
      for (const c of r.columns) {
        const key = cellKey('appeals', r.id, c.id);
        expect([key, record.cells[key], record.cell_details[key].doubt]).toEqual([key, t.cells[key], null]);
      }
  });
});

describe('rows whose values do not read as values', () => {
  it.each(TRUTHS.map((t) => [t.id, t]))('never gives a later row\'s values to them (%s, two consecutive rows of marks)', async (_id, t) => {
    const text = render(t, '\t', '\n', '', 'none');
    const lines = text.split('\n');
    // Two consecutive requests rows printed with marks the reader cannot count (＊), their last cell blank.
    const layout = LAYOUTS.requests.find((l) => l.layout === t.layout.requests)!;
    const [a, b] = [layout.rows[layout.rows.length - 4], layout.rows[layout.rows.length - 3]];
    const marked = (label: string) => {
      const at = lines.findIndex((l) => l.startsWith(`${label}\t`));
      expect(at).toBeGreaterThan(0);
      const cells = lines[at].split('\t');
      lines[at] = [cells[0], ...cells.slice(1, -1).map(() => '＊'), '-'].join('\t');
    };
    marked(a.label);
    marked(b.label);
    const record = await extractBytes(Buffer.from(lines.join('\n')), `${t.id}-marks.txt`);
    for (const row of layout.rows) {
      for (const c of row.columns) {
        const key = cellKey('requests', row.id, c.id);
        const got = record.cells[key];
        if (row === a || row === b) {
          // Unreadable: blank with a doubt (the '-' of the total is a printed blank).
          expect(got === null && (c.id === 'total' || record.cell_details[key].doubt !== null), key).toBe(true);
        } else {
          // Every other row keeps its own values: exact, or blank with a doubt — never another row's.
          expect(got === t.cells[key] || (got === null && record.cell_details[key].doubt !== null), `${key}: ${got}`).toBe(true);
        }
      }
    }
  });
});

describe('a number wrapped over two lines of a narrow cell in layout text', () => {
  /** The row's line without its last value, that value's digits split onto the lines above and below at its column. */
  function wrapLast(text: string, label: string, cut: number): string {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith(`${label}  `));
    expect(at).toBeGreaterThan(0);
    const m = /(\S+)$/.exec(lines[at])!;
    const column = m.index;
    const [head, tail] = [m[1].slice(0, cut), m[1].slice(cut)];
    lines[at] = lines[at].slice(0, column).trimEnd();
    lines.splice(at + 1, 0, ' '.repeat(column) + tail);
    lines.splice(at, 0, ' '.repeat(column) + head);
    return lines.join('\n');
  }

  it.each(TRUTHS.map((t) => [t.id, t]))('joins the halves into the row total and the identities confirm it (%s)', async (_id, t) => {
    const layout = LAYOUTS.requests.find((l) => l.layout === t.layout.requests)!;
    const row = layout.rows.find((r) => r.id === 'new_received')!;
    const total = t.cells[cellKey('requests', row.id, 'total')] as number;
    expect(String(total).length).toBeGreaterThan(1);
    const text = wrapLast(render(t, '  ', '\n', '-', 'none'), row.label, 1);
    const record = await extractBytes(Buffer.from(text), `${t.id}-wrapped.txt`);
    const key = cellKey('requests', row.id, 'total');
    expect([record.cells[key], record.cell_details[key].doubt]).toEqual([total, null]);
    const wrong = Object.entries(t.cells as Record<string, number | null>).filter(([k, v]) => record.cells[k] !== v);
    expect(wrong).toEqual([]);
  });

  it('keeps a joined number no identity confirms in doubt (table 二 has none)', async () => {
    const t = TRUTHS.find((x) => x.id === 'pingtan-2023-page')!;
    const layout = LAYOUTS.proactive.find((l) => l.layout === t.layout.proactive)!;
    const row = layout.rows.find((r) => r.columns.length === 1 && String(t.cells[cellKey('proactive', r.id, r.columns[0].id)] ?? '').length >= 3)!;
    const key = cellKey('proactive', row.id, row.columns[0].id);
    const text = wrapLast(render(t, '  ', '\n', '-', 'none'), row.label, 2);
    const record = await extractBytes(Buffer.from(text), `${t.id}-wrapped-proactive.txt`);
    expect([record.cells[key], record.cell_details[key].doubt]).toEqual([t.cells[key], 'wrapped-value']);
  });
});

describe('a unit printed apart from the value that ends a row (0 万元)', () => {
  it.each(TRUTHS.map((t) => [t.id, t]))('reads the amount with its unit (%s)', async (_id, t) => {
    const layout = LAYOUTS.proactive.find((l) => l.layout === t.layout.proactive)!;
    const row = layout.rows.find((r) => r.columns.some((c) => c.kind === 'amount'));
    if (!row) return;
    const key = cellKey('proactive', row.id, row.columns[0].id);
    const lines = render(t, '  ', '\n', '-', 'none').split('\n');
    const at = lines.findIndex((l) => l.startsWith(`${row.label}  `));
    expect(at).toBeGreaterThan(0);
    expect(lines[at]).toMatch(/\d$/);
    lines[at] += ' 万元';
    const record = await extractBytes(Buffer.from(lines.join('\n')), `${t.id}-unit.txt`);
    expect([record.cells[key], record.cell_details[key].doubt]).toEqual([t.cells[key], null]);
  });
});
