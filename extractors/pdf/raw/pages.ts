/**
 * The page tree flattened in reading order, each page with the /Resources it inherits, and a page's
 * content as one byte string. A tree that loops or runs too deep is refused (pdf.js takes over).
 */
import { RAW_BOUNDS, unsupported } from './bounds.js';
import type { RawDocument } from './document.js';
import { PdfDict, PdfRef, PdfStream, type PdfObject } from './lexer.js';

export interface RawPage {
  dict: PdfDict;
  /** Own or inherited from the nearest ancestor that has them. */
  resources: PdfDict | undefined;
}

export function listPages(doc: RawDocument): RawPage[] {
  const pages: RawPage[] = [];
  const visited = new Set<PdfDict>();
  const visitedRefs = new Set<number>();
  const walk = (node: PdfObject | undefined, inherited: PdfDict | undefined, depth: number): void => {
    if (depth > RAW_BOUNDS.maxPageTreeDepth) unsupported('page tree too deep');
    if (node instanceof PdfRef) {
      if (visitedRefs.has(node.num)) unsupported('page tree loops');
      visitedRefs.add(node.num);
    }
    const dict = doc.resolve(node);
    if (!(dict instanceof PdfDict)) return; // pdf.js skips kids that are not dictionaries
    if (visited.has(dict)) unsupported('page tree loops');
    visited.add(dict);
    const own = doc.get(dict, 'Resources');
    const resources = own instanceof PdfDict ? own : inherited;
    const kids = doc.get(dict, 'Kids');
    if (Array.isArray(kids)) {
      for (const kid of kids) walk(kid, resources, depth + 1);
      return;
    }
    if (pages.length >= RAW_BOUNDS.maxPages) unsupported('too many pages');
    pages.push({ dict, resources });
  };
  walk(doc.catalog.get('Pages'), undefined, 0);
  return pages;
}

const NEWLINE = Uint8Array.of(0x0a);

/** The page's content streams decoded and joined with a newline, so a token cannot run across two parts. */
export function pageContent(doc: RawDocument, page: RawPage): Uint8Array {
  const contents = doc.get(page.dict, 'Contents');
  if (contents instanceof PdfStream) return doc.streamBytes(contents);
  if (!Array.isArray(contents)) return new Uint8Array(0);
  const parts: Uint8Array[] = [];
  for (const item of contents) {
    const stream = doc.resolve(item);
    if (!(stream instanceof PdfStream)) continue;
    if (parts.length > 0) parts.push(NEWLINE);
    parts.push(doc.streamBytes(stream));
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}
