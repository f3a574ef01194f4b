/**
 * HTML text → document model: parse, find the report body in the portal chrome, walk it into blocks,
 * harvest the page's metadata from around it. The DOCX reader reuses this on mammoth's output.
 */
import { DocumentModel, UnreadableDocumentError, type Format, type Message } from '../model.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { parseHtml, textLengths, type DomNode } from './dom.js';
import { findBody } from './body.js';
import { MAX_NESTING_DEPTH, nestsDeeperThan } from './depth.js';
import { collectBlocks } from './blocks.js';
import { harvestMeta, linesOutside, type DocumentMeta } from './meta.js';
import { isNonText, isNotBodyText } from './noise.js';

export interface HtmlToDocumentOptions {
  format: Format;
  /** The whole document is the report (converter output, not a portal page): no body search. */
  wholeDocument?: boolean;
  /** Messages met before parsing (e.g. encoding-guessed), carried into the model. */
  messages?: Message[];
}

/** Short lines at the top of the body may carry 发布日期：… when a page is a bare fragment. */
const BODY_HEAD_LINES = 8;
const BODY_HEAD_LINE_CHARS = 60;

function checkSize(html: string): void {
  if (html.length > DEFAULT_LIMITS.maxHtmlBytes) {
    throw new UnreadableDocumentError('too-large', `HTML text of ${html.length} characters exceeds maxHtmlBytes (${DEFAULT_LIMITS.maxHtmlBytes})`);
  }
}

function checkDepth(html: string): void {
  if (nestsDeeperThan(html, MAX_NESTING_DEPTH)) {
    throw new UnreadableDocumentError('too-deep', `markup nests more than ${MAX_NESTING_DEPTH} elements deep: not a real page`);
  }
}

/** The document-wide cap on table cells (maxTableCells), for every reader that builds table blocks. */
export function checkTableCells(doc: DocumentModel): void {
  let cells = 0;
  for (const block of doc.blocks) if (block.kind === 'table') cells += block.rows.length * (block.rows[0]?.length ?? 0);
  if (cells > DEFAULT_LIMITS.maxTableCells) {
    throw new UnreadableDocumentError('too-large', `tables hold ${cells} cells, more than maxTableCells (${DEFAULT_LIMITS.maxTableCells})`);
  }
}

export function htmlToDocument(html: string, options: HtmlToDocumentOptions): DocumentModel {
  checkSize(html);
  checkDepth(html);
  const root: DomNode = parseHtml(html);
  const lengths = textLengths(root, isNotBodyText);
  const body = options.wholeDocument ? root : findBody(root, lengths).body;
  const { blocks, metadataTables } = collectBlocks(body, { skip: isNotBodyText, lengths });

  const outside = options.wholeDocument ? [] : linesOutside(root, body, isNonText);
  for (const table of metadataTables) for (const row of table.rows) outside.push(...row.map((c) => c.text));
  const bodyHead = blocks.slice(0, BODY_HEAD_LINES).flatMap((b) => (b.kind !== 'table' && b.text.length <= BODY_HEAD_LINE_CHARS ? [b.text] : []));
  const meta: DocumentMeta = harvestMeta(root, outside, bodyHead);

  const doc = DocumentModel.parse({ format: options.format, blocks, meta, messages: options.messages ?? [] });
  checkTableCells(doc);
  return doc;
}
