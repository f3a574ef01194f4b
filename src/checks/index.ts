/**
 * The reconciliation rules run on every report. A new rule is one new file plus one line here.
 * Cross-report rules (year.carry, year.in_force) run over a whole run: see src/checks/cross-year/.
 */
import type { Finding, ReportRecord } from '../schemas/record.js';
import type { Rule } from './rule.js';
import { requestsBalance } from './requests-balance.js';
import { requestsOutcomeSum } from './requests-outcome-sum.js';
import { requestsRowTotal } from './requests-row-total.js';
import { appealsGroupTotal } from './appeals-group-total.js';
import { valuesDomain } from './values-domain.js';
import { completeness } from './completeness.js';
import { proseAgreesWithTables } from './prose.js';

export const RULES: Rule[] = [
  requestsBalance,
  requestsOutcomeSum,
  requestsRowTotal,
  appealsGroupTotal,
  valuesDomain,
  completeness,
  proseAgreesWithTables,
];

export function runChecks(record: ReportRecord): Finding[] {
  return RULES.flatMap((rule) => rule.check(record));
}
