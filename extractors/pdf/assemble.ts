/**
 * Page layouts → the document's blocks in reading order. A table that ends one page and a table that
 * starts the next are joined when their columns line up (message table-split-joined); a paragraph cut
 * by a page break is joined when the first page's last line runs to the right edge and the next page's
 * first line is not indented. Free lines that hold a table printed without rulings become a table.
 */
import type { Block, Message } from '../model.js';
import type { PageLayout } from './layout.js';
import type { TableDraft } from './lattice.js';
import type { TextLine } from './lines.js';
import { columnsLineUp, joinDrafts, overflowCells } from './stitch.js';
import { joinPieces } from './geometry.js';
import { toTableBlock } from './dense.js';
import { findStreamTable, isHeaderLine, looksTabular, withHeaderLines, type HeaderWords } from './stream.js';
import { continuesOnNextPage, paragraphBox, paragraphText, splitParagraphs, startsFresh, type DraftParagraph } from './paragraphs.js';

type Piece =
  | { kind: 'table'; draft: TableDraft; pages: number[] }
  | { kind: 'paragraph'; p: DraftParagraph; right: number; left: number }
  | { kind: 'block'; block: Block };

/** Header lines of a table at the foot of one page carried to its body on the next. */
const MAX_CARRIED_HEADER_LINES = 4;

export function assemble(layouts: PageLayout[]): { blocks: Block[]; messages: Message[] } {
  const pieces: Piece[] = [];
  const messages: Message[] = [];
  // The header the last rows of the latest table without rulings stand under.
  let lastHeader: HeaderWords | undefined;

  const pushParagraphs = (lines: TextLine[], layout: PageLayout, firstOnPage: boolean): void => {
    // Only the short lines of labels that printed nothing (4.无正当理由 · 大量反复申请) may stand between a
    // table's rows and their rest on the next page.
    if (!lines.every(isHeaderLine)) lastHeader = undefined;
    splitParagraphs(lines, layout.page, layout.left, layout.right).forEach((p, i) => {
      const prev = pieces[pieces.length - 1];
      if (firstOnPage && i === 0 && prev?.kind === 'paragraph' && prev.p.page !== p.page && continuesOnNextPage(prev.p, prev.right) && !startsFresh(p, layout.left)) {
        prev.p = { lines: [...prev.p.lines, ...p.lines], page: prev.p.page };
      } else pieces.push({ kind: 'paragraph', p, right: layout.right, left: layout.left });
    });
  };

  for (const layout of layouts) {
    let firstOnPage = true;
    for (const piece of layout.pieces) {
      if (piece.kind === 'table') {
        // Cells' text run out under the table at the page foot (序 · 号; 结果 · 维持 … 总 · 计) stands between its two parts: the cells'.
        const before = pieces[pieces.length - 2];
        const runOut = pieces[pieces.length - 1];
        if (firstOnPage && runOut?.kind === 'paragraph' && runOut.p.lines.length === 1 && runOut.p.page === layout.page - 1 && before?.kind === 'table' && before.pages[before.pages.length - 1] === runOut.p.page && columnsLineUp(before.draft, piece.draft)) {
          const cells = overflowCells(before.draft, runOut.p.lines[0], runOut.p.page);
          if (cells) {
            for (const [cell, text] of cells) cell.text = joinPieces(cell.text, text, true);
            pieces.pop();
          }
        }
        const last = pieces[pieces.length - 1];
        if (firstOnPage && last?.kind === 'table' && columnsLineUp(last.draft, piece.draft)) {
          last.draft = joinDrafts(last.draft, piece.draft);
          last.pages.push(layout.page);
          messages.push({ code: 'table-split-joined', message: `a table continues from page ${last.pages[last.pages.length - 2]} on page ${layout.page}; joined` });
        } else pieces.push({ kind: 'table', draft: piece.draft, pages: [layout.page] });
        lastHeader = undefined;
      } else {
        const last = pieces[pieces.length - 1];
        let lines = piece.lines;
        // The page's first lines after a table without rulings on the page before: its rest may be one or two rows.
        const continuing = firstOnPage && last?.kind === 'block' && last.block.kind === 'table';
        const minLines = continuing ? 1 : undefined;
        // Its rows go on under the header of the table before (a table that runs on has no header of its own).
        let stream = looksTabular(lines, minLines) ? findStreamTable(lines, layout.page, minLines, firstOnPage ? { header: lastHeader } : {}) : undefined;
        if (stream) {
          pushParagraphs(stream.before, layout, firstOnPage);
          // A table that starts at the top of the page may have begun its header at the foot of the
          // page before (行政复议 · 行政诉讼 there, 未经复议直接起诉 … here): those short lines are its first rows.
          const carried: TextLine[] = [];
          if (firstOnPage && stream.before.length === 0) {
            while (carried.length < MAX_CARRIED_HEADER_LINES) {
              const previous = pieces[pieces.length - 1];
              if (previous?.kind !== 'paragraph' || previous.p.page !== layout.page - 1 || !previous.p.lines.every(isHeaderLine)) break;
              carried.unshift(...previous.p.lines);
              pieces.pop();
            }
          }
          // Read before its first row: a header whose words stand over its values, or the labels of rows that printed nothing.
          if (carried.length) stream = findStreamTable(lines, layout.page, minLines, { header: lastHeader, lines: carried }) ?? stream;
          lastHeader = stream.header;
          pieces.push({ kind: 'block', block: withHeaderLines(stream.table, carried, layout.page) });
          messages.push({ code: 'table-without-rulings', message: `page ${layout.page}: a table printed without rulings, read from text positions` });
          lines = stream.after;
        }
        pushParagraphs(lines, layout, firstOnPage && !stream);
      }
      firstOnPage = false;
    }
  }
  const blocks: Block[] = pieces.map((piece): Block =>
    piece.kind === 'block'
      ? piece.block
      : piece.kind === 'table'
        ? toTableBlock(piece.draft)
        : { kind: 'paragraph', text: paragraphText(piece.p), prov: { page: piece.p.page, bbox: paragraphBox(piece.p), origin: paragraphOrigin(piece.p) } },
  );
  return { blocks, messages };
}

/** A paragraph read off a scanned page says so: what is made of it (the title, the agency) is then an OCR reading. */
function paragraphOrigin(p: { lines: { items: { origin?: string }[] }[] }): 'text' | 'ocr' {
  return p.lines.some((line) => line.items.some((item) => item.origin === 'ocr')) ? 'ocr' : 'text';
}
