/**
 * Finds the other pages of a list page, in the three ways portals announce them:
 * plain links (下一页, 2, 尾页 …), a TRS-style script call createPageHTML(total, current, 'index', 'html')
 * whose pages are index.html, index_1.html … index_{total-1}.html, and a JSON/XML endpoint the page's
 * scripts load the list from.
 */
import { pageDocument, type HtmlSource } from './page-document.js';
import { absolute, squash, type PageLink } from './link-extract.js';

const PAGER_TEXT = /^(\d{1,4}|下一?页|上一?页|首页|尾页|末页|最后一页|next|prev(ious)?|last|first|»|«|>|<|>>|<<)$/i;
const PAGED_PATH = /(^|\/)(index|list|default|more)_\d+\.s?html?$/i;
/** Query parameters that number the pages of a list or of a list endpoint. */
export const PAGE_PARAMS = ['page', 'pageNo', 'pageNum', 'pageIndex', 'curPage', 'currentPage', 'p', 'pn'];

/** Script calls that announce the page count: [pattern, total group, base name group, extension group]. */
const PAGE_SCRIPT_CALLS: RegExp[] = [
  /createPageHTML\(\s*['"]?(\d+)['"]?\s*,\s*['"]?\d+['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]/,
  /createPage(?:HTML)?\(\s*['"]?(\d+)['"]?\s*,\s*['"]?\d+['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]/,
];

/** Upper bound on generated page URLs from one announcement: a typo or a trap must not mint millions. */
export const MAX_ANNOUNCED_PAGES = 500;

export function paginationLinks(links: PageLink[], pageUrl: string): string[] {
  const page = new URL(pageUrl);
  const found = new Set<string>();
  for (const link of links) {
    const url = new URL(link.url);
    // Other pages of a list live beside it; 首页 and 1 often also point at the site's home page.
    if (url.host !== page.host || directory(url) !== directory(page) || link.url === pageUrl) continue;
    if (PAGER_TEXT.test(link.text) || PAGED_PATH.test(url.pathname) || hasPageParam(url)) found.add(link.url);
  }
  return [...found];
}

function directory(url: URL): string {
  return url.pathname.replace(/[^/]*$/, '');
}

function hasPageParam(url: URL): boolean {
  return PAGE_PARAMS.some((name) => /^\d+$/.test(url.searchParams.get(name) ?? ''));
}

export function scriptAnnouncedPages(html: string, pageUrl: string): string[] {
  for (const pattern of PAGE_SCRIPT_CALLS) {
    const match = html.match(pattern);
    if (!match) continue;
    const total = Math.min(Number(match[1]), MAX_ANNOUNCED_PAGES);
    const [, , name, ext] = match;
    const pages: string[] = [];
    for (let index = 0; index < total; index++) {
      const file = index === 0 ? `${name}.${ext}` : `${name}_${index}.${ext}`;
      const url = absolute(file, pageUrl);
      if (url && url !== pageUrl) pages.push(url);
    }
    return pages;
  }
  return [];
}

const ENDPOINT_LITERAL = /["']([^"'\s<>]+?(?:\.json|\.xml|dataproxy\.jsp|\/api\/[^"'\s<>]*?)(?:\?[^"'\s<>]*)?)["']/gi;
const ENDPOINT_ATTRIBUTES = ['data-list-url', 'data-api', 'data-url', 'data-source'];

/** JSON/XML list endpoints named in the page's scripts or data attributes (same host only). */
export function listEndpoints(html: HtmlSource, pageUrl: string): string[] {
  const $ = pageDocument(html);
  const candidates: string[] = [];
  $('script:not([src])').each((_, element) => {
    for (const match of $(element).text().matchAll(ENDPOINT_LITERAL)) candidates.push(match[1]);
  });
  for (const attribute of ENDPOINT_ATTRIBUTES) {
    $(`[${attribute}]`).each((_, element) => {
      const value = squash($(element).attr(attribute) ?? '');
      if (/\.(json|xml)(\?|$)|dataproxy\.jsp|\/api\//i.test(value)) candidates.push(value);
    });
  }
  const host = new URL(pageUrl).host;
  const found = new Set<string>();
  for (const candidate of candidates) {
    const url = absolute(candidate, pageUrl);
    if (url && new URL(url).host === host && /^https?:/.test(url)) found.add(url);
  }
  return [...found];
}
