/**
 * Characters of no width that pages, Word documents and crawler texts carry and a reader does not see:
 * zero-width space, non-joiner and joiner (U+200B–U+200D), word joiner (U+2060), a byte-order mark in
 * mid-text (U+FEFF) and the soft hyphen (U+00AD). They are noise wherever they stand — inside a label
 * (自然​人) or a number (1​2, still 12) — so every reader drops them. One home for the set: the HTML and
 * DOCX text clean-up, the text reader and the reading of value cells (value-token.ts) share it.
 */

/** The set as the inside of a regular expression's character class. */
export const INVISIBLE_CLASS = '\\u200b-\\u200d\\u2060\\ufeff\\u00ad';

const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'g');

/** Whether the UTF-16 unit is one of the invisible characters. */
export function isInvisibleCode(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff || code === 0xad;
}

/** The text without its invisible characters. */
export function dropInvisible(text: string): string {
  for (let i = 0; i < text.length; i++) if (isInvisibleCode(text.charCodeAt(i))) return text.replace(INVISIBLE, '');
  return text;
}
