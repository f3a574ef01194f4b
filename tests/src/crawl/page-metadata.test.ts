import { describe, expect, it } from 'vitest';
import { dateFromUrl, readPageMetadata, reportYear } from '../../../src/crawl/page-metadata.js';
import { PINGTAN_2016_PAGE, PINGTAN_2022_PAGE, PINGTAN_2023_PAGE, SEED_HTML_PAGE } from './fixture-server.js';

describe('page metadata', () => {
  it('reads the real Pingtan 2023 page: CMS meta title, PubDate and source', () => {
    expect(readPageMetadata(PINGTAN_2023_PAGE, 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm')).toEqual({
      title: '平潭综合实验区2023年度政府信息公开工作年度报告',
      publishedAt: '2024-03-08',
      publishedSource: 'page-meta',
      publisher: '平潭综合实验区管委会办公室',
    });
  });

  it('reads the real Pingtan 2016 legacy page', () => {
    expect(readPageMetadata(PINGTAN_2016_PAGE.toString('utf8'), 'https://www.pingtan.gov.cn/x.htm')).toMatchObject({
      title: '平潭综合实验区2016年度政府信息公开工作年度报告',
      publishedAt: '2017-01-18',
    });
  });

  it('takes the visible 发布日期 label when there is no meta date', () => {
    expect(readPageMetadata(SEED_HTML_PAGE.toString('utf8'), 'https://x.gov.cn/a.htm')).toMatchObject({
      title: '市中区工业和信息化局2023年政府信息公开工作年度报告',
      publishedAt: '2024-01-11',
    });
  });

  it('takes the heading when <title> holds only the site name', () => {
    const html = '<title>某县人民政府门户网站</title><h1>某县人民政府2022年政府信息公开工作年度报告</h1>';
    expect(readPageMetadata(html, 'https://x.gov.cn/a.htm').title).toBe('某县人民政府2022年政府信息公开工作年度报告');
  });

  it('falls back to the TRS URL date, then to Last-Modified', () => {
    const page = PINGTAN_2022_PAGE.toString('utf8'); // its 发布日期 cell is empty
    expect(readPageMetadata(page, 'https://www.pingtan.gov.cn/zwgk/202303/t20230320_5.htm').publishedAt).toBe('2023-03-20');
    expect(readPageMetadata(page, 'https://www.pingtan.gov.cn/zwgk/report.htm', 'Mon, 20 Mar 2023 02:00:00 GMT').publishedAt).toBe('2023-03-20');
    expect(readPageMetadata(page, 'https://www.pingtan.gov.cn/zwgk/report.htm').publishedAt).toBeNull();
  });

  it('reads the report year from a title and the day from a TRS URL', () => {
    expect(reportYear('平潭综合实验区2023年度政府信息公开工作年度报告')).toBe(2023);
    expect(reportYear('某镇 2020 年政府信息公开工作年报')).toBe(2020);
    expect(reportYear('政府信息公开工作年度报告')).toBeNull();
    expect(dateFromUrl('https://a.gov.cn/zfxxgknb/202403/t20240308_87885.htm')).toBe('2024-03-08');
  });
});

describe('where a publication date came from', () => {
  it('names the page label, the meta tag, the URL or the HTTP header as the date source', () => {
    const page = (body: string, head = '') => `<html><head><title>某县2023年政府信息公开工作年度报告</title>${head}</head><body>${body}</body></html>`;
    const lastModified = 'Mon, 03 Jun 2024 08:00:00 GMT';
    expect(readPageMetadata(page('<p>发布日期：2024-01-20</p>'), 'https://a.gov.cn/x.htm', lastModified)).toMatchObject({ publishedAt: '2024-01-20', publishedSource: 'page-label' });
    expect(readPageMetadata(page('', '<meta name="PubDate" content="2024-01-18 09:00">'), 'https://a.gov.cn/x.htm', lastModified)).toMatchObject({ publishedAt: '2024-01-18', publishedSource: 'page-meta' });
    expect(readPageMetadata(page(''), 'https://a.gov.cn/202401/t20240119_1.htm', lastModified)).toMatchObject({ publishedAt: '2024-01-19', publishedSource: 'url' });
    expect(readPageMetadata(page(''), 'https://a.gov.cn/x.htm', lastModified)).toMatchObject({ publishedAt: '2024-06-03', publishedSource: 'http-header' });
    expect(readPageMetadata(page(''), 'https://a.gov.cn/x.htm')).toMatchObject({ publishedAt: null, publishedSource: null });
  });
});
