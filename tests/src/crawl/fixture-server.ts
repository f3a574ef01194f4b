/**
 * A government portal on 127.0.0.1 for crawl tests, modelled on real ones: a TRS list paginated by
 * createPageHTML(…), a GBK list page without any charset declaration, a list fed by JSON and XML
 * endpoints, a list paginated by plain links, real Pingtan report pages from ../shared/corpus with a
 * relative PDF attachment, duplicate links and duplicate content; the same 2023 page with its tables
 * attached as workbooks (.xlsx, an .xls behind a download script); and a list of misbehaving routes.
 * It counts requests and completed 2xx responses per path so tests can prove what was (re)fetched.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

const corpus = new URL('../../../../shared/corpus/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, corpus));

export const PINGTAN_2023_PAGE = read('real/pingtan-2023-page.html').toString('utf8');
export const PINGTAN_2016_PAGE = read('variety/pingtan-2016-legacy-page.html');
export const PINGTAN_2022_PAGE = read('rendered/pingtan-2022-portal.html');
export const SEED_HTML_PAGE = read('rendered/seed-html.html');
export const PINGTAN_2023_PDF = read('rendered/pingtan-2023-pdf.pdf');
/** The tables of the 2023 page as workbooks (tests/fixtures/xlsx/README.md). */
export const PINGTAN_2023_XLSX = readFileSync(new URL('../../fixtures/xlsx/pingtan-2023-tables.xlsx', import.meta.url));
export const PINGTAN_2023_XLS = readFileSync(new URL('../../fixtures/xlsx/pingtan-2023-tables.xls', import.meta.url));

/** The 2023 page as the portal serves it: the article plus a relative link (twice) to its PDF. */
const REPORT_2023 = PINGTAN_2023_PAGE.replace(
  '</body>',
  `<div class="fjxz">附件：<a href="P020240308_report.pdf">平潭综合实验区2023年度政府信息公开工作年度报告.pdf</a>
   <a href="./P020240308_report.pdf#page=1" title="下载附件">下载</a></div></body>`,
);

/** The 2023 page on a portal that attaches the statistics tables as workbooks (the .xls through a download script). */
const SHEETS_REPORT_2023 = PINGTAN_2023_PAGE.replace(
  '</body>',
  `<div class="fjxz">附件：<a href="tables-2023.xlsx">平潭综合实验区2023年度政府信息公开工作年度报告统计表.xlsx</a>
   <a href="/sheets/download.jsp?id=2">统计表（Excel 97）.xls</a>
   <a href="tables-2023-revised.xlsx">统计表（修订）.xlsx</a></div></body>`,
);

