/**
 * Text clean-up shared by the structure modules: readers hand over text as printed, with PDF spacing
 * ("2024 年"), full-width digits and Word's escaped conditional comments; matching needs one spelling.
 */
import type { Block } from '../../extractors/model.js';
import { dropInvisible, isInvisibleCode } from '../../extractors/invisible.js';

const CJK = '\\u2e80-\\u2fff\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u201c\\u201d\\u2018\\u2019';
const SPACE_NEAR_CJK = new RegExp(`(?<=[${CJK}])\\s+|\\s+(?=[${CJK}])`, 'g');

/** Sentence-final punctuation: a text ending in one of these is a finished sentence. */
export const SENTENCE_END = /[。！？；!?;]$/;

/**
 * The structure modules each clean the same block texts (headings, metadata, prose, signature): the
 * cleaned text is remembered for the current document only (see startDocumentTexts), so nothing is
 * carried from one report to the next.
 */
const cleaned = new Map<string, string>();

/** Forgets the previous document's cleaned texts. */
export function startDocumentTexts(): void {
  cleaned.clear();
}

export function cleanText(raw: string): string {
  let text = cleaned.get(raw);
  if (text === undefined) {
    text = cleanTextUncached(raw);
    if (cleaned.size < MAX_CLEANED_PER_DOCUMENT) cleaned.set(raw, text);
  }
  return text;
}

const MAX_CLEANED_PER_DOCUMENT = 100_000;

function cleanTextUncached(raw: string): string {
  if (isClean(raw)) return raw;
  // Characters of no width (extractors/invisible.ts) are dropped, not spaced: 1\u200b2 is 12.
  return (
    dropInvisible(raw)
      // Word-pasted HTML sometimes keeps its list markers' conditional comments as visible text.
      .replace(/<!--\[if[^\]]*\]-->|<!--\[endif\]-->|<!\[endif\]-->|<!--\?xml[^>]*-->/g, '')
      .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/[\u00a0\u2002-\u200a]/g, ' ')
      // PDF text layers put spaces around numbers and between wrapped CJK lines; Chinese has no word spaces.
      .replace(SPACE_NEAR_CJK, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * True when no replacement in cleanTextUncached can change `text`: no '<' (every comment starts with
 * one), no full-width digit, no control character, no space of any kind (\s), no character of no width. Most lines of a
 * report (headings, cells, numbers) are such text.
 */
function isClean(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x3c || c === 0x7f) return false;
    if (c < 0xa0) continue;
    if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || isInvisibleCode(c) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || (c >= 0xff10 && c <= 0xff19)) return false;
  }
  return true;
}

/** Text reduced for comparing wordings: no spaces, no punctuation, ASCII brackets. */
export function compactText(text: string): string {
  return cleanText(text).replace(/[\s\p{P}\p{S}]/gu, '');
}

/** How many times a text reads a word, spaces ignored (OCR spaces characters out): off a scan, each an OCR reading of its own. */
export function timesRead(text: string, word: string): number {
  return text.replace(/\s+/g, '').split(word).length - 1;
}

/** The cleaned texts of the non-table blocks, empty ones dropped. */
export function blockTexts(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'table' ? [] : [cleanText(b.text)])).filter((t) => t && !isPageNumber(t));
}

/** A page number left in the text flow by a PDF or DOCX footer (-1-, 8, — 3 —, 第2页). */
export function isPageNumber(text: string): boolean {
  return /^[-—–\s]*\d{1,3}[-—–\s]*$|^第\d{1,3}页(?:共\d{1,3}页)?$|^\d{1,3}\/\d{1,3}$/.test(text.trim());
}
