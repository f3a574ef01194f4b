/**
 * What a report page says about itself: title, publication date, publishing agency. Sources are
 * tried from the most to the least explicit: CMS <meta> tags, the visible 发布时间/日期 label, the
 * TRS URL pattern /202403/t20240308_…, and finally the HTTP Last-Modified header.
 */
import { pageDocument, type HtmlSource } from './page-document.js';
import { squash } from './link-extract.js';

import type { DateSource } from './date-sources.js';

export { DATE_SOURCES, PUBLISHER_DATE_SOURCES, type DateSource } from './date-sources.js';

export interface PageMetadata {
  title: string | null;
  /** YYYY-MM-DD */
  publishedAt: string | null;
  /** Where publishedAt came from (null when there is no date). */
  publishedSource: DateSource | null;
  publisher: string | null;
}

const DATE_META = ['PubDate', 'publishdate', 'pubdate', 'firstpublishedtime', 'article:published_time', 'dc.date'];
const DATE_LABEL = /(?:发布|发文|成文|公开)?(?:时间|日期)\s*[：:]\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/;

export function readPageMetadata(html: HtmlSource, url: string, lastModified?: string): PageMetadata {
  const $ = pageDocument(html);
  const meta = (name: string) => squash($(`meta[name="${name}" i], meta[property="${name}" i]`).attr('content') ?? '') || null;
  // Portals often put only the site name in <title>; the first candidate naming a year is the report's title.
  const candidates = [
    meta('ArticleTitle'),
    meta('og:title'),
    squash($('title').first().text()).split(/[_|]/)[0]?.trim() || null,
    squash($('h1').first().text()) || null,
    squash($('.article_title, .title, h2').first().text()) || null,
  ].filter((candidate): candidate is string => candidate !== null && candidate.length <= 200);
  const title = candidates.find((candidate) => reportYear(candidate) !== null) ?? candidates[0] ?? null;
  let dated: { publishedAt: string; publishedSource: DateSource } | undefined;
  for (const name of DATE_META) dated ??= datedBy(normaliseDate(meta(name)), 'page-meta');
  dated ??= datedBy(dateFromLabel(squash($('body').text())), 'page-label') ?? datedBy(dateFromUrl(url), 'url') ?? datedBy(dateFromHttp(lastModified), 'http-header');
  const publisher = meta('ContentSource') ?? meta('Author') ?? null;
  return { title, publishedAt: dated?.publishedAt ?? null, publishedSource: dated?.publishedSource ?? null, publisher };
}

function datedBy(date: string | null, source: DateSource): { publishedAt: string; publishedSource: DateSource } | undefined {
  return date ? { publishedAt: date, publishedSource: source } : undefined;
}

export function normaliseDate(text: string | null | undefined): string | null {
  const match = text?.match(/(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/);
  return match ? isoDate(match[1], match[2], match[3]) : null;
}

function dateFromLabel(text: string): string | null {
  const match = text.match(DATE_LABEL);
  return match ? isoDate(match[1], match[2], match[3]) : null;
}

/** TRS CMS article URLs carry the publication day: …/202403/t20240308_87885.htm */
export function dateFromUrl(url: string): string | null {
  const match = url.match(/\/t(\d{4})(\d{2})(\d{2})_\d+/);
  return match ? isoDate(match[1], match[2], match[3]) : null;
}

export function dateFromHttp(lastModified: string | undefined): string | null {
  if (!lastModified) return null;
  const time = Date.parse(lastModified);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

function isoDate(year: string, month: string, day: string): string | null {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The report year from a title: 平潭综合实验区2023年度政府信息公开工作年度报告 → 2023. */
export function reportYear(title: string | null | undefined): number | null {
  const match = title?.match(/((?:19|20)\d{2})\s*年/);
  return match ? Number(match[1]) : null;
}
