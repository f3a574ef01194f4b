/**
 * The acceptance test of the core: every document of ../shared/corpus with a truth file gives every
 * truth cell exactly, the truth's agency, year and layout, status ok (partial for pre-2019 reports),
 * and findings that include each expected finding, on basis `printed` (every cell of a published error read with
 * certainty: issue 10's bar), and no other failed identity.
 */
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import { loadTruths } from './truth.js';

const IDENTITY_RULES = new Set(['requests.balance', 'requests.outcome_sum', 'requests.row_total', 'appeals.group_total']);

describe.each(loadTruths())('$group/$file', (truth) => {
  it('matches its truth file', async () => {
    const record = await extractFile(truth.path);
    expect(record.error).toBeUndefined();
    expect(record.format).toBe(truth.format);
    const legacy = truth.layout.requests === 'none';
    expect(record.status).toBe(legacy ? 'partial' : 'ok');
    expect(record.layout).toEqual(truth.layout);
    expect(record.agency).toBe(truth.agency);
    expect(record.year).toBe(truth.year);
    const got: Record<string, number | null> = {};
    for (const key of Object.keys(truth.cells)) got[key] = key in record.cells ? record.cells[key] : 'MISSING' as never;
    expect(got).toEqual(truth.cells);
    const identities = record.findings
      .filter((f) => IDENTITY_RULES.has(f.rule))
      .map((f) => ({ rule: f.rule, where: f.where, left: f.left, right: f.right }));
    const sortKey = (f: { rule: string; where?: string }) => `${f.rule} ${f.where}`;
    expect(identities.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(
      [...truth.expected_findings].sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
    );
    // A published error is the report's own: an auditor acts on it only on basis printed.
    expect(record.findings.filter((f) => IDENTITY_RULES.has(f.rule) && f.basis !== 'printed').map((f) => `${f.rule} ${f.where}: ${f.basis}`)).toEqual([]);
    if (truth.published) expect(record.published).toBe(truth.published);
  });
});
