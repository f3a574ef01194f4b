import { describe, expect, it } from 'vitest';
import { discover, sameSite } from '../../../src/crawl/discover.js';
import { extractLinks } from '../../../src/crawl/link-extract.js';
import { readListResponse } from '../../../src/crawl/list-response.js';
import { listEndpoints, paginationLinks, scriptAnnouncedPages } from '../../../src/crawl/pagination.js';
import { CRAWL_DEFAULTS } from '../../../src/crawl/defaults.js';
import { PINGTAN_2023_PAGE } from './fixture-server.js';

const LIST = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/index.html';
const rules = { reportPattern: /年度报告|年报/i, attachmentExtensions: ['.pdf', '.doc', '.docx', '.wps', '.xls', '.xlsx', '.zip'], maxDepth: 3 };
const resource = (text: string, kind: 'list' | 'page', url = LIST, contentType = 'text/html') => ({
  url, finalUrl: url, kind, depth: 0, seed: LIST, sha256: 'a'.repeat(64), text, contentType,
});

describe('pagination', () => {
  it('expands a TRS createPageHTML(total, current, name, ext) call to index.html, index_1.html … index_{total-1}.html', () => {
    const html = '<script language="JavaScript">createPageHTML(4, 0, "index", "html");</script>';
    expect(scriptAnnouncedPages(html, LIST)).toEqual([
      'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/index_1.html',
      'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/index_2.html',
      'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/index_3.html',
    ]);
  });

  it('caps an absurd announced page count', () => {
    expect(scriptAnnouncedPages("createPageHTML(99999999, 0, 'index', 'shtml')", LIST)).toHaveLength(500);
  });

  it('takes pager links beside the list, not the site home behind 首页 nor report pages named t…_N.htm', () => {
    const html = `<a href="/">首页</a><a href="index_1.html">下一页</a><a href="index_5.html">尾页</a><a href="index.html?page=3">3</a>
      <a href="./202403/t20240308_87885.htm">2023年度报告</a>`;
    expect(paginationLinks(extractLinks(html, LIST), LIST)).toEqual([
      'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/index_1.html',
      'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/index_5.html',
      'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/index.html?page=3',
    ]);
  });

  it('finds JSON and XML list endpoints in scripts and data attributes, on the same host only', () => {
    const html = `<div data-list-url="/module/web/jpage/dataproxy.jsp?page=1"></div>
      <script>$.getJSON("api/list.json?pageNo=1"); var cdn = "https://cdn.example.com/x.json";</script>`;
    expect(listEndpoints(html, LIST).sort()).toEqual([
      'https://www.pingtan.gov.cn/module/web/jpage/dataproxy.jsp?page=1',
      'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/api/list.json?pageNo=1',
    ]);
  });
});

