/**
 * HTML text → document model: parse, find the report body in the portal chrome, walk it into blocks,
 * harvest the page's metadata from around it. The DOCX reader reuses this on mammoth's output.
 */
import { DocumentModel, UnreadableDocumentError, type Format, type Message } from '../model.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { checked } from '../validate.js';
import { attr, parseHtml, textLengths, type DomElement, type DomNode } from './dom.js';
import { pictureMarker } from '../image/placed-pictures.js';
import { findBody } from './body.js';
import { nestsDeeperThan } from './depth.js';
import { collectBlocks } from './blocks.js';
import { readFlattenedTables } from './flattened.js';
import { harvestMeta, linesOutside, type DocumentMeta } from './meta.js';
import { isNonText, isNotBodyText } from './noise.js';
import { markHiddenByStylesheet } from './stylesheet-hidden.js';
import { markFootnoteReferences } from './footnote-marks.js';
import type { PictureSources } from './pictures.js';
import { pictureAddresses } from './picture-sources.js';

export interface HtmlToDocumentOptions {
  format: Format;
  /** The whole document is the report (converter output, not a portal page): no body search. */
  wholeDocument?: boolean;
  /** Messages met before parsing (e.g. encoding-guessed), carried into the model. */
  messages?: Message[];
  /** The run's limits (default: DEFAULT_LIMITS). */
  limits?: Limits;
  /**
   * When given, each <img> of the body outside data tables leaves a marker (placed-pictures.ts) in its
   * place and its addresses (lazy-loading attributes, then src) are pushed here, the marker's index being theirs; at most maxPdfPages of them.
   */
  pictures?: PictureSources[];
}

/** Short lines at the top of the body may carry 发布日期：… when a page is a bare fragment. */
const BODY_HEAD_LINES = 8;
const BODY_HEAD_LINE_CHARS = 60;

function checkSize(html: string, limits: Limits): void {
  if (html.length > limits.maxHtmlBytes) {
    throw new UnreadableDocumentError('too-large', `HTML text of ${html.length} characters exceeds maxHtmlBytes (${limits.maxHtmlBytes})`);
  }
}

function checkDepth(html: string, limits: Limits): void {
  if (nestsDeeperThan(html, limits.maxMarkupDepth)) {
    throw new UnreadableDocumentError('too-deep', `markup nests more than ${limits.maxMarkupDepth} elements deep (maxMarkupDepth): not a real page`);
  }
}

/** The document-wide cap on table cells (maxTableCells), for every reader that builds table blocks. */
export function checkTableCells(doc: DocumentModel, limits: Limits = DEFAULT_LIMITS): void {
  let cells = 0;
  for (const block of doc.blocks) if (block.kind === 'table') cells += block.rows.length * (block.rows[0]?.length ?? 0);
  if (cells > limits.maxTableCells) {
    throw new UnreadableDocumentError('too-large', `tables hold ${cells} cells, more than maxTableCells (${limits.maxTableCells})`);
  }
}

export function htmlToDocument(html: string, options: HtmlToDocumentOptions): DocumentModel {
  const limits = options.limits ?? DEFAULT_LIMITS;
  checkSize(html, limits);
  checkDepth(html, limits);
  const root: DomNode = parseHtml(html);
  markHiddenByStylesheet(root, html);
  markFootnoteReferences(root, html);
  const lengths = textLengths(root, isNotBodyText);
  const body = options.wholeDocument ? root : findBody(root, lengths).body;
  const pictures = options.pictures;
  let passedBy = 0;
  const picture = pictures
    ? (el: DomElement) => {
        const sources = pictureAddresses((name) => attr(el, name));
        if (!sources.length) return undefined;
        if (pictures.length >= limits.maxPdfPages) return void passedBy++;
        pictures.push(sources);
        return pictureMarker('html', pictures.length - 1);
      }
    : undefined;
  const collected = collectBlocks(body, { skip: isNotBodyText, lengths, picture });
  const { metadataTables } = collected;
  const blocks = readFlattenedTables(collected.blocks, collected.rawText, limits, collected.paragraphLines);
  const messages = [...(options.messages ?? [])];
  if (passedBy) messages.push({ code: 'picture-skipped', message: `${passedBy} more pictures in the article past the first ${limits.maxPdfPages} (maxPdfPages); not read` });

  const outside = options.wholeDocument ? [] : linesOutside(root, body, isNonText);
  for (const table of metadataTables) for (const row of table.rows) outside.push(...row.map((c) => c.text));
  const bodyHead = blocks.slice(0, BODY_HEAD_LINES).flatMap((b) => (b.kind !== 'table' && b.text.length <= BODY_HEAD_LINE_CHARS ? [b.text] : []));
  const meta: DocumentMeta = harvestMeta(root, outside, bodyHead);

  const doc = checked(DocumentModel, { format: options.format, blocks, meta, messages });
  checkTableCells(doc, limits);
  return doc;
}
