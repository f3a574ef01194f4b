/**
 * Markdown as PDF→Markdown converters write it: headings with #, pipe tables with every span expanded
 * (a spanned position is empty), wrapped label lines joined with <br>; or every table as HTML inside
 * the Markdown, spans kept (model.markdownTables).
 */
import type { Block, MarkdownTables, ReportModel, TablePiece } from '../model.js';
import { spannedRows, toGrid, toMatrix, type GridCell } from './grid.js';
import { escapeMarkup } from './escape.js';
import { spellLineEnds } from './spelling.js';

const escapeCell = (text: string, lineBreak = '<br>'): string => text.replace(/\|/g, '\\|').replace(/\n/g, lineBreak);
const line = (cells: string[], lineBreak?: string): string => `| ${cells.map((c) => escapeCell(c, lineBreak)).join(' | ')} |`;

function pipeTable(header: string[], body: string[][], lineBreak?: string): string {
  return [line(header, lineBreak), line(header.map(() => '---')), ...body.map((row) => line(row, lineBreak))].join('\n');
}

function tableMarkdown(piece: TablePiece, repeat: boolean): string {
  const matrix = toMatrix(toGrid(piece), repeat ? 'repeat' : 'empty');
  const lineBreak = repeat ? ' ' : '<br>';
  const width = Math.max(...matrix.map((r) => r.length), piece.markdownHeader?.length ?? 0);
  const pad = (row: string[]): string[] => [...row, ...Array(Math.max(0, width - row.length)).fill('')];
  const table = piece.markdownHeader
    ? pipeTable(pad(piece.markdownHeader), matrix, lineBreak)
    : pipeTable(pad(matrix[0] ?? []), matrix.slice(1), lineBreak);
  return piece.caption ? `${piece.caption}\n\n${table}` : table;
}


function htmlTable(rows: GridCell[][], style: Exclude<MarkdownTables, 'pipe-repeat'>): string {
  const cell = (c: GridCell): string => {
    const spans = `${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}`;
    return `<td${spans}>${c.text.split('\n').map(escapeMarkup).join(style === 'html-line' ? '' : '<br>')}</td>`;
  };
  const trs = rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`);
  return style === 'html-line' ? `<html><body><table>${trs.join('')}</table></body></html>` : ['<table>', ...trs, '</table>'].join('\n');
}

const plainRow = (texts: string[]): GridCell[] => texts.map((text) => ({ text, colspan: 1, rowspan: 1, role: 'value' }));

function tableAsHtml(piece: TablePiece, style: Exclude<MarkdownTables, 'pipe-repeat'>): string {
  const grid = toGrid(piece);
  const table = htmlTable(piece.markdownHeader ? [plainRow(piece.markdownHeader), ...grid] : grid, style);
  return piece.caption ? `${piece.caption}\n\n${table}` : table;
}

function blockMarkdown(block: Block, tables?: MarkdownTables): string {
  if (tables && tables !== 'pipe-repeat') {
    if (block.kind === 'table') return tableAsHtml(block.piece, tables);
    if (block.kind === 'dash-table') return htmlTable(Array.from({ length: block.rows + 1 }, () => plainRow(Array(block.columns).fill('-'))), tables);
    if (block.kind === 'other-table') return htmlTable(spannedRows(block.rows, block.spans), tables);
  }
  switch (block.kind) {
    case 'title':
      return `# ${block.text}`;
    case 'heading':
      return `## ${block.text}`;
    case 'paragraph':
      return block.text;
    case 'table':
      return tableMarkdown(block.piece, tables === 'pipe-repeat');
    case 'break':
      return '';
    case 'dash-table': {
      const row = Array(block.columns).fill('-');
      return pipeTable(row, Array.from({ length: block.rows }, () => row));
    }
    case 'other-table':
      return pipeTable(block.rows[0], block.rows.slice(1));
  }
}

export function renderMarkdown(model: ReportModel): string {
  return spellLineEnds(model.blocks.map((b) => blockMarkdown(b, model.markdownTables)).filter((b) => b !== '').join('\n\n') + '\n', model.spelling);
}
