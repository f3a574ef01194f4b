import { cell, type TableCell } from '../model.js';
/** Small line-level helpers shared by the TXT parsers. */

/** Word's bookmark markers as text converters print them: `[bookmark: _Hlk66973412]`. */
const BOOKMARK = /\[bookmark:[^\]\n]*\]/g;

export function stripBookmarks(text: string): string {
  return text.replace(BOOKMARK, '');
}

/**
 * Trims ASCII and ideographic spaces (full-width spaces often pad numbers in Word tables). String.trim
 * covers U+3000 and U+00A0, and unlike a `\s+$` regex stays linear on lines with long inner gaps.
 */
export function trimCell(text: string): string {
  return text.trim();
}

/**
 * Numbering that starts a heading or a table row label: 一、 （一） (一) 1. 1、 1． and the item numbering
 * some reports print in brackets: （1） (2).
 */
export const NUMBERING_START = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[）)])/;

/** A top-level section heading line (一、总体情况): numbering then at least a few characters of title. */
export function isSectionHeading(line: string): boolean {
  return /^[一二三四五六七八九十]{1,2}、\S{4,}/.test(line) && line.length <= 40 && !/[。；]$/.test(line);
}

/** What a report's section headings over the template tables name (any numbering, any wording of these). */
const SECTION_TOPIC = /总体情况|主动公开|依申请公开|收到和处理|政府信息公开申请情况|行政复议、?(提起)?行政诉讼|复议诉讼|存在的主要问题|其他需要报告/;
/** A table's caption (表1 …, 附表2) or its unit line (单位：件, （单位：件）). */
const CAPTION = /^(附?表\s*[0-9０-９一二三四五六七八九十]+|[（(]?\s*单位\s*[:：])/;

/**
 * A line printed over a table rather than in it: a section heading in any numbering (2.主动公开情况,
 * （三）依申请公开情况, or none), a caption or a unit line. `columnHeader` says whether the line starts
 * with a column header's words (行政复议 …), which a heading never does.
 */
export function namesTableSection(line: string, columnHeader: boolean): boolean {
  const text = trimCell(line);
  if (CAPTION.test(text)) return text.length <= 40;
  return !columnHeader && text.length <= 40 && !/[。；]$/.test(text) && SECTION_TOPIC.test(text);
}

/** Page furniture between two pages of converted text: `-3-`, `- 3 -`, `第3页`, `3/10`, `第 3 页 共 10 页`, `-- 3 of 10 --` (pdf-parse). */
export function isPageNumberLine(line: string): boolean {
  const t = trimCell(line);
  return /^[-—–]\s*\d{1,4}\s*[-—–]$/.test(t) || /^--\s*\d{1,4}\s+of\s+\d{1,4}\s*--$/.test(t) || /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/.test(t) || /^\d{1,4}\s*\/\s*\d{1,4}$/.test(t);
}

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(ch);
}

/** Joins two pieces of one wrapped label or sentence: no space between Chinese characters, one otherwise. */
export function joinWrapped(left: string, right: string): string {
  if (!left) return right;
  if (!right) return left;
  return isCjk(left[left.length - 1]) && isCjk(right[0]) ? left + right : `${left} ${right}`;
}

/** joinWrapped over many pieces, judging each seam by its two neighbours (never re-reading the growing text). */
export function joinAllWrapped(pieces: string[]): string {
  const kept = pieces.filter(Boolean);
  return kept.map((p, i) => (i === 0 || (isCjk(kept[i - 1][kept[i - 1].length - 1]) && isCjk(p[0])) ? p : ` ${p}`)).join('');
}

/** Rows padded with empty strings at the end to the widest row: the dense grid the document model requires. */
export function padRows(rows: string[][]): string[][] {
  const width = rows.reduce((max, r) => Math.max(max, r.length), 0);
  return rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
}

/** Ragged rows as a dense grid: the padding is marked absent, so it is never read as printed blanks. */
export function denseCells(rows: string[][]): TableCell[][] {
  const width = rows.reduce((max, r) => Math.max(max, r.length), 0);
  return rows.map((r) => [...r.map((t) => cell(t)), ...Array.from({ length: width - r.length }, () => cell('', { absent: true }))]);
}