describe('list endpoints', () => {
  it('reads items at any depth of a JSON answer and the pages its totalPage announces', () => {
    const json = JSON.stringify({ result: { totalPage: 3, list: [{ DOCTITLE: '2023年度报告', DOCPUBURL: '/a/2023.htm' }, { title: '通知', url: '/a/n.htm' }] } });
    expect(readListResponse(json, 'application/json', 'https://x.gov.cn/api/list?page=1')).toEqual({
      links: [
        { url: 'https://x.gov.cn/a/2023.htm', text: '2023年度报告', title: '' },
        { url: 'https://x.gov.cn/a/n.htm', text: '通知', title: '' },
      ],
      pages: ['https://x.gov.cn/api/list?page=2', 'https://x.gov.cn/api/list?page=3'],
    });
  });

  it('reads HTML fragments in CDATA records (Hanweb dataproxy) and RSS-like items', () => {
    const xml = `<?xml version="1.0"?><datastore><totalpage>1</totalpage><recordset>
      <record><![CDATA[<li><a href="/art/2024/1/20/art_1.html" title="某县2023年政府信息公开工作年度报告">某县2023年…</a></li>]]></record></recordset></datastore>`;
    expect(readListResponse(xml, 'text/xml', 'https://x.gov.cn/dataproxy.jsp')?.links).toEqual([
      { url: 'https://x.gov.cn/art/2024/1/20/art_1.html', text: '某县2023年…', title: '某县2023年政府信息公开工作年度报告' },
    ]);
    const rss = '<?xml version="1.0"?><rss><channel><item><title>2022年年报</title><link>https://x.gov.cn/b.htm</link></item></channel></rss>';
    expect(readListResponse(rss, 'application/rss+xml', 'https://x.gov.cn/rss.xml')?.links).toEqual([{ url: 'https://x.gov.cn/b.htm', text: '2022年年报', title: '' }]);
  });

  it('leaves HTML and XHTML to the page reader', () => {
    expect(readListResponse('<html><body></body></html>', 'text/html', LIST)).toBeUndefined();
    expect(readListResponse('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'text/xml', LIST)).toBeUndefined();
    expect(readListResponse('<html><body></body></html>', 'application/xhtml+xml', LIST)).toBeUndefined();
  });
});

describe('discovery', () => {
  it('from a list: report links become pages or attachments one hop deeper, other links are ignored', () => {
    const html = `<a href="/">首页</a><a href="a/2023.htm" title="平潭综合实验区2023年度政府信息公开工作年度报告">平潭综合实验区2023年度…</a>
      <a href="a/2022.pdf">2022年年报</a><a href="a/notice.htm">关于开展培训的通知</a><a href="https://other.gov.cn/2021.htm">2021年度报告</a>`;
    const { kind, entries } = discover(resource(html, 'list'), rules, false);
    expect(kind).toBe('list');
    expect(entries.map((e) => [e.url.replace('https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/', ''), e.kind, e.depth, e.linkText])).toEqual([
      ['a/2023.htm', 'page', 1, '平潭综合实验区2023年度…'],
      ['a/2022.pdf', 'attachment', 1, '2022年年报'],
    ]);
  });

  it('from a report page: every attachment, whatever its link says, with the page as parent', () => {
    const url = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm';
    const html = PINGTAN_2023_PAGE.replace('</body>', '<a href="P0202403.pdf">附件1</a><a href="/down.jsp?id=9">统计表.xlsx</a></body>');
    const { kind, entries } = discover(resource(html, 'page', url), rules, true);
    expect(kind).toBe('page');
    expect(entries.map((e) => [e.url, e.kind, e.parentUrl, e.parentSha256])).toEqual([
      ['https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/P0202403.pdf', 'attachment', url, 'a'.repeat(64)],
      ['https://www.pingtan.gov.cn/down.jsp?id=9', 'attachment', url, 'a'.repeat(64)],
    ]);
  });

  it('from a report page: the documents it shows in frames, embeds and objects, and through a viewer (pdf.js viewer.html?file=)', () => {
    const url = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm';
    const html = PINGTAN_2023_PAGE.replace('</body>', `<iframe src="/pdfjs/web/viewer.html?file=%2Fupload%2F2023%2Fnb.pdf" title="年度报告"></iframe>
      <embed src="nb2.pdf" type="application/pdf"><object data="../files/nb3.docx"></object>
      <iframe src="https://map.example.com/embed?url=https%3A%2F%2Fwww.pingtan.gov.cn%2F"></iframe><iframe src="about:blank"></iframe>
      <a href="/pdfjs/web/viewer.html?file=files/nb4.pdf">在线查看</a></body>`);
    const { entries } = discover(resource(html, 'page', url), rules, true);
    expect(entries.filter((e) => e.kind === 'attachment').map((e) => [e.url, e.linkText])).toEqual([
      ['https://www.pingtan.gov.cn/pdfjs/web/files/nb4.pdf', '在线查看'],
      ['https://www.pingtan.gov.cn/upload/2023/nb.pdf', '年度报告'],
      ['https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/nb2.pdf', null],
      ['https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/files/nb3.docx', null],
    ]);
  });

  it('from a list: a report link to a viewer is the document it shows', () => {
    const html = '<a href="/viewer/viewer.html?file=/a/2022.pdf">2022年年报</a><a href="/go.jsp?url=/a/2021.htm">2021年度报告</a>';
    const { entries } = discover(resource(html, 'list'), rules, false);
    expect(entries.map((e) => [e.url, e.kind])).toEqual([
      ['https://www.pingtan.gov.cn/a/2022.pdf', 'attachment'],
      ['https://www.pingtan.gov.cn/go.jsp?url=/a/2021.htm', 'page'],
    ]);
  });

  it('takes the spreadsheet attachments of a report page by default: .xlsx, .xls and WPS .et', () => {
    const url = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm';
    const html = PINGTAN_2023_PAGE.replace('</body>', '<a href="t1.xlsx">表一</a><a href="t2.xls">表二</a><a href="/down.jsp?id=3">统计表.et</a><a href="photo.png">图</a></body>');
    const { entries } = discover(resource(html, 'page', url), { ...rules, attachmentExtensions: CRAWL_DEFAULTS.attachmentExtensions }, true);
    expect(entries.filter((e) => e.kind === 'attachment').map((e) => e.url.replace(/^.*\//, ''))).toEqual(['t1.xlsx', 't2.xls', 'down.jsp?id=3']);
  });

  it('treats a seed that is itself a report page as a page, and takes its attachments', () => {
    const html = '<title>某县2023年政府信息公开工作年度报告</title><a href="附件1.docx">附件1</a>';
    const { kind, entries } = discover(resource(html, 'list'), rules, true);
    expect(kind).toBe('page');
    expect(entries.map((e) => [e.kind, e.depth])).toEqual([['attachment', 1]]);
  });

  it('stops at the maximum depth', () => {
    const deep = { ...resource('<a href="x.htm">2020年度报告</a>', 'list'), depth: 3 };
    expect(discover(deep, rules, false).entries).toEqual([]);
  });

  it('keeps pages on the seed site, subdomains included', () => {
    expect(sameSite('https://pingtan.gov.cn/a', 'https://www.pingtan.gov.cn/')).toBe(true);
    expect(sameSite('https://xxgk.pingtan.gov.cn/a', 'https://www.pingtan.gov.cn/')).toBe(true);
    expect(sameSite('https://fuzhou.gov.cn/a', 'https://www.pingtan.gov.cn/')).toBe(false);
  });
});
