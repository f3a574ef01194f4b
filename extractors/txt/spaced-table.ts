/**
 * Tables flattened onto one line with a space between cells (crawler text of an HTML table, copied
 * page text): `规章 0 0 5 行政规范性文件 7 2 40 …`. The line is cut into tokens; a row is a run of label
 * tokens followed by a run of value tokens. Where enough such rows follow one another, they are a
 * table; the rest of the line stays text. Column headers printed before a row's label (信息内容 本年制发件数
 * …) become a header row of their own, so the label that reaches the mapper is the row's own.
 */
import { cell, type TableBlock } from '../model.js';
import { isValueToken } from '../value-token.js';

/** Header cells of the template tables, and section headings: never part of a row's own label. */
const HEADER_WORD =
  /^(?:信息内容|本年(?:制发|废止)件数|现行有效件数|本年处理决定数量|本年收费金额.*|上一年项目数量|本年增\/?减|处理决定数量|本年新制作数量|本年新公开数量|对外公开总数量|采购项目数量|采购总金额.*|申请人情况|自然人|法人或其他组织|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|结果维持|结果纠正|其他结果|尚未审结|行政复议|行政诉讼|未经复议直接起诉|复议后起诉|[（(].*[)）]|[一二三四五六七八九十]+、.*情况.*)$/;
/** A row's label longer than this (characters) is prose, not a table row. */
const MAX_LABEL_CHARS = 60;
/** Rows and values a region needs to be taken as a table (prose has a number here and there). */
const MIN_ROWS = 3;
const MIN_VALUES = 10;
/** A value run this long is table 四's one row of fifteen: its label is the header above it. */
const LONE_ROW_VALUES = 10;

export type Segment = { kind: 'text'; text: string } | { kind: 'table'; table: TableBlock };

interface TokenRow {
  label: string[];
  values: string[];
}

function isValue(token: string): boolean {
  return isValueToken(token);
}

function rowsOf(tokens: string[]): TokenRow[] {
  const rows: TokenRow[] = [];
  let current: TokenRow = { label: [], values: [] };
  for (const token of tokens) {
    if (isValue(token)) current.values.push(token);
    else {
      if (current.values.length) {
        rows.push(current);
        current = { label: [], values: [] };
      }
      current.label.push(token);
    }
  }
  rows.push(current);
  // Prose ending in a sentence before a row's label is not part of the label: it is a row of its own
  // without values, so it ends the table region before it.
  return rows.flatMap((row) => {
    let end = -1;
    row.label.forEach((t, i) => {
      if (/[。；！？]/.test(t)) end = i;
    });
    if (end < 0) return [row];
    return [{ label: row.label.slice(0, end + 1), values: [] }, { label: row.label.slice(end + 1), values: row.values }];
  });
}

function isTableRow(row: TokenRow): boolean {
  const label = row.label.join('');
  return row.values.length > 0 && label.length > 0 && !/[。；！？]/.test(label) && (row.values.length >= 2 || label.length <= MAX_LABEL_CHARS);
}

/** The row's own label, after the header words and headings printed before it. */
function splitLabel(label: string[]): { before: string[]; own: string[] } {
  let cut = 0;
  label.forEach((t, i) => {
    if (HEADER_WORD.test(t.normalize('NFKC'))) cut = i + 1;
  });
  // A label may itself be a bracketed group plus its item: （三）不予公开 1.属于国家秘密.
  if (cut === label.length && cut > 0 && /^[（(]/.test(label[cut - 1])) cut--;
  return { before: label.slice(0, cut), own: label.slice(cut) };
}

/** The line's table regions as table blocks, the rest as text; undefined when it holds no table. */
export function spacedSegments(line: string): Segment[] | undefined {
  // Cheap test first: a table has several labels (ending in a character or bracket) followed by a value.
  const labelled = line.match(/[\u4e00-\u9fff）)”"][ \t\u3000]+[-+0-9—–/／]/g);
  if (!labelled || labelled.length < MIN_ROWS) return undefined;
  const tokens = line.split(/[ \t\u3000]+/).filter(Boolean);
  if (tokens.filter(isValue).length < MIN_VALUES) return undefined;
  const rows = rowsOf(tokens);
  const segments: Segment[] = [];
  let text: string[] = [];
  let found = false;
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j < rows.length && isTableRow(rows[j])) j++;
    const region = rows.slice(i, j);
    if (region.length >= MIN_ROWS && region.reduce((n, r) => n + r.values.length, 0) >= MIN_VALUES) {
      found = true;
      const first = splitLabel(region[0].label);
      // Prose before the table ends where its last sentence ends; headings and headers after it lead into the table.
      if (text.length) segments.push({ kind: 'text', text: text.join(' ') });
      text = [];
      const grid: string[][] = [];
      region.forEach((r, k) => {
        const { before, own } = k === 0 ? first : splitLabel(r.label);
        if (before.length) grid.push([before.join(' ')]);
        if (r.values.length >= LONE_ROW_VALUES && !own.length) grid.push(['', ...r.values]);
        else grid.push([own.join(' '), ...r.values]);
      });
      const width = Math.max(...grid.map((r) => r.length));
      segments.push({
        kind: 'table',
        table: { kind: 'table', rows: grid.map((r) => [...r.map((t) => cell(t)), ...Array.from({ length: width - r.length }, () => cell('', { absent: true }))]) },
      });
      i = j;
    } else {
      const end = Math.max(j, i + 1);
      // Pushed one by one: spreading a huge row into push() overflows the call stack.
      for (const r of rows.slice(i, end)) for (const t of [r.label, r.values]) for (const token of t) text.push(token);
      i = end;
    }
  }
  if (text.length) segments.push({ kind: 'text', text: text.join(' ') });
  return found ? segments : undefined;
}
