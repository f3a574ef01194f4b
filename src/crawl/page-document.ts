/**
 * A fetched page is parsed once, however many readers look at it (its metadata, links, frames, pictures,
 * list endpoints): each reader takes the page's HTML as text or as the document already parsed.
 */
import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';

export type HtmlSource = string | CheerioAPI;

export function pageDocument(source: HtmlSource): CheerioAPI {
  return typeof source === 'string' ? cheerio.load(source) : source;
}

/** The page parsed on first use and kept: a JSON list response, or a picture, is never parsed as HTML. */
export function lazyPageDocument(html: string): () => CheerioAPI {
  let parsed: CheerioAPI | undefined;
  return () => (parsed ??= cheerio.load(html));
}
