/** Markdown pipe tables as converters write them: `| a | b |` rows, `|---|:--:|` separator rows dropped. */
import { cell, type TableBlock } from '../model.js';
import { padRows, trimCell } from './lines.js';

export function isPipeRow(line: string): boolean {
  const t = line.trim();
  return t.startsWith('|') && t.length > 1 && t.slice(1).includes('|');
}

function isSeparatorRow(line: string): boolean {
  return /^\|?(\s*:?-+:?\s*\|)+\s*(:?-+:?\s*)?\|?$/.test(line.trim());
}

/** Cell text without Markdown emphasis and with <br> line breaks as spaces. */
function cellText(raw: string): string {
  return trimCell(raw.replace(/<br\s*\/?>/gi, ' ').replace(/\*\*|__/g, '').replace(/\\\|/g, '|'));
}

function splitRow(line: string): string[] {
  const t = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  // An escaped pipe (\|) is cell text, not a boundary.
  return t.split(/(?<!\\)\|/).map(cellText);
}

export function readPipeTable(lines: string[], start: number): { table: TableBlock; next: number } {
  const rows: string[][] = [];
  let i = start;
  for (; i < lines.length && isPipeRow(lines[i]); i++) {
    // The separator follows the header; further down, a row of single dashes is a row of blank cells.
    if (!(isSeparatorRow(lines[i]) && (i === start + 1 || /-{2,}/.test(lines[i])))) rows.push(splitRow(lines[i]));
  }
  // A converter's placeholder table (| - | - | -, its header included): no label, no header word, no
  // value, so nothing in it can be placed. Kept, its rows would pass for the values of the row before
  // it when that row prints nothing ((六)其他处理 with its cells empty, then - - -).
  if (rows.every((row) => row.every((text) => PLACEHOLDER.test(text)))) return { table: { kind: 'table', rows: [] }, next: i };
  // A row with fewer cells than the table printed nothing past its end: that padding is absent.
  return { table: { kind: 'table', rows: converterGrid(rows) }, next: i };
}

/**
 * The cells of a table a converter wrote row by row as text (pipe tables, CSV): merged cells come back
 * as spans (empty positions beside a label, or the text repeated), and a row shorter than the table
 * printed nothing past its end, which is absent rather than blank.
 */
export function converterGrid(rows: string[][]): TableBlock['rows'] {
  return markRepeatedSpans(expandLabelSpans(padRows(rows))).map((row, r) => row.map((c, k) => (k >= rows[r].length ? { ...c, absent: true } : c)));
}

const NUMBER = /^[+-]?\d+(\.\d+)?$/;
/** What a placeholder table's cells print: a dash, or nothing. */
const PLACEHOLDER = /^[-—–]*$/;

/**
 * Converters write a label merged over two columns (一、本年新收… beside the （一）予以公开 column) as the
 * label then an empty cell. In a column that holds no number in any row, an empty cell between a label
 * and the row's numbers is that span: it repeats the label, marked spanned, so it is not read as a blank
 * value. Empty cells in number columns stay blank values, and so do those after a number (a column a
 * report that prints blanks leaves empty in every row).
 */
function expandLabelSpans(rows: string[][]): TableBlock['rows'] {
  const width = rows[0]?.length ?? 0;
  const numberColumn = Array.from({ length: width }, (_, c) => rows.some((r) => NUMBER.test(r[c])));
  return rows.map((r) =>
    r.map((text, c) => {
      if (text !== '' || numberColumn[c]) return cell(text);
      const left = r
        .slice(0, c)
        .reverse()
        .find((t) => t !== '');
      if (left === undefined || NUMBER.test(left)) return cell(text);
      const numbersAfter = r.slice(c + 1).some((t) => NUMBER.test(t));
      return numbersAfter ? cell(left, { spanned: true }) : cell(text);
    }),
  );
}

/** Words repeated in adjacent cells (two ideographs or letters at least): blank signs such as / 无 — are not. */
export const WORDS = /[\p{Script=Han}A-Za-z]{2}/u;

/**
 * Converters that unmerge merged cells (Docling; tables that went through pandas or a spreadsheet's
 * unmerge-and-fill) repeat the merged cell's text in every position it covered: | 三、本年度办理结果 |
 * （二）部分公开 | （二）部分公开 | … or | 采购项目数量 | 采购总金额 | 采购总金额 | over | 6 | 25.1 | 25.1 |.
 * Such a repeat is a span again: words repeated beside themselves in a row that prints no number, or in
 * a column that never does; a number repeated beside itself only where the header row above it repeats
 * too (two columns under one merged heading). Two equal numbers under different headings (0 | 0) and
 * repeated blank signs stay cells of their own.
 */
function markRepeatedSpans(rows: TableBlock['rows']): TableBlock['rows'] {
  const width = rows[0]?.length ?? 0;
  const numberColumn = Array.from({ length: width }, (_, c) => rows.some((r) => NUMBER.test(r[c].text)));
  let heading: TableBlock['rows'][number] | undefined;
  return rows.map((row) => {
    const wordsOnly = !row.some((c) => NUMBER.test(c.text));
    const out = row.map((c, k) => {
      const left = row[k - 1];
      if (!left || c.spanned || c.text === '' || c.text !== left.text) return c;
      const repeatedWords = WORDS.test(c.text) && (wordsOnly || !numberColumn[k]);
      const repeatedUnderOneHeading = NUMBER.test(c.text) && !!heading && heading[k].text !== '' && heading[k].text === heading[k - 1].text;
      return repeatedWords || repeatedUnderOneHeading ? { ...c, spanned: true } : c;
    });
    if (wordsOnly) heading = row;
    return out;
  });
}
