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
import { gluedSource, mapGluedTable } from './glued-mapping.js';
import { identitiesOf } from './identities.js';
import { confirmByIdentities } from './resolve/confirm.js';
import { doubtUncheckedOcr } from './resolve/ocr-unverified.js';
import { doubtFlatOcrNumbers } from './resolve/ocr-flat.js';
import { doubtSlashLikeSevens } from './resolve/ocr-slash.js';

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
  const glued = gluedSource(doc);
  for (const table of TABLE_IDS) {
    let mapped = TABLE_MAPPERS[table](rows);
    if (mapped.layout === 'none') {
      const fromGlued = mapGluedTable(table, glued());
      if (fromGlued.layout !== 'none') mapped = fromGlued;
    }
    result.layout[table] = mapped.layout;
    copyInto(result.cells, mapped.cells);
    copyInto(result.details, mapped.details);
    result.messages.push(...mapped.messages);
  }
  doubtFlatOcrNumbers(result.cells, result.details, result.messages);
  doubtSlashLikeSevens(result.cells, result.details, result.messages);
  for (const table of TABLE_IDS) confirmByIdentities(result.cells, result.details, identitiesOf(table, result.layout[table]), result.messages);
  doubtUncheckedOcr(result.cells, result.details, TABLE_IDS.flatMap((table) => identitiesOf(table, result.layout[table])), result.messages);
  // The solver's own notes (caps hit, rows it could not locate) matter once any table came from it.
  if (result.messages.some((m) => m.code === 'glued-table')) result.messages.push(...glued().messages);
  return result;
}

/**
 * Object.assign by hand: the same keys in the same order (cell keys are never array indices, and these
 * plain objects inherit no enumerable key), at about half the cost for a few hundred keys.
 */
function copyInto<T>(target: Record<string, T>, source: Record<string, T>): void {
  for (const key in source) target[key] = source[key];
}
