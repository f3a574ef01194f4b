/**
 * Crawler text dumps: a header of `key: value` lines (标题, 发布时间, 发布机构, 原文链接 …), a
 * `==== 正文 ====` separator, then the article body — often one line in which the HTML table cells
 * were concatenated without separators. The body is cut into paragraphs at numbered headings only
 * where a heading can really start, so glued table text stays together in one paragraph.
 */
import type { DocumentModel } from '../model.js';
// The portal date formats are the same in crawler headers and HTML pages: one parser for both.
import { isoDate } from '../html/meta-fields.js';

export interface CrawlerDump {
  meta: DocumentModel['meta'];
  body: string;
}

const SEPARATOR = /^[ \t]*={3,}[ \t]*正[ \t]*文[ \t]*={3,}[ \t]*\r?$/m;
/** How far into the file the header and its separator may reach (characters). */
const MAX_HEADER_CHARS = 8000;
const HEADER_LINE = /^\s*([^:：\n]{1,12})\s*[:：]\s*(.*)$/;
/** Header lines a dump must start with to be taken as one (so an ordinary text with a colon is not). */
const KNOWN_KEYS = ['标题', '发布时间', '发布日期', '文号', '发布机构', '来源', '栏目', '原文链接', '链接', '索引号'];

export function parseCrawlerDump(text: string): CrawlerDump | undefined {
  const separator = SEPARATOR.exec(text.slice(0, MAX_HEADER_CHARS));
  if (!separator) return undefined;
  const fields = new Map<string, string>();
  for (const line of text.slice(0, separator.index).split('\n')) {
    const m = HEADER_LINE.exec(line);
    if (m && !fields.has(m[1].trim())) fields.set(m[1].trim(), m[2].trim());
  }
  if (!KNOWN_KEYS.some((k) => fields.has(k))) return undefined;
  const pick = (...keys: string[]) => keys.map((k) => fields.get(k)).find((v) => v);
  const meta: DocumentModel['meta'] = {};
  const title = pick('标题');
  const published = pick('发布时间', '发布日期');
  const publisher = pick('发布机构', '来源');
  const sourceUrl = pick('原文链接', '链接');
  if (title) meta.title = title;
  const publishedDate = published ? isoDate(published) : undefined;
  if (publishedDate) meta.published = publishedDate;
  if (publisher) meta.publisher = publisher;
  if (sourceUrl && /^https?:\/\//.test(sourceUrl)) meta.sourceUrl = sourceUrl;
  return { meta, body: text.slice(separator.index + separator[0].length) };
}

/**
 * A numbered heading (一、 （一）) starts a paragraph when the text before it ends a sentence or is a
 * space. Inside glued tables numbering follows digits or labels (…0000000三、本年度办理结果,
 * 191000020（三）不予公开), so those are left alone — except the report's own top-level sections,
 * which may follow a table's last digits (…110024001510102五、存在的主要问题).
 */
const SUB_BOUNDARY = /(?<=^|[\s。！？；])(?=(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])\S)/g;
const SECTION_AFTER_TABLE =
  /(?<=[0-9])(?=[一二三四五六七八九十]{1,2}、\s*(?:总体情况|主动公开政府信息|收到和处理政府信息公开申请|(?:因)?政府信息公开(?:工作)?(?:被申请)?行政复议|存在的主要问题|其他需要报告))/g;

const GLUED_RUN = /[\u4e00-\u9fff）)][0-9]{3,}/;

export function splitGluedBody(body: string): string[] {
  const paragraphs: string[] = [];
  for (const line of body.split('\n')) {
    // \u0001 marks a section start (always a cut), \u0000 a sub-heading start (undone inside a table).
    const marked = line.replace(SECTION_AFTER_TABLE, '\u0001').replace(SUB_BOUNDARY, '\u0000');
    for (const section of marked.split('\u0001')) {
      let current = '';
      for (const piece of section.split('\u0000')) {
        const text = piece.trim();
        if (!text) continue;
        // A heading-like cut inside a glued table (三、本年度办 理结果 （一）予以公开710000071): the text
        // before it did not end a sentence and the piece carries glued cells, so it is not a new paragraph.
        if (current && !/[。！？；]$/.test(current) && GLUED_RUN.test(text) && GLUED_RUN.test(current)) {
          current += ` ${text}`;
          continue;
        }
        if (current) paragraphs.push(current);
        current = text;
      }
      if (current) paragraphs.push(current);
    }
  }
  return paragraphs;
}

/** Table cells run together with their labels (行政许可2629, …数量801000081): the mapper must split them. */
export function hasGluedCells(text: string): boolean {
  return /[\u4e00-\u9fff][0-9]{7,}(?:[\u4e00-\u9fff]|[0-9][.、])/.test(text);
}
