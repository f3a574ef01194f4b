/**
 * A textless page filling a few curves (a table's last rows carried onto a page of their own, a closing
 * signature) drew its text as outlines when another page of its document did: such a document draws no
 * text any other way. Pages are judged in order; a page before any outlined one looks ahead for one,
 * past pages showing nothing.
 */
import type { PositionedText } from './items.js';
import { drewOutlines, mayBeOutlinedText, outlinedBesideOthers, type PageVerdict } from './quality.js';

/** A page as read from its text layer, with the quality gate's verdict on it alone. */
export interface JudgedPage {
  content: { items: PositionedText[] };
  hasImages: boolean;
  filledCurves: number;
  verdict: PageVerdict;
}

/**
 * The verdict on each page in its document: `peek` reads a later page (kept for when its turn comes).
 * Call it for pages 1, 2, … in order.
 */
export function outlinedNeighbours(pageCount: number, peek: (page: number) => Promise<JudgedPage>): (page: number, got: JudgedPage) => Promise<PageVerdict> {
  // The last page found to draw its text as outlines.
  let outlinedPage: number | undefined;
  const outlinedAfter = async (p: number): Promise<number | undefined> => {
    for (let q = p + 1; q <= pageCount; q++) {
      const next = await peek(q);
      if (drewOutlines(next.verdict)) return q;
      if (!mayBeOutlinedText(next.content.items, next.hasImages, next.filledCurves) && (next.hasImages || next.content.items.some((i) => i.text.trim()))) return undefined;
    }
    return undefined;
  };
  return async (p, got) => {
    let verdict = got.verdict;
    if (verdict.ok && mayBeOutlinedText(got.content.items, got.hasImages, got.filledCurves)) {
      const beside = outlinedPage ?? (await outlinedAfter(p));
      if (beside !== undefined) verdict = outlinedBesideOthers(got.filledCurves, beside);
    }
    if (drewOutlines(got.verdict)) outlinedPage = p;
    return verdict;
  };
}
