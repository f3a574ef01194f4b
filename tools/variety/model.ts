/**
 * The generator's own picture of a report, before it is set in any format: headings, paragraphs and
 * tables whose rows still know their template row and cell keys. Axes (axes/*.ts) rewrite this model;
 * renderers (render/*.ts) print it.
 */
import type { TableId } from '../../src/templates/ids.js';
import type { HtmlHiding } from './render/hidden-html.js';
import type { WordHiding } from './render/docx-hidden.js';

/** A header cell, with the spans a word processor would give it. */
export interface HeadCell {
  text: string;
  colspan?: number;
  rowspan?: number;
}

export interface ValueCell {
  text: string;
  /** The cell key this value is printed for; absent for a stray empty cell. */
  key?: string;
  /** Columns the cell covers (a one-value row of a three-column block). */
  colspan?: number;
}

export interface DataRow {
  /** The template row id ('' for the appeals table's single unlabelled row). */
  id: string;
  /** Group headings, outermost first (三、本年度办理结果, （三）不予公开); printed once per group. */
  groups: string[];
  /** The row's own label, one entry per printed line (more than one when the label wraps). */
  label: string[];
  /** Which label line carries the values (-1: none, the part of a row cut by a page break without them). */
  valueLine: number;
  /** 'lines': the label wraps inside one cell; 'cells': each label line is a row of its own. */
  wrap: 'lines' | 'cells';
  values: ValueCell[];
}

/** A header line inside a table's body (table 二 repeats 第二十条 item headings between its blocks). */
export interface HeadRow {
  head: HeadCell[];
}

export type Row = DataRow | HeadRow;

export const isDataRow = (row: Row): row is DataRow => !('head' in row);

