/**
 * The reconciliation rules run on every report. A new rule is one new file plus one line here.
 * Rules over a whole run (year.carry, year.in_force, crosscheck.same_report) have their own registry
 * beside this one: src/checks/run-rules.ts. RULE_IDS lists every rule id either may emit.
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
import { RUN_RULES } from './run-rules.js';

export const RULES: Rule[] = [
  requestsBalance,
  requestsOutcomeSum,
  requestsRowTotal,
  appealsGroupTotal,
  valuesDomain,
  completeness,
  proseAgreesWithTables,
];

/** Every rule id a finding (or a check-skipped message) may carry, per-report and run-level. */
export const RULE_IDS: readonly string[] = [...RULES, ...RUN_RULES.map((make) => make())].flatMap((rule) => rule.emits);

export interface CheckResult {
  findings: Finding[];
  /** `check-skipped` for every place a rule could not check because a cell was not read. */
  messages: Message[];
}

export function runChecks(record: ReportRecord): CheckResult {
  const messages: Message[] = [];
  const ctx = { skip: (rule: string, where: string, unread: string[]) => messages.push(skippedMessage(rule, where, unread)) };
  const findings = RULES.flatMap((rule) => rule.check(record, ctx)).map(({ readInDoubt, ...f }) => ({ ...f, basis: readInDoubt ? ('doubtful' as const) : basisOf(record, f.cells) }));
  return { findings, messages };
}
