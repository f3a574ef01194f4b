/**
 * pdf.js text content → PositionedText runs. Vertical writing (Identity-V fonts, or runs rotated by
 * 90°) is split into one run per character stacked top to bottom, so a label printed down a merged
 * cell looks the same as one a word processor printed one character per line.
 */
import type { PositionedText } from './items.js';
import { unifyIdeographs } from '../ideographs.js';

interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

export interface RawTextContent {
  items: Array<RawTextItem | { type: string }>;
  /** nianbaoUnicodeGuess: why pdf.js could only guess the font's characters (pdfjs-patch.ts). */
  styles: Record<string, { vertical?: boolean; nianbaoUnicodeGuess?: string }>;
}

/** Maps a point of PDF user space to the page as displayed (identity for unrotated pages). */
export type PointMap = (x: number, y: number) => [number, number];

export function toPositionedText(
  content: RawTextContent,
  page: number,
  mapPoint: PointMap,
  limit: number,
): PositionedText[] {
  const out: PositionedText[] = [];
  for (const raw of content.items) {
    if (out.length >= limit) break;
    if (!('str' in raw)) continue;
    // Radicals some producers map shared glyphs to (⼀ for 一) read as the ideographs: labels such as
    // 一、本年新收 must look numbered to the page join and the template.
    const text = unifyIdeographs(raw.str);
    if (!text || !text.trim()) continue;
    const [a, b, c, d, e, f] = raw.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || raw.height || 1;
    const vertical = content.styles[raw.fontName]?.vertical === true;
    // The run's direction in display space decides how it is laid out.
    const [x0, y0] = mapPoint(e, f);
    if (vertical) {
      // pdf.js gives vertical runs their origin at the top, advancing downwards by `height`.
      const length = raw.height || size * [...text].length;
      pushStack(out, text, page, x0, y0, length, raw.width || size, -1);
      continue;
    }
    const [xa, ya] = mapPoint(e + a, f + b);
    const dx = xa - x0;
    const dy = ya - y0;
    if (Math.abs(dy) > Math.abs(dx) * 2) {
      // Rotated by ±90°: characters stack along y.
      pushStack(out, text, page, x0 - (dy > 0 ? size : 0), y0, raw.width, size, dy > 0 ? 1 : -1);
      continue;
    }
    out.push({ text, page, x: dx < 0 ? x0 - raw.width : x0, y: y0, width: raw.width, height: size, origin: 'text' });
  }
  return out;
}

/** One run per character along a vertical line; direction -1 reads downwards, +1 upwards. */
function pushStack(
  out: PositionedText[],
  text: string,
  page: number,
  x: number,
  yStart: number,
  length: number,
  size: number,
  direction: 1 | -1,
): void {
  const chars = [...text];
  const step = length / chars.length || size;
  chars.forEach((ch, i) => {
    if (!ch.trim()) return;
    const y = direction < 0 ? yStart - (i + 1) * step + 0.15 * step : yStart + i * step + 0.15 * step;
    out.push({ text: ch, page, x, y, width: size, height: step, origin: 'text' });
  });
}
