/**
 * Label matching tolerant to what real reports do to the template's wording: full/half-width
 * punctuation, spaces and line breaks inside labels, different numbering styles, small typos
 * (2.其他法律行政止公开).
 */
import { memoString } from '../util/memo.js';
import { foldWidth } from './numbers.js';
import { dropInvisible } from '../../extractors/invisible.js';

const NUMBERING = [
  /第[一二三四五六七八九十]+[项部分条]?/g,
  /[一二三四五六七八九十]+[、.．]/g,
  /[(（][一二三四五六七八九十\d]+[)）]/g,
  /\d+[、.．](?!\d)/g,
];

/** The label's words only: no numbering, punctuation, quotes, spaces or characters of no width (extractors/invisible.ts). */
export const labelCore = memoString(computeLabelCore);

function computeLabelCore(label: string): string {
  let s = dropInvisible(foldWidth(label));
  for (const re of NUMBERING) s = s.replace(re, '');
  return s.replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Length of the longest common subsequence (labels are short: O(n·m) is fine). */
export function lcs(a: string, b: string): number {
  if (!a || !b) return 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = ca === b.charCodeAt(j - 1) ? prev[j - 1] + 1 : prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

const histogram = new Uint16Array(4096);

/** Characters the two strings share (with multiplicity, hashed): an upper bound of their LCS, in linear time. */
export function sharedCharacters(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) histogram[a.charCodeAt(i) & 4095]++;
  let shared = 0;
  for (let i = 0; i < b.length; i++) {
    const k = b.charCodeAt(i) & 4095;
    if (histogram[k] > 0) {
      histogram[k]--;
      shared++;
    }
  }
  for (let i = 0; i < a.length; i++) histogram[a.charCodeAt(i) & 4095] = 0;
  return shared;
}

/**
 * Dice-style similarity of two label cores by common subsequence: 1 for equal, 0 for nothing shared.
 * Below `floor` the exact value does not matter to callers, so the quadratic LCS is skipped when the
 * shared characters alone cannot reach it.
 */
export function similarity(a: string, b: string, floor = 0): number {
  if (!a.length || !b.length) return 0;
  if (floor > 0 && (2 * sharedCharacters(a, b)) / (a.length + b.length) < floor) return 0;
  return (2 * lcs(a, b)) / (a.length + b.length);
}

/** Share of `needle` found in order inside `hay` (1 when the needle is wholly contained). */
export function containment(needle: string, hay: string): number {
  if (!needle.length) return 0;
  return lcs(needle, hay) / needle.length;
}
