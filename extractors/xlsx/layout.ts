/**
 * A sheet's grid as document blocks. Tables are the runs of rows between empty rows and full-width
 * captions or sentences (a sheet may hold one table, all three one under the other, or a whole report
 * page pasted in). Above a table, rows whose every text reads as a title or caption (the merged title
 * naming agency and year, 二、主动公开政府信息情况, 表一, 单位：件) are text, not table rows; so are rows
 * of notes under it (注：…, 填报人, a date). Any other row, a header spanning the whole width
 * (第二十条第（一）项) included, stays in its table.
 */
import type { Block, HeadingBlock, ParagraphBlock, TableBlock } from '../model.js';
import type { GridCell } from './grid.js';
import { isValueToken } from '../value-token.js';

const YEAR = /(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年/;
const REPORT = /报告|年报/;
const CAPTION = new RegExp(
  [
    YEAR.source,
    REPORT.source,
    '统计表|情况表|统计数据',
    '^附?表\\s*[一二三四五六七八九十\\d]',
    '^[一二三四五六七八九十]+\\s*[、.．]',
    '^(?:填报|统计|编制)?单位\\s*[:：]',
    '^(?:制表|填报)',
  ].join('|'),
);
/** Sentences, not table cells: prose that ends like one, or runs longer than any label. */
const PROSE = /[。；：:]$|^.{60,}$/;
const NOTE = /^(?:注|备注|说明)\s*[:：\d]|^(?:填报|制表|审核|负责人|联系)|(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*\S{1,2}\s*月\s*\S{1,3}\s*日$/;

/** The texts of a row, each once (a merged cell speaks through its top-left cell). */
function rowTexts(row: GridCell[]): string[] {
  return row.filter((c) => !c.spanned && c.text.trim()).map((c) => c.text.trim());
}

/** The one text of a row whose non-empty cells all come from one cell (a merged or lone title), else undefined. */
function singleText(row: GridCell[]): string | undefined {
  const texts = rowTexts(row);
  return texts.length === 1 ? texts[0] : undefined;
}

/** The row's texts when every one of them matches `pattern` (and no cell is only a doubt), else undefined. */
function textsMatching(row: GridCell[], pattern: RegExp): string[] | undefined {
  const texts = rowTexts(row);
  if (!texts.length || row.some((c) => c.doubt) || !texts.every((t) => pattern.test(t))) return undefined;
  return texts;
}

const isEmptyRow = (row: GridCell[]) => row.every((c) => !c.text.trim() && !c.doubt);


/**
 * A line of text inside a run of rows: one cell merged over the whole width holding a caption
 * (三、收到和处理政府信息公开申请情况) or a sentence, as when a whole report page is pasted into a sheet. A
 * full-width header such as 第二十条第（一）项 is neither and stays in its table.
 */
function textLine(row: GridCell[]): string | undefined {
  const text = row[0]?.text.trim();
  if (!text || row.length < 2 || !row.every((c) => c.text.trim() === text && !c.doubt)) return undefined;
  return CAPTION.test(text) || PROSE.test(text) ? text : undefined;
}

type Run = { rows: GridCell[][] } | { line: string };

/** Runs of rows between empty rows and text lines, and the text lines themselves, in sheet order. */
function runs(rows: GridCell[][]): Run[] {
  const out: Run[] = [];
  let current: GridCell[][] = [];
  const flush = () => {
    if (current.length) out.push({ rows: current });
    current = [];
  };
  for (const row of rows) {
    const line = textLine(row);
    if (isEmptyRow(row) || line !== undefined) {
      flush();
      if (line !== undefined) out.push({ line });
    } else current.push(row);
  }
  flush();
  return out;
}

/** Columns empty in every row of the table are padding from wider tables elsewhere on the sheet. */
function trimColumns(rows: GridCell[][]): GridCell[][] {
  const width = rows[0]?.length ?? 0;
  const used = (c: number) => rows.some((row) => row[c]!.text.trim() || row[c]!.doubt);
  let left = 0;
  while (left < width && !used(left)) left++;
  let right = width - 1;
  while (right > left && !used(right)) right--;
  return rows.map((row) => row.slice(left, right + 1));
}

/**
 * A table whose blanks are written cells (bordered, styled: an empty cell on the sheet) has a row that
 * ends before its last column only when cells are missing from that row: the positions past its end
 * are absent, as a ragged HTML row's are, never blanks it prints. A table written without its blanks
 * says nothing either way, and its unwritten cells stay blanks.
 */
function writesBlanks(rows: GridCell[][]): boolean {
  return rows.some((row) => row.some((c) => !c.spanned && !c.unwritten && !c.doubt && !c.text.trim()));
}

/**
 * A table that writes its values merged across sheet columns (an HTML table's colspan, as LibreOffice
 * saves it) says where a row ends even when it writes no empty cell: a value the row printed there would
 * be written merged as the row's own and the other rows' are. A row that writes its values merged, its
 * end unwritten and unmerged in columns where another row writes a value merged across, lacks cells
 * there; it did not leave blanks unwritten. (A sheet of several tables, one merging a value across, says
 * nothing of a table whose rows write their values cell by cell.)
 */
function endsShort(rows: GridCell[][], r: number): boolean {
  const mergedValue = (row: GridCell[], i: number) => !!row[i]?.mergedAcross && isValueToken(row[i]!.text);
  if (!rows[r]!.some((_, i) => mergedValue(rows[r]!, i))) return false;
  const past = rows[r]!.flatMap((c, i) => (c.pastRowEnd ? [i] : []));
  return past.some((i) => rows.some((row, k) => k !== r && mergedValue(row, i)));
}

function tableBlock(rows: GridCell[][]): TableBlock {
  const grid = trimColumns(rows);
  const ragged = writesBlanks(grid);
  return {
    kind: 'table',
    rows: grid.map((row, r) => {
      const short = ragged || endsShort(grid, r);
      return row.map((c) => ({ text: c.text, ...(c.spanned ? { spanned: true } : {}), ...(c.doubt ? { doubt: c.doubt } : {}), ...(short && c.pastRowEnd ? { absent: true } : {}) }));
    }),
  };
}

export interface LayoutState {
  /** Set once the report's title has been given out as the document's heading. */
  titled: boolean;
}

function textBlock(text: string, state: LayoutState): HeadingBlock | ParagraphBlock {
  if (!state.titled && REPORT.test(text) && YEAR.test(text) && !PROSE.test(text)) {
    state.titled = true;
    return { kind: 'heading', text, level: 1 };
  }
  return { kind: 'paragraph', text };
}

export function sheetBlocks(rows: GridCell[][], state: LayoutState): Block[] {
  const blocks: Block[] = [];
  for (const run of runs(rows)) {
    if ('line' in run) {
      blocks.push(textBlock(run.line, state));
      continue;
    }
    const segment = run.rows;
    let start = 0;
    for (let texts; start < segment.length && (texts = textsMatching(segment[start]!, CAPTION)); start++) {
      for (const text of texts) blocks.push(textBlock(text, state));
    }
    let end = segment.length;
    while (end > start && textsMatching(segment[end - 1]!, NOTE)) end--;
    const body = segment.slice(start, end);
    // Lines of text one under the other (a note, prose pasted into cells) are not a table.
    if (body.every((row) => singleText(row) !== undefined)) body.forEach((row) => blocks.push(textBlock(singleText(row)!, state)));
    else if (body.length) blocks.push(tableBlock(body));
    for (const row of segment.slice(end)) for (const text of rowTexts(row)) blocks.push(textBlock(text, state));
  }
  return blocks;
}
