import type { GrayImage } from './pgm.js';

/** A connected blob of ink, in page pixels (inclusive bounds). */
export interface InkComponent {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Ink pixels in the blob. */
  area: number;
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The 8-connected blobs of pixels darker than `threshold` inside a rectangle (inclusive, clipped to
 * the image). A scan's dust, the stubs of erased rulings and the strokes of glyphs all come out as
 * blobs; their sizes tell them apart.
 */
export function inkComponents(image: GrayImage, rect: Rect, threshold: number): InkComponent[] {
  const x0 = Math.max(0, Math.ceil(rect.left));
  const y0 = Math.max(0, Math.ceil(rect.top));
  const x1 = Math.min(image.width - 1, Math.floor(rect.right));
  const y1 = Math.min(image.height - 1, Math.floor(rect.bottom));
  if (x1 < x0 || y1 < y0) return [];
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const seen = new Uint8Array(w * h);
  const ink = (x: number, y: number) => image.pixels[(y0 + y) * image.width + x0 + x] < threshold;
  const components: InkComponent[] = [];
  const stack: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (seen[y * w + x] || !ink(x, y)) continue;
      seen[y * w + x] = 1;
      stack.push(y * w + x);
      const blob = { left: x, top: y, right: x, bottom: y, area: 0 };
      while (stack.length) {
        const at = stack.pop()!;
        const cx = at % w;
        const cy = (at - cx) / w;
        blob.area++;
        if (cx < blob.left) blob.left = cx;
        if (cx > blob.right) blob.right = cx;
        if (cy < blob.top) blob.top = cy;
        if (cy > blob.bottom) blob.bottom = cy;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = cx + dx;
            const ny = cy + dy;
            if (nx < 0 || ny < 0 || nx >= w || ny >= h || seen[ny * w + nx] || !ink(nx, ny)) continue;
            seen[ny * w + nx] = 1;
            stack.push(ny * w + nx);
          }
        }
      }
      components.push({ left: blob.left + x0, top: blob.top + y0, right: blob.right + x0, bottom: blob.bottom + y0, area: blob.area });
    }
  }
  return components;
}

/**
 * The box of the glyphs inside a rectangle, or undefined when it holds none. A glyph (a digit, a dash,
 * a Chinese character) is a blob at least `minSize` tall or wide; dust specks and the stubs an erased
 * ruling leaves are smaller, and would otherwise stretch a lone 0's box over the whole cell. Small
 * blobs between the glyphs (a decimal point) lie inside the box of the glyphs anyway.
 */
export function glyphBox(image: GrayImage, rect: Rect, threshold: number, minSize: number): Rect | undefined {
  let box: Rect | undefined;
  for (const c of inkComponents(image, rect, threshold)) {
    if (c.bottom - c.top + 1 < minSize && c.right - c.left + 1 < minSize) continue;
    box = box
      ? { left: Math.min(box.left, c.left), top: Math.min(box.top, c.top), right: Math.max(box.right, c.right), bottom: Math.max(box.bottom, c.bottom) }
      : { left: c.left, top: c.top, right: c.right, bottom: c.bottom };
  }
  return box;
}

/**
 * The box of the glyphs glyphBox finds at `core`, each taken whole: as far as its stroke runs at the
 * lighter `threshold` (the shade the cell's crop is binarized at). A coarse scan scaled up draws a thin
 * stroke in grey, dark only along part of its length: a slash 41 pixels tall at 300 dpi is darker than
 * ink over 12 of them. Cropped to its dark part, OCR sees a short stroke (1 or 7) and the slash-shape
 * test a smudge; the whole stroke reads as itself. Only blobs at `threshold` that hold a glyph at `core`
 * count, so grey dust and fringes far from any glyph never widen the box.
 */
export function wholeGlyphBox(image: GrayImage, rect: Rect, core: number, threshold: number, minSize: number): Rect | undefined {
  const cores = inkComponents(image, rect, core).filter((c) => c.bottom - c.top + 1 >= minSize || c.right - c.left + 1 >= minSize);
  if (cores.length === 0) return undefined;
  const strokes = inkComponents(image, rect, Math.max(core, threshold)).filter((s) => cores.some((c) => s.left <= c.left && s.top <= c.top && s.right >= c.right && s.bottom >= c.bottom));
  return strokes.reduce<Rect>(
    (box, s) => ({ left: Math.min(box.left, s.left), top: Math.min(box.top, s.top), right: Math.max(box.right, s.right), bottom: Math.max(box.bottom, s.bottom) }),
    { left: cores[0].left, top: cores[0].top, right: cores[0].right, bottom: cores[0].bottom },
  );
}

/** A digit's ink is at most this wide for its height (0 and 4 about 0.6, a serif 3 with its ball 0.65). */
const DIGIT_WIDTH = 0.8;

/**
 * A black-on-white crop of a number cell without the dots that are no decimal point: a blob smaller than a
 * glyph (`minSize` either way) standing over a glyph's columns, or before the first glyph or after the last,
 * and specks no larger than `speck` either way anywhere. Binarized, a serif digit's ball terminal (the ends
 * of 3 and 5, read at a scan's grey) parts from its stroke, and a scan's dust lies between the digits; OCR
 * reads either as a point: 1330 as 13.30, 31 as 3.1. A decimal point stands in a gap of its own between two
 * digits, larger than dust (a point of 7 pt print is 3 pixels across at 300 dpi), and is kept. Only a crop
 * whose glyphs are all as narrow as digits is touched.
 */
export function withoutStrayDots(image: GrayImage, minSize: number, speck: number): GrayImage {
  const all = inkComponents(image, { left: 0, top: 0, right: image.width - 1, bottom: image.height - 1 }, 128);
  const glyphs = all.filter((c) => c.bottom - c.top + 1 >= minSize || c.right - c.left + 1 >= minSize);
  // Digits only: a Chinese glyph has dots of its own (总's 丷, 计's 讠), and a square glyph is no digit.
  if (glyphs.length === 0 || glyphs.some((g) => g.right - g.left + 1 > DIGIT_WIDTH * (g.bottom - g.top + 1))) return image;
  const first = Math.min(...glyphs.map((g) => g.left));
  const last = Math.max(...glyphs.map((g) => g.right));
  const isSpeck = (c: InkComponent) => c.right - c.left + 1 <= speck && c.bottom - c.top + 1 <= speck;
  const stray = all.filter((c) => !glyphs.includes(c) && (isSpeck(c) || c.right < first || c.left > last || glyphs.some((g) => c.left <= g.right && c.right >= g.left)));
  if (stray.length === 0) return image;
  const pixels = Uint8Array.from(image.pixels);
  for (const c of stray) for (let y = c.top; y <= c.bottom; y++) for (let x = c.left; x <= c.right; x++) pixels[y * image.width + x] = 255;
  return { ...image, pixels };
}
