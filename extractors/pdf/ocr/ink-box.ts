import type { GrayImage } from './pgm.js';
import type { OcrWord } from './tsv.js';

/** Darker than this is a glyph stroke. */
const INK = 128;

/**
 * Shrinks a word's box vertically to the ink it holds. chi_sim gives many Chinese characters boxes
 * reaching a third of a line below (or above) the glyph, which would put a label's baseline in the
 * row underneath. The box is cut to the main band of inked pixel rows; a band touching the box edge
 * apart from the main one is the neighbouring line reaching in, and is left out.
 */
export function tightenToInk(image: GrayImage, word: OcrWord): OcrWord {
  const x0 = Math.max(0, Math.floor(word.left));
  const x1 = Math.min(image.width - 1, Math.ceil(word.left + word.width - 1));
  const y0 = Math.max(0, Math.floor(word.top));
  const y1 = Math.min(image.height - 1, Math.ceil(word.top + word.height - 1));
  const bands: { from: number; to: number; ink: number }[] = [];
  for (let y = y0; y <= y1; y++) {
    let ink = 0;
    for (let x = x0; x <= x1; x++) if (image.pixels[y * image.width + x] < INK) ink++;
    if (ink === 0) continue;
    const last = bands[bands.length - 1];
    if (last && y - last.to <= 3) {
      last.to = y;
      last.ink += ink;
    } else {
      bands.push({ from: y, to: y, ink });
    }
  }
  if (bands.length === 0) return word;
  const main = bands.reduce((best, band) => (band.ink > best.ink ? band : best));
  const kept = bands.filter((band) => band === main || (band.from > y0 && band.to < y1));
  const top = Math.min(...kept.map((band) => band.from));
  const bottom = Math.max(...kept.map((band) => band.to)) + 1;
  return { ...word, top, height: bottom - top };
}
