/**
 * HTML tables inside text: converters that turn a PDF into Markdown (MinerU, marker and their like)
 * write every table as `<table>…</table>`, often on one line wrapped in `<html><body>`, between the
 * text's own lines; crawlers that keep a page's markup do the same. Such a table is cut out and read
 * by the HTML reader, so that its rows, spans and empty cells are what the markup says; the text
 * around it is read as text.
 */
import type { Block } from '../model.js';
import type { Limits } from '../limits.js';

export type TextPiece = { kind: 'text'; text: string } | { kind: 'html'; html: string };

const TABLE_TAG = /<(\/?)table(?=[\s>/])[^>]*>/gi;
/** The document wrappers a converter puts around each table: left over once the table is cut out. */
const WRAPPERS = /<\/?(?:html|body)(?=[\s>/])[^>]*>/gi;

/** True when the text holds at least one `<table` tag worth cutting out. */
export function mayHoldHtmlTables(text: string): boolean {
  return /<table[\s>/]/i.test(text);
}

/**
 * The text cut into plain pieces and whole outermost tables (nested tables stay inside theirs). A
 * table never closed is not a table: it stays in the text, as printed.
 */
export function cutHtmlTables(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let depth = 0;
  let start = -1;
  let last = 0;
  const pushText = (to: number) => {
    const rest = text.slice(last, to).replace(WRAPPERS, '');
    if (rest.trim()) pieces.push({ kind: 'text', text: rest });
  };
  for (const match of text.matchAll(TABLE_TAG)) {
    const at = match.index ?? 0;
    if (match[1] !== '/') {
      if (depth++ === 0) start = at;
    } else if (depth > 0 && --depth === 0) {
      pushText(start);
      const end = at + match[0].length;
      pieces.push({ kind: 'html', html: text.slice(start, end) });
      last = end;
    }
  }
  pushText(text.length);
  return pieces;
}

/**
 * The blocks of a text holding HTML tables: each table read by the HTML reader (loaded only then),
 * the text between read by `readText`.
 */
export async function readBlocksWithHtmlTables(text: string, readText: (text: string) => Block[], limits: Limits): Promise<Block[]> {
  const { checkTableCells, htmlToDocument } = await import('../html/index.js');
  const blocks: Block[] = [];
  for (const piece of cutHtmlTables(text)) {
    const read = piece.kind === 'text' ? readText(piece.text) : htmlToDocument(piece.html, { format: 'txt', wholeDocument: true, limits }).blocks;
    for (const block of read) blocks.push(block);
  }
  // Each table was held to the limits alone; many small ones must not add up past them either.
  checkTableCells({ format: 'txt', blocks, meta: {}, messages: [] }, limits);
  return blocks;
}
