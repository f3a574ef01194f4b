/**
 * Which cells an identity finding concerns (rule + where), so a variant whose document no longer
 * prints one of them does not expect the published error to fire, and a finding can be matched to a
 * truth's expected findings.
 */
import { APPEALS_2021, REQUEST_OUTCOME_ROWS, type TableLayout } from '../../src/templates/ids.js';
import { layoutOf } from './build.js';
import type { ExpectedFinding, Truth } from './truths.js';

export const IDENTITY_RULES = ['requests.balance', 'requests.outcome_sum', 'requests.row_total', 'appeals.group_total'];

export function identityCells(rule: string, where: string, requests: TableLayout): string[] {
  switch (rule) {
    case 'requests.balance':
      return ['new_received', 'carried_over', 'total_processed', 'carried_forward'].map((r) => `requests.${r}.${where}`);
    case 'requests.outcome_sum':
      return [...REQUEST_OUTCOME_ROWS(requests).map((r) => `requests.${r.id}.${where}`), `requests.total_processed.${where}`];
    case 'requests.row_total':
      return requests.rows[0].columns.map((c) => `requests.${where}.${c.id}`);
    case 'appeals.group_total':
      return APPEALS_2021.rows[0].columns.map((c) => `appeals.${where}.${c.id}`);
    default:
      return [];
  }
}

/** The truth's published errors that can still fire when `notPrinted` cells are not printed. */
export function expectedFindings(truth: Truth, notPrinted: ReadonlySet<string>): ExpectedFinding[] {
  const requests = layoutOf('requests', truth.layout.requests);
  return truth.expected_findings.filter((f) => !identityCells(f.rule, f.where, requests).some((k) => notPrinted.has(k)));
}
