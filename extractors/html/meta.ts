/**
 * Facts the portal states around the report: <title> and <meta> tags (ArticleTitle, PubDate,
 * ContentSource, …), labelled fields such as 发布时间：2024-03-08 / 来源：XXX / 发布机构：XXX, and the
 * canonical URL. They describe the page, not the report, so they go to doc.meta, never into blocks.
 */
import type { DocumentModel, TableBlock } from '../model.js';
import { BLOCK_ELEMENTS, attr, hasChildren, isElement, isText, type DomElement, type DomNode } from './dom.js';
import { normaliseLine, squeezeSpaces } from './text.js';
import { isoDate, labelledDate, labelledPublisher } from './meta-fields.js';

export { isoDate } from './meta-fields.js';

export type DocumentMeta = DocumentModel['meta'];

const METADATA_LABELS = ['索引号', '发布机构', '发布日期', '发布时间', '成文日期', '主题分类', '发文字号', '文号', '公开方式', '有效性', '生成日期', '所属机构'];
const METADATA_TABLE_MAX_ROWS = 8;

/** A portal's document-info grid (索引号 / 发布机构 / 发布日期 …), not a statistics table. */
export function isMetadataTable(table: TableBlock): boolean {
  if (table.rows.length > METADATA_TABLE_MAX_ROWS) return false;
  const text = table.rows.map((row) => row.map((c) => c.text).join(' ')).join(' ');
  return METADATA_LABELS.filter((label) => text.includes(label)).length >= 2;
}

const META_NAMES = {
  title: ['articletitle', 'og:title', 'dc.title', 'title'],
  published: ['pubdate', 'publishdate', 'firstpublishedtime', 'article:published_time', 'dc.date', 'dcterms.issued', 'releasedate'],
  publisher: ['contentsource', 'source', 'dc.publisher', 'publisher'],
  author: ['author'],
  url: ['og:url', 'url'],
};

function metaTags(root: DomNode): Map<string, string> {
  const tags = new Map<string, string>();
  const stack: DomNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (isElement(node) && node.name === 'meta') {
      const key = (attr(node, 'name') || attr(node, 'property')).trim().toLowerCase();
      const value = normaliseLine(attr(node, 'content'));
      if (key && value && !tags.has(key)) tags.set(key, value);
    } else if (isElement(node) && node.name === 'link' && /\bcanonical\b/i.test(attr(node, 'rel'))) {
      if (!tags.has('canonical')) tags.set('canonical', attr(node, 'href').trim());
    } else if (isElement(node) && node.name === 'title' && !tags.has('<title>')) {
      tags.set('<title>', normaliseLine(node.children.filter(isText).map((t) => t.data).join('')));
    }
    if (hasChildren(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return tags;
}

function firstOf(tags: Map<string, string>, names: string[]): string | undefined {
  for (const name of names) {
    const value = tags.get(name);
    if (value) return value;
  }
  return undefined;
}

/** A portal <title> is "report title_column_site": the first segment is the page's own title. */
function titleFromTitleTag(title: string | undefined): string | undefined {
  const first = title?.split(/\s*[_|｜]\s*|\s+-\s+/)[0]?.trim();
  return first && first.length >= 4 ? first : undefined;
}

function absoluteUrl(value: string | undefined): string | undefined {
  return value && /^https?:\/\/\S+$/i.test(value) ? value : undefined;
}

/**
 * Text lines of the page outside the body: inline element boundaries become spaces (so adjacent
 * 来源/时间 spans stay apart), block boundaries become new lines.
 */
export function linesOutside(root: DomNode, body: DomNode, skip: (el: DomElement) => boolean): string[] {
  const lines: string[] = [];
  let line = '';
  const endLine = () => {
    const text = squeezeSpaces(line);
    if (text) lines.push(text);
    line = '';
  };
  const stack: Array<DomNode | null> = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === null) {
      endLine();
      continue;
    }
    if (node === body) continue;
    if (isText(node)) line += node.data;
    if (isElement(node)) {
      if (skip(node)) continue;
      if (node.name === 'br' || BLOCK_ELEMENTS.has(node.name)) {
        endLine();
        stack.push(null);
      } else line += ' ';
    }
    if (hasChildren(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  endLine();
  return lines;
}

/**
 * The page's metadata. Meta tags win over labelled text outside the body; `bodyHead` (the body's first
 * short lines) is the last resort, for fragments whose 发布日期 line sits above the report text.
 */
export function harvestMeta(root: DomNode, outside: string[], bodyHead: string[]): DocumentMeta {
  const tags = metaTags(root);
  const meta: DocumentMeta = {};
  const title = firstOf(tags, META_NAMES.title) ?? titleFromTitleTag(tags.get('<title>'));
  const published = isoDate(firstOf(tags, META_NAMES.published) ?? '') ?? labelledDate(outside) ?? labelledDate(bodyHead);
  const publisher =
    firstOf(tags, META_NAMES.publisher) ?? labelledPublisher(outside) ?? labelledPublisher(bodyHead) ?? firstOf(tags, META_NAMES.author);
  const sourceUrl = absoluteUrl(tags.get('canonical')) ?? absoluteUrl(firstOf(tags, META_NAMES.url));
  if (title) meta.title = title;
  if (published) meta.published = published;
  if (publisher) meta.publisher = publisher;
  if (sourceUrl) meta.sourceUrl = sourceUrl;
  return meta;
}
