/**
 * The reconciliation rules run on every report. A new rule is one new file plus one line here.
 * Cross-report rules (year.carry, year.in_force) run over a whole run: see src/checks/cross-year/.
 */
import type { Message } from '../../extractors/model.js';
import type { Finding, ReportRecord } from '../schemas/record.js';
import { basisOf, skippedMessage, type Rule } from './rule.js';
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

export interface CheckResult {
  findings: Finding[];
  /** `check-skipped` for every place a rule could not check because a cell was not read. */
  messages: Message[];
}

export function runChecks(record: ReportRecord): CheckResult {
  const messages: Message[] = [];
  const ctx = { skip: (rule: string, where: string, unread: string[]) => messages.push(skippedMessage(rule, where, unread)) };
  const findings = RULES.flatMap((rule) => rule.check(record, ctx)).map((f) => ({ ...f, basis: basisOf(record, f.cells) }));
  return { findings, messages };
}
