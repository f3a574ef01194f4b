/**
 * A table marked up as portal CMSs and Word's HTML export print them (TableStructure): extra 序号 and
 * 备注 columns, <thead>/<th>/<caption>, empty spacer rows, text wrapped in <p>/<span>/<font> or broken
 * by <br>, &nbsp; in empty cells, numbers in styled spans, tables inside a layout table's cell.
 * The cells themselves (toGrid) are the plain rendering's.
 */
import type { TablePiece, TableStructure } from '../model.js';
import { toGrid, type GridCell } from './grid.js';
import { escapeMarkup } from './escape.js';


/** Words a 备注 column holds in real reports (never a number: the column is not the template's). */
const REMARKS = ['', '无', '—', '已办结', '按期答复', '', '含转办件', ''];

interface Cell extends GridCell {
  th?: boolean;
}

const blankCell = (role: GridCell['role'] = 'filler', colspan = 1, rowspan = 1): Cell => ({ text: '', colspan, rowspan, role });

function lineHtml(line: string, cell: Cell, s: TableStructure, word: boolean): string {
  let text = escapeMarkup(line);
  if (s.numberSpans && /^\d+$/.test(line)) text = `<span style="font-family:'Times New Roman';font-size:10.5pt">${text}</span>`;
  if (s.nbsp && line && cell.role === 'value') text += '&nbsp;';
  if (!text) text = s.nbsp || word ? '&nbsp;' : '';
  if (word) return `<p class=MsoNormal align=center style='text-align:center'><span style='font-family:宋体'>${text}<o:p></o:p></span></p>`;
  switch (s.markup) {
    case 'p':
      return `<p style="margin:0;text-align:center">${text}</p>`;
    case 'span':
      return `<span style="font-size:10.5pt">${text}</span>`;
    case 'font':
      return `<font face="宋体" size="2">${text}</font>`;
    default:
      return text;
  }
}

function cellHtml(cell: Cell, s: TableStructure, word: boolean): string {
  const tag = cell.th ? 'th' : 'td';
  const attrs = [cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '', cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '', cell.valign ? ` valign="${cell.valign}"` : ''].join('');
  const lines = cell.text.split('\n').map((l) => lineHtml(l, cell, s, word));
  const joiner = !word && (s.markup === 'br' || !s.markup) ? '<br>' : '';
  return `<${tag}${attrs}>${lines.join(joiner)}${s.markup === 'br' && !word && cell.role === 'label' && cell.text ? '<br>' : ''}</${tag}>`;
}

const widthOf = (row: GridCell[]): number => row.reduce((sum, c) => sum + c.colspan, 0);

/** The grid with the structure's extra columns and spacer rows. */
function structuredGrid(piece: TablePiece, s: TableStructure): { rows: Cell[][]; heads: number } {
  const grid: Cell[][] = toGrid(piece).map((row) => row.map((c) => ({ ...c })));
  const heads = piece.header.length;
  const width = grid.length ? Math.max(...grid.slice(0, Math.max(1, heads)).map(widthOf)) : 0;
  let serial = 0;
  const rows: Cell[][] = grid.map((row, r) => {
    const out = [...row];
    const isHead = row.every((c) => c.role === 'head');
    if (r < heads) {
      if (r === 0 && s.serial) out.unshift({ text: '序号', colspan: 1, rowspan: heads, role: 'head' });
      if (r === 0 && s.remarks) out.push({ text: '备注', colspan: 1, rowspan: heads, role: 'head' });
      return out;
    }
    if (isHead) {
      // A heading line inside the body (table 二's item headings) spans the new columns too.
      if (s.serial) out[0] = { ...out[0], colspan: out[0].colspan + 1 };
      if (s.remarks) out[out.length - 1] = { ...out[out.length - 1], colspan: out[out.length - 1].colspan + 1 };
      return out;
    }
    serial++;
    if (s.serial) out.unshift({ text: String(serial), colspan: 1, rowspan: 1, role: 'label' });
    if (s.remarks) out.push({ text: s.remarks === 'text' ? REMARKS[(serial * 5 + r) % REMARKS.length] : '', colspan: 1, rowspan: 1, role: 'label' });
    return out;
  });
  if (s.semantic) for (const row of rows.slice(0, heads)) for (const cell of row) cell.th = true;
  if (!s.spacerRows) return { rows, heads };
  const full = width + (s.serial ? 1 : 0) + (s.remarks ? 1 : 0);
  const spacer = (): Cell[] => Array.from({ length: full }, () => blankCell());
  // Spacers only where no rowspan crosses: after the header, and before a row that opens every column.
  const crossing = new Set<number>();
  rows.forEach((row, r) => row.forEach((c) => { for (let k = r + 1; k < r + c.rowspan; k++) crossing.add(k); }));
  const withSpacers: Cell[][] = [];
  rows.forEach((row, r) => {
    const opensGroup = r > heads && !crossing.has(r) && row.some((c) => c.rowspan > 1);
    if ((r === heads && heads > 0 && !crossing.has(r)) || opensGroup) withSpacers.push(spacer());
    withSpacers.push(row);
  });
  return { rows: withSpacers, heads };
}

