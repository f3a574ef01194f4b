/** Links of an HTML page or fragment, resolved against the page URL, with their text and title. */
import { stripCredentials } from '../util/url-credentials.js';
import { pictureAddresses } from '../../extractors/html/picture-sources.js';
import { pageDocument, type HtmlSource } from './page-document.js';

export interface PageLink {
  url: string;
  text: string;
  title: string;
}

export function extractLinks(html: HtmlSource, baseUrl: string): PageLink[] {
  const $ = pageDocument(html);
  const base = resolveBase($('base[href]').attr('href'), baseUrl);
  const links: PageLink[] = [];
  $('a[href], area[href]').each((_, element) => {
    const href = $(element).attr('href')?.trim();
    if (!href || /^(javascript|mailto|tel|data):/i.test(href) || href.startsWith('#')) return;
    const url = absolute(href, base);
    if (!url) return;
    links.push({ url, text: squash($(element).text()), title: squash($(element).attr('title') ?? '') });
  });
  return links;
}

/**
 * The documents a page shows inside itself: a PDF in an <iframe>, <frame>, <embed> or <object> (often
 * through a viewer, see documentBehindViewer), with the element's title as the link's.
 */
export function extractEmbeds(html: HtmlSource, baseUrl: string): PageLink[] {
  const $ = pageDocument(html);
  const base = resolveBase($('base[href]').attr('href'), baseUrl);
  const links: PageLink[] = [];
  $('iframe[src], frame[src], embed[src], object[data]').each((_, element) => {
    const address = ($(element).attr('src') ?? $(element).attr('data'))?.trim();
    if (!address || /^(javascript|data|about):/i.test(address)) return;
    const url = absolute(address, base);
    if (url) links.push({ url, text: '', title: squash($(element).attr('title') ?? '') });
  });
  return links;
}

/** The query parameters document viewers name their document by: pdf.js's viewer.html?file=…, others' ?url=… */
const VIEWER_PARAMETERS = ['file', 'url', 'src', 'pdf', 'path'];

/**
 * The document behind a viewer's address (pdf.js's `/pdfjs/web/viewer.html?file=%2Fupload%2Fa.pdf`),
 * resolved against the viewer's address as the viewer does; undefined when the address names no file
 * with one of these extensions (an ordinary page's ?url= leads elsewhere).
 */
export function documentBehindViewer(url: string, extensions: readonly string[]): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  for (const name of VIEWER_PARAMETERS) {
    const value = parsed.searchParams.get(name)?.trim();
    if (!value || /^(javascript|data):/i.test(value)) continue;
    const inner = absolute(value, parsed.href);
    if (inner && /^https?:/i.test(inner) && extensions.includes(pathExtension(inner))) return inner;
  }
  return undefined;
}

/**
 * The pictures a page shows (every address of each <img>: lazy-loading attributes, then src; resolved
 * against the page), in order, without data: URIs (they travel inside the page) and without those whose
 * declared size is an icon's.
 */
export function extractImages(html: HtmlSource, baseUrl: string): string[] {
  const $ = pageDocument(html);
  const base = resolveBase($('base[href]').attr('href'), baseUrl);
  const out: string[] = [];
  $('img').each((_, element) => {
    const declared = [$(element).attr('width'), $(element).attr('height')].map((v) => Number.parseInt(v ?? '', 10));
    if (declared.some((n) => Number.isFinite(n) && n > 0 && n < ICON_PIXELS)) return;
    for (const src of pictureAddresses((name) => $(element).attr(name))) {
      if (/^(data|javascript):/i.test(src)) continue;
      const url = absolute(src, base);
      if (url && !out.includes(url)) out.push(url);
    }
  });
  return out;
}

/** A picture declared smaller than this on a side is an icon, a logo or a seal, never a table. */
const ICON_PIXELS = 60;

export function absolute(href: string, base: string): string | undefined {
  try {
    const url = stripCredentials(new URL(href, base));
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

function resolveBase(baseHref: string | undefined, pageUrl: string): string {
  return (baseHref && absolute(baseHref, pageUrl)) || pageUrl;
}

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `.pdf` for `/a/b.PDF?x=1`; empty when the path has no extension. */
export function pathExtension(url: string): string {
  try {
    const match = new URL(url).pathname.toLowerCase().match(/\.[a-z0-9]{1,5}$/);
    return match ? match[0] : '';
  } catch {
    return '';
  }
}

export function looksLikeAttachment(link: PageLink, extensions: readonly string[]): boolean {
  if (extensions.includes(pathExtension(link.url))) return true;
  // Download scripts (download.jsp?id=…) only say what they serve in the link text.
  const label = `${link.text} ${link.title}`.toLowerCase();
  return extensions.some((ext) => label.includes(ext));
}

export function looksLikeReport(link: PageLink, reportPattern: RegExp): boolean {
  return reportPattern.test(link.text) || reportPattern.test(link.title);
}
