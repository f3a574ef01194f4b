import { CELL_BY_KEY } from '../templates/ids.js';
import type { Finding } from '../schemas/record.js';
import type { Rule } from './rule.js';

/**
 * Figures stated in the text agree with the tables: prose.requests for the applications received
 * (the spec's rule), prose.<table> for every other figure that has a table cell.
 */
export const proseAgreesWithTables: Rule = {
  id: 'prose',
  check(record) {
    const findings: Finding[] = [];
    for (const [key, figure] of Object.entries(record.prose)) {
      const def = CELL_BY_KEY.get(key);
      if (!def || record.layout[def.table] === 'none' || !(key in record.cells)) continue;
      const table = record.cells[key] ?? 0;
      if (table === figure.value) continue;
      const rule = key === 'requests.new_received.total' ? 'prose.requests' : `prose.${key.split('.').slice(0, 2).join('.')}`;
      findings.push({
        rule,
        severity: 'warning',
        cells: [key],
        where: key,
        expected: table,
        actual: figure.value,
        left: figure.value,
        right: table,
        message: `the text says ${figure.value} (“${figure.sentence.slice(0, 80)}”), the table ${key} says ${table}`,
      });
    }
    return findings;
  },
};