/** One report table as HTML under the structure (portal markup, or Word's when `word`). */
export function structuredTableHtml(piece: TablePiece, s: TableStructure, word: boolean, paragraph: (text: string) => string): string {
  const { rows, heads } = structuredGrid(piece, s);
  if (s.divs && !word) return (piece.caption ? paragraph(piece.caption) : '') + divTableHtml(rows, s, s.divs);
  const tr = (row: Cell[]) => `<tr>${row.map((c) => cellHtml(c, s, word)).join('')}</tr>`;
  const open = word ? `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>` : `<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%">`;
  const caption = piece.caption && s.semantic ? `<caption>${escapeMarkup(piece.caption)}</caption>` : '';
  const before = piece.caption && !s.semantic ? paragraph(piece.caption) : '';
  const headRows = rows.slice(0, heads);
  // A spacer right after the header stays in the body.
  const body = s.semantic && heads ? `<thead>\n${headRows.map(tr).join('\n')}\n</thead>\n<tbody>\n${rows.slice(heads).map(tr).join('\n')}\n</tbody>` : `<tbody>\n${rows.map(tr).join('\n')}\n</tbody>`;
  const table = `${open}${caption}\n${body}</table>`;
  return before + (s.wrapTables ? `<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td>${table}</td></tr></table>` : table);
}

/** Inline styles of a div table when the page's stylesheet does not carry them (renderHtml's .dt/.dr/.dc). */
const DIV_STYLE = {
  table: 'display:table;border-collapse:collapse;width:100%',
  row: 'display:table-row',
  cell: 'display:table-cell;border:1px solid #000;padding:2px 4px;text-align:center;vertical-align:middle',
};

/** The page stylesheet's rules for div tables styled by class (nothing for any other page: its rendering stays as it was). */
export const divTableCss = (s: TableStructure | undefined): string =>
  s?.divs === 'class' ? ` .dt{${DIV_STYLE.table}} .dr{${DIV_STYLE.row}} .dc{${DIV_STYLE.cell};font-size:10.5pt}` : '';

/** A table as rows of <div>s: one div a row, one div a cell as printed (a merged cell once, so rows are ragged). */
function divTableHtml(rows: Cell[][], s: TableStructure, styling: 'class' | 'inline'): string {
  const attrs = (kind: keyof typeof DIV_STYLE, cls: string) => (styling === 'inline' ? ` style="${DIV_STYLE[kind]}"` : ` class="${cls}"`);
  const cell = (c: Cell) => {
    const lines = c.text.split('\n').map((l) => lineHtml(l, c, s, false));
    return `<div${attrs('cell', 'dc')}>${lines.join(!s.markup || s.markup === 'br' ? '<br>' : '')}</div>`;
  };
  return `<div${attrs('table', 'dt')}>\n${rows.map((row) => `<div${attrs('row', 'dr')}>${row.map(cell).join('')}</div>`).join('\n')}\n</div>`;
}

/**
 * The article inside an old portal template's one-cell layout table. Portals fix it at their page width
 * (960 px); as a percentage it also fits the A4 page LibreOffice prints it on, where 960 px would cut the
 * tables off at the right edge (cells the truth holds but the PDF never shows).
 */
export const nestedArticle = (body: string): string => `<table width="100%" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td valign="top">\n${body}\n</td></tr></table>`;
