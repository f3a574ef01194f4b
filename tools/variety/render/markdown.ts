/**
 * Markdown as PDF→Markdown converters write it: headings with #, pipe tables with every span expanded
 * (a spanned position is empty), wrapped label lines joined with <br>.
 */
import type { Block, ReportModel, TablePiece } from '../model.js';
import { toGrid, toMatrix } from './grid.js';

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
const line = (cells: string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`;

function pipeTable(header: string[], body: string[][]): string {
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
}

function tableMarkdown(piece: TablePiece): string {
  const matrix = toMatrix(toGrid(piece));
  const width = Math.max(...matrix.map((r) => r.length), piece.markdownHeader?.length ?? 0);
  const pad = (row: string[]): string[] => [...row, ...Array(Math.max(0, width - row.length)).fill('')];
  const table = piece.markdownHeader
    ? pipeTable(pad(piece.markdownHeader), matrix)
    : pipeTable(pad(matrix[0] ?? []), matrix.slice(1));
  return piece.caption ? `${piece.caption}\n\n${table}` : table;
}

function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case 'title':
      return `# ${block.text}`;
    case 'heading':
      return `## ${block.text}`;
    case 'paragraph':
      return block.text;
    case 'table':
      return tableMarkdown(block.piece);
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
  return model.blocks.map(blockMarkdown).filter((b) => b !== '').join('\n\n') + '\n';
}
