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
      rows: block.rows.map((cells, row) => cells.map((c, col) => ({ ...c, prov: { ...c.prov, table: t, row, col } }))),
    };
  });
  return { ...doc, blocks };
}

/** The document's tables in the order `withTablePositions` numbers them. */
export function tablesOf(doc: DocumentModel) {
  return doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
}
