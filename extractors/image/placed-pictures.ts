/**
 * Pictures that stand among a document's paragraphs (a DOCX's drawings, a page's <img>): each reader
 * leaves a marker where a picture stood, and this swaps the markers for what the pictures hold. A
 * block's text around a marker stays where it was; pictures with nothing printed between them are read
 * together, as the pages of one scan, so a table pasted as one picture per page comes out joined.
 */
import type { Block, DocumentModel } from '../model.js';
import type { Limits } from '../limits.js';

/** A picture a reader found, with its bytes, or the reason it has none. */
export interface PlacedPicture {
  /** How the document names it (a zip part, an <img> src). */
  name: string;
  bytes?: Buffer;
  /** Why it could not be read (a link outside the file, a missing file). */
  unresolved?: string;
}

/** Private-use marks around a picture's index: never in a report's own text. */
const MARK = '\ue001';

/** The marker text a reader leaves for its `index`-th picture; `kind` keeps readers' markers apart. */
export function pictureMarker(kind: string, index: number): string {
  return `${MARK}${kind}-picture-${index}${MARK}`;
}

export function pictureMarkerPattern(kind: string): RegExp {
  return new RegExp(`${MARK}${kind}-picture-(\\d+)${MARK}`, 'g');
}

export async function substitutePictures(doc: DocumentModel, kind: string, pictures: PlacedPicture[], limits: Limits): Promise<void> {
  type Piece = { kind: 'block'; block: Block } | { kind: 'pictures'; indexes: number[] };
  const pattern = pictureMarkerPattern(kind);
  const pieces: Piece[] = [];
  const found = new Set<number>();
  const addPicture = (index: number) => {
    found.add(index);
    const last = pieces[pieces.length - 1];
    if (last?.kind === 'pictures') last.indexes.push(index);
    else pieces.push({ kind: 'pictures', indexes: [index] });
  };
  for (const block of doc.blocks) {
    if (block.kind === 'table' || !block.text.includes(MARK)) {
      pieces.push({ kind: 'block', block });
      continue;
    }
    let at = 0;
    for (const m of block.text.matchAll(pattern)) {
      const before = block.text.slice(at, m.index).trim();
      if (before) pieces.push({ kind: 'block', block: { ...block, text: before } });
      if (pictures[Number(m[1])]) addPicture(Number(m[1]));
      at = m.index + m[0].length;
    }
    const after = block.text.slice(at).trim();
    if (after) pieces.push({ kind: 'block', block: { ...block, text: after } });
  }
  const { readTablePictures } = await import('./table-image.js');
  const blocks: Block[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'block') {
      blocks.push(piece.block);
      continue;
    }
    const readable: Array<{ name: string; bytes: Buffer }> = [];
    for (const index of piece.indexes) {
      const picture = pictures[index];
      if (picture.bytes) readable.push({ name: picture.name, bytes: picture.bytes });
      else doc.messages.push({ code: 'picture-skipped', message: `${picture.name}: ${picture.unresolved ?? 'not readable'}; not read` });
    }
    const read = await readTablePictures(readable, { maxPixels: limits.maxOcrPixels, maxPages: limits.maxPdfPages, maxPagesAtOnce: limits.maxOcrPagesAtOnce });
    blocks.push(...read.blocks);
    doc.messages.push(...read.messages);
  }
  pictures.forEach((picture, index) => {
    if (!found.has(index)) doc.messages.push({ code: 'picture-skipped', message: `${picture.name}: its place did not come through the conversion; not read` });
  });
  doc.blocks = blocks;
}
