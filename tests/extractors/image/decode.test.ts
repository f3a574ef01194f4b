import { describe, expect, it } from 'vitest';
import { decodeBmp, decodeImage, imageKind, jpegSize, pngSize, resize, smoothResize, webpSize, pageStrips } from '../../../extractors/image/decode.js';
import { detectReader } from '../../../extractors/detect.js';
import { readImage } from '../../../extractors/image/index.js';
import { UnreadableDocumentError } from '../../../extractors/model.js';
import { grayTiff } from '../../helpers/tiff.js';
import { webpOf } from '../../helpers/pictures.js';

const LIMITS = { maxPages: 10, maxPixels: 20_000_000 };

/** A 3×2 24-bit bottom-up BMP: black, white, mid gray on the top row; white on the bottom row. */
function bmp24(): Buffer {
  const stride = 12; // 3 pixels × 3 bytes, padded to 4
  const data = Buffer.alloc(stride * 2, 255);
  // Bottom-up: the second stored row is the top row.
  data.fill(0, stride, stride + 3);
  data.fill(128, stride + 6, stride + 9);
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + data.length, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(3, 18);
  header.writeInt32LE(2, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  header.writeInt32LE(7874, 38); // 200 dpi in pixels per metre
  return Buffer.concat([header, data]);
}

describe('telling pictures by their magic bytes', () => {
  it('knows PNG, JPEG, both TIFF byte orders, WebP and BMP, and nothing else', () => {
    expect(imageKind(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).toBe('png');
    expect(imageKind(Buffer.from('ffd8ffe0', 'hex'))).toBe('jpeg');
    expect(imageKind(Buffer.from('49492a00', 'hex'))).toBe('tiff');
    expect(imageKind(Buffer.from('4d4d002a', 'hex'))).toBe('tiff');
    expect(imageKind(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBe('webp');
    expect(imageKind(bmp24())).toBe('bmp');
    expect(imageKind(Buffer.from('BMW annual report 2023, a text file', 'latin1'))).toBeUndefined();
    expect(imageKind(Buffer.from('<html><body>图片</body></html>', 'utf8'))).toBeUndefined();
  });

  it('hands pictures to the image reader, whatever their name', () => {
    expect(detectReader(grayTiff([{ width: 2, height: 2, pixels: new Uint8Array(4) }], 200), 'report.pdf')?.format).toBe('image');
    expect(detectReader(bmp24(), 'x.txt')?.format).toBe('image');
  });
});

describe('reading sizes and resolutions from headers', () => {
  it('reads a PNG IHDR and its pHYs resolution (pixels per metre → dpi)', () => {
    const chunk = (type: string, body: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length);
      return Buffer.concat([length, Buffer.from(type, 'latin1'), body, Buffer.alloc(4)]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(640, 0);
    ihdr.writeUInt32BE(480, 4);
    const phys = Buffer.alloc(9);
    phys.writeUInt32BE(11811, 0);
    phys.writeUInt32BE(11811, 4);
    phys[8] = 1;
    const signature = Buffer.from('89504e470d0a1a0a', 'hex');
    expect(pngSize(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('pHYs', phys), chunk('IDAT', Buffer.alloc(0))]))).toEqual({ width: 640, height: 480, dpi: 300 });
    expect(pngSize(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', Buffer.alloc(0))]))).toEqual({ width: 640, height: 480 });
  });

  it('reads a JPEG frame size and its JFIF density, skipping markers before the frame', () => {
    const app0 = Buffer.from('ffe000104a46494600010101009600960000', 'hex'); // JFIF, dots per inch, 150×150
    const dqt = Buffer.from('ffdb0004abcd', 'hex');
    const sof0 = Buffer.from('ffc0000b08034b02580101001100', 'hex'); // 843 high, 600 wide
    expect(jpegSize(Buffer.concat([Buffer.from('ffd8', 'hex'), app0, dqt, sof0]))).toEqual({ width: 600, height: 843, dpi: 150, components: 1 });
  });
});

describe('decoding to gray pages at about 300 dpi', () => {
  it('decodes a 24-bit BMP row order and colours, and states its resolution', () => {
    const { gray, dpi } = decodeBmp(bmp24(), 1e6);
    expect(dpi).toBe(200);
    expect([...gray.pixels]).toEqual([0, 255, 128, 255, 255, 255]);
  });

  it('decodes every page of a multi-page TIFF and scales each from its stated 150 dpi to 300', async () => {
    const page = (shade: number) => ({ width: 4, height: 2, pixels: new Uint8Array(8).fill(shade) });
    const pages = await decodeImage(grayTiff([page(10), page(200)], 150), LIMITS);
    expect(pages.map((p) => [p.gray.width, p.gray.height, p.dpi, p.source.dpi, p.gray.pixels[0]])).toEqual([
      [8, 4, 300, 150, 10],
      [8, 4, 300, 150, 200],
    ]);
  });

  it('upscales by replicating pixels, so strokes keep their edges', () => {
    const image = { width: 2, height: 1, pixels: Uint8Array.from([0, 255]) };
    expect([...resize(image, 4, 1).pixels]).toEqual([0, 0, 255, 255]);
    expect([...resize(image, 1, 1).pixels]).toEqual([128]);
  });

  it('smooths when scaling a screenshot up about three times', () => {
    const image = { width: 2, height: 1, pixels: Uint8Array.from([0, 255]) };
    expect([...smoothResize(image, 6, 1).pixels]).toEqual([0, 0, 85, 170, 255, 255]);
  });

  it('never scales past maxOcrPixels, and refuses a picture of more than 4× maxOcrPixels before decoding it', async () => {
    const big = { width: 100, height: 100, pixels: new Uint8Array(10_000) };
    const [page] = await decodeImage(grayTiff([big], 100), { maxPages: 1, maxPixels: 40_000 });
    expect([page.gray.width, page.gray.height, page.dpi]).toEqual([200, 200, 200]);
    await expect(decodeImage(grayTiff([big], 100), { maxPages: 1, maxPixels: 2_000 })).rejects.toMatchObject({ code: 'too-large' });
  });

  it('refuses a TIFF with more pages than maxPdfPages', async () => {
    const page = { width: 1, height: 1, pixels: new Uint8Array(1) };
    await expect(decodeImage(grayTiff([page, page, page], 200), { maxPages: 2, maxPixels: 1e6 })).rejects.toMatchObject({ code: 'too-many-pages' });
  });

  it('refuses a WebP whose header gives no size rather than reading nothing', async () => {
    await expect(decodeImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'), LIMITS)).rejects.toMatchObject({ code: 'corrupt-image' });
  });

  it('refuses a WebP declaring a canvas past the limit before decoding it', async () => {
    const head = Buffer.alloc(30);
    head.write('RIFF', 0, 'latin1');
    head.write('WEBPVP8X', 8, 'latin1');
    head.writeUIntLE(16383, 24, 3);
    head.writeUIntLE(16383, 27, 3);
    expect(webpSize(head)).toEqual({ width: 16384, height: 16384 });
    await expect(decodeImage(head, { maxPages: 1, maxPixels: 1_000_000 })).rejects.toMatchObject({ code: 'too-large' });
  });
});

describe('a picture where OCR is not installed', () => {
  it('is refused as ocr-unavailable, naming the Debian packages to install', async () => {
    const error = await readImage(bmp24(), { maxPages: 10, maxOcrPixels: 1e6, ocrAvailable: async () => false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableDocumentError);
    expect((error as UnreadableDocumentError).code).toBe('ocr-unavailable');
    expect((error as Error).message).toContain('apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils');
  });
});

describe('a WebP picture (as chromium encodes it, at two qualities)', () => {
  /** 300×120: white, with a black bar across x 40..259, y 40..79. */
  async function barPng(): Promise<Buffer> {
    const { Resvg } = await import('@resvg/resvg-js');
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><rect width="300" height="120" fill="#fff"/><rect x="40" y="40" width="220" height="40" fill="#000"/></svg>';
    return Buffer.from(new Resvg(svg).render().asPng());
  }

  for (const quality of [0.8, 1]) {
    it(`is decoded to its own pixels, read as a 96 dpi screenshot (quality ${quality})`, async (context) => {
      const webp = await webpOf(await barPng(), quality);
      if (!webp) return context.skip();
      expect(imageKind(webp)).toBe('webp');
      expect(webpSize(webp)).toEqual({ width: 300, height: 120 });
      const [page] = await decodeImage(webp, { maxPages: 1, maxPixels: 300 * 120 });
      expect(page.source).toEqual({ width: 300, height: 120 });
      expect([page.gray.width, page.gray.height]).toEqual([300, 120]);
      const at = (x: number, y: number) => page.gray.pixels[y * 300 + x];
      expect(at(150, 60)).toBeLessThan(40);
      expect(at(10, 10)).toBeGreaterThan(215);
      expect(at(150, 100)).toBeGreaterThan(215);
    }, 60_000);
  }
});

describe('a picture much taller than a page (a long screenshot, pages one under another)', () => {
  /** Pages 100 wide and 141 high, each with ink on rows 20..120 but for blank rows every 10, stacked: the gaps between pages are centred on the page breaks. */
  function stacked(pages: number, speck = false) {
    const width = 100;
    const height = 141 * pages;
    const pixels = new Uint8Array(width * height).fill(255);
    for (let p = 0; p < pages; p++) {
      for (let y = 20; y <= 120; y++) if (y % 10 !== 0) pixels.fill(0, (p * 141 + y) * width + 10, (p * 141 + y) * width + 90);
    }
    // A dust speck in a margin is not ink enough to stop a cut there.
    if (speck) pixels[(141 + 5) * width + 50] = 0;
    return { width, height, pixels };
  }

  it('is cut into page-high strips in the blank bands between pages', () => {
    const strips = pageStrips(stacked(3, true));
    expect(strips.map((s) => s.height)).toEqual([141, 141, 141]);
    // Every strip holds one whole page of ink.
    for (const strip of strips) {
      const inked = new Set<number>();
      for (let y = 0; y < strip.height; y++) if (strip.pixels.subarray(y * 100, (y + 1) * 100).some((v) => v === 0 && y !== 5)) inked.add(y);
      expect(inked.size).toBe(90);
    }
  });

  it('leaves out a strip of bare paper, specks and all (the blank foot of the last page)', () => {
    const pages = stacked(3, true);
    const tall = { width: 100, height: pages.height + 141, pixels: new Uint8Array(100 * (pages.height + 141)).fill(255) };
    tall.pixels.set(pages.pixels);
    // Specks on the blank page: up to 1% of a row's width dark, as a speckled photo's paper shows.
    for (let y = pages.height; y < tall.height; y += 3) tall.pixels.fill(0, y * 100 + (y % 50), y * 100 + (y % 50) + 1);
    // The third strip runs into the blank page to the widest blank band; the rest of it is bare paper, left out.
    const strips = pageStrips(tall);
    expect(strips.map((s) => s.height)).toEqual([141, 141, 155]);
    // Once it holds a short line of text (10% of the width), it is a page.
    tall.pixels.fill(0, (pages.height + 100) * 100 + 20, (pages.height + 100) * 100 + 30);
    expect(pageStrips(tall).map((s) => s.height)).toEqual([141, 141, 155, 127]);
  });

  it('is left whole when it is no taller than a page and a half', () => {
    const image = stacked(1);
    expect(pageStrips(image)).toEqual([image]);
  });

  it('is decoded as one page per strip', async () => {
    const image = stacked(3);
    const pages = await decodeImage(bmpOf(image), { maxPages: 1, maxPixels: 1e6, targetDpi: 96 });
    expect(pages.map((p) => [p.strip, p.gray.height])).toEqual([
      [{ index: 1, of: 3 }, 141],
      [{ index: 2, of: 3 }, 141],
      [{ index: 3, of: 3 }, 141],
    ]);
  });
});

/** An 8-bit gray BMP of the image (top-down), no resolution stated. */
function bmpOf(image: { width: number; height: number; pixels: Uint8Array }): Buffer {
  const stride = Math.ceil(image.width / 4) * 4;
  const palette = Buffer.alloc(1024);
  for (let i = 0; i < 256; i++) palette.fill(i, i * 4, i * 4 + 3);
  const data = Buffer.alloc(stride * image.height);
  for (let y = 0; y < image.height; y++) data.set(image.pixels.subarray(y * image.width, (y + 1) * image.width), y * stride);
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + 1024 + data.length, 2);
  header.writeUInt32LE(54 + 1024, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(image.width, 18);
  header.writeInt32LE(-image.height, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(8, 28);
  header.writeUInt32LE(256, 46);
  return Buffer.concat([header, palette, data]);
}
