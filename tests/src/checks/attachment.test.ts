import { describe, expect, it } from 'vitest';
import { attachmentChecks } from '../../../src/checks/cross-report/attachment.js';

describe('crosscheck.same_report', () => {
  const page = { report_id: 'p', source: 'https://x.gov.cn/a.htm', source_url: 'https://x.gov.cn/a.htm', cells: { 'requests.new_received.total': 81, 'requests.granted.total': 22, 'appeals.review.total': null }, cell_details: {} };
  it('finds nothing when the attachment prints what its page prints', () => {
    const pdf = { report_id: 'a', source: 'u', source_url: 'https://x.gov.cn/a.pdf', parent_url: page.source_url, cells: { ...page.cells }, cell_details: {} };
    expect(attachmentChecks([page, pdf]).size).toBe(0);
  });
  it('names each cell the attachment and its page disagree on, skipping blanks', () => {
    const pdf = { report_id: 'a', source: 'u', source_url: 'https://x.gov.cn/a.pdf', parent_url: page.source_url, cells: { 'requests.new_received.total': 18, 'requests.granted.total': 22, 'appeals.review.total': 3 }, cell_details: {} };
    const f = attachmentChecks([pdf, page]).get('a')!;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'crosscheck.same_report', cells: ['requests.new_received.total'], expected: 81, actual: 18, basis: 'printed' });
  });
  it('checks nothing between a page and an attachment that name another year or agency (a page linking other reports, a zip of several years)', () => {
    const dated = { ...page, agency: '某区人民政府', year: 2023 };
    const other = (over: object) => ({ report_id: 'a', source: 'u', parent_url: page.source_url, cells: { 'requests.new_received.total': 18 }, cell_details: {}, ...over });
    expect(attachmentChecks([dated, other({ year: 2022, agency: '某区人民政府' })]).size).toBe(0);
    expect(attachmentChecks([dated, other({ year: 2023, agency: '另一区人民政府' })]).size).toBe(0);
    expect(attachmentChecks([dated, other({ year: 2023, agency: '某区人民政府' })]).get('a')).toHaveLength(1);
    expect(attachmentChecks([dated, other({ year: null, agency: null })]).get('a')).toHaveLength(1);
  });
  it('ignores an attachment whose page is not in the run', () => {
    const pdf = { report_id: 'a', source: 'u', parent_url: 'https://elsewhere/', cells: { 'requests.new_received.total': 1 }, cell_details: {} };
    expect(attachmentChecks([pdf]).size).toBe(0);
  });
});
