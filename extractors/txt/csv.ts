/**
 * A report saved as CSV (a page opened in a spreadsheet program and saved as text, or a sheet exported
 * so): every line one row of the sheet's grid, cells separated by commas, quoted when they hold one
 * (4,529 as "4,529"). Lines with one cell are the report's text; runs of lines with two or more cells
 * are its tables, each cut to the columns it uses.
 */
import { UnreadableDocumentError, type Block } from '../model.js';
import { converterGrid, WORDS } from './pipe-table.js';
import { joinLines } from '../html/text.js';
import { isNumberToken, isValueToken } from '../value-token.js';

/** Lines of fields a text needs, all as wide, to be read as CSV rather than prose with commas. */
const MIN_CSV_LINES = 5;
const MIN_FIELDS = 3;

/**
 * The rows of CSV text (RFC 4180: a quoted field may hold commas, doubled quotes and line breaks, which
 * are a cell's wrapped lines), or undefined when a quote is left open.
 */
export function csvRows(text: string): string[][] | undefined {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (quoted) return undefined;
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/**
 * The text as CSV rows, when it is CSV: every non-empty row has the same number of fields, at least
 * MIN_FIELDS (two when the second prints numbers: twoColumnSheet), over at least MIN_CSV_LINES rows — a spreadsheet writes every row as wide as its sheet;
 * prose with commas never lines up so. Throws too-large past `maxCells` cells.
 */
export function asCsv(text: string, maxCells: number): string[][] | undefined {
  // Cheap refusal first: most texts are not CSV, and their first lines already say so.
  const head = text.split('\n', MIN_CSV_LINES).filter((line) => line.trim() !== '');
  if (!head.length || head.some((line) => !line.includes(','))) return undefined;
  // Checked before any row is built: parsing a sheet of a million cells would exhaust a worker's memory first.
  const headWidth = csvRows(head[0])?.[0]?.length ?? 0;
  const estimate = headWidth * (countLines(text) + 1);
  if (headWidth >= MIN_FIELDS && head.every((line) => csvRows(line)?.[0]?.length === headWidth) && estimate > maxCells) {
    throw new UnreadableDocumentError('too-large', `CSV of about ${estimate} cells (${headWidth} columns) exceeds maxTableCells (${maxCells})`);
  }
  const rows = csvRows(text)?.filter((row) => row.some((field) => field.trim() !== ''));
  if (!rows || rows.length < MIN_CSV_LINES) return undefined;
  const width = rows[0].length;
  if (!rows.every((row) => row.length === width)) return undefined;
  if (width < MIN_FIELDS && !(width === 2 && twoColumnSheet(rows))) return undefined;
  if (rows.length * width > maxCells) throw new UnreadableDocumentError('too-large', `CSV of ${rows.length} rows × ${width} columns exceeds maxTableCells (${maxCells})`);
  return rows;
}

/**
 * A sheet of two columns (指标名称,数量: a statistics table whose units stand in its indicators, the report's
 * text in the first column): its second field prints a number on MIN_CSV_LINES rows or more, and words
 * (not a number, not a blank sign, not empty) on at most a quarter as many — a header or two. Prose with
 * one comma a line has words after it.
 */
function twoColumnSheet(rows: string[][]): boolean {
  const second = rows.map((row) => row[1].trim());
  const numbers = second.filter((f) => isNumberToken(f)).length;
  const words = second.filter((f) => f !== '' && !isValueToken(f)).length;
  return numbers >= MIN_CSV_LINES && words * 4 <= numbers;
}

/** A number as a sheet prints it, in ASCII or full-width digits (８２１, ２５．１, ４，５２９). */
const NUMBER = /^[+\-＋－]?[\d０-９][\d０-９,，]*([.．][\d０-９]+)?$/;

/** Words in a column where the rows before printed only numbers or nothing: a header of other columns. */
const foreignWords = (fields: string[], before: string[][]): number =>
  fields.filter((f, c) => WORDS.test(f) && before.every((row) => row[c] === '' || NUMBER.test(row[c]))).length;
const printsNumber = (fields: string[]): boolean => fields.some((f) => NUMBER.test(f));

const numberCount = (fields: string[]): number => fields.filter((f) => NUMBER.test(f)).length;

/**
 * A row that starts another table inside a run of rows (a report printing no heading between two
 * tables): it prints words in at least two columns where the run so far printed numbers or nothing at
 * all — a header over columns of its own — and fewer numbers than such words: a header cell printed as
 * a stray number (结果纠正 as 2) leaves it a header. A row of blanks, a wrapped label, or one cell of
 * text (不适用) does not.
 */
function startsAnotherTable(fields: string[], run: string[][]): boolean {
  if (!run.length) return false;
  const foreign = foreignWords(fields, run);
  return foreign >= 2 && numberCount(fields) < foreign;
}

/**
 * A row of values whose numbers all stand in columns where no row of the run printed a number (two at
 * least): the table goes on on a grid of its own (a table cut in two, each part with its merged cells
 * where the sheet put them), a block of its own. A row of the same grid prints where its rows do; one
 * stray cell moves a value or two, not all of them.
 */
function valuesOnOtherGrid(fields: string[], run: string[][]): boolean {
  const columns = fields.flatMap((f, c) => (NUMBER.test(f) ? [c] : []));
  // A header row with a word printed as a stray number (结果维持,结果纠正,8,尚未审结,总计: fewer numbers than
  // words) is no row of values: where its number stands says nothing of the run's grid.
  const valueRows = run.filter((row) => printsNumber(row) && numberCount(row) >= row.filter((f) => WORDS.test(f)).length);
  if (columns.length < 2 || !valueRows.length) return false;
  return columns.every((c) => valueRows.every((row) => !NUMBER.test(row[c])));
}

/**
 * How many rows at the run's end are the new table's upper header rows: words over columns of their
 * own and no number — or, below a table of values, a header cell printed as a stray number among at
 * least as many words, in a column where that table printed no number: one it left empty in every row
 * (行政诉讼 as 7) or its label column (行政复议 as 7, under 四、结转下年度继续办理).
 */
function headerRowsBefore(run: string[][]): number {
  let k = run.length;
  while (k > 1 && upperHeader(run[k - 1], run.slice(0, k - 1))) k--;
  return run.length - k;
}

function upperHeader(fields: string[], before: string[][]): boolean {
  if (!printsNumber(fields)) return foreignWords(fields, before) >= 1;
  // Only under a table of values is a number in a column of no value of it foreign to it.
  if (!before.some(printsNumber)) return false;
  const strayOnly = fields.every((f, c) => !NUMBER.test(f) || before.every((row) => !NUMBER.test(row[c])));
  return strayOnly && numberCount(fields) <= fields.filter((f) => WORDS.test(f)).length;
}

/**
 * A row printing words only left of every column the run prints a number in: a row of the table's labels
 * whose values are all blank (三、本年度办理结果 | （三）不予公开 | （4）保护第三方合法权益 where table 三
 * goes on after a cut without its header), never a header over the value columns.
 */
function onlyLabels(fields: string[], run: string[][]): boolean {
  const firstValue = Math.min(...run.map((row) => row.findIndex((f) => NUMBER.test(f))).filter((c) => c >= 0));
  return fields.every((f, c) => f === '' || c < firstValue);
}

/**
 * A cell holding a row label: words, or an ideograph among its numbering (（一）予, a wrapped label's first line) —
 * not a number, nor a blank printed as a sign (无, -).
 */
const isLabel = (field: string | undefined): boolean => !!field && (WORDS.test(field) || (/[\p{Script=Han}A-Za-z]/u.test(field) && !isValueToken(field)));

/** Most header rows a table's part prints over its values. */
const MAX_HEADER_ROWS = 4;

/**
 * Whether the rows from `j` on, up to the first that prints a number, hold a row of several cells the run printed
 * already, word for word: the table's own header printed again over its next part (a table cut, each part under
 * its header) — the table goes on, so the rows before it are still the table's.
 */
function repeatsHeader(cells: string[][], j: number, run: string[][]): boolean {
  for (let k = j; k < j + MAX_HEADER_ROWS && k < cells.length && !printsNumber(cells[k]); k++) {
    const fields = cells[k];
    if (fields.filter((f) => f !== '').length >= 2 && run.some((row) => row.length === fields.length && row.every((f, c) => f === fields[c]))) return true;
  }
  return false;
}

/** Most one-cell rows a table runs on over between two of its value rows. */
const MAX_LABEL_ROWS = 8;

/**
 * The index of the last of the one-cell rows from `i` on that are rows of the table, or -1: one-cell
 * rows up to a row of several cells, where both the run's last row and that row print numbers (or that
 * row only labels: onlyLabels) — value rows on both sides. They are a label wrapped over rows below its values (4.无正当 | 0 … · 理由大量反 ·
 * 复申请 · 5.要求… | 0 …) or rows whose values are all blank, one under another, in any of the table's
 * label columns (3.要求提供公开出版物 · … · （六）其他处理 · （七）总计 | 767 …), also where the next part of
 * the table starts with a row the run printed already (its header again: repeatsHeader). A paragraph or
 * heading between two tables has a header row (no number) of another table after it.
 */
function labelRowsFrom(cells: string[][], i: number, run: string[][]): number {
  if (!run.length || !printsNumber(run[run.length - 1])) return -1;
  for (let j = i + 1; j <= i + MAX_LABEL_ROWS && j < cells.length; j++) {
    const filled = cells[j].filter((f) => f !== '').length;
    if (filled >= 2) return printsNumber(cells[j]) || onlyLabels(cells[j], run) || repeatsHeader(cells, j, run) ? j - 1 : -1;
    if (filled !== 1) return -1;
  }
  return -1;
}

/**
 * A one-cell row right under a run of header rows (no number yet), left of every word they print, and over a
 * row of values: the first line of a label wrapped over two rows (一、本年新收政府 · 信息公开申请数量 | 821 …),
 * whose column no header row names (the corner's text stands in the row above the run). A row of the table:
 * read as a paragraph, it would cut the values from the header that places them.
 */
function firstLabelUnderHeader(column: number, next: string[], run: string[][]): boolean {
  if (run.some(printsNumber) || !printsNumber(next)) return false;
  return run.every((row) => row.every((f, c) => f === '' || c > column));
}

/** The blocks of CSV rows: a row of one cell a paragraph, runs of rows of several cells a table each. */
export function readCsvBlocks(rows: string[][]): Block[] {
  const blocks: Block[] = [];
  let run: string[][] = [];
  const flush = () => {
    if (run.length) {
      // The sheet's columns this table leaves empty in every row are not its columns (the sheet's grid is
      // shared by every table on it; a merged cell writes its text once and empties over the rest).
      const used = run[0].map((_, c) => run.some((row) => row[c] !== ''));
      blocks.push({ kind: 'table', rows: converterGrid(run.map((row) => row.filter((_, c) => used[c]))) });
    }
    run = [];
  };
  const cells = rows.map((row) => row.map((field) => joinLines(field.split('\n'))));
  const filledCount = (fields: string[]) => fields.filter((f) => f !== '').length;
  let labelRowsTo = -1;
  for (const [i, fields] of cells.entries()) {
    const filled = fields.filter((f) => f !== '');
    // A row whose values are all blank leaves only its label: inside a table (rows of several cells go on
    // after it, or after a run of such rows between value rows: labelRowsFrom) and in a column the table
    // prints labels in, it is a row of the table, not a paragraph.
    if (filled.length === 1 && i > labelRowsTo) labelRowsTo = labelRowsFrom(cells, i, run);
    const column = fields.findIndex((f) => f !== '');
    const labelOnly =
      filled.length === 1 &&
      run.length > 0 &&
      (((filledCount(cells[i + 1] ?? []) >= 2 || i <= labelRowsTo) && run.some((r) => isLabel(r[column]))) || firstLabelUnderHeader(column, cells[i + 1] ?? [], run));
    if (filled.length >= 2 || labelOnly) {
      if (startsAnotherTable(fields, run)) {
        const header = run.splice(run.length - headerRowsBefore(run));
        flush();
        run.push(...header);
      } else if (valuesOnOtherGrid(fields, run)) flush();
      run.push(fields);
      continue;
    }
    flush();
    if (filled.length === 1) blocks.push({ kind: 'paragraph', text: filled[0] });
  }
  flush();
  return blocks;
}
