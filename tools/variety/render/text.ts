/**
 * Plain-text renderings of a report, as crawlers, DOCX flattenings and pdftotext leave them: the same
 * cells in reading order, separated in one of five ways.
 */
import { spellLineEnds } from './spelling.js';
import { isDataRow, type Block, type DataRow, type ReportModel, type Separator, type TablePiece } from '../model.js';


/** The printed lines of a table, each a list of cell texts in reading order. */
export function tableLines(piece: TablePiece): string[][] {
  const lines: string[][] = [];
  for (const row of piece.header) lines.push(row.map((c) => c.text));
  piece.rows.forEach((row, r) => {
    if (!isDataRow(row)) {
      lines.push(row.head.map((c) => c.text));
      return;
    }
    const previous = piece.rows[r - 1];
    const groups = row.groups.filter((g, level) => !(previous && isDataRow(previous) && startsSame(previous, row, level)));
    const values = row.values.map((v) => v.text);
    if (piece.labelColumns === 0) {
      lines.push(values);
      return;
    }
    const label = row.label.length ? row.label : [''];
    label.forEach((text, i) => lines.push([...(i === 0 ? groups : []), text, ...(i === row.valueLine ? values : [])]));
  });
  return lines;
}

function startsSame(a: DataRow, b: DataRow, level: number): boolean {
  for (let l = 0; l <= level; l++) if (a.groups[l] === undefined || a.groups[l] !== b.groups[l]) return false;
  return true;
}

function joinLine(cells: string[], separator: Separator): string {
  switch (separator) {
    case 'glued':
      return cells.join('');
    case 'spaces':
      return cells.join(' ');
    case 'tabs':
      return cells.join('\t');
    case 'pipes':
      return `| ${cells.join(' | ')} |`;
    case 'cell-lines':
      return cells.join('\n');
    case 'cell-lines-parted':
      return cells.join('\n') + '\n';
    case 'lines':
      // The DOCX flattening: every cell on a line of its own after a tab, a blank line after each row.
      return cells.map((c) => `\t${c}`).join('\n') + '\n';
  }
}

/** The table's printed lines of text, its cells apart by the separator ('lines': a cell per line, a blank line after each row). */
export function tableTextLines(piece: TablePiece, separator: Separator): string[] {
  return tableLines(piece).map((cells) => joinLine(cells, separator));
}

function tableText(piece: TablePiece, separator: Separator): string {
  const lines = tableTextLines(piece, separator);
  const body = separator === 'glued' ? lines.join('') : lines.join('\n');
  return piece.caption ? `${piece.caption}${separator === 'glued' ? '' : '\n'}${body}` : body;
}

export function renderText(model: ReportModel, separator: Separator): string {
  return spellLineEnds(plainText(model, separator), model.spelling);
}

function plainText(model: ReportModel, separator: Separator): string {
  const out: string[] = [];
  let page = 1;
  for (const block of model.blocks) out.push(blockText(block, separator, () => ++page));
  if (separator !== 'glued') return out.join('\n') + '\n';
  // A crawler's page text: the title on its own line, the body as one run with headings and tables
  // glued to the text around them.
  const [title, ...rest] = out;
  return `${title}\n${rest.join(' ')}\n`;
}

function blockText(block: Block, separator: Separator, nextPage: () => number): string {
  switch (block.kind) {
    case 'title':
    case 'heading':
    case 'paragraph':
      return block.text;
    case 'table':
      return tableText(block.piece, separator);
    case 'break':
      return separator === 'glued' ? '' : `\n${block.footer.replace('{n}', String(nextPage() - 1))}\n`;
    case 'dash-table':
      return Array.from({ length: block.rows }, () => joinLine(Array(block.columns).fill('-'), separator)).join('\n');
    case 'other-table':
      return block.rows.map((row) => joinLine(row, separator)).join(separator === 'glued' ? '' : '\n');
  }
}
