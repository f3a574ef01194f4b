/**
 * Where a publication date came from: the page's visible 发布日期 label, its CMS <meta> tag, the
 * CMS's URL pattern, or the server's Last-Modified header (the file's last change on the server, not
 * a publication: a re-upload or a template change moves it). Its own module so that reading a crawl
 * manifest (extract does) loads no HTML parser.
 */
export const DATE_SOURCES = ['page-label', 'page-meta', 'url', 'http-header'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

/** Dates the publisher itself states: the only ones a report may be judged late on. */
export const PUBLISHER_DATE_SOURCES: readonly DateSource[] = ['page-label', 'page-meta'];
