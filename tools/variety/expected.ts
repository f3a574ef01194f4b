/**
 * Which cells an identity finding concerns (rule + where, from src/templates/identities.ts), so a variant
 * whose document no longer prints one of them does not expect the published error to fire.
 */
import { identitiesOf } from '../../src/templates/identities.js';
import type { Truth, ExpectedFinding } from './truths.js';

/** The rule ids of the template identities (requests.balance, …, appeals.group_total). */
export const IDENTITY_RULES = [...new Set([...identitiesOf('requests', '2021'), ...identitiesOf('appeals', '2021')].map((i) => i.rule))];

/** The truth's published errors that can still fire when `notPrinted` cells are not printed. */
export function expectedFindings(truth: Truth, notPrinted: ReadonlySet<string>): ExpectedFinding[] {
  const identities = [...identitiesOf('requests', truth.layout.requests), ...identitiesOf('appeals', truth.layout.appeals)];
  return truth.expected_findings.filter((f) => {
    const identity = identities.find((i) => i.rule === f.rule && i.where === f.where);
    return !identity || ![...identity.parts, ...identity.totals].some((k) => notPrinted.has(k));
  });
}
