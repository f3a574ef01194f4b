/**
 * From the document's tables to the template's cell ids. One mapper per table, in a registry; each
 * sees the stream of all table rows and returns its layout and cells (or layout none).
 */
import type { DocumentModel } from '../../extractors/model.js';
import { LAYOUTS, TABLE_IDS, type TableId } from './ids.js';
import { tableRows, type DocRow } from './rows.js';
import type { MappedTables, TableMapping } from './result.js';
import { mapRowTable } from './row-table.js';
import { mapAppeals } from './appeals.js';

export type { MappedTables } from './result.js';

type TableMapper = (rows: DocRow[]) => TableMapping;

const TABLE_MAPPERS: Record<TableId, TableMapper> = {
  proactive: (rows) => mapRowTable(LAYOUTS.proactive, rows),
  requests: (rows) => mapRowTable(LAYOUTS.requests, rows),
  appeals: mapAppeals,
};

export function mapTemplates(doc: DocumentModel): MappedTables {
  const rows = tableRows(doc.blocks);
  const result: MappedTables = {
    layout: { proactive: 'none', requests: 'none', appeals: 'none' },
    cells: {},
    details: {},
    messages: [],
  };
  for (const table of TABLE_IDS) {
    const mapped = TABLE_MAPPERS[table](rows);
    result.layout[table] = mapped.layout;
    Object.assign(result.cells, mapped.cells);
    Object.assign(result.details, mapped.details);
    result.messages.push(...mapped.messages);
  }
  return result;
}
