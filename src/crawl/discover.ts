/**
 * Decides which links of a fetched resource join the frontier, and as what: from a list, report
 * links (text or title matches the report pattern) become pages or attachments, and its other pages
 * and JSON/XML endpoints become lists; from a report page, attachments and further report links.
 * Lists and pages stay on the seed's site; attachments may live on a file host.
 */
import { documentBehindViewer, extractEmbeds, extractImages, extractLinks, looksLikeAttachment, looksLikeReport, type PageLink } from './link-extract.js';
import { readListResponse } from './list-response.js';
import { listEndpoints, paginationLinks, scriptAnnouncedPages } from './pagination.js';
import type { FrontierEntry } from './store.js';
import type { ManifestKind } from './manifest.js';
import { lazyPageDocument } from './page-document.js';
import type { CheerioAPI } from 'cheerio';

export interface DiscoveryRules {
  reportPattern: RegExp;
  attachmentExtensions: readonly string[];
  maxDepth: number;
}

export interface FetchedResource {
  url: string;
  finalUrl: string;
  kind: ManifestKind;
  depth: number;
  seed: string;
  sha256: string;
  text: string;
  contentType: string;
  /** The text parsed as HTML, on first use (shared with the page's metadata reader). */
  document?: () => CheerioAPI;
}

export interface Discovery {
  /** The kind after looking inside: a "page" that turns out to be a list of reports is a list. */
  kind: ManifestKind;
  entries: FrontierEntry[];
}

/** A page whose title names no year but which links a report is a list (a column page, often reached by a breadcrumb). */
const LIST_LIKE_REPORT_LINKS = 1;

export function discover(resource: FetchedResource, rules: DiscoveryRules, titleHasYear: boolean): Discovery {
  const listResponse = readListResponse(resource.text, resource.contentType, resource.finalUrl);
  if (listResponse) {
    const entries = [
      ...reportEntries(listResponse.links, resource, rules),
      ...listEntries(listResponse.pages, resource),
    ];
    return { kind: 'list', entries: keepDepthAndScope(entries, resource, rules) };
  }
  const page = (resource.document ?? lazyPageDocument(resource.text))();
  const links = extractLinks(page, resource.finalUrl).map((link) => unwrapViewer(link, rules));
  const reportLinks = links.filter((link) => looksLikeReport(link, rules.reportPattern));
  const morePages = [
    ...paginationLinks(links, resource.finalUrl),
    ...scriptAnnouncedPages(resource.text, resource.finalUrl),
    ...listEndpoints(page, resource.finalUrl),
  ];
  // A "report" link that leads to a page naming no year but listing reports is a column page (a breadcrumb, say).
  const looksLikeList = !titleHasYear && (reportLinks.length >= LIST_LIKE_REPORT_LINKS || morePages.length > 0);
  // And a seed that is itself a report page (its title names a year, it lists no reports) is a page.
  const seedIsReport = resource.kind === 'list' && resource.depth === 0 && titleHasYear && reportLinks.length === 0 && morePages.length === 0;
  const kind: ManifestKind = resource.kind === 'page' && looksLikeList ? 'list' : seedIsReport ? 'page' : resource.kind;
  const entries: FrontierEntry[] = [];
  if (kind === 'list') {
    entries.push(...reportEntries(reportLinks, resource, rules));
    entries.push(...listEntries(morePages, resource));
  } else if (kind === 'page') {
    // A report page often shows its PDF in a frame, through a viewer, rather than linking it.
    const embedded = extractEmbeds(page, resource.finalUrl).map((link) => unwrapViewer(link, rules));
    const attachments = [...links, ...embedded].filter((link) => looksLikeAttachment(link, rules.attachmentExtensions));
    entries.push(...attachments.map((link) => child(link, 'attachment', resource)));
    entries.push(...reportLinks.filter((link) => !attachments.includes(link)).map((link) => child(link, 'page', resource)));
    entries.push(...imageEntries(resource, page));
  }
  return { kind, entries: keepDepthAndScope(entries, resource, rules) };
}

/** Pictures a report page shows at most: a report's tables take a few; more is a gallery, not a report. */
export const MAX_PAGE_IMAGES = 40;

/**
 * A report page's pictures (its tables may be screenshots), same site only: fetched at the page's depth
 * and stored as kind `image`, so that extracting the crawl folder reads the page with them.
 */
function imageEntries(resource: FetchedResource, page: CheerioAPI): FrontierEntry[] {
  return extractImages(page, resource.finalUrl)
    .filter((url) => /^https?:/.test(url) && sameSite(url, resource.seed))
    .slice(0, MAX_PAGE_IMAGES)
    .map((url) => ({
      url,
      kind: 'image' as const,
      depth: resource.depth,
      seed: resource.seed,
      referrer: resource.finalUrl,
      linkText: null,
      parentUrl: resource.finalUrl,
      parentSha256: resource.sha256,
    }));
}

/** A link to a document viewer leads to the document it shows. */
function unwrapViewer(link: PageLink, rules: DiscoveryRules): PageLink {
  const inner = documentBehindViewer(link.url, rules.attachmentExtensions);
  return inner ? { ...link, url: inner } : link;
}

function reportEntries(links: PageLink[], resource: FetchedResource, rules: DiscoveryRules): FrontierEntry[] {
  return links
    .filter((link) => looksLikeReport(link, rules.reportPattern))
    .map((link) => child(link, looksLikeAttachment(link, rules.attachmentExtensions) ? 'attachment' : 'page', resource));
}

function child(link: PageLink, kind: ManifestKind, resource: FetchedResource): FrontierEntry {
  return {
    url: link.url,
    kind,
    depth: resource.depth + 1,
    seed: resource.seed,
    referrer: resource.finalUrl,
    linkText: link.text || link.title || null,
    parentUrl: kind === 'attachment' ? resource.finalUrl : null,
    parentSha256: kind === 'attachment' ? resource.sha256 : null,
  };
}

/** Other pages of the same list sit at the same depth: pagination is not a hop away from the seed. */
function listEntries(urls: string[], resource: FetchedResource): FrontierEntry[] {
  return urls.map((url) => ({
    url,
    kind: 'list' as const,
    depth: resource.depth,
    seed: resource.seed,
    referrer: resource.finalUrl,
    linkText: null,
    parentUrl: null,
    parentSha256: null,
  }));
}

function keepDepthAndScope(entries: FrontierEntry[], resource: FetchedResource, rules: DiscoveryRules): FrontierEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    if (seen.has(entry.url) || entry.url === resource.url || entry.url === resource.finalUrl) return false;
    seen.add(entry.url);
    if (!/^https?:/.test(entry.url) || entry.depth > rules.maxDepth) return false;
    return entry.kind === 'attachment' || sameSite(entry.url, resource.seed);
  });
}

/** Same host as the seed, ignoring a leading www., or a subdomain of it. */
export function sameSite(url: string, seed: string): boolean {
  const host = new URL(url).hostname.replace(/^www\./, '');
  const seedHost = new URL(seed).hostname.replace(/^www\./, '');
  return host === seedHost || host.endsWith(`.${seedHost}`);
}
