import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/checks/index.js';
import { cellsOf, REQUESTS_2021, APPEALS_2021, PROACTIVE_2021 } from '../../../src/templates/ids.js';
import type { ReportRecord } from '../../../src/schemas/record.js';

/** A record whose three 2021 tables are all zeros, then the given cells. */
function record(cells: Record<string, number | null> = {}, prose: ReportRecord['prose'] = {}): ReportRecord {
  const all: Record<string, number | null> = {};
  for (const layout of [PROACTIVE_2021, REQUESTS_2021, APPEALS_2021]) for (const c of cellsOf(layout)) all[c.key] = 0;
  return {
    report_id: 'r', source: 's', sha256: 'x', format: 'html', status: 'ok',
    layout: { proactive: '2021', requests: '2021', appeals: '2021' },
    cells: { ...all, ...cells }, cell_details: {}, findings: [], sections: [], prose, legacy_stats: [], messages: [],
  };
}

describe('reconciliation rules', () => {
  it('find nothing in a table of zeros', () => {
    expect(runChecks(record()).findings).toEqual([]);
  });

  it('requests.balance names the column, both sides and the four cells', () => {
    const f = runChecks(record({ 'requests.new_received.natural_person': 3, 'requests.new_received.total': 3, 'requests.granted.natural_person': 3, 'requests.granted.total': 3, 'requests.total_processed.natural_person': 2, 'requests.total_processed.total': 2 })).findings;
    const balance = f.filter((x) => x.rule === 'requests.balance');
    expect(balance.map((x) => [x.where, x.left, x.right])).toEqual([['natural_person', 3, 2], ['total', 3, 2]]);
    expect(balance[0].cells).toEqual([
      'requests.new_received.natural_person', 'requests.carried_over.natural_person',
      'requests.total_processed.natural_person', 'requests.carried_forward.natural_person',
    ]);
    // expected: what the identity computes (新收 + 结转); actual: what the table prints (办结 + 结转下年).
    expect(balance[0].expected).toBe(3);
    expect(balance[0].actual).toBe(2);
    expect(balance[0].basis).toBe('printed');
  });

  it('requests.outcome_sum and requests.row_total compare declared totals with their parts', () => {
    const f = runChecks(record({ 'requests.granted.natural_person': 1 })).findings;
    expect(f.map((x) => `${x.rule} ${x.where} ${x.left} ${x.right}`).sort()).toEqual([
      'requests.outcome_sum natural_person 1 0',
      'requests.row_total granted 1 0',
    ]);
  });

  it('appeals.group_total fails on a group whose 总计 is not the sum of its results', () => {
    const f = runChecks(record({ 'appeals.review.upheld': 10, 'appeals.review.corrected': 1 })).findings;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'appeals.group_total', where: 'review', left: 11, right: 0, severity: 'error' });
  });

  it('counts blank cells as 0 in sums and lists them under completeness', () => {
    const f = runChecks(record({ 'requests.granted.research': null, 'appeals.review.total': null })).findings;
    expect(f.filter((x) => x.rule !== 'completeness')).toEqual([]);
    const c = f.filter((x) => x.rule === 'completeness');
    expect(c.map((x) => [x.where, x.cells])).toEqual([['requests', ['requests.granted.research']], ['appeals', ['appeals.review.total']]]);
  });

  it('values.domain flags negative and fractional counts, not decimal amounts', () => {
    const f = runChecks(record({ 'proactive.rules.issued': -1, 'proactive.administrative_license.decisions': 2.5, 'proactive.administrative_fees.amount_10k_yuan': 12.75 })).findings;
    expect(f.filter((x) => x.rule === 'values.domain').map((x) => x.where)).toEqual(['proactive.rules.issued', 'proactive.administrative_license.decisions']);
  });

  it('prose.requests compares the applications the text states with the table', () => {
    const f = runChecks(record({}, { 'requests.new_received.total': { value: 5, sentence: '收到政府信息公开申请5件' } })).findings;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'prose.requests', left: 5, right: 0 });
  });

  it('puts a prose finding on basis doubtful when the sentence was read by OCR, however certain the cells', () => {
    const said = (origin?: 'ocr') => ({ 'requests.new_received.total': { value: 218218, sentence: '全年共收到政府信息公开申请218218件', ...(origin ? { origin } : {}) } });
    const cells = { 'requests.new_received.total': 218, 'requests.carried_over.total': 0 };
    const basis = (origin?: 'ocr') => runChecks(record(cells, said(origin))).findings.filter((x) => x.rule === 'prose.requests').map((x) => x.basis);
    expect(basis()).toEqual(['printed']);
    expect(basis('ocr')).toEqual(['doubtful']);
    expect(runChecks(record(cells, said('ocr'))).findings.every((x) => !('readInDoubt' in x))).toBe(true);
  });

  it('compares litigation stated in prose with the two litigation groups together', () => {
    const ok = runChecks(record({ 'appeals.litigation_direct.total': 5, 'appeals.litigation_direct.upheld': 5, 'appeals.litigation_after_review.total': 2, 'appeals.litigation_after_review.pending': 2 }, { 'appeals.litigation.total': { value: 7, sentence: '行政诉讼7件' } })).findings;
    expect(ok).toEqual([]);
    const off = runChecks(record({}, { 'appeals.litigation.total': { value: 7, sentence: '行政诉讼7件' } })).findings;
    expect(off.map((f) => [f.rule, f.left, f.right])).toEqual([['prose.appeals.litigation', 7, 0]]);
  });

  it('skips the rules of a table that was not found', () => {
    const r = record({ 'requests.granted.natural_person': 1 });
    r.layout.requests = 'none';
    expect(runChecks(r).findings.filter((x) => x.rule.startsWith('requests'))).toEqual([]);
  });

  it('puts a finding on basis doubtful when any of its cells carries a doubt', () => {
    const r = record({ 'appeals.review.upheld': 10, 'appeals.review.corrected': 1 });
    r.cell_details['appeals.review.upheld'] = { raw: '10', doubt: 'ocr-low-confidence' };
    const f = runChecks(r).findings;
    expect(f.map((x) => [x.rule, x.where, x.basis])).toEqual([['appeals.group_total', 'review', 'doubtful']]);
  });

  it('does not check an identity whose cells were not all read, and says so', () => {
    const r = record({ 'appeals.review.upheld': 10, 'appeals.review.total': null });
    r.cell_details['appeals.review.total'] = { raw: '', doubt: 'not-found' };
    const result = runChecks(r);
    expect(result.findings.filter((x) => x.rule === 'appeals.group_total')).toEqual([]);
    expect(result.messages.map((m) => m.code)).toEqual(['check-skipped']);
    expect(result.messages[0].message).toContain('appeals.review.total');
  });

  it('still fails an identity on a blank the report printed, counting it as 0', () => {
    const r = record({ 'appeals.review.upheld': 10, 'appeals.review.total': null });
    r.cell_details['appeals.review.total'] = { raw: '-', doubt: null };
    const f = runChecks(r).findings.filter((x) => x.rule === 'appeals.group_total');
    expect(f).toMatchObject([{ where: 'review', expected: 10, actual: 0, basis: 'printed' }]);
  });

  it('reads 收到申请N件 as new plus carried over when the numbers say so, and finds nothing then', () => {
    const prose = { 'requests.new_received.total': { value: 12, sentence: '共收到政府信息公开申请12件' } };
    const cells = { 'requests.new_received.total': 10, 'requests.new_received.natural_person': 10, 'requests.carried_over.total': 2, 'requests.carried_over.natural_person': 2 };
    expect(runChecks(record(cells, prose)).findings.filter((x) => x.rule === 'prose.requests')).toEqual([]);
    const off = runChecks(record(cells, { 'requests.new_received.total': { value: 11, sentence: '共收到政府信息公开申请11件' } })).findings;
    expect(off.filter((x) => x.rule === 'prose.requests').map((x) => [x.expected, x.actual])).toEqual([[10, 11]]);
    expect(off.find((x) => x.rule === 'prose.requests')!.message).toContain('requests.new_received.total + requests.carried_over.total = 12');
  });
});
