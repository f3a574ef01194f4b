/**
 * Which cells an identity finding concerns (rule + where, from src/templates/identities.ts), so a variant
 * whose document no longer prints one of them does not expect the published error to fire.
 */
import { identitiesOf, type Identity } from '../../src/templates/identities.js';
import type { Truth, ExpectedFinding } from './truths.js';

/** The rule ids of the template identities (requests.balance, …, appeals.group_total). */
export const IDENTITY_RULES = [...new Set([...identitiesOf('requests', '2021'), ...identitiesOf('appeals', '2021')].map((i) => i.rule))];

/**
 * The truth's published errors that can still fire when `notPrinted` cells are not printed, and when the
 * `emptied` cells print as empty cells: an identity holding one of those is judged on the cells as
 * printed (a blank counts 0), and fails as a published error of that document or not at all.
 */
export function expectedFindings(truth: Truth, notPrinted: ReadonlySet<string>, emptied: ReadonlySet<string> = new Set()): ExpectedFinding[] {
  const identities = [...identitiesOf('requests', truth.layout.requests), ...identitiesOf('appeals', truth.layout.appeals)];
  const keysOf = (i: Identity) => [...i.parts, ...i.totals];
  const kept = truth.expected_findings.filter((f) => {
    const identity = identities.find((i) => i.rule === f.rule && i.where === f.where);
    return !identity || !keysOf(identity).some((k) => notPrinted.has(k) || emptied.has(k));
  });
  const printed = (k: string): number => (emptied.has(k) ? 0 : truth.cells[k] ?? 0);
  const sum = (keys: string[]) => keys.reduce((s, k) => s + printed(k), 0);
  const judged = identities
    .filter((i) => keysOf(i).some((k) => emptied.has(k)) && !keysOf(i).some((k) => notPrinted.has(k) || truth.cells[k] === undefined))
    .filter((i) => Math.round((sum(i.parts) - sum(i.totals)) * 1e6) !== 0)
    .map((i) => ({ rule: i.rule, where: i.where, left: sum(i.parts), right: sum(i.totals) }));
  return [...kept, ...judged];
}
