import { CELL_BY_KEY } from '../templates/ids.js';
import { proseKeys } from '../structure/prose.js';
import { unreadCells, type Check, type Rule } from './rule.js';

/**
 * Figures stated in the text agree with the tables: prose.requests for the applications received
 * (the spec's rule), prose.<table>.<row> for every other figure that has table cells. A sentence can
 * count more than one way — "收到申请N件" often includes the requests carried over from last year,
 * "办理N件" the ones still open — so each figure has its reasonable readings, and a finding is made
 * only when none of them agrees with the table.
 */
const READINGS: Record<string, string[][]> = {
  'requests.new_received.total': [['requests.new_received.total'], ['requests.new_received.total', 'requests.carried_over.total']],
  'requests.total_processed.total': [['requests.total_processed.total'], ['requests.total_processed.total', 'requests.carried_forward.total']],
  'appeals.litigation.total': [
    ['appeals.litigation_direct.total', 'appeals.litigation_after_review.total'],
    ['appeals.litigation_direct.total'],
    ['appeals.litigation_after_review.total'],
  ],
};

/** prose.requests for the applications received (the spec's id), prose.<table>.<row> for the rest. */
const proseRuleId = (key: string): string => (key === 'requests.new_received.total' ? 'prose.requests' : `prose.${key.split('.').slice(0, 2).join('.')}`);

export const proseAgreesWithTables: Rule = {
  id: 'prose',
  emits: proseKeys().map(proseRuleId),
  check(record, ctx) {
    const findings: Check[] = [];
    for (const [key, figure] of Object.entries(record.prose)) {
      const readings = READINGS[key] ?? [[key]];
      const primary = readings[0];
      const def = CELL_BY_KEY.get(primary[0]);
      if (!def || record.layout[def.table] === 'none' || !primary.every((k) => k in record.cells)) continue;
      const rule = proseRuleId(key);
      const cells = [...new Set(readings.flat())].filter((k) => k in record.cells);
      const unread = unreadCells(record, cells);
      if (unread.length) {
        ctx.skip(rule, key, unread);
        continue;
      }
      const sum = (keys: string[]) => keys.reduce((s, k) => s + (record.cells[k] ?? 0), 0);
      const usable = readings.filter((r) => r.every((k) => k in record.cells));
      if (usable.some((r) => sum(r) === figure.value)) continue;
      const table = sum(primary);
      const alternatives = usable.slice(1).map((r) => `${r.join(' + ')} = ${sum(r)}`);
      findings.push({
        rule,
        severity: 'warning',
        cells,
        where: key,
        expected: table,
        actual: figure.value,
        left: figure.value,
        right: table,
        ...(figure.origin === 'ocr' ? { readInDoubt: true } : {}),
        message: `the text${figure.origin === 'ocr' ? ' (read by OCR)' : ''} says ${figure.value} (“${figure.sentence.slice(0, 80)}”), the table says ${table} (${primary.join(' + ')})${alternatives.length ? `; nor does ${alternatives.join('; ')}` : ''}`,
      });
    }
    return findings;
  },
};
