/**
 * Picture files → gray page bitmaps for the OCR table reader, at a resolution tesseract reads well.
 * Kinds are told by their magic bytes. PNG is decoded by resvg (already a dependency, prebuilt, so nothing
 * is compiled or downloaded at install), JPEG by poppler in its own process (jpeg.ts; resvg for CMYK), TIFF (one page per directory) by UTIF (pure JS), BMP
 * here, WebP by libwebp compiled to WebAssembly (@cwasm/webp: no native build, nothing fetched). A picture states its resolution (PNG pHYs, JFIF density, TIFF XResolution) or is taken for a
 * 96 dpi screenshot; either way it is scaled to about 300 dpi (what the scanned-PDF path renders at),
 * as long as the pixels stay within maxOcrPixels.
 */
import { UnreadableDocumentError } from '../model.js';
import type { GrayImage } from '../pdf/ocr/pgm.js';
import { decodeJpegGray, popplerDecodes } from './jpeg.js';

export type ImageKind = 'png' | 'jpeg' | 'tiff' | 'bmp' | 'webp';

/** The kind of picture these leading bytes start, or undefined. */
export function imageKind(head: Buffer): ImageKind | undefined {
  if (head.length >= 8 && head.readUInt32BE(0) === 0x89504e47 && head.readUInt32BE(4) === 0x0d0a1a0a) return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 4 && ((head[0] === 0x49 && head[1] === 0x49 && head[2] === 0x2a && head[3] === 0) || (head[0] === 0x4d && head[1] === 0x4d && head[2] === 0 && head[3] === 0x2a))) return 'tiff';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  // "BM" alone is two letters any text may start with: the DIB header size must be a known one too.
  if (head.length >= 18 && head[0] === 0x42 && head[1] === 0x4d && [12, 40, 52, 56, 108, 124].includes(head.readUInt32LE(14))) return 'bmp';
  return undefined;
}

export interface ImagePage {
  gray: GrayImage;
  /** Set when the page is a strip cut from a picture much taller than a page: which one, of how many. */
  strip?: { index: number; of: number };
  /** The resolution the bitmap stands at after scaling (pixels per inch). */
  dpi: number;
  /** The picture as stored: pixels and stated resolution (undefined: none stated). */
  source: { width: number; height: number; dpi?: number };
}

export interface DecodeOptions {
  maxPages: number;
  maxPixels: number;
  /** The resolution to scale to (default 300). */
  targetDpi?: number;
}

/** Taken for a picture that states no resolution: a screenshot of a page shown at 100%. */
export const SCREEN_DPI = 96;
const TARGET_DPI = 300;

/** Decodes every page of the picture; throws UnreadableDocumentError when it cannot or may not. */
export async function decodeImage(bytes: Buffer, options: DecodeOptions): Promise<ImagePage[]> {
  const kind = imageKind(bytes);
  switch (kind) {
    case 'png': {
      const size = pngSize(bytes);
      if (!size) throw new UnreadableDocumentError('corrupt-image', 'the PNG header gives no size');
      scaling(size, options); // refuses a bomb before its pixels are decoded
      return asPages(await renderWithResvg(bytes, kind, size.width, size.height), size, options);
    }
    case 'jpeg': {
      const size = jpegSize(bytes);
      if (!size) throw new UnreadableDocumentError('corrupt-image', 'the JPEG header gives no size');
      scaling(size, options); // refuses a bomb before its pixels are decoded
      // poppler decodes to gray in its own process (a photo's RGBA would not fit the worker); CMYK goes to resvg.
      const gray = popplerDecodes(size.components) ? await decodeJpegGray(bytes, size) : await renderWithResvg(bytes, kind, size.width, size.height);
      return asPages(gray, { width: size.width, height: size.height, dpi: size.dpi }, options);
    }
    case 'tiff':
      return decodeTiff(bytes, options);
    case 'bmp': {
      const image = decodeBmp(bytes, options.maxPixels);
      return asPages(image.gray, { width: image.gray.width, height: image.gray.height, dpi: image.dpi }, options);
    }
    case 'webp': {
      const size = webpSize(bytes);
      if (!size) throw new UnreadableDocumentError('corrupt-image', 'the WebP header gives no size');
      scaling(size, options); // refuses a bomb before its pixels are decoded
      return asPages(await decodeWebp(bytes, size), size, options);
    }
    default:
      throw new UnreadableDocumentError('image-unsupported', 'not a PNG, JPEG, TIFF, BMP or WebP picture');
  }
}

