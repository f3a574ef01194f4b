import { CELL_BY_KEY } from '../templates/ids.js';
import { unreadCells, type Check, type Rule } from './rule.js';

/**
 * Figures stated in the text agree with the tables: prose.requests for the applications received
 * (the spec's rule), prose.<table> for every other figure that has a table cell.
 */
/** Prose figures that are a sum of table cells rather than one cell. */
const DERIVED: Record<string, string[]> = {
  'appeals.litigation.total': ['appeals.litigation_direct.total', 'appeals.litigation_after_review.total'],
};

export const proseAgreesWithTables: Rule = {
  id: 'prose',
  check(record, ctx) {
    const findings: Check[] = [];
    for (const [key, figure] of Object.entries(record.prose)) {
      const parts = DERIVED[key] ?? [key];
      const def = CELL_BY_KEY.get(parts[0]);
      if (!def || record.layout[def.table] === 'none' || !parts.every((k) => k in record.cells)) continue;
      const rule = key === 'requests.new_received.total' ? 'prose.requests' : `prose.${key.split('.').slice(0, 2).join('.')}`;
      const unread = unreadCells(record, parts);
      if (unread.length) {
        ctx.skip(rule, key, unread);
        continue;
      }
      const table = parts.reduce((sum, k) => sum + (record.cells[k] ?? 0), 0);
      if (table === figure.value) continue;
      findings.push({
        rule,
        severity: 'warning',
        cells: parts,
        where: key,
        expected: table,
        actual: figure.value,
        left: figure.value,
        right: table,
        message: `the text says ${figure.value} (“${figure.sentence.slice(0, 80)}”), the table says ${table} (${parts.join(' + ')})`,
      });
    }
    return findings;
  },
};
