/**
 * A small reader of the raw PDF that gives, per page, the operator list extractRulings needs (the
 * shape pdf.js's getOperatorList has, restricted to q/Q/cm, painted paths and images) without pdf.js
 * preparing every glyph for rendering. It reads what real reports use and refuses the rest: an
 * encrypted file gives undefined, anything unsupported on a page throws RawPdfUnsupported, and the
 * caller then asks pdf.js. Every loop and allocation is bounded (./bounds.ts).
 */
import type { OpIds } from '../rulings.js';
import { RawPdfUnsupported, unsupported } from './bounds.js';
import { RawDocument } from './document.js';
import { PdfDict, PdfName, type PdfObject } from './lexer.js';
import { listPages, pageContent, type RawPage } from './pages.js';
import { ContentScanner, type RawOperatorList } from './paths.js';

export { RawPdfUnsupported } from './bounds.js';
export type { RawOperatorList } from './paths.js';

export interface RawPdf {
  readonly pageCount: number;
  /** Throws RawPdfUnsupported when the page uses something this reader does not read. */
  operatorList(pageIndex0: number, ids: OpIds): RawOperatorList;
}

/** undefined when the file is encrypted, or not a PDF this reader can open (pdf.js may still can). */
export function openRawPdf(bytes: Uint8Array): RawPdf | undefined {
  try {
    const doc = RawDocument.open(bytes);
    if (!doc) return undefined;
    const pages = listPages(doc);
    return {
      pageCount: pages.length,
      operatorList: (pageIndex0, ids) => {
        const page = pages[pageIndex0];
        if (!page) unsupported(`no page ${pageIndex0}`);
        return pageOperatorList(doc, page, ids);
      },
    };
  } catch (error) {
    if (error instanceof RawPdfUnsupported || error instanceof RangeError) return undefined;
    throw error;
  }
}

function pageOperatorList(doc: RawDocument, page: RawPage, ids: OpIds): RawOperatorList {
  try {
    refuseDrawnAnnotations(doc, page.dict);
    const scanner = new ContentScanner(doc, ids);
    scanner.scan(pageContent(doc, page), page.resources, 0);
    return scanner.out;
  } catch (error) {
    // A call stack or an allocation that a hostile file pushed too far is one more reason to let pdf.js try.
    if (error instanceof RangeError) throw new RawPdfUnsupported(error.message);
    throw error;
  }
}

/**
 * pdf.js adds the appearance streams of annotations (and ones it draws itself for markup and form
 * fields) to the page's operator list. Links and popups without an appearance draw nothing; a page
 * with any other annotation is left to pdf.js rather than imitating its annotation rules.
 */
function refuseDrawnAnnotations(doc: RawDocument, pageDict: PdfDict): void {
  const annots: PdfObject | undefined = doc.get(pageDict, 'Annots');
  if (!Array.isArray(annots)) return;
  for (const item of annots) {
    const annot = doc.resolve(item);
    if (!(annot instanceof PdfDict)) continue;
    const subtype = doc.get(annot, 'Subtype');
    const quiet = subtype instanceof PdfName && (subtype.name === 'Link' || subtype.name === 'Popup');
    if (!quiet || annot.has('AP')) unsupported(`page has a drawn annotation (${subtype instanceof PdfName ? subtype.name : '?'})`);
  }
}