/**
 * How much to scale a picture: to about targetDpi from its stated (or screen) resolution, never so far that
 * the bitmap passes maxPixels. A picture already holding more than 4× maxPixels is refused before decoding:
 * its decoded bitmap alone could exhaust the worker.
 */
function scaling(size: { width: number; height: number; dpi?: number }, options: DecodeOptions): { scale: number; dpi: number } {
  const pixels = size.width * size.height;
  if (!(pixels > 0)) throw new UnreadableDocumentError('corrupt-image', 'the picture has no pixels');
  if (pixels > 4 * options.maxPixels) {
    throw new UnreadableDocumentError('too-large', `the picture is ${size.width}×${size.height} pixels, more than 4× the limit of ${options.maxPixels} (maxOcrPixels)`);
  }
  const dpi = size.dpi ?? SCREEN_DPI;
  const wanted = Math.max(1, (options.targetDpi ?? TARGET_DPI) / dpi);
  return { scale: Math.min(wanted, Math.sqrt(options.maxPixels / pixels)), dpi };
}

/**
 * A picture much taller than a page — a long screenshot of a report, pages photographed one under
 * another — is cut into page-high strips, each scaled and read as a page: read whole it would be scaled
 * below a readable resolution to stay within maxOcrPixels, and deskewing and row finding work per page.
 * Cuts fall in the longest blank band near each page height (a page break's margins; between paragraphs
 * otherwise), so a table is cut only where it has no ink across; assemble joins a table cut between rows.
 */
function asPages(gray: GrayImage, source: { width: number; height: number; dpi?: number }, options: DecodeOptions): ImagePage[] {
  const strips = pageStrips(gray);
  if (strips.length === 1) return [scaled(gray, source, options)];
  return strips.map((strip, index) => ({ ...scaled(strip, { ...source, height: strip.height }, options), strip: { index: index + 1, of: strips.length } }));
}

/** A4's height over its width: a strip is about this tall. */
const PAGE_RATIO = Math.SQRT2;

export function pageStrips(gray: GrayImage): GrayImage[] {
  const pageHeight = Math.round(gray.width * PAGE_RATIO);
  if (gray.height <= pageHeight * 1.5) return [gray];
  // A row is blank when it holds almost no ink: a scan's or photo's dust specks are not ink.
  const threshold = Math.max(96, paperOf(gray) - 60);
  const allowed = Math.max(2, Math.round(gray.width * 0.003));
  const ink = new Uint32Array(gray.height);
  for (let y = 0; y < gray.height; y++) {
    let n = 0;
    for (let x = 0, at = y * gray.width; x < gray.width; x++, at++) if (gray.pixels[at] < threshold) n++;
    ink[y] = n;
  }
  const cuts: number[] = [0];
  for (let top = 0; gray.height - top > pageHeight * 1.25; ) {
    const from = top + Math.round(pageHeight * 0.6);
    const to = Math.min(gray.height - 1, top + Math.round(pageHeight * 1.1));
    let best = { length: 0, middle: -1, off: Infinity };
    for (let y = from; y <= to; ) {
      if (ink[y] > allowed) {
        y++;
        continue;
      }
      // A band is measured whole, past the window's edges, so that its middle is the middle of the gap.
      let start = y;
      while (start - 1 > top && ink[start - 1] <= allowed) start--;
      let end = y;
      while (end + 1 < gray.height && ink[end + 1] <= allowed) end++;
      const middle = Math.min(to, Math.max(from, Math.round((start + end) / 2)));
      const length = end - start + 1;
      const off = Math.abs(middle - (top + pageHeight));
      if (length > best.length || (length === best.length && off < best.off)) best = { length, middle, off };
      y = end + 1;
    }
    let cut = best.middle;
    if (cut < 0) {
      // No blank row: the row with least ink nearest the page height.
      cut = from;
      for (let y = from; y <= to; y++) if (ink[y] < ink[cut] || (ink[y] === ink[cut] && Math.abs(y - top - pageHeight) < Math.abs(cut - top - pageHeight))) cut = y;
    }
    cuts.push(cut);
    top = cut;
  }
  cuts.push(gray.height);
  const strips: GrayImage[] = [];
  // A strip of bare paper (the blank foot of the last page, photographed speckled) is not a page: tesseract
  // reads its specks as a hundred words of garbage, and re-reading them cost a 150 dpi photo ~40% of its time.
  // Its inkiest row holds a few specks; a row of even a short line of text holds many times more.
  const blank = (from: number, to: number) => ink.subarray(from, to).every((n) => n <= BLANK_ROW_SPECKS * allowed);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const height = cuts[i + 1] - cuts[i];
    if (height > 0 && !blank(cuts[i], cuts[i + 1])) strips.push({ width: gray.width, height, pixels: gray.pixels.slice(cuts[i] * gray.width, cuts[i + 1] * gray.width) });
  }
  return strips.length ? strips : [gray];
}

