/**
 * Label matching tolerant to what real reports do to the template's wording: full/half-width
 * punctuation, spaces and line breaks inside labels, different numbering styles, small typos
 * (2.其他法律行政止公开).
 */
import { foldWidth } from './numbers.js';

const NUMBERING = [
  /第[一二三四五六七八九十]+[项部分条]?/g,
  /[一二三四五六七八九十]+[、.．]/g,
  /[(（][一二三四五六七八九十\d]+[)）]/g,
  /\d+[、.．](?!\d)/g,
];

/** The label's words only: no numbering, punctuation, quotes or spaces. */
export function labelCore(label: string): string {
  let s = foldWidth(label);
  for (const re of NUMBERING) s = s.replace(re, '');
  return s.replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Length of the longest common subsequence (labels are short: O(n·m) is fine). */
export function lcs(a: string, b: string): number {
  if (!a || !b) return 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  const cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    for (let j = 0; j <= b.length; j++) prev[j] = cur[j];
  }
  return prev[b.length];
}

/** Dice-style similarity of two label cores by common subsequence: 1 for equal, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  return (2 * lcs(a, b)) / (a.length + b.length);
}

/** Share of `needle` found in order inside `hay` (1 when the needle is wholly contained). */
export function containment(needle: string, hay: string): number {
  if (!needle.length) return 0;
  return lcs(needle, hay) / needle.length;
}
