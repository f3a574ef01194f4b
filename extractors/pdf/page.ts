/**
 * One born-digital page → PageContent: its text content from pdf.js and its drawn paths (for the
 * rulings), both mapped into display space (so rotated pages read upright) with y measured up from
 * the bottom. The paths come from the raw content stream (extractors/pdf/raw) when that reader can
 * read the page — pdf.js's getOperatorList costs as much again as the text, preparing every glyph for
 * rendering — and from pdf.js otherwise.
 */
import type { PageContent, RulingLine } from './items.js';
import { loadPdfJs, type PdfPage } from './pdfjs.js';
import { extractRulings, type ImageBox, type OpIds, type TextShows } from './rulings.js';
import type { RawOperatorList } from './raw/index.js';
import { toPositionedText, type PointMap, type RawTextContent } from './text-items.js';
import { withoutOverprints } from './overprint.js';
import { turnedPage, uprightTurn, type PageTurn } from './page-turn.js';
import { guessedText, type GuessedText } from './unicode-guess.js';

export interface PageRead {
  content: PageContent;
  /** The page paints an image: with no text it is a scan, not a blank page. */
  hasImages: boolean;
  /** Where the page paints its images (display space): a picture of a table among the text is read by OCR. */
  images: ImageBox[];
  /** Text runs dropped as copies drawn over a run (simulated bold, a text shadow). */
  overprinted: number;
  textShows: TextShows;
  /** Curve segments of the paths the page fills (glyphs drawn as outlines draw thousands). */
  filledCurves: number;
  /** Text the page shows in fonts whose characters pdf.js could only guess. */
  guessedUnicode: GuessedText;
  /** How far the displayed page was turned (clockwise) to read its text left to right. */
  turn: PageTurn;
}

/** Ruling segments one page may contribute; a real table page has a few hundred. */
const MAX_SEGMENTS_PER_PAGE = 20_000;

/** The page's paths as an operator list from the raw reader, or undefined to ask pdf.js. */
export type RawOperators = (ids: OpIds) => RawOperatorList | undefined;

export async function readPage(page: PdfPage, pageNumber: number, itemBudget: number, rawOperators?: RawOperators): Promise<PageRead> {
  const pdfjs = await loadPdfJs();
  const viewport = page.getViewport({ scale: 1 });
  const text = (await page.getTextContent({ includeMarkedContent: false, disableNormalization: false })) as unknown as RawTextContent;
  const displayed = displayMap(page);
  const turn = uprightTurn(text, displayed);
  const { mapPoint, width, height } = turnedPage(displayed, turn, viewport.width, viewport.height);
  const { items, dropped: overprinted } = withoutOverprints(toPositionedText(text, pageNumber, mapPoint, itemBudget));
  const ids = opIds(pdfjs.OPS);
  const ops = rawOperators?.(ids) ?? ((await page.getOperatorList()) as unknown as { fnArray: number[]; argsArray: unknown[][] });
  const rulings = extractRulings(ops, ids, mapPoint, MAX_SEGMENTS_PER_PAGE);
  const lines: RulingLine[] = [
    ...rulings.horizontal.map((h) => ({ page: pageNumber, x0: h.x0, y0: h.y, x1: h.x1, y1: h.y })),
    ...rulings.vertical.map((v) => ({ page: pageNumber, x0: v.x, y0: v.y0, x1: v.x, y1: v.y1 })),
  ];
  return { content: { page: pageNumber, width, height, items, lines }, turn, hasImages: rulings.hasImages, images: rulings.images ?? [], overprinted, textShows: rulings.textShows ?? { visible: 0, invisible: 0 }, filledCurves: rulings.filledCurves ?? 0, guessedUnicode: guessedText(text) };
}

/** PDF user space → display space (rotation applied), y measured up from the bottom of the page. */
export function displayMap(page: PdfPage): PointMap {
  const viewport = page.getViewport({ scale: 1 });
  const height = viewport.height;
  return (x, y) => {
    const [vx, vy] = viewport.convertToViewportPoint(x, y) as [number, number];
    return [vx, height - vy];
  };
}

/** The operator ids extractRulings needs, from pdf.js's OPS table. */
export function opIds(OPS: Record<string, number>): OpIds {
  return {
    save: OPS.save,
    restore: OPS.restore,
    transform: OPS.transform,
    constructPath: OPS.constructPath,
    stroke: OPS.stroke,
    closeStroke: OPS.closeStroke,
    fill: OPS.fill,
    eoFill: OPS.eoFill,
    fillStroke: OPS.fillStroke,
    eoFillStroke: OPS.eoFillStroke,
    closeFillStroke: OPS.closeFillStroke,
    closeEOFillStroke: OPS.closeEOFillStroke,
    paintImageXObject: OPS.paintImageXObject,
    paintInlineImageXObject: OPS.paintInlineImageXObject,
    paintImageMaskXObject: OPS.paintImageMaskXObject,
    paintImageXObjectRepeat: OPS.paintImageXObjectRepeat,
    setTextRenderingMode: OPS.setTextRenderingMode,
    showText: OPS.showText,
    showSpacedText: OPS.showSpacedText,
    nextLineShowText: OPS.nextLineShowText,
    nextLineSetSpacingShowText: OPS.nextLineSetSpacingShowText,
    paintFormXObjectBegin: OPS.paintFormXObjectBegin,
    paintFormXObjectEnd: OPS.paintFormXObjectEnd,
  };
}
