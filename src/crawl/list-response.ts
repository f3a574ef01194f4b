/**
 * Reads the JSON or XML a list page loads its items from: the item links (with their titles) and the
 * other pages of the same endpoint. JSON items are objects with a URL-ish and a title-ish field (any
 * nesting); XML is either records wrapping HTML fragments in CDATA (Hanweb/TRS dataproxy style) or
 * RSS-like items with <title> and <link>.
 */
import * as cheerio from 'cheerio';
import { absolute, extractLinks, squash, type PageLink } from './link-extract.js';
import { MAX_ANNOUNCED_PAGES, PAGE_PARAMS } from './pagination.js';

const URL_KEYS = ['url', 'link', 'href', 'docpuburl', 'docurl', 'linkurl', 'puburl', 'fileurl', 'path'];
const TITLE_KEYS = ['title', 'name', 'doctitle', 'linktitle', 'subject', 'text'];
const TOTAL_PAGE_KEYS = ['totalpage', 'totalpages', 'pagecount', 'pagetotal', 'pages'];
const MAX_JSON_NODES = 100_000;

export interface ListResponse {
  links: PageLink[];
  pages: string[];
}

export function readListResponse(text: string, contentType: string, url: string): ListResponse | undefined {
  const trimmed = text.trimStart();
  if (/json/i.test(contentType) || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return readJson(JSON.parse(trimmed), url);
    } catch {
      // Not JSON after all (some portals call HTML "json"): let the caller treat it as a page.
      return undefined;
    }
  }
  // XHTML also says "xml" (in its type or prolog) but is a page, not a list feed.
  const isXhtml = /xhtml/i.test(contentType) || /<html[\s>]/i.test(trimmed.slice(0, 2048));
  if (!isXhtml && (/xml/i.test(contentType) || trimmed.startsWith('<?xml'))) return readXml(text, url);
  return undefined;
}

function readJson(data: unknown, url: string): ListResponse {
  const links: PageLink[] = [];
  let totalPages: number | undefined;
  const stack: unknown[] = [data];
  for (let visited = 0; stack.length > 0 && visited < MAX_JSON_NODES; visited++) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...[...node].reverse());
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const fields = new Map(Object.entries(node).map(([key, value]) => [key.toLowerCase(), value]));
    const href = firstString(fields, URL_KEYS);
    const resolved = href ? absolute(href, url) : undefined;
    if (resolved) links.push({ url: resolved, text: squash(firstString(fields, TITLE_KEYS) ?? ''), title: '' });
    for (const key of TOTAL_PAGE_KEYS) {
      const value = Number(fields.get(key));
      if (Number.isInteger(value) && value > 0) totalPages ??= value;
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') stack.push(value);
  }
  return { links, pages: totalPages ? numberedPages(url, totalPages) : [] };
}

function firstString(fields: Map<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = fields.get(key);
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return undefined;
}

function readXml(text: string, url: string): ListResponse {
  const $ = cheerio.load(text, { xml: true });
  const links: PageLink[] = [];
  const fragments = [...text.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((match) => match[1]).filter((part) => /<a\s/i.test(part));
  if (fragments.length > 0) links.push(...extractLinks(fragments.join('\n'), url));
  $('item, entry, record, row').each((_, element) => {
    const item = $(element);
    const href = squash(item.children('link, url').first().text()) || item.children('link').attr('href');
    const resolved = href ? absolute(href, url) : undefined;
    if (resolved) links.push({ url: resolved, text: squash(item.children('title').first().text()), title: '' });
  });
  const total = Number(squash($('totalpage, totalPage, pagecount, pageCount').first().text()));
  return { links, pages: Number.isInteger(total) && total > 0 ? numberedPages(url, total) : [] };
}

/** The same endpoint with its page parameter set to 1…total (only when the URL has such a parameter). */
function numberedPages(url: string, total: number): string[] {
  const parsed = new URL(url);
  const param = PAGE_PARAMS.find((name) => /^\d+$/.test(parsed.searchParams.get(name) ?? ''));
  if (!param) return [];
  const pages: string[] = [];
  for (let page = 1; page <= Math.min(total, MAX_ANNOUNCED_PAGES); page++) {
    parsed.searchParams.set(param, String(page));
    if (parsed.href !== url) pages.push(parsed.href);
  }
  return pages;
}