/** A strip whose rows hold at most this many times the specks a blank row may hold (about 1% of the width) is bare paper. */
const BLANK_ROW_SPECKS = 3;

/** The commonest light shade (the paper). */
function paperOf(gray: GrayImage): number {
  const counts = new Uint32Array(256);
  for (let i = 0; i < gray.pixels.length; i += 7) counts[gray.pixels[i]]++;
  let best = 255;
  for (let v = 128; v < 256; v++) if (counts[v] > counts[best]) best = v;
  return best;
}

function scaled(gray: GrayImage, source: { width: number; height: number; dpi?: number }, options: DecodeOptions): ImagePage {
  const { scale, dpi } = scaling(source, options);
  const width = Math.max(1, Math.round(source.width * scale));
  const height = Math.max(1, Math.round(source.height * scale));
  // Scans (150–200 dpi) keep sharp edges replicated; a screenshot's small glyphs, tripled, read better smoothed.
  const out = width === gray.width && height === gray.height ? gray : scale > 2 ? smoothResize(gray, width, height) : resize(gray, width, height);
  return { gray: out, dpi: (dpi * width) / source.width, source };
}

/** A stated resolution is believed only within what scanners and screens produce. */
function plausibleDpi(dpi: number | undefined): number | undefined {
  return dpi !== undefined && Number.isFinite(dpi) && dpi >= 50 && dpi <= 1200 ? Math.round(dpi) : undefined;
}

export function pngSize(bytes: Buffer): { width: number; height: number; dpi?: number } | undefined {
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  const size: { width: number; height: number; dpi?: number } = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'pHYs' && length >= 9 && at + 17 <= bytes.length && bytes[at + 16] === 1) {
      size.dpi = plausibleDpi(bytes.readUInt32BE(at + 8) * 0.0254);
    }
    if (type === 'IDAT' || type === 'IEND') break;
    at += 12 + length;
  }
  return size;
}

export function jpegSize(bytes: Buffer): { width: number; height: number; dpi?: number; components: number } | undefined {
  let dpi: number | undefined;
  for (let at = 2; at + 4 <= bytes.length; ) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    if (marker === 0xe0 && bytes.toString('latin1', at + 4, at + 9) === 'JFIF\0' && at + 16 <= bytes.length) {
      const units = bytes[at + 11];
      const density = bytes.readUInt16BE(at + 12);
      dpi = plausibleDpi(units === 1 ? density : units === 2 ? density * 2.54 : undefined);
    }
    // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc && at + 10 <= bytes.length) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7), dpi, components: bytes[at + 9] };
    }
    at += 2 + length;
  }
  return undefined;
}

/**
 * The canvas size of a WebP: from the VP8X header (extended format), else from the one image chunk,
 * lossy (VP8: 14-bit sizes after the key frame start code) or lossless (VP8L: 14-bit sizes packed
 * after the signature byte). WebP states no resolution.
 */
export function webpSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 30) return undefined;
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8X') return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
  if (chunk === 'VP8 ' && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a) {
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L' && bytes[20] === 0x2f) {
    const bits = bytes.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  return undefined;
}

async function decodeWebp(bytes: Buffer, size: { width: number; height: number }): Promise<GrayImage> {
  const { decode } = await import('@cwasm/webp');
  let image: { width: number; height: number; data: Uint8ClampedArray };
  try {
    image = decode(bytes);
  } catch (error) {
    throw new UnreadableDocumentError('corrupt-image', `the WebP picture could not be decoded: ${(error as Error).message}`);
  }
  if (image.width !== size.width || image.height !== size.height) throw new UnreadableDocumentError('corrupt-image', 'the WebP picture decodes to another size than its header states');
  return toGray(new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height);
}

