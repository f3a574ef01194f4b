import { describe, expect, it } from 'vitest';
import { agencyLevel, buildCoverage, legalDeadline } from '../../../src/crawl/coverage.js';
import type { ManifestEntry } from '../../../src/crawl/manifest.js';

const entry = (over: Partial<ManifestEntry>): ManifestEntry => ({
  url: 'https://a.gov.cn/x', final_url: null, referrer: null, link_text: null, seed: 'https://a.gov.cn/', status: 200,
  content_type: 'text/html', size: 1, sha256: 'a'.repeat(64), path: 'files/a.html', fetched_at: '2024-01-01T00:00:00Z',
  kind: 'page', parent_url: null, parent_sha256: null, title: null, published_at: null, published_source: 'page-label', publisher: null, error: null, ...over,
});

describe('legal deadlines (2019 Regulation)', () => {
  it('gives people\'s governments and government-level 管委会 until 31 March, departments until 31 January', () => {
    expect(agencyLevel('淮安市人民政府')).toBe('government');
    expect(agencyLevel('平潭综合实验区党工委管委会')).toBe('government');
    expect(agencyLevel('平潭综合实验区')).toBe('government');
    expect(agencyLevel('市中区工业和信息化局')).toBe('department');
    expect(agencyLevel('淮安市人民政府办公室')).toBe('department');
    expect(agencyLevel('某镇')).toBe('department');
    expect(legalDeadline(2023, 'government')).toBe('2024-03-31');
    expect(legalDeadline(2023, 'department')).toBe('2024-01-31');
  });

  it('names the agency as the title of a report is read (year first, 关于…的报告), else by the publisher', () => {
    const agencyOf = (title: string, publisher?: string) =>
      buildCoverage([entry({ title, publisher })], { seeds: ['https://a.gov.cn/'], years: { from: 2023, to: 2023 }, reportPattern: /报告/ })[0];
    expect(agencyOf('淮安市人民政府2023年政府信息公开工作年度报告')).toMatchObject({ agency: '淮安市人民政府', agency_level: 'government' });
    // The title text before the year was taken: '关于某县人民政府', and '' (so the publisher) for a year first.
    expect(agencyOf('关于某县人民政府2023年政府信息公开工作情况的报告')).toMatchObject({ agency: '某县人民政府', deadline: '2024-03-31' });
    expect(agencyOf('2023年某局政府信息公开工作年度报告', '某县人民政府')).toMatchObject({ agency: '某局', agency_level: 'department', deadline: '2024-01-31' });
    expect(agencyOf('2023年度政府信息公开工作年度报告', '某局')).toMatchObject({ agency: '某局', agency_level: 'department' });
  });
});

describe('coverage rows', () => {
  const seed = 'https://a.gov.cn/';
  const entries = [
    entry({ url: 'https://a.gov.cn/2023.pdf', kind: 'attachment', title: '某县人民政府2023年政府信息公开工作年度报告', published_at: '2024-03-01' }),
    entry({ url: 'https://a.gov.cn/2023.htm', title: '某县人民政府2023年政府信息公开工作年度报告', published_at: '2024-03-01' }),
    entry({ url: 'https://a.gov.cn/2022-repost.htm', title: '某县人民政府2022年政府信息公开工作年度报告', published_at: '2023-05-01' }),
    entry({ url: 'https://a.gov.cn/2022.htm', title: '某县人民政府2022年政府信息公开工作年度报告', published_at: '2023-04-02' }),
    entry({ url: 'https://a.gov.cn/2021.htm', title: '某县人民政府2021年政府信息公开工作年度报告', path: null, status: 0, error: 'http-status' }),
    entry({ url: 'https://a.gov.cn/notice.htm', title: '2021年工作要点' }),
  ];
  const rows = buildCoverage(entries, { seeds: [seed], years: { from: 2021, to: 2023 }, reportPattern: /年度报告|年报/ });

  it('prefers the report page to its attachment, and the first publication to a repost', () => {
    expect(rows.map((row) => [row.year, row.status, row.url, row.published_at, row.on_time])).toEqual([
      [2021, 'missing', '', '', ''],
      [2022, 'found', 'https://a.gov.cn/2022.htm', '2023-04-02', 'no'],
      [2023, 'found', 'https://a.gov.cn/2023.htm', '2024-03-01', 'yes'],
    ]);
  });

  it('falls back to the link text when the page title names no year', () => {
    const [row] = buildCoverage([entry({ title: '某县人民政府门户网站', link_text: '某县人民政府2023年政府信息公开工作年度报告', published_at: '2024-03-30' })], {
      seeds: [seed], years: { from: 2023, to: 2023 }, reportPattern: /年度报告/,
    });
    expect(row).toMatchObject({ status: 'found', title: '某县人民政府2023年政府信息公开工作年度报告', agency_level: 'government', on_time: 'yes' });
  });

  it('says unknown when no publication date was found', () => {
    const [row] = buildCoverage([entry({ title: '某局2023年政府信息公开工作年度报告' })], { seeds: [seed], years: { from: 2023, to: 2023 }, reportPattern: /年度报告/ });
    expect(row).toMatchObject({ status: 'found', agency: '某局', agency_level: 'department', deadline: '2024-01-31', on_time: 'unknown' });
  });

  it('says unknown, never late, when the only date is the server\'s Last-Modified header or the URL', () => {
    const late = { title: '某局2023年政府信息公开工作年度报告', published_at: '2024-06-01' };
    const judged = (source: ManifestEntry['published_source']) =>
      buildCoverage([entry({ ...late, published_source: source })], { seeds: [seed], years: { from: 2023, to: 2023 }, reportPattern: /年度报告/ })[0];
    expect(judged('http-header')).toMatchObject({ published_at: '2024-06-01', date_source: 'http-header', on_time: 'unknown' });
    expect(judged('url')).toMatchObject({ date_source: 'url', on_time: 'unknown' });
    expect(judged(null)).toMatchObject({ date_source: '', on_time: 'unknown' });
    expect(judged('page-label')).toMatchObject({ date_source: 'page-label', on_time: 'no' });
    expect(judged('page-meta')).toMatchObject({ date_source: 'page-meta', on_time: 'no' });
  });

  it('by default covers the earliest year found through last year', () => {
    const years = buildCoverage(entries, { seeds: [seed], reportPattern: /年度报告/, now: new Date('2025-06-01T00:00:00Z') }).map((row) => row.year);
    expect(years).toEqual([2022, 2023, 2024]);
  });
});
