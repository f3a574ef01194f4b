/**
 * A multi-page TIFF writer for generated fixtures: 8-bit gray, uncompressed, one strip per page, the
 * resolution stated in inches. What a scanner's "save as TIFF" produces, minus the compression.
 */
import type { GrayImage } from '../../../extractors/pdf/ocr/pgm.js';

export function grayTiff(pages: GrayImage[], dpi: number): Buffer {
  const ENTRIES = 10;
  const ifdSize = 2 + ENTRIES * 12 + 4 + 16; // + two RATIONALs (x and y resolution)
  let size = 8;
  const layout = pages.map((page) => {
    const ifdAt = size;
    const dataAt = ifdAt + ifdSize;
    size = dataAt + page.pixels.length + (page.pixels.length % 2);
    return { ifdAt, dataAt };
  });
  const out = Buffer.alloc(size);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(layout[0].ifdAt, 4);
  pages.forEach((page, i) => {
    const { ifdAt, dataAt } = layout[i];
    const rationalAt = ifdAt + 2 + ENTRIES * 12 + 4;
    let at = ifdAt + 2;
    out.writeUInt16LE(ENTRIES, ifdAt);
    const entry = (tag: number, type: number, value: number) => {
      out.writeUInt16LE(tag, at);
      out.writeUInt16LE(type, at + 2);
      out.writeUInt32LE(1, at + 4);
      if (type === 3) out.writeUInt16LE(value, at + 8);
      else out.writeUInt32LE(value, at + 8);
      at += 12;
    };
    entry(256, 4, page.width); // ImageWidth
    entry(257, 4, page.height); // ImageLength
    entry(258, 3, 8); // BitsPerSample
    entry(259, 3, 1); // Compression: none
    entry(262, 3, 1); // Photometric: black is zero
    entry(273, 4, dataAt); // StripOffsets
    entry(278, 4, page.height); // RowsPerStrip
    entry(279, 4, page.pixels.length); // StripByteCounts
    entry(282, 5, rationalAt); // XResolution
    entry(283, 5, rationalAt + 8); // YResolution
    // Entries must be sorted by tag; ResolutionUnit (296) defaults to inches.
    out.writeUInt32LE(i + 1 < pages.length ? layout[i + 1].ifdAt : 0, at);
    out.writeUInt32LE(dpi, rationalAt);
    out.writeUInt32LE(1, rationalAt + 4);
    out.writeUInt32LE(dpi, rationalAt + 8);
    out.writeUInt32LE(1, rationalAt + 12);
    Buffer.from(page.pixels.buffer, page.pixels.byteOffset, page.pixels.length).copy(out, dataAt);
  });
  return out;
}
