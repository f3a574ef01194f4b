/**
 * The three statistical tables of one report laid out as the national template of its era prints them
 * (2021 or 2019 layouts of src/templates/ids.ts): label columns with their groups merged, the headers
 * of each block of rows, the appeals table as its one row of fifteen numbers. Each value cell carries
 * its key and its state (failing, doubtful) for the page's script and stylesheet.
 */
import type { ReportRecord } from '../schemas/record.js';
import { APPEALS_2021, LAYOUTS, cellKey, type ColumnDef, type RowDef, type TableId, type TableLayout } from '../templates/ids.js';
import { esc } from './html.js';
import { DOUBT_WORDS, TABLE_WORDS } from './words.js';

export interface CellMarks {
  /** Keys of cells in a failing identity → the indexes of those findings on the page. */
  failing: Map<string, number[]>;
  /** The printed cells the failing identities check (their totals), drawn more strongly. */
  checked: Set<string>;
}

function valueCell(record: ReportRecord, key: string, marks: CellMarks): string {
  const v = record.cells[key];
  const d = record.cell_details[key];
  const classes = ['v'];
  const failing = marks.failing.get(key);
  if (failing) classes.push('fail');
  if (marks.checked.has(key)) classes.push('checked');
  if (d?.doubt) classes.push('doubt');
  if (v === null || v === undefined) classes.push('blank');
  const title = d?.doubt ? `存疑：${DOUBT_WORDS[d.doubt] ?? d.doubt}` : '';
  const shown = v === null || v === undefined ? (d?.raw ? d.raw : '') : String(v);
  return `<td class="${classes.join(' ')}" data-key="${esc(key)}"${failing ? ` data-findings="${failing.join(' ')}"` : ''}${title ? ` title="${esc(title)}"` : ''} tabindex="0">${esc(shown)}${d?.doubt ? '<sup class="dq">?</sup>' : ''}</td>`;
}

function sameColumns(a: ColumnDef[] | undefined, b: ColumnDef[]): boolean {
  return !!a && a.length === b.length && a.every((c, i) => c.id === b[i].id);
}

function proactiveTable(layout: TableLayout, record: ReportRecord, marks: CellMarks): string {
  const width = Math.max(...layout.rows.map((r) => r.columns.length));
  let previous: ColumnDef[] | undefined;
  const rows: string[] = [];
  for (const row of layout.rows) {
    if (!sameColumns(previous, row.columns)) {
      const span = (i: number) => (i === row.columns.length - 1 ? width - row.columns.length + 1 : 1);
      rows.push(`<tr class="head"><th>信息内容</th>${row.columns.map((c, i) => `<th colspan="${span(i)}">${esc(c.label)}</th>`).join('')}</tr>`);
      previous = row.columns;
    }
    const cells = row.columns.map((c, i) => {
      const td = valueCell(record, cellKey(layout.table, row.id, c.id), marks);
      const extra = i === row.columns.length - 1 ? width - row.columns.length : 0;
      return extra ? td.replace('<td ', `<td colspan="${extra + 1}" `) : td;
    });
    rows.push(`<tr><th class="label">${esc(row.own)}</th>${cells.join('')}</tr>`);
  }
  return `<table class="tpl">${rows.join('')}</table>`;
}

/** The three label levels of a requests row: 三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密. */
function requestLabels(row: RowDef): [string, string?, string?] {
  if (!row.group) return [row.own];
  if (row.group.startsWith('三、')) return [row.group, row.own];
  return ['三、本年度办理结果', row.group, row.own];
}

function requestsTable(layout: TableLayout, record: ReportRecord, marks: CellMarks): string {
  const cols = layout.rows[0].columns;
  const head =
    `<tr class="head"><th colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan="${cols.length}">申请人情况</th></tr>` +
    `<tr class="head"><th rowspan="2">${esc(cols[0].label)}</th><th colspan="${cols.length - 2}">法人或其他组织</th><th rowspan="2">${esc(cols[cols.length - 1].label)}</th></tr>` +
    `<tr class="head">${cols.slice(1, -1).map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr>`;
  const labels = layout.rows.map(requestLabels);
  // A label level spans down over the following rows that share it (rows with at least `depth` levels).
  const starts = (i: number, level: number, depth: number) => i === 0 || labels[i - 1].length < depth || labels[i - 1][level] !== labels[i][level];
  const run = (i: number, level: number, depth: number) => {
    let n = 1;
    while (i + n < labels.length && labels[i + n].length >= depth && labels[i + n][level] === labels[i][level]) n++;
    return n;
  };
  const body = layout.rows.map((row, i) => {
    const l = labels[i];
    let th = '';
    if (l.length === 1) th = `<th class="label" colspan="3">${esc(l[0])}</th>`;
    else {
      if (starts(i, 0, 2)) th += `<th class="label group" rowspan="${run(i, 0, 2)}">${esc(l[0])}</th>`;
      if (l.length === 2) th += `<th class="label" colspan="2">${esc(l[1])}</th>`;
      else {
        if (starts(i, 1, 3)) th += `<th class="label group" rowspan="${run(i, 1, 3)}">${esc(l[1])}</th>`;
        th += `<th class="label">${esc(l[2])}</th>`;
      }
    }
    return `<tr>${th}${row.columns.map((c) => valueCell(record, cellKey('requests', row.id, c.id), marks)).join('')}</tr>`;
  });
  return `<table class="tpl requests">${head}${body.join('')}</table>`;
}

function appealsTable(record: ReportRecord, marks: CellMarks): string {
  const [review, ...litigation] = APPEALS_2021.rows;
  const cols = review.columns;
  const head =
    `<tr class="head"><th colspan="${cols.length}">行政复议</th><th colspan="${cols.length * 2}">行政诉讼</th></tr>` +
    `<tr class="head">${cols.map((c) => `<th rowspan="2">${esc(c.label)}</th>`).join('')}${litigation.map((r) => `<th colspan="${cols.length}">${esc(r.own)}</th>`).join('')}</tr>` +
    `<tr class="head">${litigation.map(() => cols.map((c) => `<th>${esc(c.label)}</th>`).join('')).join('')}</tr>`;
  const values = APPEALS_2021.rows.flatMap((r) => r.columns.map((c) => valueCell(record, cellKey('appeals', r.id, c.id), marks)));
  return `<table class="tpl appeals">${head}<tr>${values.join('')}</tr></table>`;
}

/** One table as its layout prints it, or a note that it was not found. */
export function templateTable(table: TableId, record: ReportRecord, marks: CellMarks): string {
  const layoutId = record.layout[table];
  const title = `<h3>${esc(TABLE_WORDS[table])}${layoutId !== 'none' ? ` <span class="era">（${layoutId} 年版模板）</span>` : ''}</h3>`;
  const layout = LAYOUTS[table].find((l) => l.layout === layoutId);
  if (!layout) return `<section class="table-block">${title}<p class="muted">未找到此表。</p></section>`;
  const html = table === 'proactive' ? proactiveTable(layout, record, marks) : table === 'requests' ? requestsTable(layout, record, marks) : appealsTable(record, marks);
  return `<section class="table-block">${title}${html}</section>`;
}
