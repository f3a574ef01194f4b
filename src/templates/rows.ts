/**
 * The document's table rows as the mapper sees them: a label (the row's text cells) and the values
 * after it. Rows of all table blocks form one stream, so a table split over several blocks (page
 * breaks, a portal that cut one table in two) maps like one table.
 */
import type { Block, Provenance, TableCell } from '../../extractors/model.js';
import { readCell, type CellReading } from './numbers.js';

export interface ValueCell {
  /** Grid column of the cell in its table block (to line values up with header labels). */
  col: number;
  raw: string;
  reading: CellReading;
  prov?: Provenance;
}

export interface DocRow {
  /** Position in the stream of all table rows of the document. */
  index: number;
  /** Index of the table block in the document's blocks. */
  block: number;
  label: string;
  values: ValueCell[];
  cells: TableCell[];
}

export function tableRows(blocks: Block[]): DocRow[] {
  const rows: DocRow[] = [];
  blocks.forEach((block, blockIndex) => {
    if (block.kind !== 'table' || block.glued) return;
    for (const cells of block.rows) rows.push(docRow(cells, blockIndex, rows.length));
  });
  return rows;
}

export function docRow(cells: TableCell[], block: number, index: number): DocRow {
  const readings = cells.map((c) => readCell(c.text));
  // The label ends at the last text cell before the first number: a garbled value further right
  // (OCR reading 8 as B) is an unreadable value in its column, not part of the label.
  const firstNumber = readings.findIndex((r) => r.kind === 'number');
  const labelEnd = firstNumber < 0 ? readings.length : firstNumber;
  let lastText = -1;
  for (let i = 0; i < labelEnd; i++) if (readings[i].kind === 'text') lastText = i;
  const labelParts: string[] = [];
  for (let i = 0; i <= lastText; i++) {
    const text = cells[i].text.trim();
    if (readings[i].kind === 'text' && text && labelParts[labelParts.length - 1] !== text) labelParts.push(text);
  }
  const values: ValueCell[] = [];
  for (let i = lastText + 1; i < cells.length; i++) {
    if (cells[i].spanned) continue; // a merged value cell counts once
    values.push({ col: i, raw: cells[i].text, reading: readings[i], prov: cells[i].prov });
  }
  return { index, block, label: labelParts.join(' '), values, cells };
}

/** Values up to the last one that is not blank (padding of ragged rows is not data). */
export function meaningfulValueCount(row: DocRow): number {
  let n = 0;
  row.values.forEach((v, i) => {
    if (v.reading.kind !== 'blank') n = i + 1;
  });
  return n;
}