/** resvg decodes PNG and JPEG (colour types, bit depths, interlacing, progressive), at the picture's own size. */
async function renderWithResvg(bytes: Buffer, kind: 'png' | 'jpeg', width: number, height: number): Promise<GrayImage> {
  const { Resvg } = await import('@resvg/resvg-js');
  const href = `data:image/${kind};base64,${bytes.toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#fff"/><image width="${width}" height="${height}" preserveAspectRatio="none" xlink:href="${href}"/></svg>`;
  // The SVG holds no text: loading the system's fonts (CJK fonts are large) would cost time for nothing.
  const rendered = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
  if (rendered.width !== width || rendered.height !== height) throw new UnreadableDocumentError('corrupt-image', `the ${kind.toUpperCase()} picture could not be decoded`);
  return toGray(rendered.pixels, width, height);
}

/** RGBA → gray, transparent parts laid on white paper. */
function toGray(rgba: Uint8Array, width: number, height: number): GrayImage {
  const pixels = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < pixels.length; i++, j += 4) {
    const luminance = 0.299 * rgba[j] + 0.587 * rgba[j + 1] + 0.114 * rgba[j + 2];
    const alpha = rgba[j + 3] / 255;
    pixels[i] = Math.round(luminance * alpha + 255 * (1 - alpha));
  }
  return { width, height, pixels };
}

/**
 * Resampling as poppler does when it draws a scan's image at 300 dpi: upscaling replicates pixels (no
 * smoothing, which blurs the strokes that tell 3 from 8 and loses thin rulings: a 200 dpi page read
 * 137/186 cells right smoothed and 186/186 replicated), downscaling averages the source pixels each
 * target pixel covers.
 */
export function resize(image: GrayImage, width: number, height: number): GrayImage {
  const out = new Uint8Array(width * height);
  const sx = image.width / width;
  const sy = image.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.min(image.height, Math.floor((y + 1) * sy)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.min(image.width, Math.floor((x + 1) * sx)));
      let sum = 0;
      for (let v = y0; v < y1; v++) for (let u = x0; u < x1; u++) sum += image.pixels[v * image.width + u];
      out[y * width + x] = Math.round(sum / ((y1 - y0) * (x1 - x0)));
    }
  }
  return { width, height, pixels: out };
}

