/**
 * Hand-written PDFs for tests: STSong-Light pages (tools/variety/render/st-song-pdf.ts), ruled grids on
 * them, and pages in an embedded font of the test's making.
 */

import { constants as zlibConstants, deflateSync } from 'node:zlib';
import { stSongPdf, type PlacedText, type Segment } from '../../../tools/variety/render/st-song-pdf.js';

export { stSongPdf, type PlacedText, type Segment };

/**
 * A ruled grid with one text per cell: column edges `xs`, row edges `ys` (top to bottom), each cell's
 * text set 4pt from its left edge and 6pt above its bottom edge.
 */
export function ruledGrid(rows: string[][], xs: number[], ys: number[], size = 10): { texts: PlacedText[]; lines: Segment[] } {
  const lines: Segment[] = [
    ...ys.map((y) => ({ x0: xs[0], y0: y, x1: xs[xs.length - 1], y1: y })),
    ...xs.map((x) => ({ x0: x, y0: ys[ys.length - 1], x1: x, y1: ys[0] })),
  ];
  const texts = rows.flatMap((row, r) => row.map((text, c) => ({ text, x: xs[c] + 4, y: ys[r + 1] + 6, size })));
  return { texts: texts.filter((t) => t.text !== ''), lines };
}

/** One simple (single-byte) font embedded from a font file, for tests of how pdf.js builds it. */
export interface EmbeddedFont {
  /** FontFile2 for TrueType, FontFile for Type1. */
  kind: 'TrueType' | 'Type1';
  program: Buffer;
  /** A Type1 program's clear-text, encrypted and trailing parts (Length1–3). */
  type1Lengths?: [number, number, number];
  /** FontDescriptor /Flags: 4 symbolic, 32 non-symbolic. */
  flags: number;
  encoding?: string;
  widths?: { first: number; values: number[] };
}

/**
 * A one-page PDF showing `lines` (Latin-1 text) in one embedded font, its file compressed
 * (FlateDecode); the page's content plain or compressed: whole, cut off after `cutAt` bytes, or
 * `unfinished` (every block complete, but no final block: the stream never says it has ended).
 */
export function embeddedFontPdf(font: EmbeddedFont, lines: string[], content: { deflate?: boolean; cutAt?: number; unfinished?: boolean } = {}): Buffer {
  const text = lines.map((line, i) => `BT /F1 12 Tf 72 ${720 - 20 * i} Td (${line.replace(/[()\\]/g, (c) => `\\${c}`)}) Tj ET`).join('\n');
  const flush = content.unfinished ? { finishFlush: zlibConstants.Z_SYNC_FLUSH } : {};
  const packed = content.deflate ? deflateSync(Buffer.from(text, 'latin1'), flush).subarray(0, content.cutAt) : Buffer.from(text, 'latin1');
  const fileKey = font.kind === 'TrueType' ? 'FontFile2' : 'FontFile';
  const [l1, l2, l3] = font.type1Lengths ?? [font.program.length, 0, 0];
  const lengths = font.kind === 'TrueType' ? `/Length1 ${font.program.length}` : `/Length1 ${l1} /Length2 ${l2} /Length3 ${l3}`;
  const compressed = deflateSync(font.program);
  const widths = font.widths ? `/FirstChar ${font.widths.first} /LastChar ${font.widths.first + font.widths.values.length - 1} /Widths [${font.widths.values.join(' ')}]` : '';
  const objects: Array<string | Buffer[]> = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    [Buffer.from(`<< ${content.deflate ? '/Filter /FlateDecode ' : ''}/Length ${packed.length} >>\nstream\n`, 'latin1'), packed, Buffer.from('\nendstream', 'latin1')],
    `<< /Type /Font /Subtype /${font.kind} /BaseFont /Embedded ${font.encoding ? `/Encoding /${font.encoding}` : ''} ${widths} /FontDescriptor 6 0 R >>`,
    `<< /Type /FontDescriptor /FontName /Embedded /Flags ${font.flags} /FontBBox [0 -250 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -250 /CapHeight 700 /StemV 80 /${fileKey} 7 0 R >>`,
    [Buffer.from(`<< /Filter /FlateDecode /Length ${compressed.length} ${lengths} >>\nstream\n`, 'latin1'), compressed, Buffer.from('\nendstream', 'latin1')],
  ];
  return pdfFromObjects(objects);
}

/**
 * A PDF of the given objects, numbered from 1 (object 1 the catalog), with a correct cross-reference
 * table: a body is a dictionary's text or the parts of a stream object.
 */
export function pdfFromObjects(objects: Array<string | Buffer[]>): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let size = parts[0].length;
  const offsets: number[] = [];
  const add = (b: Buffer): void => {
    parts.push(b);
    size += b.length;
  };
  objects.forEach((body, i) => {
    offsets.push(size);
    add(Buffer.from(`${i + 1} 0 obj\n`, 'latin1'));
    for (const b of typeof body === 'string' ? [Buffer.from(body, 'latin1')] : body) add(b);
    add(Buffer.from('\nendobj\n', 'latin1'));
  });
  const xrefAt = size;
  add(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`, 'latin1'));
  add(Buffer.from(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