/** One printed table: header rows (a grid with spans) over data rows. */
export interface TablePiece {
  table: TableId;
  /** Label columns to the left of the values (requests: 3; proactive: 1; appeals: 0). */
  labelColumns: number;
  /** Value columns (the widest row's). */
  valueColumns: number;
  header: HeadCell[][];
  rows: Row[];
  /** A text line printed just before the table (a caption such as 行政复议). */
  caption?: string;
  /** Markdown only: print this header line (placeholder or copied) instead of the real one. */
  markdownHeader?: string[];
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  /** `figures` marks the paragraph that states the year's figures (the prose axis rewrites it). */
  | { kind: 'paragraph'; text: string; figures?: boolean }
  | { kind: 'table'; piece: TablePiece }
  /** A page break (PDF/DOCX) or a page footer line (text). */
  | { kind: 'break'; footer: string }
  /** An empty placeholder table of '-' cells, as PDF→Markdown converters leave behind. */
  | { kind: 'dash-table'; columns: number; rows: number }
  /**
   * A table that is not a template table (platform statistics, a summary, a pre-2019 statistics table):
   * its first row is the header. `spans`: merged cells, each at its origin; the positions it covers hold ''
   * (HTML and what is made from it merge them; text prints the origin's text once, then empty cells).
   */
  | { kind: 'other-table'; rows: string[][]; spans?: Span[] };

/** A merged cell of an other-table: its origin (row, column in the dense grid) and how far it reaches. */
export interface Span {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

/**
 * How a word processor lays the report out on pages, beyond the cells (HTML → LibreOffice → PDF only;
 * absent: ruled tables, no running header or footer). Word and WPS exports vary in all of these.
 */
export interface PageLook {
  /** 'none': no rulings at all; 'three-line': only above the header, under it and under the last row. */
  rules?: 'none' | 'three-line';
  /** Header rows repeated at the top of every page a table runs over (<thead>). */
  repeatHeader?: boolean;
  /** Running page header and footer ({page}, {pages}: the page number and count fields). */
  pageHeader?: string;
  pageFooter?: string;
  /** Width of each label column in percent of the table (a narrow one wraps every long label). */
  labelWidth?: number;
  /** Text laid over a table: a watermark (公开) or a seal's words, positioned over the table's rows. */
  overlay?: { table: TableId; lines: string[]; size: number; left: number; top: number };
}

/**
 * How a portal CMS or Word marks a table up, beyond its cells (HTML, and DOCX/PDF made from it; absent:
 * plain <table><tr><td>). Real reports vary in all of these; none changes what a cell says.
 */
export interface TableStructure {
  /** The whole article inside a one-cell layout table (old portal templates). */
  nest?: boolean;
  /** Each report table inside a cell of a one-cell wrapper table. */
  wrapTables?: boolean;
  /** A 序号 first column numbering the body rows. */
  serial?: boolean;
  /** A 备注 last column, empty or with short words. */
  remarks?: 'empty' | 'text';
  /** <thead>/<th>/<tbody>, and the caption line as <caption>. */
  semantic?: boolean;
  /** An empty row after the header rows and after each label group. */
  spacerRows?: boolean;
  /** How a cell's text is marked up inside <td>. */
  markup?: 'p' | 'span' | 'br' | 'font';
  /** Empty cells as &nbsp;, values with a trailing &nbsp;. */
  nbsp?: boolean;
  /** Numbers inside their own styled <span> (<b> in total rows). */
  numberSpans?: boolean;
  /**
   * Portal pages only: tables laid out with <div>s (CSS display:table-row/table-cell), styled by class
   * names in the page's stylesheet or inline; a merged cell printed once, so rows are ragged.
   */
  divs?: 'class' | 'inline';
}

/**
 * Markdown only: tables as other PDF→Markdown converters write them — HTML inside the Markdown, each
 * table on one line wrapped in <html><body> with a cell's lines run together (MinerU), or a <table>
 * block of one row a line with <br> between a cell's lines (marker and the like); or pipe tables whose
 * merged cells are unmerged, every position repeating the cell's text, a cell's lines joined by a
 * space (Docling).
 */
export type MarkdownTables = 'html-line' | 'html-block' | 'pipe-repeat';

/**
 * Text drawn again over itself a fraction of a point aside (simulated bold, a text shadow): in the
 * headings, the tables' cells or both, as CSS text-shadows Chromium prints as more copies of each run.
 */
export interface Overprint {
  targets: 'headings' | 'tables' | 'all';
  /** CSS text-shadow values, one per copy. */
  shadows: string[];
}

/**
 * 分散对齐 (distributed alignment), as Word and WPS tables spread a cell's characters across the cell's
 * width: each glyph its own run in a printed PDF, far apart. Chromium prints it from CSS
 * `text-align:justify;text-align-last:justify;text-justify:inter-character`. The labels (first column),
 * the numbers (other columns) or all cells.
 */
export interface Distributed {
  targets: 'labels' | 'numbers' | 'all';
}

/** How text renderings separate a table's cells on a line (TXT, and tables printed as text in a page). */
export const SEPARATORS = ['glued', 'spaces', 'tabs', 'pipes', 'lines'] as const;
/**
 * Also a cell per line with nothing between rows, or a blank line after each (a crawler's get_text('\n')):
 * not among SEPARATORS, whose draws the older axes' variants depend on (axis cell-lines draws them).
 */
export type Separator = (typeof SEPARATORS)[number] | 'cell-lines' | 'cell-lines-parted';

/**
 * Tables printed as text in a web page or Word document, as a CMS that lost the <table> or an author who
 * typed the table leaves them: each line a paragraph (<p>), lines broken by <br> in one paragraph, or a
 * <pre> block; cells apart by the separator (tabs as &nbsp; runs outside <pre>).
 */
export interface FlattenedTables {
  markup: 'p' | 'br' | 'pre';
  separator: Separator;
}

/**
 * How a page spells what a reader does not see (axis invisible): its line ends (CRLF as Windows tools
 * write them, a lone CR as old Mac ones did) and, in HTML, its characters as numeric entities — digits
 * as &#48; or &#x30;, zero-width spaces as &#x200b; or <wbr>, no-break spaces as &nbsp; or &#160;.
 * Absent: '\n' and the characters themselves, so every other rendering stays byte-identical.
 */
export interface Spelling {
  lineEnds?: '\r\n' | '\r';
  entities?: boolean;
}

export interface ReportModel {
  look?: PageLook;
  spelling?: Spelling;
  /** How a page hides the text marked hidden (axis invisible, render/hidden-html.ts); absent: nothing is hidden in HTML. */
  hiding?: HtmlHiding;
  /** How a Word document keeps the text marked hidden unshown (render/docx-hidden.ts); absent: Word's hidden font. */
  wordHiding?: WordHiding;
  flattened?: FlattenedTables;
  structure?: TableStructure;
  markdownTables?: MarkdownTables;
  overprint?: Overprint;
  distributed?: Distributed;
  /**
   * The page's own title (HTML <title>, and the file's title LibreOffice carries into DOCX and PDF) when it is not
   * the report's first title line: a portal's title with its site name, or last year's title left in a copied file.
   */
  pageTitle?: string;
  agency: string;
  year: number;
  blocks: Block[];
  /** How a blank cell is printed in this document: '', '-', '/' or '无'. */
  blank: string;
  /** The truth's cells the report prints (for prose that states them). */
  cells: Record<string, number | null>;
}

export function tablePieces(model: ReportModel): TablePiece[] {
  return model.blocks.flatMap((b) => (b.kind === 'table' ? [b.piece] : []));
}

/** A table of either kind: a template table's piece or a table that is not the template's. */
export type AnyTableBlock = Extract<Block, { kind: 'table' | 'other-table' }>;

/** Every table of the report in order, template or not: what a report posting its tables as pictures pastes as screenshots. */
export function tableBlocks(model: ReportModel): AnyTableBlock[] {
  return model.blocks.filter((b): b is AnyTableBlock => b.kind === 'table' || b.kind === 'other-table');
}
