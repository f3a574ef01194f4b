/** An 8-bit grayscale bitmap, row-major, 0 = black, 255 = white. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Parses binary PGM (P5, maxval < 256), the format `pdftoppm -gray` writes. */
export function parsePgm(bytes: Buffer): GrayImage {
  let at = 0;
  const token = (): string => {
    for (;;) {
      while (at < bytes.length && isSpace(bytes[at])) at++;
      if (bytes[at] !== 0x23 /* # */) break;
      while (at < bytes.length && bytes[at] !== 0x0a) at++;
    }
    const start = at;
    while (at < bytes.length && !isSpace(bytes[at])) at++;
    return bytes.toString('latin1', start, at);
  };
  if (token() !== 'P5') throw new Error('not a binary PGM (P5) image');
  const width = Number(token());
  const height = Number(token());
  const maxval = Number(token());
  at++; // exactly one whitespace byte separates the header from the raster
  if (!(width > 0 && height > 0 && maxval > 0 && maxval < 256)) throw new Error('unsupported PGM header');
  if (bytes.length - at < width * height) throw new Error('truncated PGM raster');
  const pixels = new Uint8Array(bytes.buffer, bytes.byteOffset + at, width * height).slice();
  if (maxval !== 255) for (let i = 0; i < pixels.length; i++) pixels[i] = Math.round((pixels[i] * 255) / maxval);
  return { width, height, pixels };
}

export function encodePgm(image: GrayImage): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'latin1'), image.pixels]);
}

/** Copies a rectangle (pixel coordinates, clipped to the image) into a new image. */
export function crop(image: GrayImage, left: number, top: number, width: number, height: number): GrayImage {
  const x0 = Math.max(0, Math.floor(left));
  const y0 = Math.max(0, Math.floor(top));
  const x1 = Math.min(image.width, Math.ceil(left + width));
  const y1 = Math.min(image.height, Math.ceil(top + height));
  const out = { width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0), pixels: new Uint8Array(Math.max(0, x1 - x0) * Math.max(0, y1 - y0)) };
  for (let y = y0; y < y1; y++) out.pixels.set(image.pixels.subarray(y * image.width + x0, y * image.width + x1), (y - y0) * out.width);
  return out;
}

/** Surrounds an image with white so tesseract sees a clean margin around a tight crop. */
export function pad(image: GrayImage, margin: number): GrayImage {
  const width = image.width + 2 * margin;
  const height = image.height + 2 * margin;
  const pixels = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < image.height; y++) pixels.set(image.pixels.subarray(y * image.width, (y + 1) * image.width), (y + margin) * width + margin);
  return { width, height, pixels };
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Pure black on white: tesseract's own thresholding misjudges small crops that are mostly paper. */
export function binarize(image: GrayImage, threshold: number): GrayImage {
  const pixels = new Uint8Array(image.pixels.length);
  for (let i = 0; i < pixels.length; i++) pixels[i] = image.pixels[i] < threshold ? 0 : 255;
  return { width: image.width, height: image.height, pixels };
}
