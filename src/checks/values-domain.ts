import { CELL_BY_KEY } from '../templates/ids.js';
import { fitsColumn } from '../templates/numbers.js';
import type { Check, Rule } from './rule.js';

/** Counts are non-negative integers, amounts non-negative decimals; only 本年增/减 may be negative. */
export const valuesDomain: Rule = {
  id: 'values.domain',
  emits: ['values.domain'],
  check(record) {
    // A loop, not entries().flatMap(): it runs over every cell of every record, and nearly all pass.
    const findings: Check[] = [];
    for (const key in record.cells) {
      const value = record.cells[key];
      const def = CELL_BY_KEY.get(key);
      if (value === null || !def || fitsColumn(value, def.column)) continue;
      const want = def.column.kind === 'amount' ? 'a non-negative amount' : 'a non-negative whole number';
      findings.push({
        rule: this.id,
        severity: 'error' as const,
        cells: [key],
        where: key,
        expected: null,
        actual: value,
        message: `${key} is ${value}, expected ${want} (printed '${record.cell_details[key]?.raw ?? value}')`,
      });
    }
    return findings;
  },
};
