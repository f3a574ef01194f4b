import type { GrayImage } from './pgm.js';

/**
 * The skew of a scanned page, in degrees (positive: lines fall to the right, in image coordinates).
 * Text lines and rulings are the horizontal structure of a page: when the page is sheared by the right
 * angle, the ink piles up in few rows, so the row histogram is most peaked. A sample of the ink is
 * enough, and table rulings, being long, weigh the most.
 */
export function estimateSkew(image: GrayImage, threshold: number, maxDegrees = 3, stepDegrees = 0.1): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < image.height; y += 2) {
    for (let x = 0; x < image.width; x += 2) {
      if (image.pixels[y * image.width + x] < threshold) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length < 100) return 0;
  const margin = Math.ceil(image.width * Math.tan((maxDegrees * Math.PI) / 180)) + 1;
  // Bins as tall as the sampling step: finer bins would favour the unsheared angle, where every sample
  // lands on an even row and half the bins stay empty.
  const rows = new Float64Array(Math.ceil(image.height / 2) + 2 * margin);
  let best = 0;
  let bestScore = -1;
  for (let degrees = -maxDegrees; degrees <= maxDegrees + 1e-9; degrees += stepDegrees) {
    const slope = Math.tan((degrees * Math.PI) / 180);
    rows.fill(0);
    for (let i = 0; i < xs.length; i++) rows[Math.round((ys[i] - xs[i] * slope) / 2) + margin]++;
    let score = 0;
    for (let r = 0; r < rows.length; r++) score += rows[r] * rows[r];
    // Ties (a blank or perfectly symmetric page) stay at the smallest correction.
    if (score > bestScore * (1 + 1e-9) || (Math.abs(score - bestScore) <= bestScore * 1e-9 && Math.abs(degrees) < Math.abs(best))) {
      bestScore = score;
      best = degrees;
    }
  }
  return Math.round(best * 100) / 100;
}

/** Rotates the page about its centre by -degrees (bilinear), so a page skewed by `degrees` comes out level. */
export function rotate(image: GrayImage, degrees: number, background = 255): GrayImage {
  const { width, height, pixels } = image;
  const out = new Uint8Array(width * height);
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const at = (x: number, y: number) => (x >= 0 && y >= 0 && x < width && y < height ? pixels[y * width + x] : background);
  for (let yo = 0; yo < height; yo++) {
    for (let xo = 0; xo < width; xo++) {
      const dx = xo - cx;
      const dy = yo - cy;
      const xi = cx + dx * cos - dy * sin;
      const yi = cy + dx * sin + dy * cos;
      const x0 = Math.floor(xi);
      const y0 = Math.floor(yi);
      const fx = xi - x0;
      const fy = yi - y0;
      const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
      const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
      out[yo * width + xo] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, pixels: out };
}
