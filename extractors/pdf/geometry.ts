/** Small geometric and script helpers shared by the PDF layout code. */
import type { PositionedText } from './items.js';

/** Gap/offset below which two ruling positions are the same line (points). */
export const RULING_SNAP = 2.5;
/** How far a ruling segment may fall short of another, or of a line of text, and still meet it (points). */
export const RULING_REACH = 3;

/** x0, y0, x1, y1 in PDF user space (origin bottom-left). */
export type Box = [number, number, number, number];

/** The glyph box of a run: baseline at y, ascent ~0.85 of the font size, descent ~0.15. */
export function boxOf(t: PositionedText): Box {
  return [t.x, t.y - 0.15 * t.height, t.x + t.width, t.y + 0.85 * t.height];
}

export function unionBox(a: Box | undefined, b: Box): Box {
  if (!a) return [b[0], b[1], b[2], b[3]];
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

export function centreOf(t: PositionedText): [number, number] {
  return [t.x + t.width / 2, t.y + 0.35 * t.height];
}

/**
 * Sorted distinct positions: values closer than `tolerance` to the previous member of their group are
 * one position (the group's mean). Input need not be sorted.
 */
export function clusterPositions(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let count = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const v of sorted) {
    if (count > 0 && v - last > tolerance) {
      out.push(sum / count);
      sum = 0;
      count = 0;
    }
    sum += v;
    count += 1;
    last = v;
  }
  if (count > 0) out.push(sum / count);
  return out;
}

/** Index i such that edges[i] <= v < edges[i+1] for ascending edges, or -1 when outside. */
export function intervalIndex(edges: number[], v: number): number {
  if (edges.length < 2 || v < edges[0] || v > edges[edges.length - 1]) return -1;
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the value in ascending `values` nearest to v. */
export function nearestIndex(values: number[], v: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(values[lo - 1] - v) <= Math.abs(values[lo] - v)) return lo - 1;
  return lo;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/u;

/** CJK ideographs and full-width punctuation: text in these scripts is joined without spaces. */
export function isCjkChar(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/**
 * Joins two pieces of text the way they would be read: no space when either side is CJK, or when both
 * sides are digits (digits a printer spaced out, numbers split into several runs).
 */
export function joinPieces(left: string, right: string, spaced: boolean): string {
  if (!left) return right;
  if (!right) return left;
  const a = left[left.length - 1];
  const b = right[0];
  if (!spaced || isCjkChar(a) || isCjkChar(b) || /\s/.test(a) || /\s/.test(b)) return left + right;
  if (/[\d.,]/.test(a) && /[\d.,%]/.test(b)) return left + right;
  // A bracket wrapped away from what it encloses (217[20 · ] in a narrow cell) takes no space.
  if (/[[(（［]/.test(a) || /[\])）］]/.test(b)) return left + right;
  return `${left} ${right}`;
}
