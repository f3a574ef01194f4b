import { describe, expect, it } from 'vitest';
import { checkedCells, identityText, shortRowLabel } from '../../../src/audit/identity-text.js';
import type { Finding } from '../../../src/schemas/record.js';

const layout = { proactive: '2021', requests: '2021', appeals: '2021' } as const;
const finding = (rule: string, where: string): Finding => ({ rule, where, severity: 'error', cells: [], expected: null, actual: null, message: '', basis: 'printed' });

describe('a failed identity written out with its numbers', () => {
  it('names the rows of requests.balance and shows the inequality', () => {
    const cells = { 'requests.new_received.total': 95, 'requests.carried_over.total': 0, 'requests.total_processed.total': 0, 'requests.carried_forward.total': 0 };
    expect(identityText({ layout, cells }, finding('requests.balance', 'total'))).toBe('新收 95 + 结转 0 ≠ 办结 0 + 结转下年 0');
  });

  it('names the columns when the identity runs along one row, and says 空 for a blank cell', () => {
    const cells = { 'appeals.review.upheld': 10, 'appeals.review.corrected': 1, 'appeals.review.other': 0, 'appeals.review.pending': null, 'appeals.review.total': 0 };
    expect(identityText({ layout, cells }, finding('appeals.group_total', 'review'))).toBe('结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 空 ≠ 总计 0');
  });

  it('lists only the non-zero parts of a long sum', () => {
    const cells = { 'requests.granted.total': 272, 'requests.partially_granted.total': 3, 'requests.total_processed.total': 805 };
    expect(identityText({ layout, cells }, finding('requests.outcome_sum', 'total'))).toBe('予以公开 272 + 部分公开 3 + 其余各项 0 ≠ 办结 805');
  });

  it('has no formula for rules that are not identities of the tables', () => {
    expect(identityText({ layout, cells: {} }, finding('year.carry', 'total'))).toBeUndefined();
    expect(identityText({ layout, cells: {} }, finding('completeness', 'requests'))).toBeUndefined();
  });

  it('strips the numbering of a row label', () => {
    expect(shortRowLabel('denied_state_secret', '1.属于国家秘密')).toBe('属于国家秘密');
    expect(shortRowLabel('other_handling', '（六）其他处理')).toBe('其他处理');
  });
});

describe('the printed cells a finding puts in question', () => {
  it('are the totals of an identity, this year\'s figure of a year rule, else the finding\'s cells', () => {
    const f = (rule: string, where: string, cells: string[]): Finding => ({ ...finding(rule, where), cells });
    expect(checkedCells({ layout }, f('requests.balance', 'total', []))).toEqual(['requests.total_processed.total', 'requests.carried_forward.total']);
    expect(checkedCells({ layout }, f('appeals.group_total', 'review', []))).toEqual(['appeals.review.total']);
    expect(checkedCells({ layout }, f('year.in_force', 'rules', ['proactive.rules.in_force', 'proactive.rules.issued', 'proactive.rules.repealed']))).toEqual(['proactive.rules.in_force']);
    expect(checkedCells({ layout }, f('values.domain', 'x', ['requests.granted.total']))).toEqual(['requests.granted.total']);
  });
});
