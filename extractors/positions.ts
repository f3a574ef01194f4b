/**
 * Every table cell stamped with where it stood in the document as read (the table's index among the
 * document's tables, its row and column), so a value found later can be shown in its source table.
 * Readers are deterministic: reading the same bytes again gives the same tables at the same places.
 */
import type { Block, DocumentModel, TableBlock } from './model.js';

export function withTablePositions(doc: DocumentModel): DocumentModel {
  let table = -1;
  const blocks = doc.blocks.map((block): Block => {
    if (block.kind !== 'table') return block;
    table += 1;
    const t = table;
    return {
      ...block,
      // Object.assign, not spread: cells of every reader pass here, and a spread site that has seen
      // that many object shapes takes V8's slow generic clone (~2.5 µs a cell against ~0.2, about
      // 1 ms of a PDF report's CPU). Same keys in the same order (prov stays where the cell had it).
      rows: block.rows.map((cells, row) => cells.map((c, col) => Object.assign({}, c, { prov: Object.assign({}, c.prov, { table: t, row, col }) }))),
    };
  });
  return { ...doc, blocks };
}

/** The document's tables in the order `withTablePositions` numbers them. */
export function tablesOf(doc: DocumentModel) {
  return doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
}
