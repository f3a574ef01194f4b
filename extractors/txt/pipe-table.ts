/** Markdown pipe tables as converters write them: `| a | b |` rows, `|---|:--:|` separator rows dropped. */
import { cell, type TableBlock } from '../model.js';
import { trimCell } from './lines.js';

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
    if (!isSeparatorRow(lines[i])) rows.push(splitRow(lines[i]));
  }
  const width = rows.length ? Math.max(...rows.map((r) => r.length)) : 0;
  const grid = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')].map((t) => cell(t)));
  return { table: { kind: 'table', rows: grid }, next: i };
}
