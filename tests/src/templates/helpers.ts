import type { DocumentModel, TableCell } from '../../../extractors/model.js';

/** A document with one table per argument; cells given as text ('' for empty, '~x' for a spanned copy of x). */
export function docWithTables(...tables: string[][][]): DocumentModel {
  return {
    format: 'html',
    meta: {},
    messages: [],
    blocks: tables.map((rows) => {
      const width = Math.max(...rows.map((r) => r.length));
      return {
        kind: 'table' as const,
        rows: rows.map((r) =>
          Array.from({ length: width }, (_, i): TableCell => {
            const t = r[i] ?? '';
            return t.startsWith('~') ? { text: t.slice(1), spanned: true } : { text: t };
          }),
        ),
      };
    }),
  };
}
