/**
 * Hand-written one-page PDFs: text in the non-embedded Adobe CJK font STSong-Light (UniGB-UCS2-H: text
 * as UTF-16BE codes, no FontFile, so the viewer must supply the glyphs) and ruling lines drawn as
 * stroked paths. Small enough to reason about byte by byte; the tests build their PDFs with it, and the
 * generator its stamps.
 */

export interface PlacedText {
  text: string;
  x: number;
  /** Baseline, PDF user space (origin bottom-left). */
  y: number;
  size?: number;
}

export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** UTF-16BE hex of a string, as UniGB-UCS2-H expects it (BMP only). */
function ucs2Hex(text: string): string {
  return [...text].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();
}

/**
 * `cidWidths` is the descendant font's /W array (tests of hostile fonts give it other ranges).
 */
export function stSongPdf(texts: PlacedText[], lines: Segment[], page = { width: 595, height: 842 }, cidWidths = '[1 95 500]'): Buffer {
  const content = [
    '0.5 w',
    ...lines.map((l) => `${l.x0} ${l.y0} m ${l.x1} ${l.y1} l S`),
    ...texts.map((t) => `BT /F1 ${t.size ?? 10} Tf ${t.x} ${t.y} Td <${ucs2Hex(t.text)}> Tj ET`),
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    // Widths: CIDs 1..95 (ASCII) are half-width in Adobe-GB1, everything else full-width.
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 /W ${cidWidths} >>`,
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