/** Bilinear resampling, for screenshots scaled up about three times: replicated 3×3 blocks read worse. */
export function smoothResize(image: GrayImage, width: number, height: number): GrayImage {
  const out = new Uint8Array(width * height);
  const sx = image.width / width;
  const sy = image.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(image.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(image.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(image.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(image.width - 1, x0 + 1);
      const wx = fx - x0;
      const top = image.pixels[y0 * image.width + x0] * (1 - wx) + image.pixels[y0 * image.width + x1] * wx;
      const bottom = image.pixels[y1 * image.width + x0] * (1 - wx) + image.pixels[y1 * image.width + x1] * wx;
      out[y * width + x] = Math.round(top * (1 - wy) + bottom * wy);
    }
  }
  return { width, height, pixels: out };
}

interface UtifIfd {
  width?: number;
  height?: number;
  t256?: number[];
  t257?: number[];
  t282?: number[];
  t296?: number[];
  t254?: number[];
  [tag: string]: unknown;
}

async function decodeTiff(bytes: Buffer, options: DecodeOptions): Promise<ImagePage[]> {
  const UTIF = ((await import('utif')) as unknown as { default: UtifModule }).default;
  let ifds: UtifIfd[];
  try {
    ifds = UTIF.decode(bytes);
  } catch (error) {
    throw new UnreadableDocumentError('corrupt-image', `the TIFF could not be read: ${(error as Error).message}`);
  }
  // Reduced-resolution copies (thumbnails: NewSubfileType bit 0) are not pages.
  const pages = ifds.filter((ifd) => ((ifd.t254?.[0] ?? 0) & 1) === 0 && ifd.t256?.[0] && ifd.t257?.[0]);
  if (!pages.length) throw new UnreadableDocumentError('corrupt-image', 'the TIFF holds no page');
  if (pages.length > options.maxPages) {
    throw new UnreadableDocumentError('too-many-pages', `the TIFF holds ${pages.length} pages, more than the limit of ${options.maxPages} (maxPdfPages)`);
  }
  const out: ImagePage[] = [];
  for (const ifd of pages) {
    const width = ifd.t256![0];
    const height = ifd.t257![0];
    // ResolutionUnit 3 is centimetres; 2 (inch) is the default.
    const resolution = ifd.t282?.[0];
    const source = { width, height, dpi: plausibleDpi(resolution === undefined ? undefined : ifd.t296?.[0] === 3 ? resolution * 2.54 : resolution) };
    scaling(source, options); // refuses a bomb before its pixels are decoded
    try {
      UTIF.decodeImage(bytes, ifd, ifds);
    } catch (error) {
      throw new UnreadableDocumentError('corrupt-image', `a TIFF page could not be decoded: ${(error as Error).message}`);
    }
    out.push(scaled(toGray(UTIF.toRGBA8(ifd), width, height), source, options));
  }
  return out;
}

interface UtifModule {
  decode(buffer: Uint8Array | ArrayBuffer): UtifIfd[];
  decodeImage(buffer: Uint8Array | ArrayBuffer, ifd: UtifIfd, ifds?: UtifIfd[]): void;
  toRGBA8(ifd: UtifIfd): Uint8Array;
}

/** Uncompressed BMP (1, 4, 8 bits with a palette; 24 and 32 bits), bottom-up or top-down. */
export function decodeBmp(bytes: Buffer, maxPixels: number): { gray: GrayImage; dpi?: number } {
  const fail = (why: string) => new UnreadableDocumentError('corrupt-image', `the BMP cannot be read: ${why}`);
  if (bytes.length < 26) throw fail('too short');
  const dataAt = bytes.readUInt32LE(10);
  const headerSize = bytes.readUInt32LE(14);
  const core = headerSize === 12;
  const width = core ? bytes.readUInt16LE(18) : bytes.readInt32LE(18);
  const rawHeight = core ? bytes.readInt16LE(20) : bytes.readInt32LE(22);
  const bits = core ? bytes.readUInt16LE(24) : bytes.readUInt16LE(28);
  const compression = core ? 0 : bytes.readUInt32LE(30);
  const height = Math.abs(rawHeight);
  if (!(width > 0 && height > 0)) throw fail('no pixels');
  if (width * height > 4 * maxPixels) throw new UnreadableDocumentError('too-large', `the picture is ${width}×${height} pixels, more than 4× the limit of ${maxPixels} (maxOcrPixels)`);
  // BI_BITFIELDS (3) with 32 bits is the usual B,G,R,A layout; RLE (1, 2) is not read.
  if (!(compression === 0 || (compression === 3 && bits === 32))) throw fail(`compression ${compression} is not supported`);
  if (![1, 4, 8, 24, 32].includes(bits)) throw fail(`${bits} bits per pixel is not supported`);
  const dpi = core ? undefined : plausibleDpi(bytes.readInt32LE(38) * 0.0254);
  const paletteAt = 14 + headerSize;
  const paletteEntry = core ? 3 : 4;
  const colours = bits <= 8 ? (core ? 1 << bits : bytes.readUInt32LE(46) || 1 << bits) : 0;
  const palette = new Uint8Array(colours);
  for (let i = 0; i < colours; i++) {
    const at = paletteAt + i * paletteEntry;
    if (at + 3 > bytes.length) throw fail('truncated palette');
    palette[i] = Math.round(0.114 * bytes[at] + 0.587 * bytes[at + 1] + 0.299 * bytes[at + 2]);
  }
  const stride = Math.ceil((width * bits) / 32) * 4;
  if (dataAt + stride * height > bytes.length) throw fail('truncated pixel data');
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = dataAt + (rawHeight > 0 ? height - 1 - y : y) * stride;
    for (let x = 0; x < width; x++) {
      let value: number;
      if (bits >= 24) {
        const at = row + x * (bits / 8);
        value = Math.round(0.114 * bytes[at] + 0.587 * bytes[at + 1] + 0.299 * bytes[at + 2]);
      } else {
        const bit = x * bits;
        const index = (bytes[row + (bit >> 3)] >> (8 - bits - (bit & 7))) & ((1 << bits) - 1);
        value = palette[index] ?? 0;
      }
      pixels[y * width + x] = value;
    }
  }
  return { gray: { width, height, pixels }, dpi };
}
