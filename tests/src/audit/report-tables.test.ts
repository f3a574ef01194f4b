import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { templateTable } from '../../../src/audit/report-tables.js';
import { ReportRecord } from '../../../src/schemas/record.js';

function record(layout: '2021' | '2019', cells: Record<string, number | null> = {}, details: ReportRecord['cell_details'] = {}): ReportRecord {
  return ReportRecord.parse({
    report_id: 'r', source: 'x.html', sha256: 'a'.repeat(64), format: 'html', status: 'ok',
    layout: { proactive: layout, requests: layout, appeals: '2021' },
    cells, cell_details: details, findings: [], sections: [], prose: {}, legacy_stats: [], messages: [],
  });
}
const marks = () => ({ failing: new Map<string, number[]>(), checked: new Set<string>() });

describe('the tables laid out as the template of their era prints them', () => {
  it('2021 requests: the outcome heading spans its 22 rows, each group its items, seven values a row', () => {
    const $ = cheerio.load(templateTable('requests', record('2021'), marks()));
    const body = $('tr').filter((_, tr) => $(tr).find('td.v').length > 0);
    expect(body.length).toBe(25);
    body.each((_, tr) => void expect($(tr).find('td.v').length).toBe(7));
    const span = (text: string) => Number($('th').filter((_, th) => $(th).text() === text).attr('rowspan'));
    expect(span('三、本年度办理结果')).toBe(22);
    expect(span('（三）不予公开')).toBe(8);
    expect(span('（四）无法提供')).toBe(3);
    expect(span('（五）不予处理')).toBe(5);
    expect(span('（六）其他处理')).toBe(3);
    expect($('h3').text()).toContain('2021 年版模板');
  });

  it('2019 requests: （六）其他处理 is one row under the outcome heading', () => {
    const $ = cheerio.load(templateTable('requests', record('2019'), marks()));
    expect(Number($('th').filter((_, th) => $(th).text() === '三、本年度办理结果').attr('rowspan'))).toBe(20);
    const other = $('th').filter((_, th) => $(th).text() === '（六）其他处理');
    expect(other.attr('colspan')).toBe('2');
    expect($('td.v[data-key="requests.other_handling.total"]').length).toBe(1);
  });

  it('appeals: one row of fifteen values under 行政复议 and the two kinds of 行政诉讼', () => {
    const $ = cheerio.load(templateTable('appeals', record('2021'), marks()));
    expect($('tr').last().find('td.v').length).toBe(15);
    expect($('th').filter((_, th) => $(th).text() === '行政诉讼').attr('colspan')).toBe('10');
  });

  it('marks failing, checked and doubtful cells, and shows a blank as blank, not 0', () => {
    const m = marks();
    m.failing.set('appeals.review.upheld', [0]);
    m.failing.set('appeals.review.total', [0]);
    m.checked.add('appeals.review.total');
    const r = record('2021', { 'appeals.review.upheld': 10, 'appeals.review.total': 0, 'appeals.review.other': null }, {
      'appeals.review.upheld': { raw: '10', doubt: 'identity-resolved' },
      'appeals.review.other': { raw: '', doubt: null },
    });
    const $ = cheerio.load(templateTable('appeals', r, m));
    const upheld = $('td[data-key="appeals.review.upheld"]');
    expect(upheld.attr('class')).toBe('v fail doubt');
    expect(upheld.attr('title')).toContain('恒等式');
    expect($('td[data-key="appeals.review.total"]').attr('class')).toBe('v fail checked');
    expect($('td[data-key="appeals.review.other"]').text()).toBe('');
    expect($('td[data-key="appeals.review.other"]').attr('class')).toBe('v blank');
  });

  it('says when a table was not found', () => {
    const r = record('2021');
    r.layout.proactive = 'none';
    expect(cheerio.load(templateTable('proactive', r, marks()))('p').text()).toBe('未找到此表。');
  });
});