const html = (title: string, body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

const TRS_INDEX = html(
  '政府信息公开年报_平潭综合实验区党工委管委会',
  `<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
  <ul class="list">
    <li><a href="./202403/t20240308_87885.htm" title="平潭综合实验区2023年度政府信息公开工作年度报告">平潭综合实验区2023年度政府信息公开工作年度报告</a><span>2024-03-08</span></li>
  </ul>
  <div class="hot"><a href="./202403/t20240308_87885.htm#top">平潭综合实验区2023年度政府信息公开工作年度报告</a></div>
  <script>createPageHTML(3, 0, "index", "html");</script>`,
);

const TRS_PAGE_1 = html(
  '政府信息公开年报_平潭综合实验区党工委管委会',
  `<ul class="list">
    <li><a href="./201701/t20170118_80485.htm">平潭综合实验区2016年度政府信息公开工作年度报告</a></li>
    <li><a href="/moved/2022.htm">平潭综合实验区2022年政府信息公开工作年度报告</a></li>
  </ul>
  <script language="JavaScript">createPageHTML(3, 1, "index", "html");</script>`,
);

/** GBK bytes and no charset anywhere: neither header nor <meta>. */
const TRS_PAGE_2_GBK = iconv.encode(
  `<html><head><title>政府信息公开年报</title></head><body><ul>
   <li><a href="./202201/t20220125_3.htm">平潭县人民政府2021年度政府信息公开工作年度报告</a></li></ul>
   <script>createPageHTML(3, 2, "index", "html");</script></body></html>`,
  'gbk',
);

const GBK_REPORT_2021 = iconv.encode(
  `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>平潭县人民政府2021年度政府信息公开工作年度报告</title></head>
   <body><h1>平潭县人民政府2021年度政府信息公开工作年度报告</h1><div class="info">发布日期：2022-04-02</div><p>本报告……</p></body></html>`,
  'gbk',
);

const JSON_PORTAL = html(
  '年度报告_市中区工业和信息化局',
  `<div id="list" data-list-url="/bportal/list.xml?page=1"></div>
   <script>$.getJSON('/bportal/list.json?page=1', render);</script>`,
);

const JSON_PAGES: Record<string, unknown> = {
  '1': { totalPage: 2, data: [{ title: '市中区工业和信息化局2023年政府信息公开工作年度报告', url: '/bportal/202402/t20240205_9.htm' }] },
  '2': { totalPage: 2, data: [{ title: '市中区工业和信息化局2022年政府信息公开工作年度报告.pdf', url: '/bportal/files/2022.pdf' }] },
};

const XML_LIST = `<?xml version="1.0" encoding="UTF-8"?><datastore><totalpage>1</totalpage><recordset>
  <record><![CDATA[<li><a href="/bportal/202201/t20220115_5.htm" title="市中区工业和信息化局2021年政府信息公开工作年度报告">市中区工业和信息化局2021年…</a></li>]]></record>
</recordset></datastore>`;

const DEPT_REPORT_2021 = html('市中区工业和信息化局2021年政府信息公开工作年度报告', '<h1>市中区工业和信息化局2021年政府信息公开工作年度报告</h1><p>发布时间：2022-01-15</p>');

const PLAIN_LIST_1 = html(
  '年报栏目',
  `<a href="/plain/2020.html">某镇2020年政府信息公开工作年报</a>
   <div class="page"><a href="/plain/list.html?page=2">下一页</a> <a href="/plain/list.html?page=2">2</a></div>`,
);
const PLAIN_LIST_2 = html(
  '年报栏目',
  `<a href="/plain/2019.html">某镇2019年政府信息公开工作年报</a><a href="/plain/2020.html">某镇2020年政府信息公开工作年报</a>
   <div class="page"><a href="/plain/list.html">上一页</a> <a href="/plain/list.html">1</a></div>`,
);
const plainReport = (year: number) => html(`某镇${year}年政府信息公开工作年报`, `<h1>某镇${year}年政府信息公开工作年报</h1><p>发布时间：${year + 1}-01-10</p>`);

const SHEETS_LIST = html('政府信息公开年报', '<ul><li><a href="/sheets/2024/t20240308_1.htm">平潭综合实验区2023年度政府信息公开工作年度报告</a></li></ul>');

const HOSTILE_LIST = html(
  '年报（测试）',
  `<a href="/hostile/flaky.html">2019年度报告（先500后200）</a>
   <a href="/hostile/throttled.html">2018年度报告（429）</a>
   <a href="/hostile/stall.pdf">2017年度报告.pdf</a>
   <a href="/hostile/loop-a">年报 loop</a>
   <a href="/hostile/to-metadata">年报 metadata</a>
   <a href="/hostile/to-private">年报 private</a>
   <a href="/hostile/huge.pdf">年报 huge.pdf</a>
   <a href="/hostile/download.jsp?id=7">2015年度报告.pdf</a>
   <a href="/hostile/gone.html">年报 gone</a>
   <a href="/private/secret.html">年报 robots</a>
   <a href="ftp://127.0.0.1/年报.pdf">年报 ftp</a>`,
);

export interface FixtureServer {
  origin: string;
  seeds: { trs: string; json: string; plain: string; hostile: string };
  /** Not among `seeds` (crawled only by the tests of workbook attachments). */
  spreadsheetSeed: string;
  /** Requests received per path+query. */
  requests: Map<string, number>;
  /** 2xx responses completely sent per path+query. */
  completed: Map<string, number>;
  /** Arrival times (ms) of requests per path+query. */
  arrivals: Map<string, number[]>;
  /** Conditional requests answered 304, per path. */
  notModified: Map<string, number>;
  userAgents: Set<string>;
  /** Holds the first request of a path unanswered and calls back (for kill tests). */
  holdFirst(path: string, onHeld: () => void): void;
  close(): Promise<void>;
}

const LAST_MODIFIED = 'Wed, 20 Mar 2024 08:00:00 GMT';

/** Extra routes a test adds (the hostile suite): answers and returns true when it owns the path. */
export type ExtraRoutes = (key: string, req: IncomingMessage, res: ServerResponse) => boolean;

export async function startFixtureServer(extra?: ExtraRoutes): Promise<FixtureServer> {
  const requests = new Map<string, number>();
  const completed = new Map<string, number>();
  const arrivals = new Map<string, number[]>();
  const notModified = new Map<string, number>();
  const userAgents = new Set<string>();
  const holds = new Map<string, () => void>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    const key = url.pathname + url.search;
    bump(requests, key);
    arrivals.set(key, [...(arrivals.get(key) ?? []), Date.now()]);
    userAgents.add(String(req.headers['user-agent']));
    res.on('finish', () => {
      if (res.statusCode >= 200 && res.statusCode < 300) bump(completed, key);
    });
    const onHeld = holds.get(key);
    if (onHeld) {
      holds.delete(key);
      onHeld();
      return; // never answered: the client is killed while waiting
    }
    if (extra?.(key, req, res)) return;
    route(key, url, req, res, { requests, notModified, bump });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    seeds: {
      trs: `${origin}/xxgk/nb/index.html`,
      json: `${origin}/bportal/index.html`,
      plain: `${origin}/plain/list.html`,
      hostile: `${origin}/hostile/index.html`,
    },
    spreadsheetSeed: `${origin}/sheets/index.html`,
    requests,
    completed,
    arrivals,
    notModified,
    userAgents,
    holdFirst: (path, onHeld) => holds.set(path, onHeld),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface RouteState {
  requests: Map<string, number>;
  notModified: Map<string, number>;
  bump: (map: Map<string, number>, key: string) => void;
}

/** A static resource with an ETag, answering conditional requests with 304. */
function serveStatic(req: IncomingMessage, res: ServerResponse, key: string, body: Buffer | string, type: string | null, state: RouteState, lastModified = LAST_MODIFIED): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const etag = `"${bytes.length.toString(16)}-${key.length}"`;
  if (req.headers['if-none-match'] === etag) {
    state.bump(state.notModified, key);
    res.writeHead(304, { etag }).end();
    return;
  }
  const headers: Record<string, string | number> = { etag, 'last-modified': lastModified, 'content-length': bytes.length };
  if (type) headers['content-type'] = type;
  res.writeHead(200, headers).end(bytes);
}

function route(key: string, url: URL, req: IncomingMessage, res: ServerResponse, state: RouteState): void {
  const count = state.requests.get(key) ?? 0;
  const send = (body: Buffer | string, type: string | null, lastModified?: string) => serveStatic(req, res, key, body, type, state, lastModified);
  const redirect = (status: number, location: string): void => void res.writeHead(status, { location }).end();
  switch (url.pathname) {
    case '/robots.txt':
      return send('User-agent: *\nDisallow: /private/\n', 'text/plain');
    // TRS portal
    case '/xxgk/nb/':
    case '/xxgk/nb/index.html':
      return send(TRS_INDEX, 'text/html; charset=utf-8');
    case '/xxgk/nb/index_1.html':
      return send(TRS_PAGE_1, 'text/html; charset=utf-8');
    case '/xxgk/nb/index_2.html':
      return send(TRS_PAGE_2_GBK, 'text/html');
    case '/xxgk/nb/202403/t20240308_87885.htm':
      return send(REPORT_2023, 'text/html; charset=utf-8');
    case '/xxgk/nb/202403/P020240308_report.pdf':
      return send(PINGTAN_2023_PDF, 'application/pdf');
    case '/xxgk/nb/201701/t20170118_80485.htm':
      return send(PINGTAN_2016_PAGE, 'text/html; charset=utf-8');
    case '/xxgk/nb/202201/t20220125_3.htm':
      return send(GBK_REPORT_2021, 'text/html');
    case '/moved/2022.htm':
      return redirect(301, '/xxgk/nb/2022/report.htm');
    case '/xxgk/nb/2022/report.htm':
      return send(PINGTAN_2022_PAGE, 'text/html; charset=utf-8', 'Mon, 20 Mar 2023 02:00:00 GMT');
    // JSON/XML portal
    case '/bportal/':
    case '/bportal/index.html':
      return send(JSON_PORTAL, 'text/html; charset=utf-8');
    case '/bportal/list.json':
      return send(JSON.stringify(JSON_PAGES[url.searchParams.get('page') ?? '1'] ?? { data: [] }), 'application/json');
    case '/bportal/list.xml':
      return send(XML_LIST, 'text/xml; charset=utf-8');
    case '/bportal/202402/t20240205_9.htm':
      return send(SEED_HTML_PAGE, 'text/html; charset=utf-8');
    case '/bportal/files/2022.pdf':
      return send(PINGTAN_2023_PDF, 'application/pdf', 'Fri, 20 Jan 2023 02:00:00 GMT');
    case '/bportal/202201/t20220115_5.htm':
      return send(DEPT_REPORT_2021, 'text/html; charset=utf-8');
    // plain-link portal
    case '/plain/list.html':
      return send(url.searchParams.get('page') === '2' ? PLAIN_LIST_2 : PLAIN_LIST_1, 'text/html; charset=utf-8');
    case '/plain/2020.html':
      return send(plainReport(2020), 'text/html; charset=utf-8');
    case '/plain/2019.html':
      return send(plainReport(2019), 'text/html; charset=utf-8');
    // a portal attaching the tables as workbooks
    case '/sheets/index.html':
      return send(SHEETS_LIST, 'text/html; charset=utf-8');
    case '/sheets/2024/t20240308_1.htm':
      return send(SHEETS_REPORT_2023, 'text/html; charset=utf-8');
    case '/sheets/2024/tables-2023.xlsx':
      return send(PINGTAN_2023_XLSX, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    case '/sheets/download.jsp':
      return send(PINGTAN_2023_XLS, 'application/octet-stream');
    // misbehaving routes
    case '/hostile/index.html':
      return send(HOSTILE_LIST, 'text/html; charset=utf-8');
    case '/hostile/flaky.html':
      if (count === 1) return void res.writeHead(500).end('busy');
      return send(html('2019年度报告', '<p>ok after 500</p>'), 'text/html; charset=utf-8');
    case '/hostile/throttled.html':
      if (count === 1) return void res.writeHead(429, { 'retry-after': '1' }).end('slow down');
      return send(html('2018年度报告', '<p>ok after 429</p>'), 'text/html; charset=utf-8');
    case '/hostile/stall.pdf':
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': PINGTAN_2023_PDF.length });
      return void res.write(PINGTAN_2023_PDF.subarray(0, 1000)); // and then nothing, ever
    case '/hostile/loop-a':
      return redirect(302, '/hostile/loop-b');
    case '/hostile/loop-b':
      return redirect(302, '/hostile/loop-a');
    case '/hostile/to-metadata':
      return redirect(302, 'http://169.254.169.254/latest/meta-data/');
    case '/hostile/to-private':
      return redirect(302, 'http://10.0.0.1/report.html');
    case '/hostile/huge.pdf':
      return streamHuge(res);
    case '/hostile/download.jsp':
      return send(PINGTAN_2023_PDF.subarray(0, 4096), 'text/html; charset=utf-8');
    default:
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
  }
}

/** 3 MiB, chunked (no Content-Length), so only the running byte count can stop it. */
function streamHuge(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/pdf' });
  const chunk = Buffer.alloc(64 * 1024, 0x25);
  let sent = 0;
  const pump = () => {
    while (sent < 3 * 1024 * 1024) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('error', () => {});
  pump();
}
