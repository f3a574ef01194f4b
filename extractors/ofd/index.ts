/**
 * The OFD reader (GB/T 33190): the package names the pages (./package.ts); each page's text and path
 * objects become the PDF reader's PageContent (./page.ts) and go through the same layout and assembly as
 * a born-digital PDF page: ruled tables as grids, tables split over pages joined, free text as paragraphs.
 * A page that only paints pictures (a scan) has no text to read: see ./scans.ts.
 */
import type { DocumentModel, Message } from '../model.js';
import type { Limits } from '../limits.js';
import { layoutPage, type PageLayout } from '../pdf/layout.js';
import { assemble } from '../pdf/assemble.js';
import type { DomNode } from '../html/dom.js';
import { boxOf, child, childElements, corruptOfd, localName, openOfd, textOf } from './package.js';
import { readOfdPage } from './page.js';
import { readScannedPages, type ScannedPage } from './scans.js';

export interface OfdReadOptions {
  /** Is OCR installed? Default: asks the tools (tests replace it). */
  ocrAvailable?: () => Promise<boolean>;
}

export async function readOfd(bytes: Buffer, limits: Limits, options: OfdReadOptions = {}): Promise<DocumentModel> {
  const pkg = await openOfd(bytes, limits);
  try {
    const messages: Message[] = [];
    const parsed = new Map<string, DomNode>();
    const partRoot = async (name: string): Promise<DomNode | undefined> => {
      if (!parsed.has(name)) {
        const part = await pkg.xml(name);
        if (part) parsed.set(name, part.root);
      }
      return parsed.get(name);
    };
    let budget = limits.maxPdfTextItems;
    const layouts: Array<PageLayout | undefined> = [];
    const scanned: ScannedPage[] = [];
    for (const [i, page] of pkg.pages.entries()) {
      const p = i + 1;
      const root = await partRoot(page.content);
      if (!root) throw corruptOfd(`page ${p}'s content ${page.content} is not in the package`);
      // Templates only hold what every page repeats (headers, rules); they are drawn under the page.
      const templates = (await Promise.all(page.templates.map(partRoot))).filter((t): t is DomNode => t !== undefined);
      parsed.clear();
      const pageEl = childElements(root).find((c) => localName(c) === 'page');
      const area = pageEl && child(pageEl, 'area');
      const box = boxOf(textOf(area && child(area, 'physicalbox'))) ?? pkg.pageBox;
      const read = readOfdPage([...templates, root], p, box, budget);
      budget -= read.content.items.length;
      const visible = read.content.items.length - read.invisibleText;
      if (visible === 0 && read.images.length > 0) {
        scanned.push({ page: p, content: read.content, images: read.images });
        layouts.push(undefined);
      } else layouts.push(layoutPage(read.content));
    }
    if (scanned.length > 0) {
      const ocr = await readScannedPages(pkg, scanned, limits, options.ocrAvailable, scanned.length === pkg.pages.length);
      messages.push(...ocr.messages);
      for (const [page, content] of ocr.contents) layouts[page - 1] = layoutPage(content);
    }
    const { blocks, messages: assembled } = assemble(layouts.filter((l): l is PageLayout => l !== undefined));
    return {
      format: 'ofd',
      blocks,
      meta: { ...(pkg.title ? { title: pkg.title } : {}), pageCount: pkg.pages.length },
      messages: [...messages, ...assembled],
    };
  } finally {
    pkg.close();
  }
}
